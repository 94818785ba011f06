"""Site-wide pages: home, robots.txt, the health check and the error pages."""

import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Q
from django.http import HttpResponse, HttpResponseNotFound, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.static import serve

from producers import catalog_version
from producers.models import Province
from producers.text import fold
from products.models import Product

FEATURED = 8
NEWEST = 8

logger = logging.getLogger(__name__)


def _home_counts(valid):
    totals = valid.aggregate(
        products=Count("pk"),
        producers=Count("producer", distinct=True),
        provinces=Count("producer__province", distinct=True),
        **{f"stars_{n}": Count("pk", filter=Q(stars=n)) for n in (3, 4, 5)},
    )
    return totals, valid.count_by("producer__province_id")


def home(request):
    """What the catalog holds, a search box, the 34 provinces, featured and newest products.

    Everything but the search box is kept per catalog version and day: the data here, the
    rendered block in the template (``{% kept "home" %}``), the cards in the card cache.
    """
    return render(request, "home.html", catalog_version.summary("home-page", _home_context))


def _home_context() -> dict:
    valid = Product.objects.published().certified_valid_on(timezone.localdate())
    totals, by_province = _home_counts(valid)
    provinces = sorted(Province.objects.all(), key=lambda province: fold(province.name))
    return {
        "totals": totals,
        "star_counts": [(n, totals[f"stars_{n}"]) for n in (5, 4, 3)],
        "provinces": [(province, by_province.get(province.pk, 0)) for province in provinces],
        # Product keys, each an ordered walk of the valid products; their cards come from the
        # card cache (products.templatetags.catalog.product_cards).
        "featured": list(
            valid.filter(stars__gte=4)
            .order_by("-stars", "-certificate_expires_on", "pk")
            .values_list("pk", flat=True)[:FEATURED]
        ),
        "newest": list(valid.order_by("-created_at", "-pk").values_list("pk", flat=True)[:NEWEST]),
    }


@require_safe
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    # Admin and the staff workspace, in both languages: nothing there is for search engines.
    private = ["/admin/", "/en/admin/", "/staff/", "/en/staff/", "/healthz"]
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in private), f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
@never_cache
def healthz(request):
    """200 when the database and the cache answer, 503 otherwise; the body never says why."""
    try:
        _check_database()
        _check_cache()
    except Exception:
        # The reason goes to the operator's log, never to whoever asked.
        logger.exception("Health check failed")
        return HttpResponse("unavailable\n", status=503, content_type="text/plain; charset=utf-8")
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


def _check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _check_cache() -> None:
    key = f"healthz:{uuid.uuid4().hex}"  # one key per check: app servers may share the cache
    cache.set(key, "ok", timeout=10)
    if cache.get(key) != "ok":
        raise ConnectionError("the cache did not keep a value")
    cache.delete(key)


def page_not_found(request, exception=None):
    return HttpResponseNotFound(loader.render_to_string("404.html", {"request_path": request.path}, request))


def server_error(request):
    # No request context: context processors could fail the same way the page did.
    return HttpResponseServerError(loader.render_to_string("500.html"))


def media(request, path):
    """Uploads, where the app serves them (development): never sniffed, scans never rendered.

    Production serves /media/ from the web server with the same headers (README, Deploying).
    """
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["X-Content-Type-Options"] = "nosniff"
    if not path.startswith("products/photos/"):
        # Certificate scans and anything else: downloaded, and inert even if opened in a tab.
        response["Content-Disposition"] = "attachment"
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
