"""Official totals: recorded per province (scoped in admin), shown against the catalog's count."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError

from producers.models import OfficialTotal
from tests.factories import make_staff, province
from tests.sample_catalog import add_valid_products, build_catalog

pytestmark = pytest.mark.django_db

SEED = {"as_of": datetime.date(2023, 9, 16), "total": 250, "stars_5": 0, "stars_4": 12, "stars_3": 238}


def record(slug="ha-tinh", **fields) -> OfficialTotal:
    values = {**SEED, "source": "Báo cáo diễn đàn, 16/9/2023", **fields}
    figure = OfficialTotal(province=province(slug), **values)
    figure.full_clean()
    figure.save()
    return figure


def test_star_levels_must_add_up_to_the_total():
    with pytest.raises(ValidationError):
        record(stars_3=237)
    with pytest.raises(ValidationError):
        record(stars_4=None, stars_5=None, stars_3=251)
    assert record(stars_4=None, stars_5=None, stars_3=None).total == 250


def test_a_figure_cannot_be_dated_in_the_future():
    with pytest.raises(ValidationError):
        record(as_of=datetime.date.today() + datetime.timedelta(days=2))


def test_province_page_shows_official_figure_catalog_count_and_coverage(client):
    build_catalog()  # Hà Tĩnh: three products with a valid certificate
    add_valid_products(22)  # 25 in all: 10% of 250
    record(as_of=datetime.date(2022, 1, 1), total=100, stars_5=None, stars_4=None, stars_3=None)
    record(source_url="https://example.vn/bao-cao")

    page = client.get("/en/provinces/ha-tinh/").content.decode()

    assert "Officially 250 OCOP products (as of 16 Sep 2023), in the catalog 25 (coverage 10%)." in page
    assert "4★ 12 · 3★ 238" in page
    link = '<a href="https://example.vn/bao-cao" rel="nofollow noopener">Báo cáo diễn đàn, 16/9/2023</a>'
    assert link in page


def test_province_page_without_a_figure_says_nothing_of_it(client):
    build_catalog()

    assert "official-total" not in client.get("/provinces/ha-tinh/").content.decode()


def test_statistics_page_lists_coverage_of_provinces_with_a_figure(client):
    build_catalog()
    record()
    record("nghe-an", total=10, stars_5=None, stars_4=None, stars_3=None)

    rows = client.get("/statistics/").context["coverage_rows"]
    only_nghe_an = client.get("/statistics/?province=nghe-an").context["coverage_rows"]

    assert [(r["province"].slug, r["official"].total, r["in_catalog"], r["coverage"]) for r in rows] == [
        ("ha-tinh", 250, 3, 1),
        ("nghe-an", 10, 1, 10),
    ]
    assert [r["province"].slug for r in only_nghe_an] == ["nghe-an"]


def test_admin_province_staff_see_and_record_only_their_province(client):
    record()
    record("nghe-an", total=10, stars_5=None, stars_4=None, stars_3=None)
    user = make_staff(username="hatinh-admin", province_slug="ha-tinh", is_staff=True)
    codenames = ["view_officialtotal", "add_officialtotal", "change_officialtotal"]
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    client.force_login(user)

    listing = client.get("/admin/producers/officialtotal/").content.decode()
    form = client.get("/admin/producers/officialtotal/add/").content.decode()
    other = OfficialTotal.objects.get(province__slug="nghe-an")

    assert "Hà Tĩnh" in listing and "Nghệ An" not in listing
    assert "Hà Tĩnh" in form and "Nghệ An" not in form
    assert client.get(f"/admin/producers/officialtotal/{other.pk}/change/").status_code == 302  # not found
    response = client.post(
        "/admin/producers/officialtotal/add/",
        {"province": province("ha-tinh").pk, "as_of": "01/01/2024", "total": "260", "source": "Sở NN&PTNT"},
    )
    assert response.status_code == 302
    assert OfficialTotal.objects.get(total=260).recorded_by == user
