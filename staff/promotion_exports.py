"""What the promotion lists export: activities and their figures (products.spreadsheets writes them)."""

import django_filters
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from producers.models import PublicationStatus
from promotion.models import Activity, ActivityKind, Measure, Reading


class StaffActivityFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=ActivityKind.choices, label=gettext_lazy("Kind"))
    status = django_filters.ChoiceFilter(choices=PublicationStatus.choices, label=gettext_lazy("Status"))

    class Meta:
        model = Activity
        fields = ["kind", "status"]


class StaffReadingFilter(django_filters.FilterSet):
    measure = django_filters.ChoiceFilter(choices=Measure.choices, label=gettext_lazy("Measure"))
    status = django_filters.ChoiceFilter(choices=PublicationStatus.choices, label=gettext_lazy("Status"))

    class Meta:
        model = Reading
        fields = ["measure", "status"]


def _platform(activity: Activity) -> str:
    for name in ("livestream", "video"):
        detail = getattr(activity, name, None) if activity.kind == name else None
        if detail is not None:
            return detail.get_platform_display()
    return ""


def activity_rows(queryset):
    headers = [
        _("Campaign"),
        _("Province"),
        _("Kind"),
        _("Title"),
        _("Date"),
        _("Place"),
        _("Platform"),
        _("Link"),
        _("Participants"),
        _("Status"),
    ]
    rows = (
        [
            a.campaign.title if a.campaign else "",
            a.province.name if a.province else _("National"),
            a.get_kind_display(),
            a.title,
            a.date,
            a.place,
            _platform(a),
            a.link,
            a.participants if a.participants is not None else "",
            a.get_status_display(),
        ]
        for a in queryset.for_listing().order_by("date", "pk").iterator(chunk_size=1000)
    )
    return headers, rows


def reading_rows(queryset):
    headers = [
        _("Activity"),
        _("Province"),
        _("Measure"),
        _("Value"),
        _("As of"),
        _("Source kind"),
        _("Source link"),
        _("Source"),
        _("Status"),
    ]
    rows = (
        [
            r.activity.title,
            r.activity.province.name if r.activity.province else _("National"),
            r.get_measure_display(),
            r.value,
            r.as_of,
            r.get_source_kind_display(),
            r.source_url,
            r.source_text,
            r.get_status_display(),
        ]
        for r in queryset.select_related("activity__province")
        .order_by("activity__date", "activity_id", "measure", "as_of")
        .iterator(chunk_size=1000)
    )
    return headers, rows
