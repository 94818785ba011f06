"""The domain apps without their pages: models, querysets, certificate rules, admin, reference data."""
