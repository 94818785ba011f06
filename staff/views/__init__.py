"""The staff pages, by subject: dashboard, producers, products, imports, list exports, publication."""
