"""Who is asking: the client's address, taken from the proxy's header only behind a proxy.

Each trusted reverse proxy appends the address it saw to X-Forwarded-For (nginx:
``proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;``), so behind N of them the
client is the Nth address from the right; anything further left came from the client and may
be forged. Without a proxy (``DJANGO_BEHIND_PROXY`` off) the header is ignored and the socket
address is the client. django-axes (``AXES_CLIENT_IP_CALLABLE``), the rate limits and the
audit log all read the address from here, so they always agree on who a client is.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    """The client's IP address: the proxy-appended one behind a proxy, else the socket's."""
    socket_address = request.META.get("REMOTE_ADDR") or None
    if not settings.BEHIND_PROXY:
        return socket_address
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [hop for hop in hops if hop]
    if len(hops) < settings.TRUSTED_PROXY_COUNT:
        # Fewer entries than proxies: the request did not come through them all.
        return socket_address
    try:
        return str(ipaddress.ip_address(hops[-settings.TRUSTED_PROXY_COUNT]))
    except ValueError:
        return socket_address
