"""The catalog version: a number every write to the catalog's data bumps.

The public page cache (``ocop_catalog.pagecache``) puts this number in every key, so a page
cached before an edit is never served after it: the next request misses and renders anew.
It lives in the default cache, which several app servers share (``CACHE_URL=redis://...``),
so an edit through one server is seen by all at their next request.

Saves and deletes of the catalog's models bump it through signals (``connect()``); writes
that send no signal (bulk imports, set-based UPDATEs) call ``bump()`` themselves.
"""

import hashlib
import threading
import time
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

KEY = "catalog:version"
T = TypeVar("T")
# The apps whose models the public pages show.
CATALOG_APPS = {"producers", "products", "promotion"}


# Within one request the version is read once (the page key and each kept value use it): the
# request sees the catalog as it was when it began, and its own writes start a new read.
_request = threading.local()


def current() -> int:
    """The catalog's version now (created on first use, unique across cache flushes)."""
    version = getattr(_request, "version", None)
    if version is not None:
        return version
    version = cache.get(KEY)
    if version is None:
        cache.add(KEY, time.time_ns(), timeout=None)
        version = cache.get(KEY)
    if getattr(_request, "active", False):
        _request.version = version
    return version


def _request_started(**kwargs) -> None:
    _request.active, _request.version = True, None


def _request_finished(**kwargs) -> None:
    _request.active, _request.version = False, None


def _increment() -> None:
    _request.version = None
    try:
        cache.incr(KEY)
    except ValueError:  # no version yet, or the cache lost it: start a fresh one
        cache.set(KEY, time.time_ns(), timeout=None)


def bump() -> None:
    """A new version now and again when the transaction commits.

    Now, so that this process's next request sees the edit even inside a test's transaction;
    at commit, so that a page another server rendered between the two from the old data is
    not kept under the new version.
    """
    _increment()
    transaction.on_commit(_increment)


def _changed(sender, **kwargs) -> None:
    if sender._meta.app_label in CATALOG_APPS:
        bump()


def connect() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_changed, dispatch_uid=f"catalog-version-{signal!r}")
    request_started.connect(_request_started, dispatch_uid="catalog-version-request-started")
    request_finished.connect(_request_finished, dispatch_uid="catalog-version-request-finished")


def summary(name: str, compute):
    """``compute()``'s result, kept in the shared cache until the next write to the catalog.

    For the counts the public pages show (facets, home and province totals), whose queries
    scan every published product: they are computed once per catalog version and day (a
    certificate expiring by date changes them the next day), so each costs one cache read.
    ``name`` must say everything the result depends on besides the catalog and the date.
    ``CATALOG_SUMMARY_CACHE = False`` computes them every time.
    """
    return summaries([name], lambda names: {name: compute()})[name]


def summaries(names: list[str], compute: Callable[[list[str]], dict[str, T]]) -> dict[str, T]:
    """Several ``summary()`` results in one cache read; ``compute(missing_names)`` gives the rest at once.

    For the parts of a page that many pages share, such as the product cards of a list
    (``products.templatetags.catalog.product_cards``): the 24 cards of a page cost one read
    of the shared cache, the missing ones are rendered from one query, and a card rendered
    for one page serves every other page showing it.
    """
    if not getattr(settings, "CATALOG_SUMMARY_CACHE", True):
        return compute(list(names))
    prefix = f"catalog:summary:{current()}:{timezone.localdate().isoformat()}:"
    keys = {name: prefix + hashlib.sha256(name.encode()).hexdigest() for name in names}
    found = cache.get_many(keys.values())
    values = {name: found[keys[name]] for name in names if found.get(keys[name]) is not None}
    missing = [name for name in names if name not in values]
    if missing:
        computed = compute(missing)
        cache.set_many(
            {keys[name]: computed[name] for name in missing},
            timeout=getattr(settings, "PAGE_CACHE_SECONDS", 3600),
        )
        values.update(computed)
    return values
