"""Fixtures of the project tests (shared ones live in tests/conftest.py)."""
