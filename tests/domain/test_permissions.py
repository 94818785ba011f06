"""The access rules of producers/permissions.py, as the querysets apply them."""

import pytest
from django.contrib.auth import get_user_model

from producers.models import Producer
from products.models import Product
from tests.factories import make_producer, make_product, make_staff

pytestmark = pytest.mark.django_db


def test_editable_by_gives_staff_their_province_admins_everything_and_others_nothing():
    own = make_product(producer=make_producer(province_slug="ha-tinh"))
    other = make_product(producer=make_producer(province_slug="nghe-an"))
    editor = make_staff(username="scoped-editor", province_slug="ha-tinh")
    stranger = make_staff(username="no-province", province_slug=None)
    admin = get_user_model().objects.create_superuser(username="scoped-admin", password="pw-test-12345")

    assert set(Product.objects.editable_by(editor)) == {own}
    assert set(Producer.objects.editable_by(editor)) == {own.producer}
    assert set(Product.objects.editable_by(admin)) >= {own, other}
    assert not Product.objects.editable_by(stranger).exists()
    assert not Producer.objects.editable_by(stranger).exists()
