"""Import of promotion figures from a spreadsheet: read (products.imports.files), check, then write.

One row is one figure: the activity's code (its slug, as on the staff activity page), the
measure, the value, as of a date, and its source. A dry run checks every row with the model's own
rules (``Reading.full_clean``), also against the other rows of the file (one figure per activity,
measure and day; live viewers never above the reach of the same day). The import writes every
row or none, through ``promotion.services.add_reading``: an editor's figures wait for an
approver, an approver's are published at once.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from producers.text import normalize_search_text
from products.imports.cells import read_date, read_price, text
from products.imports.columns import Column
from promotion.models import Activity, Measure, Reading, SourceKind
from staff.promotion_saves import add_checked_reading


def _field(name: str):
    return Reading._meta.get_field(name)


READING_COLUMNS = [
    Column("activity", "Mã hoạt động", _field("activity"), "phien-livestream-ha-tinh"),
    Column("measure", "Chỉ số", _field("measure"), "Lượt tiếp cận"),
    Column("value", "Giá trị", _field("value"), 14_800_000),
    Column("as_of", "Tính đến ngày", _field("as_of"), "16/09/2023"),
    Column("source_kind", "Loại nguồn", _field("source_kind"), "Báo chí"),
    Column("source_url", "Liên kết nguồn", _field("source_url"), ""),
    Column("source_text", "Nguồn", _field("source_text"), "Báo Hà Tĩnh, 17/9/2023"),
]
HEADER = {c.key: c.header for c in READING_COLUMNS}


def read_choice(choices, written: str) -> str | None:
    """A choice from its key or its label in Vietnamese or English, accents and case aside."""
    folded = normalize_search_text(written)
    for value, label in choices:
        names = {value, str(label)}
        for language in ("vi", "en"):
            with translation.override(language):
                names.add(str(label))
        if folded in {normalize_search_text(n) for n in names}:
            return value
    return None


def presented(error: ValidationError, header: dict[str, str]) -> list[str]:
    """A model's ``full_clean`` errors, each prefixed with the header of its field's column."""
    return [
        (f"{header[name]}: " if name in header else "") + message
        for name, messages in error.message_dict.items()
        for message in messages
    ]


@dataclass
class FigureRow:
    number: int
    values: dict
    reading: Reading | None = None
    errors: list[str] = field(default_factory=list)


def _read_row(number: int, values: dict, activities: dict[str, Activity]) -> FigureRow:
    row = FigureRow(number, {k: text(values.get(k)) for k in HEADER})
    activity = activities.get(row.values["activity"])
    measure = read_choice(Measure.choices, row.values["measure"])
    source_kind = read_choice(SourceKind.choices, row.values["source_kind"])
    value, as_of = read_price(values.get("value")), read_date(values.get("as_of"))
    checks = [
        (activity is None, "activity", _("no activity of yours has this code")),
        (measure is None, "measure", _("unknown measure")),
        (source_kind is None, "source_kind", _("unknown source kind")),
        (value is None, "value", _("not a whole number")),
        (as_of is None, "as_of", _("not a date (dd/mm/yyyy)")),
    ]
    row.errors = [f"{HEADER[key]}: {message}" for failed, key, message in checks if failed]
    if row.errors:
        return row
    row.reading = Reading(
        activity=activity,
        measure=measure,
        value=value,
        as_of=as_of,
        source_kind=source_kind,
        source_url=row.values["source_url"],
        source_text=row.values["source_text"],
    )
    try:
        row.reading.full_clean(exclude=["status"])
    except ValidationError as error:
        row.errors += presented(error, HEADER)
    return row


def _check_against_each_other(rows: list[FigureRow]) -> None:
    seen: dict[tuple, int] = {}
    for row in rows:
        if row.errors:
            continue
        r = row.reading
        key = (r.activity_id, r.measure, r.as_of)
        if key in seen:
            row.errors.append(_("the same figure is on row %(n)s") % {"n": seen[key]})
        seen.setdefault(key, row.number)
    for row in rows:
        r = row.reading
        if row.errors or r.measure != Measure.LIVE_VIEWERS:
            continue
        reach = seen.get((r.activity_id, Measure.REACH, r.as_of))
        reach_row = next((x for x in rows if x.number == reach), None)
        if reach_row is not None and reach_row.reading is not None and r.value > reach_row.reading.value:
            row.errors.append(_("live viewers above the reach of the same day (row %(n)s)") % {"n": reach})


def plan_figures(rows: list[tuple[int, dict]], user) -> list[FigureRow]:
    """Every row of the file, read and checked; nothing is written."""
    codes = {text(values.get("activity")) for _number, values in rows}
    activities = {a.slug: a for a in Activity.objects.editable_by(user).filter(slug__in=codes)}
    planned = [_read_row(number, values, activities) for number, values in rows]
    _check_against_each_other(planned)
    return planned


class FiguresHaveErrors(Exception):
    pass


@transaction.atomic
def import_figures(rows: list[tuple[int, dict]], user) -> list[Reading]:
    """Check again and write every figure, or none (FiguresHaveErrors, ValidationError)."""
    planned = plan_figures(rows, user)
    if any(row.errors for row in planned):
        raise FiguresHaveErrors
    return [
        add_checked_reading(row.reading, user=user, province_id=row.reading.activity.province_id)
        for row in planned
    ]
