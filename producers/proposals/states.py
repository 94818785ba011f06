"""A record's state as JSON, and the differences between two states in words."""

from __future__ import annotations

import datetime
import decimal
from dataclasses import dataclass, field

from django.db import models
from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import gettext as _

# Differences, for people -----------------------------------------------------------------------


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class ChildChange:
    """A child record (a certificate, a photo, a link) the proposal adds, changes or removes."""

    kind: str  # "added", "changed" or "removed"
    group: str
    title: str
    changes: list[FieldChange] = field(default_factory=list)
    image: dict | None = None  # {"url", "width", "height"} of a photo


@dataclass
class Diff:
    fields: list[FieldChange] = field(default_factory=list)
    children: list[ChildChange] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.fields or self.children)


# Values as JSON ---------------------------------------------------------------------------------


def to_json(model_field: models.Field, value):
    """A form's or a model's value of ``model_field`` as JSON (relations by primary key)."""
    if model_field.many_to_many:
        return sorted(getattr(item, "pk", item) for item in (value or []))
    if model_field.is_relation:
        return getattr(value, "pk", value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        if isinstance(model_field, models.DecimalField):  # 78.5 from a form is 78.50 stored
            value = value.quantize(decimal.Decimal(1).scaleb(-model_field.decimal_places))
        return str(value)
    return value


def from_json(model_field: models.Field, value):
    """The Python value of ``model_field`` stored as ``value`` by ``to_json``."""
    if value is None:
        return None
    if model_field.is_relation:
        return model_field.target_field.to_python(value) if not model_field.many_to_many else value
    return model_field.to_python(value)


def read_fields(obj: models.Model, names: list[str]) -> dict:
    """The JSON state of ``obj``'s fields ``names`` (many-to-many ones use any prefetched rows)."""
    state = {}
    for name in names:
        model_field = obj._meta.get_field(name)
        if model_field.many_to_many:
            state[name] = to_json(model_field, getattr(obj, name).all())
        else:
            state[name] = to_json(model_field, getattr(obj, model_field.attname))
    return state


def write_fields(obj: models.Model, state: dict, names: list[str]) -> None:
    """Set ``obj``'s concrete fields ``names`` from a JSON state (many-to-many are the caller's)."""
    for name in names:
        model_field = obj._meta.get_field(name)
        if not model_field.many_to_many and name in state:
            setattr(obj, model_field.attname, from_json(model_field, state[name]))


def display(model_field: models.Field, value, labels: dict | None = None) -> str:
    """A JSON value of ``model_field`` in words: choices' labels, dates d/m/Y, relations by name."""
    if value is None or value == "" or value == []:
        return "—"
    if model_field.is_relation:
        labels = labels or {}
        values = value if model_field.many_to_many else [value]
        return ", ".join(str(labels.get((model_field.related_model, v), v)) for v in values)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(from_json(model_field, value), value))
    python = from_json(model_field, value)
    if isinstance(python, bool):
        return _("Yes") if python else _("No")
    if isinstance(python, datetime.date):
        return formats.date_format(python, "d/m/Y")
    return str(python)


def relation_labels(model, names: list[str], states: list[dict]) -> dict:
    """{(related model, pk): name} for the relations ``names`` take in ``states``: a query each."""
    wanted: dict = {}
    for name in names:
        model_field = model._meta.get_field(name)
        for state in states:
            value = state.get(name)
            values = value if model_field.many_to_many else [value]
            wanted.setdefault(model_field.related_model, set()).update(v for v in values or [] if v)
    labels = {}
    for related, pks in wanted.items():
        if pks:
            labels.update(
                {(related, obj.pk): str(obj) for obj in related._default_manager.filter(pk__in=pks)}
            )
    return labels


def field_changes(model, names: list[str], old: dict, new: dict) -> list[FieldChange]:
    """The fields among ``names`` whose value differs between the states ``old`` and ``new``."""
    changed = [name for name in names if old.get(name) != new.get(name)]
    relations = [name for name in changed if model._meta.get_field(name).is_relation]
    labels = relation_labels(model, relations, [old, new]) if relations else {}
    result = []
    for name in changed:
        model_field = model._meta.get_field(name)
        result.append(
            FieldChange(
                capfirst(str(model_field.verbose_name)),
                display(model_field, old.get(name), labels),
                display(model_field, new.get(name), labels),
            )
        )
    return result


def form_state(form, names: list[str]) -> dict:
    """A validated ModelForm's values of ``names`` as a JSON state."""
    model = form._meta.model
    return {name: to_json(model._meta.get_field(name), form.cleaned_data.get(name)) for name in names}
