"""The staff statistics page and the CSV of certificates ending within 90 days: one province only."""

import csv
import datetime
import io
import logging

import pytest
from django.utils import timezone

from producers.models import OfficialTotal, PublicationStatus
from tests.factories import make_certificate, make_producer, make_product, make_staff, province
from tests.sample_catalog import add_valid_products

pytestmark = pytest.mark.django_db

URL = "/staff/statistics/"
CSV_URL = "/staff/statistics/expiring.csv"


def ending_in(
    days: int, *, province_slug="ha-tinh", name="Sản phẩm", phone="", status=PublicationStatus.PUBLISHED
):
    producer = make_producer(province_slug=province_slug, phone=phone)
    product = make_product(producer=producer, name=name, stars=None, status=status)
    today = timezone.localdate()
    make_certificate(
        product=product,
        stars=3,
        decision_date=today - datetime.timedelta(days=900),
        expires_on=today + datetime.timedelta(days=days),
    )
    product.sync_current_certificate()
    return product


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))


def test_the_csv_lists_the_provinces_own_certificates_ending_within_90_days_soonest_first(client, caplog):
    ending_in(60, name="Kẹo cu đơ", phone="=0912345678")
    ending_in(10, name="Nước mắm", status=PublicationStatus.DRAFT)  # unpublished: staff still renew it
    ending_in(200, name="Còn lâu")
    ending_in(5, province_slug="nghe-an", name="Cam Vinh")
    client.force_login(make_staff(username="hatinh", province_slug="ha-tinh"))
    caplog.set_level(logging.INFO, logger="ocop.audit")

    rows = csv_rows(client.get(CSV_URL))

    assert [row[1] for row in rows[1:]] == ["Nước mắm", "Kẹo cu đơ"]
    assert rows[2][6] == "'=0912345678"  # formula neutralised
    audit = [r.audit for r in caplog.records if r.name == "ocop.audit"]
    assert audit[-1]["event"] == "export" and audit[-1]["what"] == "expiring" and audit[-1]["rows"] == 2


def test_the_page_shows_the_provinces_own_charts_and_coverage(client, django_assert_num_queries):
    ending_in(40)
    add_valid_products(3, stars=4)
    add_valid_products(2, province_slug="nghe-an", stars=5)
    OfficialTotal.objects.create(province=province("ha-tinh"), as_of=datetime.date(2023, 9, 16), total=250)
    OfficialTotal.objects.create(province=province("nghe-an"), as_of=datetime.date(2024, 1, 1), total=99)
    client.force_login(make_staff(username="hatinh", province_slug="ha-tinh"))

    # Session, user, membership, three charts, the expiring count, provinces, official figures
    # and the catalog's counts for them: the same with more products.
    with django_assert_num_queries(9):
        response = client.get(URL)
    add_valid_products(5)
    with django_assert_num_queries(9):
        client.get(URL)

    context = response.context
    assert [bar.total for bar in context["star_chart"].bars] == [0, 3, 1]
    assert sum(bar.total for bar in context["expiring_chart"].bars) == 1
    assert [(r["province"].slug, r["in_catalog"], r["coverage"]) for r in context["coverage_rows"]] == [
        ("ha-tinh", 4, 2)
    ]
    assert context["expiring_count"] == 1
    assert "Nghệ An" not in response.getvalue().decode()


def test_anonymous_users_are_sent_to_sign_in(client):
    assert client.get(URL).status_code == 302
    assert client.get(CSV_URL).status_code == 302
