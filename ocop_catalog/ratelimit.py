"""Request budgets per client address on expensive paths, counted in the cache.

A fixed window: each client address may make ``requests`` requests of a scope in each window
of ``seconds`` (``settings.RATE_LIMITS``); the next one is answered 429 with ``Retry-After``
until the window ends. Counts live in the default cache, so with several app servers the
cache must be shared (``CACHE_URL=redis://...``), or each server counts on its own.
"""

import math
import time

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from ocop_catalog.client_address import client_address

# URL name → scope. The product list is limited only when it searches (``q``): filtering alone
# is cheap. Names, not code locations, so the table survives views moving between apps.
RATE_LIMITED_VIEWS = {
    "products:product_list": "search",
    "sitemap": "sitemap",
    "sitemap_section": "sitemap",
    "products:product_label": "label",
    "staff:product_export": "export",
    "staff:producer_export": "export",
    "inquiries:ask_product": "inquiry",
    "inquiries:ask_producer": "inquiry",
    "staff:expiring_export": "export",
    "stats:products_csv": "opendata",
    "stats:products_json": "opendata",
    "stats:statistics": "opendata",
    "stats:api_products": "opendata",
    "stats:api_producers": "opendata",
}


def _now() -> float:
    return time.time()


def hit(scope: str, address: str) -> int | None:
    """Count one request of ``address`` in ``scope``: the seconds to wait if over budget, else None."""
    requests, seconds = settings.RATE_LIMITS[scope]
    now = _now()
    window = int(now // seconds)
    key = f"ratelimit:{scope}:{window}:{address}"
    cache.add(key, 0, timeout=seconds + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add and incr: a new window
        cache.set(key, 1, timeout=seconds + 1)
        count = 1
    if count <= requests:
        return None
    return max(1, math.ceil((window + 1) * seconds - now))


def scope_of(request) -> str | None:
    """The rate-limit scope of a resolved request, or None when it is not limited."""
    scope = RATE_LIMITED_VIEWS.get(request.resolver_match.view_name)
    if scope == "search" and not request.GET.get("q", "").strip():
        return None
    if scope == "inquiry" and request.method != "POST":
        return None  # reading the form is free; sending a question counts
    return scope


def too_many_requests(request, retry_after: int):
    """The friendly 429 page, in the request's language, with ``Retry-After``."""
    response = render(request, "429.html", {"retry_after": retry_after}, status=429)
    response["Retry-After"] = str(retry_after)
    add_never_cache_headers(response)
    return response


class RateLimitMiddleware:
    """Answer 429 once a client address has spent its budget on a rate-limited view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        scope = scope_of(request)
        if scope is None:
            return None
        retry_after = hit(scope, client_address(request) or "unknown")
        return None if retry_after is None else too_many_requests(request, retry_after)
