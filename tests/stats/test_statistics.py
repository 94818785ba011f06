"""/statistics/: every chart's numbers are what /products/ lists for the same query string."""

import datetime
import html
import re

import pytest
from django.utils import timezone

from producers.models import OfficialTotal
from products.certificates import add_months
from tests.factories import make_certificate, make_product, province
from tests.sample_catalog import add_valid_products, build_catalog, slugs_on_page

pytestmark = pytest.mark.django_db

URL = "/statistics/"
QUERIES = 13  # the filter's provinces and categories, one or two GROUP BY per chart, official figures
LINKED_CELL = re.compile(r'<td class="number"><a href="(/products/\?[^"]*)">([\d.,]+)</a></td>')


def linked_numbers(page: str) -> list[tuple[str, int]]:
    """Every table number that links to the product list: (its link, the number shown)."""
    return [(html.unescape(url), int(re.sub(r"\D", "", n))) for url, n in LINKED_CELL.findall(page)]


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?province=ha-tinh&stars=4",
        "?status=all",
        "?status=expired",
        "?category=I.3&youth=1",
        "?kind=enterprise",
    ],
)
def test_every_linked_number_is_what_the_product_list_lists(client, query):
    build_catalog()
    page = client.get(URL + query).content.decode()

    numbers = linked_numbers(page)

    assert numbers, "the page links its numbers to the product list"
    for url, shown in numbers:
        assert len(slugs_on_page(client.get(url).content.decode())) == shown, url


def test_province_bars_count_valid_products_by_star(client):
    build_catalog()

    chart = client.get(URL + "?order=name").context["province_chart"]

    bars = {bar.label: [s.value for s in bar.segments] for bar in chart.bars}
    assert bars["Hà Tĩnh"] == [0, 1, 2]  # 5★, 4★, 3★: kẹo 4★; mắm and mắm tôm (expiring) 3★
    assert bars["Hà Nội"] == [1, 0, 0]  # the draft 5★ is never counted
    assert bars["Nghệ An"] == [0, 0, 1]
    assert len(chart.bars) == 34
    assert [bar.label for bar in chart.bars][:2] == ["An Giang", "Bắc Ninh"]


def test_provinces_are_ordered_by_count_by_default(client):
    build_catalog()
    add_valid_products(2, province_slug="nghe-an")

    labels = [bar.label for bar in client.get(URL).context["province_chart"].bars]

    assert labels[:3] == ["Hà Tĩnh", "Nghệ An", "Hà Nội"]


def test_certifications_per_year_and_re_ratings(client):
    today = timezone.localdate()
    product = make_product(stars=3, decision_date=add_months(today, -30))
    make_certificate(product=product, stars=4, decision_date=today - datetime.timedelta(days=5))
    product.sync_current_certificate()
    make_product(stars=3, decision_date=add_months(today, -30))

    context = client.get(URL).context
    years, ratings = context["history_charts"]

    by_year = {bar.label: bar.total for bar in years.bars}
    assert by_year[str((today - datetime.timedelta(days=5)).year)] >= 1
    assert sum(by_year.values()) == 3
    assert [(bar.label, bar.total) for bar in ratings.bars] == [("3★ → 4★", 1)]


def test_expiry_by_month_and_lapses_by_province(client):
    build_catalog()

    context = client.get(URL).context

    # Only "mắm tôm" (30 days left) ends within a year; the others were certified 100 days ago.
    ends = timezone.localdate() + datetime.timedelta(days=30)
    month = (ends.year - timezone.localdate().year) * 12 + ends.month - timezone.localdate().month
    assert [bar.total for bar in context["expiring_chart"].bars] == [int(n == month) for n in range(12)]
    rows = {row["province"].slug: row for row in context["lapse_rows"]}
    assert rows["ha-tinh"]["expiring"] == 1
    assert rows["ha-tinh"]["lapsed"] == 1
    assert rows["ha-tinh"]["revoked"] == 1


def test_producers_by_kind_and_flags(client):
    build_catalog()

    kinds, flags = client.get(URL + "?province=ha-tinh").context["producer_charts"]

    # Enterprise, cooperative, cooperative group, household: Hà Tĩnh has one enterprise, one household.
    assert [bar.total for bar in kinds.bars] == [1, 0, 0, 1]
    assert [bar.total for bar in flags.bars] == [1, 0, 0]


def test_charts_are_accessible_svg_with_a_table(client):
    build_catalog()

    page = client.get(URL).content.decode()

    svgs = re.findall(r"<svg [^>]*>", page)
    assert len(svgs) >= 6
    for svg in svgs:
        assert "aria-labelledby=" in svg
    assert 'role="img"' in page and 'aria-label="Hà Tĩnh, ' in page  # linked bars have names
    assert page.count("<title id=") == len(svgs)
    assert page.count("<desc id=") == len(svgs)
    assert page.count('<table class="chart-table"') >= len(svgs)
    assert "<script" not in page


def test_bad_query_values_are_dropped_with_a_notice(client):
    build_catalog()

    response = client.get(URL + "?province=atlantis&stars=9&order=%00&status=x")

    assert response.status_code == 200
    assert len(response.context["notices"]) == 3


def test_the_page_says_what_it_counts_as_of_when_and_from_where(client):
    build_catalog()
    before = timezone.localdate()

    lead = re.search(r'<p class="lead">(.*?)</p>', client.get(URL).content.decode(), re.S).group(1)

    assert "Đếm từ các hồ sơ đã công bố trong danh mục" in lead and "Nguồn: danh mục này" in lead
    as_of = re.search(r"tính đến \d{2}:\d{2} (\d{2}/\d{2}/\d{4})\.", lead)  # not "Ngày 29 tháng 11"
    assert as_of, lead
    assert datetime.datetime.strptime(as_of[1], "%d/%m/%Y").date() in {before, timezone.localdate()}


def test_english_page(client):
    build_catalog()

    response = client.get("/en/statistics/")

    assert response.status_code == 200
    assert "Products by province and star level" in response.content.decode()


@pytest.mark.parametrize("query", ["", "?province=ha-tinh&status=all&order=name"])
def test_query_count_does_not_grow_with_products(client, django_assert_num_queries, query):
    build_catalog()
    OfficialTotal.objects.create(province=province("ha-tinh"), as_of=datetime.date(2023, 9, 16), total=250)
    with django_assert_num_queries(QUERIES):
        client.get(URL + query)

    add_valid_products(15)
    add_valid_products(5, province_slug="ha-noi", stars=5)
    with django_assert_num_queries(QUERIES):
        client.get(URL + query)


def test_promotion_results_by_year_each_measure_its_own_chart(client):
    from tests.promotion.scenario import build_promotion

    build_promotion(build_catalog())

    everywhere = {
        c.slug: {b.label: b.total for b in c.bars} for c in client.get(URL).context["promotion_charts"]
    }
    ha_tinh = client.get(URL + "?province=ha-tinh").context["promotion_charts"]

    # The latest published figure of each activity: not the pending 15 million, nor a draft's.
    assert everywhere == {
        "promotion-reach": {"2023": 14_800_000},
        "promotion-live-viewers": {"2023": 300_000},
        "promotion-views": {"2023": 1_400_000, "2024": 50_000},  # 2024: a national campaign
        "promotion-revenue": {"2023": 485_000_000},
    }
    assert {c.slug: {b.label: b.total for b in c.bars} for c in ha_tinh}["promotion-views"] == {
        "2023": 1_400_000
    }
