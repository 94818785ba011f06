"""The importer presents the models' rules instead of restating them."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from producers.models import Province
from products.certificates import validate_decision_date
from products.imports import COLUMNS, plan_import
from products.models import Product
from tests.factories import import_row

pytestmark = pytest.mark.django_db

HEADER = {c.key: c.header for c in COLUMNS}


def errors_of(**values) -> list[str]:
    plan = plan_import(rows=[(2, import_row(**values))], province=Province.objects.get(slug="ha-tinh"))
    return plan.rows[0].errors


def model_message(validate, value) -> str:
    with pytest.raises(ValidationError) as error:
        validate(value)
    return error.value.messages[0]


def test_a_name_longer_than_the_model_field_gets_the_fields_message_after_the_header():
    limit = Product._meta.get_field("name").max_length

    errors = errors_of(product_name="x" * (limit + 1))

    expected = model_message(lambda v: Product._meta.get_field("name").clean(v, None), "x" * (limit + 1))
    assert errors == [f"{HEADER['product_name']}: {expected}"]
    assert errors_of(product_name="x" * limit) == []


def test_a_future_decision_date_gets_the_validators_message_after_the_header():
    tomorrow = datetime.date.today() + datetime.timedelta(days=2)

    errors = errors_of(decision_date=tomorrow.strftime("%d/%m/%Y"))

    assert errors == [f"{HEADER['decision_date']}: {model_message(validate_decision_date, tomorrow)}"]


def test_stars_outside_the_fields_choices_name_the_choices():
    with translation.override("en"):
        errors = errors_of(stars=6)

    assert errors == [f"{HEADER['stars']}: must be 3, 4 or 5, not “6”."]


def test_checking_a_file_takes_the_same_queries_for_one_row_or_fifty(django_assert_num_queries):
    province = Province.objects.get(slug="ha-tinh")
    many = [(n, import_row(decision_number=f"{n}/QĐ", producer_name=f"HTX {n}")) for n in range(2, 52)]

    with django_assert_num_queries(5):  # no producer code in the file: no query for codes
        plan_import(rows=[(2, import_row())], province=province)
    with django_assert_num_queries(5):
        plan = plan_import(rows=many, province=province)

    assert plan.is_valid and plan.count("create") == 50
