"""What the staff lists export: the header and the cells of each row (written by products.spreadsheets)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from products import spreadsheets


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


def respond(*, fmt: str, basename: str, headers, rows):
    """The rows as a CSV or XLSX download named after the list and today's date."""
    stamp = timezone.localdate().isoformat()
    return spreadsheets.download(
        fmt=fmt, filename=f"{basename}-{stamp}", sheet=basename, headers=headers, rows=rows
    )
