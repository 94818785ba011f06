"""Producer and ward choices as autocompletes: a text input, its datalist and a search endpoint.

A national admin may choose among tens of thousands of producers; a <select> of all of them
costs seconds to build and megabytes to send. The field is a text input with a native
``<datalist>`` (keyboard and screen reader support come from the browser) that
``static/js/staff-autocomplete.js`` fills from the endpoints below as the user types; without
JavaScript, the exact name or number of the record still works. Every suggestion and every
accepted value comes from the ``editable_by(user)`` queryset the form gives the field, so staff
of one province never see, nor choose, another province's producers or wards.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import JsonResponse
from django.urls import reverse_lazy
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from producers.models import Producer
from producers.permissions import editable_wards
from producers.text import search_terms
from staff.access import staff_required

SUGGESTIONS = 20
_NUMBER = re.compile(r"(?:^|\(#)(\d{1,9})\)?\s*$")  # "123" or "Name — Province (#123)"


class AutocompleteInput(forms.TextInput):
    """A text input with a datalist that the staff script fills from ``source`` as the user types."""

    def __init__(self, source, attrs=None):
        super().__init__({"autocomplete": "off", "spellcheck": "false", **(attrs or {})})
        self.source = source

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        widget_attrs["data-autocomplete"] = str(self.source)
        widget_attrs["list"] = f"{widget_attrs.get('id', name)}_options"
        return context

    def render(self, name, value, attrs=None, renderer=None):
        context = self.get_context(name, value, attrs)
        field = self._render(self.template_name, context, renderer)
        return format_html('{}<datalist id="{}"></datalist>', field, context["widget"]["attrs"]["list"])


class AutocompleteChoiceField(forms.ModelChoiceField):
    """A model choice typed as text: "Name (#id)" as suggested, the bare number, or the exact name."""

    default_error_messages = {
        "invalid_choice": _("Choose one of the suggestions, or type the exact name."),
    }

    def __init__(self, queryset, *, source, **kwargs):
        kwargs.setdefault("help_text", _("Type part of the name, then choose from the suggestions."))
        super().__init__(queryset, widget=AutocompleteInput(source), **kwargs)

    def label_from_instance(self, obj):
        return f"{obj} (#{obj.pk})"

    def prepare_value(self, value):
        """What the input shows: the chosen record's label (one query for a bare id)."""
        if isinstance(value, self.queryset.model):
            return self.label_from_instance(value)
        if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
            obj = self.queryset.filter(pk=value).first()
            return self.label_from_instance(obj) if obj is not None else value
        return value

    def to_python(self, value):
        if isinstance(value, self.queryset.model):
            value = value.pk
        text = "" if value is None else str(value).strip()
        if text in self.empty_values:
            return None
        match = _NUMBER.search(text)
        if match:
            found = self.queryset.filter(pk=int(match.group(1))).first()
        else:
            found = self.queryset.filter(name__iexact=text)[:2]
            found = found[0] if len(found) == 1 else None
        if found is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return found

    def has_changed(self, initial, data):
        if self.disabled:
            return False
        try:
            chosen = self.to_python(data)
        except ValidationError:
            return True
        initial_pk = getattr(initial, "pk", initial)
        return str(chosen.pk if chosen else "") != str(initial_pk if initial_pk is not None else "")


class ProducerChoiceField(AutocompleteChoiceField):
    """A producer typed with suggestions from ``producer_choices`` (the queryset is the user's)."""

    def __init__(self, queryset, **kwargs):
        for option in ("empty_label", "null_label", "null_value", "to_field_name"):
            kwargs.pop(option, None)  # <select> options of django-filter's ModelChoiceFilter
        super().__init__(queryset, source=reverse_lazy("staff:producer_choices"), **kwargs)


def producer_field(user, **kwargs) -> ProducerChoiceField:
    return ProducerChoiceField(Producer.objects.editable_by(user).select_related("province"), **kwargs)


def _suggestions(queryset, labels) -> JsonResponse:
    return JsonResponse({"results": [{"value": labels(obj)} for obj in queryset[:SUGGESTIONS]]})


@require_safe
@staff_required
def producer_choices(request):
    """Producers the user may edit whose folded name has every word typed, first by name."""
    terms = search_terms(request.GET.get("q", ""))
    if not terms:
        return _suggestions(Producer.objects.none(), str)
    queryset = Producer.objects.editable_by(request.user).select_related("province")
    for term in terms:
        queryset = queryset.filter(search_text__contains=term)
    return _suggestions(queryset.order_by("name", "pk"), lambda p: f"{p} — {p.province.name} (#{p.pk})")


@require_safe
@staff_required
def ward_choices(request):
    """Wards of the user's provinces (of ``province`` when given) whose name contains the text."""
    text = request.GET.get("q", "").strip()[:100]
    if len(text) < 2:
        return _suggestions(editable_wards(request.user).none(), str)
    queryset = editable_wards(request.user).select_related("province").filter(Q(name__icontains=text))
    province = request.GET.get("province", "")
    if province.isdigit() and len(province) < 10:
        queryset = queryset.filter(province_id=int(province))
    return _suggestions(queryset.order_by("name", "pk"), lambda w: f"{w} — {w.province.name} (#{w.pk})")
