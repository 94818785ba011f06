"""Readable change history from django-simple-history records, without a query per entry."""

from dataclasses import dataclass, field
from itertools import groupby

HIDDEN_FIELDS = {"id", "search_text", "version", "created_at", "updated_at", "slug"}
# Entries a page shows at most, so that a long history never slows it down.
LIMIT = 30


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class Entry:
    when: object
    who: object
    kind: str  # "+", "~" or "-"
    subject: str
    changes: list[Change] = field(default_factory=list)


def _display(record, model_field) -> str:
    value = getattr(record, model_field.attname)
    if value is None or value == "":
        return "—"
    if model_field.is_relation:
        # Only changed relations get here (a producer moved, a new category): rare, and the
        # history shown is capped, so these lookups stay bounded.
        try:
            return str(getattr(record, model_field.name))
        except model_field.related_model.DoesNotExist:
            return str(value)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        from django.utils.translation import gettext

        return gettext("Yes") if value else gettext("No")
    return str(value)


def entries(records, *, subject=lambda record: "") -> list[Entry]:
    """Turn history records (any order, several objects mixed) into entries, newest first.

    Each record is compared with the previous record of the same object, both already loaded.
    """
    records = sorted(records, key=lambda r: (r.instance_type._meta.label, r.id, r.history_date))
    result: list[Entry] = []
    for _key, group in groupby(records, key=lambda r: (r.instance_type._meta.label, r.id)):
        previous = None
        for record in group:
            model = record.instance_type
            changes = []
            if previous is not None and record.history_type == "~":
                for model_field in model._meta.concrete_fields:
                    if model_field.name in HIDDEN_FIELDS:
                        continue
                    if getattr(record, model_field.attname, None) != getattr(
                        previous, model_field.attname, None
                    ):
                        changes.append(
                            Change(
                                str(model_field.verbose_name).capitalize(),
                                _display(previous, model_field),
                                _display(record, model_field),
                            )
                        )
            result.append(
                Entry(record.history_date, record.history_user, record.history_type, subject(record), changes)
            )
            previous = record
    result.sort(key=lambda e: e.when, reverse=True)
    return result
