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
    "product_form_data",
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


def product_form_data(product=None, **overrides) -> dict:
    """The POST data of the product edit page as a browser would send it, unchanged."""
    data = {
        "certificates-TOTAL_FORMS": "0",
        "certificates-INITIAL_FORMS": "0",
        "photos-TOTAL_FORMS": "0",
        "photos-INITIAL_FORMS": "0",
        "channels-TOTAL_FORMS": "0",
        "channels-INITIAL_FORMS": "0",
        "newphotos-TOTAL_FORMS": "0",
        "newphotos-INITIAL_FORMS": "0",
    }
    if product is not None:
        data.update(
            {
                "name": product.name,
                "producer": product.producer_id,
                "category": product.category_id,
                "version": product.version,
                "story": product.story,
                "price_min": product.price_min or "",
                "price_max": product.price_max or "",
            }
        )
        certificates = list(product.certificates.order_by("-decision_date", "-pk"))
        data["certificates-TOTAL_FORMS"] = data["certificates-INITIAL_FORMS"] = str(len(certificates))
        for i, cert in enumerate(certificates):
            data.update(
                {
                    f"certificates-{i}-id": cert.pk,
                    f"certificates-{i}-stars": cert.stars,
                    f"certificates-{i}-decision_number": cert.decision_number,
                    f"certificates-{i}-decision_date": cert.decision_date.isoformat(),
                    f"certificates-{i}-issuer": cert.issuer,
                    f"certificates-{i}-level": cert.level,
                    f"certificates-{i}-expires_on": cert.expires_on.isoformat(),
                }
            )
        photos = list(product.photos.order_by("position", "pk"))
        data["photos-TOTAL_FORMS"] = data["photos-INITIAL_FORMS"] = str(len(photos))
        for i, photo in enumerate(photos):
            data.update(
                {
                    f"photos-{i}-id": photo.pk,
                    f"photos-{i}-alt_text": photo.alt_text,
                    f"photos-{i}-position": photo.position,
                }
            )
        channels = list(product.channels.order_by("kind", "pk"))
        data["channels-TOTAL_FORMS"] = data["channels-INITIAL_FORMS"] = str(len(channels))
        for i, channel in enumerate(channels):
            data.update(
                {
                    f"channels-{i}-id": channel.pk,
                    f"channels-{i}-kind": channel.kind,
                    f"channels-{i}-url": channel.url,
                    f"channels-{i}-label": channel.label,
                }
            )
    data.update(overrides)
    return data
