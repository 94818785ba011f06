"""The province's own statistics for its staff, and the certificates to renew as a spreadsheet.

Everything is read through ``editable_by(user)``: a province's staff see their province only,
national admins every province. The charts are the public statistics page's (``stats``).
"""

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from producers.audit import audit
from producers.models import PublicationStatus
from producers.permissions import editable_provinces
from products.models import Product
from staff import exports
from staff.access import staff_required
from stats import counts
from stats.charts import Bar, Chart, Segment
from stats.views import expiring_chart


def star_chart(products, today) -> Chart:
    """Published products with a valid certificate, by star level."""
    valid = products.filter(status=PublicationStatus.PUBLISHED).certified_valid_on(today)
    by_stars = valid.count_by("stars")
    return Chart(
        "stars",
        _("Published products with a valid certificate, by star level"),
        _("What the public catalog shows for the province."),
        [_("Products")],
        [Bar(f"{stars}★", [Segment(0, by_stars.get(stars, 0))]) for stars in counts.STARS],
    )


@require_safe
@staff_required
def statistics(request):
    today = timezone.localdate()
    products = Product.objects.editable_by(request.user)
    context = {
        "star_chart": star_chart(products, today),
        "expiring_chart": expiring_chart(products, today),
        "coverage_rows": counts.coverage(list(editable_provinces(request.user).order_by("name")), today),
        "expiring_count": products.expiring_on(today).count(),
        "as_of": timezone.localtime(),
    }
    return render(request, "staff/statistics.html", context)


def expiring_rows(queryset):
    """Products whose certificate ends within 90 days, with whom to tell."""
    headers = [
        _("Valid until"),
        _("Product name"),
        _("Stars"),
        _("Decision number"),
        _("Decision date"),
        _("Producer"),
        _("Phone"),
        _("Email"),
        _("Province"),
    ]
    rows = (
        [
            p.certificate_expires_on,
            p.name,
            p.stars,
            p.current_certificate.decision_number if p.current_certificate else "",
            p.current_certificate.decision_date if p.current_certificate else "",
            p.producer.name,
            p.producer.phone,
            p.producer.email,
            p.producer.province.name,
        ]
        for p in queryset.select_related("producer__province", "current_certificate").iterator(
            chunk_size=1000
        )
    )
    return headers, rows


@require_safe
@staff_required
def expiring_export(request):
    """CSV of the user's products whose certificate ends within 90 days, soonest first (audit-logged)."""
    today = timezone.localdate()
    queryset = (
        Product.objects.editable_by(request.user).expiring_on(today).order_by("certificate_expires_on", "pk")
    )
    headers, rows = expiring_rows(queryset)
    audit("export", user=request.user, request=request, what="expiring", format="csv", rows=queryset.count())
    return exports.download(fmt="csv", basename="expiring", headers=headers, rows=rows)
