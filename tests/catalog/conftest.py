"""Fixtures of the catalog tests (shared ones live in tests/conftest.py)."""
