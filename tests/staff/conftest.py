"""Fixtures of the staff workspace tests: two provinces, their staff and their data.

Province A is Hà Tĩnh, province B is Nghệ An.
"""

import pytest
from django.contrib.auth import get_user_model

from producers.models import PublicationStatus
from products.models import SalesChannel
from tests.factories import make_producer, make_product, make_staff
from tests.staff.helpers import propose_fields
from tests.staff.promotion_world import promo_world  # noqa: F401 - a fixture of these tests


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


@pytest.fixture
def proposals(world, editor_a, editor_b):
    """A published product in each of A and B, each with a pending rename by its own editor."""
    result = {}
    for key, editor, name in (("a", editor_a, "Kẹo lạc Thạch Hà"), ("b", editor_b, "Cam Xã Đoài")):
        product = make_product(producer=world[f"producer_{key}"], name=name, stars=4)
        result[f"published_{key}"] = product
        result[f"proposal_{key}"] = propose_fields(product, editor, name=f"{name} đặc biệt")
    return result
