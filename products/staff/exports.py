"""CSV and XLSX exports of staff lists, with spreadsheet formula injection neutralised."""

import csv
import datetime
import io

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise(value):
    """A cell value that no spreadsheet will run as a formula: text starting =,+,-,@ gets a '."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


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


def _csv_cell(value):
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return neutralise(value)


def respond(*, fmt: str, basename: str, headers, rows) -> HttpResponse:
    """The rows as a CSV (UTF-8 with BOM, for Excel) or XLSX download."""
    stamp = timezone.localdate().isoformat()
    if fmt == "csv":
        buffer = io.StringIO()
        buffer.write("\ufeff")
        writer = csv.writer(buffer)
        writer.writerow([neutralise(h) for h in headers])
        for row in rows:
            writer.writerow([_csv_cell(v) for v in row])
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{basename}-{stamp}.csv"'
        return response
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(basename)
    sheet.append([neutralise(h) for h in headers])
    for row in rows:
        sheet.append([neutralise(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{basename}-{stamp}.xlsx"'
    return response
