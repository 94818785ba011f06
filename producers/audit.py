"""The audit log: who did what, from which address, as one record on the ``ocop.audit`` logger.

Sign-ins, failed sign-ins and sign-outs are recorded here through Django's auth signals (the
staff pages and Django admin alike); exports and imports call ``audit()`` from their views.
Each record carries the fields as ``record.audit`` (a dict) and as ``key=value`` text, with
every text value quoted so that a username typed with a line break cannot forge a record.
"""

import logging

from axes.helpers import get_client_ip_address
from django.contrib.auth import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

logger = logging.getLogger("ocop.audit")

USERNAME_CHARS = 150


def audit(event: str, *, user, request: HttpRequest | None = None, **details) -> None:
    """Log ``event`` done by ``user`` (a user, a typed username or None) from ``request``'s client."""
    typed = str(user or "")[:USERNAME_CHARS]
    username = user.get_username() if hasattr(user, "get_username") else typed
    # The same address django-axes locks on: the proxy's X-Forwarded-For entry behind a proxy.
    address = get_client_ip_address(request) if request is not None else None
    fields = {"event": event, "user": username, "address": address or "", **details}
    text = " ".join(f"{key}={_text(value)}" for key, value in fields.items())
    logger.info("%s", text, extra={"audit": fields})


def _text(value) -> str:
    if isinstance(value, bool | int | float):
        return str(value)
    return repr(str(value))


@receiver(user_logged_in)
def _signed_in(sender, request, user, **kwargs):
    audit("sign_in", user=user, request=request)


@receiver(user_login_failed)
def _sign_in_failed(sender, credentials, request=None, **kwargs):
    # Whether the username and address are now locked out: this failure reached the limit, or
    # django-axes refused a locked pair without checking the password (it runs first).
    locked = bool(getattr(request, "axes_locked_out", False))
    audit("sign_in_failed", user=credentials.get("username"), request=request, locked=locked)


@receiver(user_logged_out)
def _signed_out(sender, request, user, **kwargs):
    audit("sign_out", user=user, request=request)
