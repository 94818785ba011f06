"""The scale catalog (load_demo_data --products N): model rules, determinism, idempotence, realism."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Min

from demo.scale import build_scale_catalog
from producers.models import Producer
from products.models import Certificate, Product, ProductPhoto, SalesChannel


def product_rows() -> list:
    return list(
        Product.objects.order_by("slug").values_list(
            "slug", "name", "status", "stars", "certificate_expires_on", "price_min", "producer__slug"
        )
    )


def certificate_rows() -> list:
    return list(
        Certificate.objects.order_by("product__slug", "decision_date").values_list(
            "product__slug", "stars", "decision_number", "decision_date", "issuer", "score", "revoked_on"
        )
    )


def table_counts() -> dict[str, int]:
    models = (Producer, Product, Certificate, ProductPhoto, SalesChannel, Product.standards.through)
    return {model.__name__: model.objects.count() for model in models}


@pytest.mark.django_db
def test_every_generated_row_passes_the_model_rules():
    build_scale_catalog(products=300)

    for model in (Producer, Product, Certificate, ProductPhoto, SalesChannel):
        rows = list(model.objects.all())
        assert rows, model
        for row in rows:
            row.full_clean()


@pytest.mark.django_db
def test_the_same_size_gives_the_same_rows():
    def build() -> tuple[list, list]:
        with transaction.atomic():
            build_scale_catalog(products=200, photos=False)
            rows = product_rows(), certificate_rows()
            transaction.set_rollback(True)
        return rows

    first = build()
    second = build()

    assert len(first[0]) == 200
    assert first == second


@pytest.mark.django_db
def test_a_second_run_adds_and_changes_nothing():
    build_scale_catalog(products=200, photos=False)
    counts, rows = table_counts(), product_rows()

    result = build_scale_catalog(products=200, photos=False)

    assert result.created["products"] == result.created["producers"] == 0
    assert result.products == 200
    assert table_counts() == counts
    assert product_rows() == rows


@pytest.mark.django_db
def test_a_larger_build_keeps_the_smaller_one_and_adds_the_rest():
    build_scale_catalog(products=150, photos=False)
    smaller = set(product_rows())

    result = build_scale_catalog(products=400, photos=False)

    assert result.created["products"] == 250
    assert Product.objects.count() == 400
    assert smaller <= set(product_rows())


def load(*args: str) -> str:
    out = io.StringIO()
    call_command("load_demo_data", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_products_option_builds_that_many_and_reports_it():
    output = load("--products", "120", "--no-photos")

    assert Product.objects.count() == 120
    assert "products: 120 created" in output
    assert "120 products in the scale catalog" in output
    assert not ProductPhoto.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("args", [("--products", "0"), ("--products", "10", "--provinces", "ha-tinh")])
def test_products_option_refuses_bad_input_and_writes_nothing(args):
    with pytest.raises(CommandError):
        load(*args)

    assert not Product.objects.exists()


@pytest.mark.django_db
def test_ha_tinh_pinned_products_come_first_with_four_stars_and_no_others_are_forced():
    build_scale_catalog(products=2000, photos=False)
    ha_tinh = Product.objects.filter(producer__province__slug="ha-tinh").order_by("pk")
    keo = ha_tinh.filter(name__startswith="Kẹo cu đơ")

    assert (ha_tinh[0].name.startswith("Kẹo cu đơ"), ha_tinh[0].stars) == (True, 4)
    assert ha_tinh.filter(name__startswith="Nước mắm Cửa Nhượng").first().stars == 4
    # Only the pinned producer's first product is forced to four stars, not every kẹo maker's.
    makers = keo.order_by().values("producer")
    firsts = makers.annotate(first=Min("pk")).values("first")
    assert makers.distinct().count() >= 3
    assert keo.filter(pk__in=firsts, stars=4).count() < makers.distinct().count()
