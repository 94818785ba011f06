"""The certificate rules of products/certificates.py, each written once."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from products import certificates
from products.certificates import Level


@pytest.mark.parametrize(
    ("stars", "decision_date", "level"),
    [
        (5, datetime.date(2021, 3, 1), Level.NATIONAL),
        (5, datetime.date(2025, 9, 1), Level.NATIONAL),
        (4, datetime.date(2021, 3, 1), Level.PROVINCE),
        (3, datetime.date(2025, 6, 30), Level.DISTRICT),  # the last day of the districts
        (3, datetime.date(2025, 7, 1), Level.PROVINCE),  # the two-tier reform
    ],
)
def test_level_follows_the_stars_and_the_two_tier_reform(stars, decision_date, level):
    assert certificates.level_for(stars=stars, decision_date=decision_date) == level


def test_default_expiry_is_36_months_later_and_none_beyond_the_calendar():
    assert certificates.default_expiry(datetime.date(2024, 10, 15)) == datetime.date(2027, 10, 15)
    assert certificates.default_expiry(datetime.date(9999, 12, 31)) is None


def test_decision_date_validator_refuses_tomorrow_and_accepts_today():
    today = timezone.localdate()

    certificates.validate_decision_date(today)
    with pytest.raises(ValidationError) as error:
        certificates.validate_decision_date(today + datetime.timedelta(days=1))

    assert error.value.code == "future"


def test_certificates_module_does_not_import_the_models():
    """models.py imports the rules; the other way round would be a cycle."""
    import ast
    from pathlib import Path

    tree = ast.parse(Path(certificates.__file__).read_text(encoding="utf-8"))
    imported = {
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
    } | {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}

    assert not {name for name in imported if name.startswith(("products", "producers"))}
