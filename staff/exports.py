"""What the staff lists export: each list's filter, rows and columns (products.spreadsheets writes them)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from producers.models import Producer
from products import spreadsheets
from products.models import Product
from promotion.models import Activity, Reading
from staff.filters import StaffProducerFilter, StaffProductFilter
from staff.promotion_exports import StaffActivityFilter, StaffReadingFilter, activity_rows, reading_rows


def producer_rows(queryset):
    headers = [
        _("Name"),
        _("Kind"),
        _("Province"),
        _("Commune / ward"),
        _("Street address"),
        _("Phone"),
        _("Email"),
        _("Youth-led"),
        _("Status"),
        _("Last change"),
    ]
    kinds, statuses = dict(Producer.Kind.choices), dict(Producer._meta.get_field("status").choices)
    values = queryset.values_list(
        "name",
        "kind",
        "province__name",
        "ward__name",
        "street_address",
        "phone",
        "email",
        "youth_led",
        "status",
        "updated_at",
    )
    # Tuples, not model instances: a province's thousands of rows in a fraction of the time.
    rows = (
        [
            name,
            str(kinds.get(kind, kind)),
            province,
            ward or "",
            street,
            phone,
            email,
            _("Yes") if youth_led else _("No"),
            str(statuses.get(status, status)),
            timezone.localtime(updated_at).strftime("%d/%m/%Y %H:%M"),
        ]
        for (
            name,
            kind,
            province,
            ward,
            street,
            phone,
            email,
            youth_led,
            status,
            updated_at,
        ) in values.iterator(2000)
    )
    return headers, rows


def product_rows(queryset):
    headers = [
        _("Product name"),
        _("Product set code"),
        _("Producer"),
        _("Province"),
        _("Stars"),
        _("Decision number"),
        _("Decision date"),
        _("Valid until"),
        _("Status"),
        _("Lowest price (VND)"),
    ]
    statuses = dict(Product._meta.get_field("status").choices)
    values = queryset.values_list(
        "name",
        "category__code",
        "producer__name",
        "producer__province__name",
        "stars",
        "current_certificate__decision_number",
        "current_certificate__decision_date",
        "certificate_expires_on",
        "status",
        "price_min",
    )
    # Tuples, not model instances: a province's thousands of rows in a fraction of the time.
    rows = (
        [
            name,
            category,
            producer,
            province,
            stars or "",
            decision_number or "",
            decision_date or "",
            expires_on or "",
            str(statuses.get(status, status)),
            price_min if price_min is not None else "",
        ]
        for (
            name,
            category,
            producer,
            province,
            stars,
            decision_number,
            decision_date,
            expires_on,
            status,
            price_min,
        ) in values.iterator(chunk_size=2000)
    )
    return headers, rows


@dataclass(frozen=True)
class ExportedList:
    """A staff list that can be downloaded: its filter over the user's rows, and its columns."""

    filterset: type
    rows: Callable  # queryset -> (headers, rows)
    model: type

    def queryset(self, user):
        return self.model.objects.editable_by(user)


EXPORTED_LISTS = {
    "producers": ExportedList(StaffProducerFilter, producer_rows, Producer),
    "products": ExportedList(StaffProductFilter, product_rows, Product),
    "activities": ExportedList(StaffActivityFilter, activity_rows, Activity),
    "readings": ExportedList(StaffReadingFilter, reading_rows, Reading),
}


def download(*, fmt: str, basename: str, headers, rows):
    """The rows as a CSV or XLSX download named after the list and today's date, streamed."""
    stamp = timezone.localdate().isoformat()
    return spreadsheets.stream(
        fmt=fmt, filename=f"{basename}-{stamp}", sheet=basename, headers=headers, rows=rows
    )
