"""Reading one cell into a value, and presenting its model field's verdict on that value.

The readers know spreadsheet notations (dates in five layouts, "120.000 đ", "4 sao"); what a
value may be (required, at most 200 characters, 0 to 100, not in the future) is left to the
model field, whose message is shown after the column header.
"""

import datetime
import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from products.imports.columns import COLUMN, Column

DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d.%m.%Y", "%Y/%m/%d")
_TIME_OF_DAY = re.compile(r" \d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")
# "120000", "120.000", "120,000", "1 200 000", "120.000,00" or "120,000.00", with an optional
# "đ"/"VND"; not "12.5" or "1,5", which are not whole amounts and must not become 125 or 15.
_PRICE = re.compile(
    r"^(?P<whole>[0-9]+|[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,3}(?: [0-9]{3})+)"
    r"(?:[.,]00?)?\s*(?:đ|đồng|vnd|vnđ)?$",
    re.IGNORECASE,
)
_WHOLE_NUMBER = re.compile(r"^([0-9]+)(?:[.,]0+)?\s*(?:sao|★)?$", re.IGNORECASE)


def text(value) -> str:
    """A cell as the text a person sees: whole floats without ".0", whitespace collapsed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def read_date(value) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    # A date cell saved to CSV by some tools carries a midnight time: "2024-03-15 00:00:00".
    written = _TIME_OF_DAY.sub("", text(value))
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(written, fmt).date()
        except ValueError:
            continue
    return None


_CLOCK = re.compile(r"^([0-9]{1,2})\s*(?:[:hg]\s*([0-9]{2})?(?::[0-9]{2})?)?$", re.IGNORECASE)


def read_time(value) -> datetime.time | None:
    """A time of day from a time cell or text like "14:00", "14h30", "14h" or "14:00:00"."""
    if isinstance(value, datetime.datetime):
        return value.time()
    if isinstance(value, datetime.time):
        return value
    match = _CLOCK.match(text(value))
    if match is None:
        return None
    try:
        return datetime.time(int(match.group(1)), int(match.group(2) or 0))
    except ValueError:  # 25:00, 14:75
        return None


def _read_whole(value, pattern: re.Pattern, group: str | int) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    if isinstance(value, int):
        return value
    match = pattern.match(text(value))
    return int(re.sub(r"\D", "", match.group(group))) if match else None


def read_stars(value) -> int | None:
    """A whole number from a number or text such as "4", "4.0", "4 sao" or "4★"."""
    return _read_whole(value, _WHOLE_NUMBER, 1)


def read_price(value) -> int | None:
    """A whole number of đồng from a number or text like "120.000"; None otherwise."""
    return _read_whole(value, _PRICE, "whole")


def read_score(value) -> Decimal | None:
    """A number, rounded to the decimals the score column keeps; None when it is not a number."""
    try:
        number = Decimal(text(value).replace(",", "."))
    except InvalidOperation:
        return None
    if not number.is_finite():  # "NaN", "Infinity"
        return None
    places = Decimal(1).scaleb(-COLUMN["score"].field.decimal_places)
    try:
        return number.quantize(places, rounding=ROUND_HALF_UP)
    except InvalidOperation:  # too many digits to round (1E+999): the field says what is wrong
        return number


# How the cells that are not plain text are read, and what to say when one cannot be (None:
# the field's choices say what the cell must be).
READERS: dict[str, tuple[Callable, str | None]] = {
    "stars": (read_stars, None),
    "decision_date": (
        read_date,
        gettext_lazy("%(column)s: “%(value)s” is not a date; write it as dd/mm/yyyy."),
    ),
    "score": (read_score, gettext_lazy("%(column)s: “%(value)s” is not a number.")),
    "price_min": (read_price, gettext_lazy("%(column)s: must be a whole number of đồng.")),
}


def required_error(column: Column) -> str:
    return _("%(column)s is required.") % {"column": column.header}


def _choices_error(column: Column, written: str) -> str:
    choices = get_text_list([str(value) for value, _label in column.field.flatchoices])
    return _("%(column)s: must be %(choices)s, not “%(value)s”.") % {
        "column": column.header,
        "choices": choices,
        "value": written,
    }


def _presented(column: Column, written: str, error: ValidationError) -> str:
    """A model field's error in the words of the import: the column header first."""
    if error.code in ("blank", "null"):
        return required_error(column)
    if error.code in ("invalid", "invalid_choice") and column.field.choices:
        return _choices_error(column, written)
    return f"{column.header}: {' '.join(error.messages)}"


def field_errors(column: Column, value, written: str) -> list[str]:
    """The model field's own verdict on ``value``, each message prefixed with the column header."""
    if column.field.is_relation:
        # The related object was looked up among the province's rows; only emptiness is left.
        return [required_error(column)] if value is None and not column.field.blank else []
    try:
        column.field.clean(value, None)
    except ValidationError as error:
        return [_presented(column, written, e) for e in error.error_list]
    return []


def cell_value(key: str, raw) -> tuple[object, list[str]]:
    """The value of the cell ``raw`` of column ``key``, and the errors that keep it out."""
    column, written = COLUMN[key], text(raw)
    if not written:
        value = "" if column.field.empty_strings_allowed else None
    elif key in READERS:
        read, unreadable = READERS[key]
        value = read(raw)
        if value is None:
            if unreadable is None:
                return None, [_choices_error(column, written)]
            return None, [unreadable % {"column": column.header, "value": written}]
    else:
        value = written
    return value, field_errors(column, value, written)
