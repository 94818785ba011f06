"""Fixtures of the demo tests (shared ones live in tests/conftest.py)."""
