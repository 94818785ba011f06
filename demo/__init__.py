"""Demo and scale data for the catalog, and the benchmark that measures public pages at scale."""
