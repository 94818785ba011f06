"""/api/v1/: read-only JSON with the product list's filters, pagination, and a valid OpenAPI schema."""

import pytest
from openapi_spec_validator import validate

from tests.factories import make_product
from tests.sample_catalog import add_valid_products, build_catalog, slugs_on_page

pytestmark = pytest.mark.django_db


def slug_of(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


def test_the_schema_is_valid_openapi_and_lists_every_endpoint(client):
    document = client.get("/api/v1/openapi.json").json()

    validate(document)
    assert set(document["paths"]) == {"/products/", "/producers/", "/provinces/", "/categories/"}


def test_products_are_the_ones_the_list_shows_for_the_same_query(client):
    build_catalog()
    for _ in range(11):
        make_product(stars=4)
    query = "?province=ha-tinh&stars=4"
    listed = slugs_on_page(client.get("/products/" + query).content.decode())

    body = client.get("/api/v1/products/" + query).json()

    assert body["count"] == 12 == len(listed)
    assert [slug_of(item["url"]) for item in body["results"]] == listed
    assert "CC BY 4.0" in body["licence"] and body["as_of"]


def test_products_are_paginated_with_links(client):
    add_valid_products(5)

    first = client.get("/api/v1/products/?page_size=2").json()
    last = client.get(first["next"].replace("http://testserver", "")).json()
    beyond = client.get("/api/v1/products/?page_size=2&page=abc").json()

    assert (first["count"], first["pages"], len(first["results"]), first["previous"]) == (5, 3, 2, None)
    assert last["page"] == 2 and last["previous"]
    assert beyond["page"] == 1


def test_unpublished_data_never_appears(client):
    catalog = build_catalog()

    products = client.get("/api/v1/products/?status=all&page_size=100").json()["results"]
    producers = client.get("/api/v1/producers/?page_size=100").json()["results"]

    slugs = {slug_of(item["url"]) for item in products}
    assert catalog.draft.slug not in slugs and catalog.hidden_producer.slug not in slugs
    assert "draft-producer" not in {slug_of(item["url"]) for item in producers}


def test_producers_provinces_and_categories(client):
    build_catalog()

    producers = client.get("/api/v1/producers/?province=ha-tinh&youth=1").json()
    provinces = client.get("/api/v1/provinces/?page_size=100").json()
    categories = client.get("/api/v1/categories/?page_size=100").json()

    assert [p["name"] for p in producers["results"]] == ["Cơ sở Kẹo cu đơ Bà Lý"]
    assert provinces["count"] == 34
    assert {p["slug"]: p["valid_products"] for p in provinces["results"]}["ha-tinh"] == 3
    assert categories["results"][0]["parent"] is None


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        ("/api/v1/products/?province=ha-tinh", 4),  # the filter's provinces and categories, count, page
        ("/api/v1/producers/", 2),  # count, page
        ("/api/v1/provinces/", 3),  # valid products per province, count, page
    ],
)
def test_query_count_does_not_grow_with_data(client, django_assert_num_queries, url, queries):
    build_catalog()
    with django_assert_num_queries(queries):
        client.get(url)
    add_valid_products(20)
    with django_assert_num_queries(queries):
        client.get(url)
