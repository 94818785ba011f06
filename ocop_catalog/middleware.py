"""Site-wide response headers that Django's SecurityMiddleware does not set."""

from django.conf import settings
from django.utils.cache import add_never_cache_headers

# Every page and download of the staff workspace, wherever its code lives, is in this URL
# namespace: province data that no shared cache or browser history should keep.
STAFF_NAMESPACE = "staff"


class SiteHeadersMiddleware:
    """Permissions-Policy on every response; ``Cache-Control: no-store`` on the staff workspace."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        match = getattr(request, "resolver_match", None)
        if match is not None and STAFF_NAMESPACE in match.namespaces:
            add_never_cache_headers(response)
        return response
