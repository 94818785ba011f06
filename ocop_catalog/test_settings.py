"""Settings for the test suite: the real settings with fast, isolated parts swapped in."""

import os
import tempfile

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key")

from ocop_catalog.settings import *  # noqa: F403
from ocop_catalog.settings import RATE_LIMITS, STORAGES

DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = tempfile.mkdtemp(prefix="ocop-test-media-")
IMPORT_ROOT = tempfile.mkdtemp(prefix="ocop-test-imports-")
LOGGING = {"version": 1, "disable_existing_loggers": False}
# Budgets no test reaches by accident (every test client is 127.0.0.1 and the cache lives for the
# whole run); tests/test_rate_limits.py sets small ones.
RATE_LIMITS = dict.fromkeys(RATE_LIMITS, (1_000_000, 60))
# Off for the suite: tests of the page cache turn it on (tests/catalog/test_page_cache.py), and
# the app servers of tests/catalog/test_two_app_servers.py with DJANGO_PAGE_CACHE=1.
PAGE_CACHE = env_bool("DJANGO_PAGE_CACHE", False)  # noqa: F405
# Off for the suite like the page cache (tests/catalog/test_page_cache.py turns both on).
CATALOG_SUMMARY_CACHE = False
