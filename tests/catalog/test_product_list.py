import re

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from products.certificates import add_months
from products.filters import CatalogFilter
from products.models import Product
from tests.factories import make_producer, make_product
from tests.sample_catalog import add_valid_products, build_catalog, slugs_on_page

pytestmark = pytest.mark.django_db

URL = "/products/"


@pytest.fixture
def catalog():
    return build_catalog()


def listed(client, query: str = "") -> set[str]:
    response = client.get(URL + query)
    assert response.status_code == 200
    return set(slugs_on_page(response.content.decode()))


def test_default_list_shows_only_valid_public_products(client, catalog):
    assert listed(client) == catalog.valid


def test_default_list_hides_expired_revoked_uncertified_draft_and_hidden_producer(client, catalog):
    shown = listed(client)

    for product in (
        catalog.expired,
        catalog.revoked,
        catalog.uncertified,
        catalog.draft,
        catalog.hidden_producer,
    ):
        assert product.slug not in shown


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?province=ha-tinh", {"keo-cu-do-thien-cam", "nuoc-mam-thanh-huong", "mam-tom"}),
        (
            "?province=ha-tinh&province=ha-noi",
            {"keo-cu-do-thien-cam", "nuoc-mam-thanh-huong", "mam-tom", "tra-sen-tay-ho"},
        ),
        ("?stars=4", {"keo-cu-do-thien-cam"}),
        ("?stars=4&stars=5", {"keo-cu-do-thien-cam", "tra-sen-tay-ho"}),
        ("?stars=3", {"nuoc-mam-thanh-huong", "mam-tom", "keo-lac"}),
        ("?category=I.3.b", {"keo-cu-do-thien-cam", "keo-lac"}),
        ("?category=I.3", {"keo-cu-do-thien-cam", "keo-lac"}),
        (
            "?category=I",
            {"keo-cu-do-thien-cam", "keo-lac", "nuoc-mam-thanh-huong", "mam-tom", "tra-sen-tay-ho"},
        ),
        ("?category=II", set()),
        ("?kind=household", {"keo-cu-do-thien-cam"}),
        ("?kind=cooperative&kind=cooperative_group", {"tra-sen-tay-ho", "keo-lac"}),
        ("?youth=1", {"keo-cu-do-thien-cam", "tra-sen-tay-ho"}),
        ("?status=expiring", {"mam-tom"}),
        ("?status=expired", {"nuoc-mam-ruoc", "mam-cay"}),
        (
            "?status=all",
            {
                "keo-cu-do-thien-cam",
                "nuoc-mam-thanh-huong",
                "mam-tom",
                "nuoc-mam-ruoc",
                "mam-cay",
                "tra-sen-tay-ho",
                "keo-lac",
                "tuong",
            },
        ),
    ],
)
def test_each_filter_alone(client, catalog, query, expected):
    assert listed(client, query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?province=ha-tinh&stars=4", {"keo-cu-do-thien-cam"}),
        ("?province=ha-tinh&stars=4&status=all", {"keo-cu-do-thien-cam", "nuoc-mam-ruoc"}),
        ("?province=ha-tinh&status=expired", {"nuoc-mam-ruoc", "mam-cay"}),
        ("?province=ha-tinh&category=I.4&stars=3", {"nuoc-mam-thanh-huong", "mam-tom"}),
        ("?youth=1&stars=5&province=ha-noi", {"tra-sen-tay-ho"}),
        ("?youth=1&kind=household&category=I.3.b", {"keo-cu-do-thien-cam"}),
        ("?q=keo&province=nghe-an", {"keo-lac"}),
        ("?q=mam&status=all&stars=4", {"nuoc-mam-ruoc"}),
        ("?province=nghe-an&stars=5", set()),
    ],
)
def test_filters_combined(client, catalog, query, expected):
    assert listed(client, query) == expected


def test_number_of_results_is_shown(client, catalog):
    response = client.get(URL + "?province=ha-tinh", HTTP_ACCEPT_LANGUAGE="vi")

    assert "Tìm thấy 3 sản phẩm" in response.content.decode()
    assert response.context["paginator"].count == 3


def facet_counts(client, query: str) -> dict[str, dict[str, int]]:
    response = client.get(URL + query)
    return {name: {o.value: o.count for o in options} for name, options in response.context["facets"].items()}


def test_facet_counts_give_the_results_each_option_would_show(client, catalog):
    facets = facet_counts(client, "?province=ha-tinh&stars=4")

    # Stars are counted without the stars filter: Hà Tĩnh has two valid 3★ and one 4★.
    assert facets["stars"] == {"3": 2, "4": 1, "5": 0}
    # Provinces are counted without the province filter: 4★ products per province.
    assert facets["province"]["ha-tinh"] == 1 and facets["province"]["ha-noi"] == 0
    assert facets["status"] == {"valid": 1, "expiring": 0, "expired": 1, "all": 2}
    assert (
        facets["category"]["I"] == 1 and facets["category"]["I.3.b"] == 1 and facets["category"]["I.4.a"] == 0
    )
    assert facets["kind"] == {"enterprise": 0, "cooperative": 0, "cooperative_group": 0, "household": 1}
    assert facets["youth"] == {"1": 1}


def test_facet_counts_match_the_filtered_results(client, catalog):
    facets = facet_counts(client, "?stars=3")
    checks = [("province", "ha-tinh"), ("province", "nghe-an"), ("province", "ha-noi"), ("category", "I.4")]
    checks += [("kind", value) for value in facets["kind"]] + [("youth", "1")]
    checks += [("status", value) for value in facets["status"]]

    for name, value in checks:
        assert len(listed(client, f"?stars=3&{name}={value}")) == facets[name][value], (name, value)


def test_category_facet_rolls_sets_up_to_subgroups_and_groups(client, catalog):
    facets = facet_counts(client, "")

    assert facets["category"]["I.3.b"] == 2
    assert facets["category"]["I.3"] == 2
    assert facets["category"]["I.4"] == 2
    assert facets["category"]["I"] == 5
    assert facets["category"]["II"] == 0


def test_pagination_shows_24_a_page_and_keeps_the_filters(client):
    add_valid_products(30, stars=4)

    first = client.get(URL + "?province=ha-tinh&stars=4")
    second = client.get(URL + "?province=ha-tinh&stars=4&page=2")

    assert len(slugs_on_page(first.content.decode())) == 24
    assert len(slugs_on_page(second.content.decode())) == 6
    assert 'href="?province=ha-tinh&amp;stars=4&amp;page=2"' in first.content.decode()
    assert not set(slugs_on_page(first.content.decode())) & set(slugs_on_page(second.content.decode()))


@pytest.mark.parametrize(
    ("query", "notice"),
    [
        ("?province=atlantis", "atlantis"),
        ("?stars=9", "9"),
        ("?category=Z.9", "Z.9"),
        ("?status=forever", "forever"),
        ("?sort=price", "price"),
        ("?kind=robot", "robot"),
        ("?youth=yes", "yes"),
    ],
)
def test_unknown_values_are_ignored_with_a_message(client, catalog, query, notice):
    response = client.get(URL + query)

    assert response.status_code == 200
    assert any(notice in message for message in response.context["notices"])
    assert set(slugs_on_page(response.content.decode())) == catalog.valid


def test_an_unknown_province_does_not_drop_the_known_one(client, catalog):
    response = client.get(URL + "?province=ha-tinh&province=atlantis&stars=9&stars=4")

    assert set(slugs_on_page(response.content.decode())) == {"keo-cu-do-thien-cam"}
    assert len(response.context["notices"]) == 2


@pytest.mark.parametrize("page", ["abc", "0", "-1", "1.5", ""])
def test_a_malformed_page_number_shows_the_first_page(client, catalog, page):
    response = client.get(URL + f"?page={page}")

    assert response.status_code == 200
    assert response.context["page_obj"].number == 1
    assert set(slugs_on_page(response.content.decode())) == catalog.valid


@pytest.mark.parametrize("page", ["0", "-1", "-99999"])
def test_a_page_below_one_shows_the_first_page_not_the_last(client, page):
    add_valid_products(30)

    response = client.get(URL + f"?page={page}")

    assert response.status_code == 200
    assert response.context["page_obj"].number == 1
    assert len(slugs_on_page(response.content.decode())) == 24
    assert f"“{page}”" in response.context["notices"][-1]


def test_a_page_past_the_end_shows_the_last_page_with_a_message(client):
    add_valid_products(30)

    response = client.get(URL + "?page=99999")

    assert response.status_code == 200
    assert response.context["page_obj"].number == 2
    assert "99999" in response.context["notices"][-1]
    assert len(slugs_on_page(response.content.decode())) == 6


def test_paging_stops_at_the_deepest_page_with_an_invitation_to_narrow(client, monkeypatch):
    monkeypatch.setattr("products.views.MAX_PAGES", 2)
    add_valid_products(80)  # four pages of 24

    deepest = client.get(URL + "?page=2")
    beyond = client.get(URL + "?page=4")

    assert deepest.context["page_obj"].number == 2
    assert 'rel="next"' not in deepest.content.decode()
    assert "Chỉ hiển thị 2 trang kết quả đầu tiên. Hãy thu hẹp" in deepest.context["notices"][-1]
    assert beyond.context["page_obj"].number == 2
    assert "Hãy thu hẹp" in beyond.context["notices"][-1]
    assert slugs_on_page(beyond.content.decode()) == slugs_on_page(deepest.content.decode())


def test_a_10000_character_query_is_shortened_not_an_error(client, catalog):
    response = client.get(URL, {"q": "keo " * 2500})

    assert response.status_code == 200
    assert len(response.context["filter"].form.cleaned_data["q"]) <= 200
    assert set(slugs_on_page(response.content.decode())) == {"keo-cu-do-thien-cam", "keo-lac"}


def test_empty_and_repeated_parameters_are_harmless(client, catalog):
    response = client.get(
        URL + "?province=&stars=&q=&category=&status=&sort=&page=&youth=&kind=&status=all&status=valid"
    )

    assert response.status_code == 200
    assert response.context["notices"] == []
    assert set(slugs_on_page(response.content.decode())) == catalog.valid


def test_query_made_only_of_punctuation_lists_everything(client, catalog):
    assert listed(client, "?q=%25%25_%27%22%3B--") == catalog.valid


def test_sort_orders(client, catalog):
    def order(query):
        return slugs_on_page(client.get(URL + query).content.decode())

    assert order("?sort=stars")[:2] == ["tra-sen-tay-ho", "keo-cu-do-thien-cam"]
    assert order("?sort=name") == [
        "keo-cu-do-thien-cam",
        "keo-lac",
        "mam-tom",
        "nuoc-mam-thanh-huong",
        "tra-sen-tay-ho",
    ]
    assert order("?sort=newest")[0] == "keo-lac"  # the last valid one created


def test_every_card_states_its_certificate_and_no_expired_card_looks_valid(client, catalog):
    html = client.get(URL + "?status=expired").content.decode()

    assert "badge-valid" not in html and "badge-expiring" not in html
    assert html.count("badge-expired") == 2  # expired with its date, and revoked
    assert "Chứng nhận đã bị thu hồi" in html
    assert "badge-none" not in html  # every certificate revoked: "revoked", not "no certificate"


def test_list_page_has_labelled_controls(client, catalog):
    html = client.get(URL).content.decode()

    for control_id in ("id_q", "id_category", "id_sort"):
        assert f'for="{control_id}"' in html and f'id="{control_id}"' in html


def test_product_cards_sit_under_a_results_heading_not_under_the_filters(client, catalog):
    html = client.get(URL).content.decode()

    before_first_card = html[: html.index('class="card-title"')]
    last_h2 = re.findall(r"<h2\b[^>]*>(.*?)</h2>", before_first_card, re.S)[-1]
    assert last_h2.strip() in ("Kết quả", "Results")


def test_product_list_url_builds_the_public_query_string():
    from products.filters import product_list_url

    assert product_list_url(province="ha-tinh", stars=4, q="") == reverse("products:product_list") + (
        "?province=ha-tinh&stars=4"
    )


def test_filterset_is_bound_without_parameters_so_the_default_applies(catalog):
    filterset = CatalogFilter(data=None, queryset=Product.objects.published())

    assert {p.slug for p in filterset.qs} == catalog.valid


# Query counts --------------------------------------------------------------------------------

# Nothing kept: provinces, categories, count, the page's keys, its cards (products + photos), and the
# facet counts (one query); 0 with everything kept (tests/bench/test_bench_smoke.py).
LIST_QUERIES = 7


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?province=ha-tinh&stars=4",
        "?q=keo+cu+do&category=I&youth=1&kind=household",
        "?status=all&sort=newest&page=2",
        "?status=expired&province=ha-tinh&province=ha-noi",
    ],
)
def test_list_query_count_does_not_grow_with_products(client, django_assert_num_queries, query):
    producer = make_producer(youth_led=True, kind="household")
    long_ago = add_months(timezone.localdate(), -40)

    def add(count):
        for _ in range(count):
            make_product(producer=producer, name="Kẹo cu đơ", stars=4)
            make_product(producer=producer, name="Kẹo cu đơ cũ", stars=4, decision_date=long_ago)

    add(13)
    with django_assert_num_queries(LIST_QUERIES):
        response = client.get(URL + query)
    assert slugs_on_page(response.content.decode())

    add(20)
    with django_assert_num_queries(LIST_QUERIES):
        client.get(URL + query)


def test_chosen_provinces_are_listed_first_in_their_filter(client, catalog):
    response = client.get(URL + "?province=nghe-an&province=ha-tinh")

    options = response.context["facets"]["province"]
    assert [o.value for o in options[:2]] == ["ha-tinh", "nghe-an"]
    assert len(options) == 34 and not any(o.selected for o in options[2:])


def test_nul_bytes_and_odd_characters_in_every_parameter_are_harmless(client, catalog):
    odd = "ha-tinh\x00'; DROP TABLE--%_\\"
    params = dict.fromkeys(("province", "stars", "category", "kind", "youth", "status", "sort", "page"), odd)

    response = client.get(URL, {**params, "q": "keo\x00%_"})

    assert response.status_code == 200
    assert set(slugs_on_page(response.content.decode())) == {"keo-cu-do-thien-cam", "keo-lac"}
    assert len(response.context["notices"]) == 8  # every filter says what it ignored, and the page


@pytest.mark.django_db
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    params=st.dictionaries(
        st.sampled_from(
            ["province", "stars", "category", "kind", "youth", "status", "sort", "page", "q", "x"]
        ),
        st.lists(st.text(max_size=30), max_size=3),
    )
)
def test_no_query_string_breaks_the_list(client, catalog, params):
    response = client.get(URL, params)

    assert response.status_code == 200
    # The real count: the catalog fits one page, so it is the number of cards the page shows.
    shown = slugs_on_page(response.content.decode())
    assert response.context["paginator"].count == len(shown) == len(set(shown))
    assert set(shown) <= set(Product.objects.published().values_list("slug", flat=True))


def test_each_chosen_filter_has_a_link_that_removes_only_it(client, catalog):
    response = client.get(URL + "?q=keo&province=ha-tinh&province=nghe-an&stars=4&status=all&page=2")

    chips = {chip["label"]: chip["url"] for chip in response.context["active_filters"]}
    assert chips == {
        "Hà Tĩnh": "/products/?province=nghe-an&stars=4&status=all&q=keo",
        "Nghệ An": "/products/?province=ha-tinh&stars=4&status=all&q=keo",
        "4 sao": "/products/?province=ha-tinh&province=nghe-an&status=all&q=keo",
        "Tất cả": "/products/?province=ha-tinh&province=nghe-an&stars=4&q=keo",
    }


def test_status_conditions_and_queryset_methods_give_literal_lists_on_a_fixed_day(db):
    """On 15 June 2030: literal expiry dates around the last day and the 90-day window."""
    import datetime

    from products.models import certificate_status_conditions
    from tests.factories import make_certificate

    day = datetime.date(2030, 6, 15)
    for name, expires_on in (
        ("hết 14/6", datetime.date(2030, 6, 14)),
        ("hết 15/6", datetime.date(2030, 6, 15)),
        ("hết 16/6", datetime.date(2030, 6, 16)),
        ("hết 13/9", datetime.date(2030, 9, 13)),  # the 90th day after 15 June
        ("hết 14/9", datetime.date(2030, 9, 14)),
    ):
        product = make_product(name=name, stars=None)
        make_certificate(
            product=product, stars=4, decision_date=datetime.date(2027, 6, 1), expires_on=expires_on
        )
    make_product(name="chưa chứng nhận", stars=None)
    expected = {
        "valid": {"hết 15/6", "hết 16/6", "hết 13/9", "hết 14/9"},
        "expiring": {"hết 15/6", "hết 16/6", "hết 13/9"},
        "expired": {"hết 14/6"},
    }
    conditions = certificate_status_conditions(day)
    products = Product.objects.all()

    def names(queryset):
        return set(queryset.values_list("name", flat=True))

    assert {status: names(products.filter(conditions[status])) for status in expected} == expected
    assert names(products.certified_valid_on(day)) == expected["valid"]
    assert names(products.expiring_on(day)) == expected["expiring"]
    assert names(products.expired_on(day)) == expected["expired"]
