"""The catalog version: a number every write to the catalog's data bumps.

The public page cache (``ocop_catalog.pagecache``) puts this number in every key, so a page
cached before an edit is never served after it: the next request misses and renders anew.
It lives in the default cache, which several app servers share (``CACHE_URL=redis://...``),
so an edit through one server is seen by all at their next request.

Saves and deletes of the catalog's models bump it through signals (``connect()``); writes
that send no signal (bulk imports, set-based UPDATEs) call ``bump()`` themselves.
"""

import functools
import hashlib
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
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


# Directories under BASE_DIR that hold no code or templates of the running site.
_NOT_CODE = {
    ".git",
    ".venv",
    "venv",
    "var",
    "media",
    "staticfiles",
    "node_modules",
    "__pycache__",
    "tests",
    "docs",
}
_CODE_SUFFIXES = {".py", ".html", ".txt", ".xml", ".svg", ".mo"}


@functools.cache
def release() -> str:
    """A fingerprint of the code, templates and translations this process runs.

    In every key of the kept values and of the page cache: a release that changes a template
    never serves a block or page rendered by the one before (the catalog version alone would
    keep them until the next write). ``DJANGO_RELEASE`` (e.g. the deployed commit) replaces
    the fingerprint, which is otherwise read from the files once per process.
    """
    named = os.environ.get("DJANGO_RELEASE", "").strip()
    if named:
        return named[:64]
    digest = hashlib.sha256()
    for root, dirs, files in os.walk(settings.BASE_DIR):
        dirs[:] = sorted(
            d
            for d in dirs
            if d not in _NOT_CODE
            and not d.startswith(".")
            and not Path(root, d, "pyvenv.cfg").exists()  # a virtualenv under any name
        )
        for name in sorted(files):
            path = Path(root, name)
            if path.suffix in _CODE_SUFFIXES:
                digest.update(str(path.relative_to(settings.BASE_DIR)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


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


# name -> ((version, day), value): see kept_in_process().
_in_process: dict[str, tuple[tuple, object]] = {}


def kept_in_process(name: str, compute: Callable[[], T]) -> T:
    """Like ``summary()``, but kept in this process's memory, for a few small values every request
    reads (the list filter's provinces and categories): unpickling a hundred model instances from
    the shared cache costs more than the queries. Still one value per catalog version and day,
    so a write through any app server is seen here at the next request.
    """
    if not getattr(settings, "CATALOG_SUMMARY_CACHE", True):
        return compute()
    stamp = (release(), current(), timezone.localdate())
    entry = _in_process.get(name)
    if entry is None or entry[0] != stamp:
        entry = _in_process[name] = (stamp, compute())
    return entry[1]


def summaries(names: list[str], compute: Callable[[list[str]], dict[str, T]]) -> dict[str, T]:
    """Several ``summary()`` results in one cache read; ``compute(missing_names)`` gives the rest at once.

    For the parts of a page that many pages share, such as the product cards of a list
    (``products.templatetags.catalog.product_cards``): the 24 cards of a page cost one read
    of the shared cache, the missing ones are rendered from one query, and a card rendered
    for one page serves every other page showing it.
    """
    if not getattr(settings, "CATALOG_SUMMARY_CACHE", True):
        return compute(list(names))
    prefix = f"catalog:summary:{release()}:{current()}:{timezone.localdate().isoformat()}:"
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
