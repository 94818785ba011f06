"""Shared rows for the staff workspace tests: two provinces, their staff and their data.

Province A is Hà Tĩnh, province B is Nghệ An. Import these fixtures into a test module with
``from tests.staff_fixtures import *``.
"""

import io

import pytest
from django.contrib.auth import get_user_model
from PIL import Image

from producers.models import Producer, PublicationStatus
from products.models import Certificate, Product, ProductPhoto, SalesChannel
from tests.factories import make_producer, make_product, make_staff

__all__ = [
    "admin_user_",
    "approver_a",
    "editor_a",
    "editor_b",
    "png_bytes",
    "province_snapshot",
    "world",
]


@pytest.fixture
def editor_a(db):
    return make_staff(username="editor-a", province_slug="ha-tinh", role="editor")


@pytest.fixture
def approver_a(db):
    return make_staff(username="approver-a", province_slug="ha-tinh", role="approver")


@pytest.fixture
def editor_b(db):
    return make_staff(username="editor-b", province_slug="nghe-an", role="editor")


@pytest.fixture
def admin_user_(db):
    return get_user_model().objects.create_superuser(username="national-admin", password="pw-test-12345")


@pytest.fixture
def world(db):
    """One producer with one product (draft and pending) in each of A and B."""
    producer_a = make_producer(province_slug="ha-tinh", name="HTX Kẹo cu đơ", status=PublicationStatus.DRAFT)
    producer_b = make_producer(province_slug="nghe-an", name="HTX Nghệ An", status=PublicationStatus.DRAFT)
    product_a = make_product(producer=producer_a, name="Kẹo cu đơ", stars=4, status=PublicationStatus.PENDING)
    product_b = make_product(producer=producer_b, name="Cam Vinh", stars=3, status=PublicationStatus.PENDING)
    SalesChannel.objects.create(product=product_b, kind="shopee", url="https://shopee.vn/cam-vinh")
    return {
        "producer_a": producer_a,
        "producer_b": producer_b,
        "product_a": product_a,
        "product_b": product_b,
    }


def province_snapshot(slug: str = "nghe-an"):
    """Everything stored about a province's producers and products, to compare before and after."""
    return (
        list(Producer.objects.filter(province__slug=slug).order_by("pk").values()),
        list(Product.objects.filter(producer__province__slug=slug).order_by("pk").values()),
        list(Certificate.objects.filter(product__producer__province__slug=slug).order_by("pk").values()),
        list(ProductPhoto.objects.filter(product__producer__province__slug=slug).order_by("pk").values()),
        list(SalesChannel.objects.filter(product__producer__province__slug=slug).order_by("pk").values()),
        Producer.history.filter(province__slug=slug).count(),
        Product.history.filter(producer__province__slug=slug).count(),
    )


def png_bytes(size=(64, 48), color=(200, 30, 30), fmt="PNG", **save_kwargs) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format=fmt, **save_kwargs)
    return buffer.getvalue()
