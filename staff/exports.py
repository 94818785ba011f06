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
    rows = (
        [
            p.name,
            p.get_kind_display(),
            p.province.name,
            p.ward.name if p.ward else "",
            p.street_address,
            p.phone,
            p.email,
            _("Yes") if p.youth_led else _("No"),
            p.get_status_display(),
            timezone.localtime(p.updated_at).strftime("%d/%m/%Y %H:%M"),
        ]
        for p in queryset.select_related("province", "ward").iterator(chunk_size=1000)
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
    rows = (
        [
            p.name,
            p.category.code,
            p.producer.name,
            p.producer.province.name,
            p.stars or "",
            p.current_certificate.decision_number if p.current_certificate else "",
            p.current_certificate.decision_date if p.current_certificate else "",
            p.certificate_expires_on or "",
            p.get_status_display(),
            p.price_min if p.price_min is not None else "",
        ]
        for p in queryset.select_related("producer__province", "category", "current_certificate").iterator(
            chunk_size=1000
        )
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
