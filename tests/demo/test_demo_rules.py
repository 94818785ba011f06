"""The demo builder writes with bulk_create, skipping full_clean(): check every row it makes here."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from producers.models import Producer
from products.models import Certificate, Product, ProductPhoto, SalesChannel

pytestmark = pytest.mark.django_db


def test_every_demo_row_passes_the_models_full_clean():
    # Hà Nội has five-star products; both provinces have revoked, expired and unpublished ones.
    call_command("load_demo_data", "--provinces", "ha-tinh,ha-noi", stdout=io.StringIO())
    tables = {
        "producers": Producer.objects.select_related("province", "ward"),
        "products": Product.objects.select_related("category", "producer"),
        "certificates": Certificate.objects.all(),
        "photos": ProductPhoto.objects.all(),
        "channels": SalesChannel.objects.all(),
    }

    failures, checked = {}, {}
    for table, rows in tables.items():
        rows = list(rows)
        checked[table] = len(rows)
        for row in rows:
            try:
                row.full_clean()
            except ValidationError as error:
                failures[f"{table} {row.pk}"] = error.message_dict

    assert all(checked.values()), checked
    assert (
        Certificate.objects.filter(stars=5).exists()
        and Certificate.objects.filter(revoked_on__isnull=False).exists()
    )
    assert failures == {}
