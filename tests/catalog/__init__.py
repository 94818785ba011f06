"""The public catalog: home, product list and search, product, producer and province pages."""
