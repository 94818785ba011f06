"""Scale data built once per module, at one or two sizes, rolled back when the module ends."""

from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client, override_settings

from demo.bench import bench_pages, count_page_queries
from demo.scale import build_scale_catalog

SMOKE_SIZES = (1000, 3000)


@pytest.fixture(scope="module")
def scale_1000(django_db_setup, django_db_blocker):
    """1,000 generated products with photos."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_scale_catalog(products=1000)
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def bench_at_two_sizes(django_db_setup, django_db_blocker):
    """Every bench page requested at 1,000 and at 3,000 products: statuses, query counts, pages.

    The cache is emptied before each round, so ``counts`` are those of a request that no
    cache answers; ``kept`` are those of a second request with the counts kept per catalog
    version (``CATALOG_SUMMARY_CACHE``, on in production) and the page cache off.
    """
    rounds = {}
    with django_db_blocker.unblock(), transaction.atomic():
        for size in SMOKE_SIZES:
            build_scale_catalog(products=size)
            cache.clear()
            pages = bench_pages()
            counts = count_page_queries(Client(), pages)
            with override_settings(CATALOG_SUMMARY_CACHE=True):
                kept = count_page_queries(Client(), pages, prime=True)
            rounds[size] = SimpleNamespace(pages=pages, counts=counts, kept=kept)
        yield rounds
        transaction.set_rollback(True)
