"""A cache of the public pages as anonymous visitors see them.

An anonymous GET of a public page is answered from the default cache when the same page was
rendered before under the same key: the language, the path, the query string with its
parameters sorted, the catalog version (``producers.catalog_version``, bumped by every write
to the catalog) and today's date (a certificate expiring by date changes the pages the next
day with no write at all). Signed-in users, visitors with a session or a pending message,
staff and admin paths, and responses that set a cookie or carry a CSRF token are never cached.

``DJANGO_PAGE_CACHE=0`` turns it off (``settings.PAGE_CACHE``). With several app servers the
default cache must be shared (``CACHE_URL=redis://...``) so that a write through one server
changes the version every server reads.
"""

import hashlib
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone

from producers import catalog_version

PRIVATE_PREFIXES = (
    "/admin/",
    "/staff/",
    "/en/admin/",
    "/en/staff/",
    "/i18n/",
    "/healthz",
    "/static/",
    "/media/",
)
# A visitor sending one of these cookies may see a page of their own (a message, a session).
PRIVATE_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
HEADER = "X-Page-Cache"


def normalised_query(query_string: str) -> str:
    """The query string with its parameters sorted and empty values left out."""
    pairs = [(name, value) for name, value in parse_qsl(query_string, keep_blank_values=False)]
    return urlencode(sorted(pairs))


def page_key(request) -> str:
    parts = (
        catalog_version.release(),
        str(catalog_version.current()),
        timezone.localdate().isoformat(),
        getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE),
        request.path,
        normalised_query(request.META.get("QUERY_STRING", "")),
    )
    return "page:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def cacheable_request(request) -> bool:
    return (
        settings.PAGE_CACHE
        and request.method == "GET"
        and not request.path.startswith(PRIVATE_PREFIXES)
        and not any(name in request.COOKIES for name in PRIVATE_COOKIES)
    )


def cacheable_response(request, response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # the page holds a CSRF token
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


class PageCacheMiddleware:
    """Serves and stores anonymous public pages; placed after LocaleMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        key = page_key(request)
        stored = cache.get(key)
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response[HEADER] = "hit"
            return response
        response = self.get_response(request)
        if cacheable_response(request, response):
            headers = [(name, value) for name, value in response.items() if name != HEADER]
            cache.set(key, (response.status_code, headers, response.content), settings.PAGE_CACHE_SECONDS)
            response[HEADER] = "miss"
        return response
