"""The catalogue: categories, products, certificates (all their rules), photos, imports, public pages."""
