"""Every OCOP certificate rule, written once: validity, expiry, status, level, decision date.

The model (``products.models.Certificate``), its forms, the admin, the importer and the demo
builder all use these; none of them restates a rule. This module does not import the models
(``models.py`` imports it), so it can hold the rules that the model fields are declared with.
"""

import calendar
import datetime
import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Replace, Upper
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# A certificate is valid for 36 months from its decision date (OCOP programme rules).
CERTIFICATE_VALIDITY_MONTHS = 36
# "Expiring soon": at most this many days left.
EXPIRING_WITHIN_DAYS = 90
# The two-tier local government: from this day there are no districts, and the province
# certifies three-star products.
TWO_TIER_REFORM = datetime.date(2025, 7, 1)


class Level(models.TextChoices):
    """The authority whose council rated the product."""

    DISTRICT = "district", _("District")
    PROVINCE = "province", _("Province")
    NATIONAL = "national", _("National")


class Status(models.TextChoices):
    VALID = "valid", _("Valid")
    EXPIRING = "expiring", _("Expiring soon")
    EXPIRED = "expired", _("Expired")
    REVOKED = "revoked", _("Revoked")


# The statuses under which a product may carry the OCOP label.
VALID_STATUSES = (Status.VALID, Status.EXPIRING)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` plus ``months`` calendar months, clamped to the month's last day (29/2 -> 28/2)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def default_expiry(decision_date: datetime.date) -> datetime.date | None:
    """The last day of validity of a certificate decided on ``decision_date``.

    None when that day is beyond the calendar (a decision date in year 9999): such a date is
    refused by ``validate_decision_date`` anyway, and computing with it must not crash.
    """
    try:
        return add_months(decision_date, CERTIFICATE_VALIDITY_MONTHS)
    except ValueError:  # year out of range
        return None


def status_on(
    *, expires_on: datetime.date, revoked_on: datetime.date | None, day: datetime.date | None = None
) -> str:
    """Revoked from ``revoked_on``, expired after ``expires_on``, expiring within 90 days, else valid.

    The certificate is valid up to and including ``expires_on``; ``day`` is today by default.
    """
    day = day or timezone.localdate()
    if revoked_on is not None and revoked_on <= day:
        return Status.REVOKED
    if day > expires_on:
        return Status.EXPIRED
    if (expires_on - day).days <= EXPIRING_WITHIN_DAYS:
        return Status.EXPIRING
    return Status.VALID


def level_for(*, stars: int, decision_date: datetime.date) -> str:
    """Who rated a product of ``stars`` on ``decision_date``.

    Five stars: the central council. Four: the province. Three: the district until the
    two-tier reform of 1 July 2025, the province since.
    """
    if stars == 5:
        return Level.NATIONAL
    if stars == 3 and decision_date < TWO_TIER_REFORM:
        return Level.DISTRICT
    return Level.PROVINCE


def validate_decision_date(value: datetime.date) -> None:
    """A decision date is a day that has come: never in the future."""
    if value > timezone.localdate():
        raise ValidationError(_("The decision date cannot be in the future."), code="future")


# What decision_key() removes or maps, in the order the database applies it.
_DECISION_KEY_REPLACEMENTS = (" ", ""), ("\t", ""), ("Đ", "D"), ("đ", "D"), ("Ð", "D"), ("ð", "D")


def decision_key(number: str) -> str:
    """A decision number folded for exact matching: "2394 / qđ-ubnd" -> "2394/QD-UBND"."""
    for old, new in _DECISION_KEY_REPLACEMENTS:
        number = number.replace(old, new)
    return "".join(number.split()).upper()


def decision_key_expression(field: str):
    """``decision_key()`` as a database expression of ``field`` (for a generated column)."""
    expression = models.F(field)
    for old, new in _DECISION_KEY_REPLACEMENTS:
        expression = Replace(expression, models.Value(old), models.Value(new))
    return Upper(expression)


# "2394/QĐ-UBND", "12 / qd-ubnd": digits, a slash, then a letter (so "1/2 kg" is not one).
_DECISION_NUMBER = re.compile(r"^\d+\s*/\s*[^\W\d_]", re.UNICODE)


def looks_like_decision_number(text: str) -> bool:
    """Whether a search is a decision number, to be matched exactly rather than as words."""
    return bool(_DECISION_NUMBER.match(text.strip()))
