import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """The statistics page and downloads are rate-limited per address: each test starts a new budget."""
    cache.clear()
