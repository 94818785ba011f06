"""Issue 12, item 2: the producer directory at /producers/ and paginated producer pages."""

import pytest

from producers.models import Producer
from products.models import Standard
from tests.factories import make_producer, make_product
from tests.sample_catalog import build_catalog

pytestmark = pytest.mark.django_db


def names(response) -> list[str]:
    return [producer.slug for producer in response.context["page_obj"].object_list]


def option(response, facet: str, value: str):
    return next(o for o in response.context["facets"][facet] if o.value == value)


@pytest.fixture
def catalog():
    catalog = build_catalog()
    Producer.objects.filter(slug="thanh-huong").update(women_led=True)
    Producer.objects.filter(slug="lac-nam-dan").update(ethnic_minority=True)
    vietgap, _ = Standard.objects.get_or_create(
        code="vietgap", defaults={"name_vi": "VietGAP", "name_en": "VietGAP"}
    )
    catalog.tra.standards.add(vietgap)
    return catalog


def test_directory_lists_published_producers_with_counts(client, catalog):
    response = client.get("/producers/")
    html = response.content.decode()

    assert names(response) == ["keo-ba-ly", "thanh-huong", "sen-tay-ho", "lac-nam-dan"]
    assert "draft-producer" not in html
    assert option(response, "province", "ha-tinh").count == 2
    assert option(response, "kind", "enterprise").count == 1
    assert option(response, "flags", "youth").count == 2
    assert option(response, "flags", "women").count == 1 and option(response, "flags", "ethnic").count == 1
    assert option(response, "category", "I").count == 4
    assert option(response, "standard", "vietgap").count == 1


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("province=ha-tinh", ["keo-ba-ly", "thanh-huong"]),
        ("province=ha-tinh&kind=enterprise", ["thanh-huong"]),
        ("youth=1", ["keo-ba-ly", "sen-tay-ho"]),
        ("women=1", ["thanh-huong"]),
        ("ethnic=1", ["lac-nam-dan"]),
        ("standard=vietgap", ["sen-tay-ho"]),
        ("category=II", []),
        (
            "province=atlantis&kind=spaceship&category=XX",
            ["keo-ba-ly", "thanh-huong", "sen-tay-ho", "lac-nam-dan"],
        ),
    ],
)
def test_directory_filters(client, catalog, query, expected):
    response = client.get("/producers/?" + query)
    assert response.status_code == 200 and names(response) == expected
    if "atlantis" in query:
        assert "atlantis" in response.content.decode() and response.context["ignored"] == [
            "atlantis",
            "spaceship",
            "XX",
        ]


def test_counts_leave_out_their_own_facet(client, catalog):
    response = client.get("/producers/?province=ha-tinh")
    assert option(response, "province", "nghe-an").count == 1  # what choosing it would add
    assert (
        option(response, "kind", "enterprise").count == 1
        and option(response, "kind", "cooperative").count == 0
    )


def test_directory_query_count_is_flat(client, catalog, django_assert_max_num_queries):
    url = "/producers/?province=ha-tinh&youth=1&category=I&standard=vietgap"
    with django_assert_max_num_queries(14) as few:
        client.get(url)
    for n in range(30):
        make_product(producer=make_producer(slug=f"extra-{n}"), stars=3)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def test_producer_page_paginates_its_products(client, catalog):
    producer = catalog.keo.producer
    for _ in range(25):
        make_product(producer=producer, stars=3)
    first = client.get(producer.get_absolute_url())
    second = client.get(producer.get_absolute_url() + "?page=2")
    assert len(first.context["products"]) == 24 and len(second.context["products"]) == 2
    assert 'rel="next"' in first.content.decode()
