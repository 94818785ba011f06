"""Bench smoke (issue 8): every bench page answers 200 with a bounded query count that does not grow.

The pages are those of ``make bench`` (``demo.bench.bench_pages``), requested with the test
client at 1,000 and at 3,000 generated products. No timing is asserted here: speed is
measured by ``make bench`` and recorded in docs/performance.md.
"""

import pytest
from django.test import Client

from demo.bench import PAGE_KEYS

# The most queries one request to each page may run when nothing is kept: the first request
# after a write to the catalog, which computes the counts kept per catalog version.
QUERY_BOUNDS = {
    "robots": 0,
    "home": 9,
    "list": 7,
    "filtered": 7,
    "search": 7,
    "search_long": 7,
    "deep_page": 7,
    "product": 9,  # is it published, then the product, photos, certificates, standards, channels,
    # related products (keys and cards) and "featured in"
    "producer": 6,
    "province": 13,
    "sitemap_index": 9,
    "sitemap_section": 2,  # its count and its rows; 1 once the count is kept (summary cache)
}

# The queries of every later request (counts, product keys and product cards kept per catalog
# version, ``catalog_version.summary``), exactly: the target is at most 6 a page, 8 for
# the product list.
KEPT_QUERIES = {
    "robots": 0,
    "home": 0,
    "list": 0,  # the filter's choices, the count, the page's product keys and its cards are kept
    "filtered": 0,
    "search": 0,
    "search_long": 0,
    "deep_page": 0,
    "product": 1,  # is it published (the rest of its context is kept)
    "producer": 1,  # the producer (its product keys, cards and "featured in" are kept)
    "province": 1,  # the province
    "sitemap_index": 0,  # the index's XML is kept
    "sitemap_section": 0,  # the section's XML is kept
}

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_the_bench_pages_are_the_bounded_ones():
    assert tuple(QUERY_BOUNDS) == PAGE_KEYS


def test_every_bench_page_answers_200_at_both_sizes(bench_at_two_sizes):
    statuses = {
        (size, key): result["status"]
        for size, round_ in bench_at_two_sizes.items()
        for key, result in round_.counts.items()
    }

    assert set(statuses.values()) == {200}
    assert len(statuses) == 2 * len(PAGE_KEYS)


def test_query_counts_are_within_their_bounds(bench_at_two_sizes):
    for size, round_ in bench_at_two_sizes.items():
        over = {
            key: result["queries"]
            for key, result in round_.counts.items()
            if result["queries"] > QUERY_BOUNDS[key]
        }
        assert not over, f"{size:,} products: {over} (bounds: {QUERY_BOUNDS})"


def test_kept_query_counts_meet_the_target_at_both_sizes(bench_at_two_sizes):
    for size, round_ in bench_at_two_sizes.items():
        kept = {key: result["queries"] for key, result in round_.kept.items()}
        assert kept == KEPT_QUERIES, f"{size:,} products: {kept}"


def test_query_counts_are_the_same_at_1000_and_3000_products(bench_at_two_sizes):
    small, large = (
        {key: result["queries"] for key, result in round_.counts.items()}
        for round_ in bench_at_two_sizes.values()
    )

    assert small == large


def test_searches_and_filters_of_the_bench_find_products(bench_at_two_sizes):
    client = Client()
    pages = {page.key: page.path for page in bench_at_two_sizes[3000].pages}

    assert "Nước mắm" in client.get(pages["search"]).content.decode()
    assert "Kẹo cu đơ" in client.get(pages["search_long"]).content.decode()
    filtered = client.get(pages["filtered"])
    assert filtered.context["page_obj"].paginator.count > 0
    product = client.get(pages["product"])
    assert product.context["product"].producer.get_absolute_url() == pages["producer"]
