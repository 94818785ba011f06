"""Site-wide pages: home, robots.txt and the error pages."""

from django.db.models import Count, Q
from django.http import HttpResponse, HttpResponseNotFound, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from producers.models import Province
from producers.text import fold
from products.models import Product
from products.sharing import absolute_url

FEATURED = 8
NEWEST = 8


def home(request):
    """What the catalog holds, a search box, the 34 provinces, featured and newest products."""
    today = timezone.localdate()
    valid = Product.objects.published().certified_valid_on(today)
    totals = valid.aggregate(
        products=Count("pk"),
        producers=Count("producer", distinct=True),
        provinces=Count("producer__province", distinct=True),
        **{f"stars_{n}": Count("pk", filter=Q(stars=n)) for n in (3, 4, 5)},
    )
    by_province = valid.count_by("producer__province_id")
    provinces = sorted(Province.objects.all(), key=lambda province: fold(province.name))
    context = {
        "totals": totals,
        "star_counts": [(n, totals[f"stars_{n}"]) for n in (5, 4, 3)],
        "provinces": [(province, by_province.get(province.pk, 0)) for province in provinces],
        "featured": list(
            valid.filter(stars__gte=4)
            .for_listing()
            .order_by("-stars", "-certificate_expires_on", "pk")[:FEATURED]
        ),
        "newest": list(valid.for_listing().order_by("-created_at", "-pk")[:NEWEST]),
    }
    return render(request, "home.html", context)


@require_safe
def robots_txt(request):
    sitemap = absolute_url(reverse("sitemap"), request)
    # Admin and the staff workspace, in both languages: nothing there is for search engines.
    private = ["/admin/", "/en/admin/", "/staff/", "/en/staff/"]
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in private), f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    return HttpResponseNotFound(loader.render_to_string("404.html", {"request_path": request.path}, request))


def server_error(request):
    # No request context: context processors could fail the same way the page did.
    return HttpResponseServerError(loader.render_to_string("500.html"))
