"""/products.csv and /products.json: the product list's query as a download, nothing unpublished."""

import csv
import io
import json

import pytest
from django.conf import settings
from django.test import override_settings

from tests.factories import make_product
from tests.sample_catalog import add_valid_products, build_catalog, slugs_on_page

pytestmark = pytest.mark.django_db


def csv_rows(response) -> list[dict]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    lines = [line for line in text.splitlines() if not line.startswith("# ")]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


def json_body(response) -> dict:
    return json.loads(b"".join(response.streaming_content))


def slug_of(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


def test_ha_tinh_four_stars_hold_exactly_the_products_the_page_lists(client):
    build_catalog()
    for _ in range(11):
        make_product(stars=4)  # Hà Tĩnh: with kẹo cu đơ, the 12 four-star products of the seed report
    query = "?province=ha-tinh&stars=4"
    listed = slugs_on_page(client.get("/products/" + query).content.decode())

    rows = csv_rows(client.get("/products.csv" + query))
    body = json_body(client.get("/products.json" + query))

    assert len(listed) == 12
    assert [slug_of(row["url"]) for row in rows] == listed
    assert [slug_of(item["url"]) for item in body["products"]] == listed
    assert {row["stars"] for row in rows} == {"4"}


def test_rows_carry_the_certificate_and_the_public_address(client):
    catalog = build_catalog()

    row = next(r for r in csv_rows(client.get("/products.csv?province=ha-tinh")) if "keo-cu-do" in r["url"])
    certificate = catalog.keo.current_certificate

    assert row["url"] == f"{settings.SITE_URL}/products/keo-cu-do-thien-cam/"  # the public origin
    assert row["certificate_number"] == certificate.decision_number
    assert row["decision_date"] == certificate.decision_date.isoformat()
    assert row["expires_on"] == certificate.expires_on.isoformat()
    assert row["certificate_status"] == "valid"
    assert row["province"] == "Hà Tĩnh"


def test_every_download_has_a_licence_and_an_as_of_time(client):
    build_catalog()

    text = b"".join(client.get("/products.csv").streaming_content).decode("utf-8-sig")
    body = json_body(client.get("/products.json"))

    assert text.splitlines()[0].startswith("# ") and "CC BY 4.0" in text.splitlines()[0]
    assert text.splitlines()[1].startswith("# ") and "20" in text.splitlines()[1]
    assert "CC BY 4.0" in body["licence"] and body["as_of"].startswith("20")


def test_unpublished_products_never_appear(client):
    catalog = build_catalog()

    rows = csv_rows(client.get("/products.csv?status=all"))
    body = json_body(client.get("/products.json?status=all"))

    slugs = {slug_of(row["url"]) for row in rows}
    assert {slug_of(item["url"]) for item in body["products"]} == slugs
    assert catalog.draft.slug not in slugs and catalog.hidden_producer.slug not in slugs
    assert catalog.uncertified.slug in slugs


def test_cells_a_spreadsheet_would_run_are_neutralised(client):
    make_product(name='=HYPERLINK("http://evil")', stars=3)

    rows = csv_rows(client.get("/products.csv"))

    assert rows[0]["name"].startswith("'=")


@pytest.mark.parametrize("url", ["/products.csv", "/products.json?province=ha-tinh&q=keo"])
def test_query_count_does_not_grow_with_products(client, django_assert_num_queries, url):
    build_catalog()
    with django_assert_num_queries(3):
        b"".join(client.get(url).streaming_content)
    add_valid_products(30)
    with django_assert_num_queries(3):
        b"".join(client.get(url).streaming_content)


@override_settings(RATE_LIMITS={"opendata": (2, 60)})
def test_downloads_are_rate_limited(client):
    assert client.get("/products.csv").status_code == 200
    assert client.get("/products.json").status_code == 200

    response = client.get("/products.csv")

    assert response.status_code == 429 and response["Retry-After"]
