"""A certificate is valid up to and including its ``expires_on`` (issue 9 finding 14).

Products whose certificates end yesterday, today, tomorrow, in 90 and in 91 days; every surface
that sorts them (the querysets, the public list filter, the product page, the staff list and
export) is compared with literal expected lists, so a ``>=`` turned into ``>`` fails here.
"""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from products.models import Product
from tests.factories import make_certificate, make_product, make_staff

pytestmark = pytest.mark.django_db

ENDS = {
    "Hết hạn hôm qua": -1,
    "Hết hạn hôm nay": 0,
    "Hết hạn ngày mai": 1,
    "Còn 90 ngày": 90,
    "Còn 91 ngày": 91,
}
VALID = {"Hết hạn hôm nay", "Hết hạn ngày mai", "Còn 90 ngày", "Còn 91 ngày"}
EXPIRING = {"Hết hạn hôm nay", "Hết hạn ngày mai", "Còn 90 ngày"}
EXPIRED = {"Hết hạn hôm qua"}


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def boundary(today):
    products = {}
    for n, (name, days) in enumerate(ENDS.items()):
        product = make_product(name=name, slug=f"bien-han-{n}", stars=None)
        expires_on = today + datetime.timedelta(days=days)
        make_certificate(
            product=product,
            stars=4,
            decision_date=today - datetime.timedelta(days=1000),
            expires_on=expires_on,
        )
        product.refresh_from_db()
        assert product.certificate_expires_on == expires_on
        products[name] = product
    return products


def names(queryset) -> set[str]:
    return set(queryset.values_list("name", flat=True))


def test_querysets_keep_a_certificate_on_its_last_day(boundary, today):
    products = Product.objects.all()

    assert names(products.certified_valid_on(today)) == VALID
    assert names(products.expiring_on(today)) == EXPIRING
    assert names(products.expired_on(today)) == EXPIRED


def test_querysets_on_the_day_after_the_last_day(boundary, today):
    products, tomorrow = Product.objects.all(), today + datetime.timedelta(days=1)

    assert names(products.certified_valid_on(tomorrow)) == {"Hết hạn ngày mai", "Còn 90 ngày", "Còn 91 ngày"}
    assert names(products.expiring_on(tomorrow)) == {"Hết hạn ngày mai", "Còn 90 ngày", "Còn 91 ngày"}
    assert names(products.expired_on(tomorrow)) == {"Hết hạn hôm qua", "Hết hạn hôm nay"}


@pytest.mark.parametrize(
    ("status", "expected"),
    [("", VALID), ("valid", VALID), ("expiring", EXPIRING), ("expired", EXPIRED)],
)
def test_public_list_filter_keeps_a_certificate_on_its_last_day(client, boundary, status, expected):
    response = client.get(reverse("products:product_list"), {"status": status} if status else {})

    shown = {p.name for p in response.context["page_obj"].object_list}
    assert shown == expected


def test_product_page_says_expiring_on_the_last_day_and_expired_the_day_after(client, boundary):
    pages = {name: client.get(boundary[name].get_absolute_url()).content.decode() for name in ENDS}

    assert 'class="certificate certificate-expiring"' in pages["Hết hạn hôm nay"]
    assert "Còn hiệu lực, hết hạn sau 0 ngày" in pages["Hết hạn hôm nay"]
    assert "Còn hiệu lực, hết hạn sau 1 ngày" in pages["Hết hạn ngày mai"]
    assert 'class="certificate certificate-expired"' in pages["Hết hạn hôm qua"]
    assert 'class="certificate certificate-valid"' in pages["Còn 91 ngày"]


@pytest.mark.parametrize(
    ("certificate", "expected"),
    [("valid", VALID), ("expiring", EXPIRING), ("expired", EXPIRED)],
)
def test_staff_export_keeps_a_certificate_on_its_last_day(client, boundary, certificate, expected):
    client.force_login(make_staff(username="hatinh-bien", province_slug="ha-tinh"))

    response = client.get(reverse("staff:product_export", args=["csv"]), {"certificate": certificate})

    body = b"".join(response.streaming_content) if response.streaming else response.content
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert {r[0] for r in rows[1:]} == expected
