"""Fixtures of the domain tests (shared ones live in tests/conftest.py)."""
