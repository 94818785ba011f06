"""Two app servers sharing one PostgreSQL and one Redis: an edit through one shows through the other.

Each server is a gunicorn of its own (the suite's settings, the page cache on) started the
way the bench starts it. Both cache the product page; a staff save posted to the first
bumps the catalog version in Redis, and the second's next answer is the edited page.
"""

import http.client
import os
import secrets
from urllib.parse import urlencode, urlsplit

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse

from demo.bench_tools import gunicorn
from tests.factories import make_producer, make_product, make_staff
from tests.staff.helpers import product_form_data

# The Redis database these tests may empty (each worktree or CI job gives its own).
REDIS_URL = os.environ.get("OCOP_TEST_REDIS_URL", "redis://127.0.0.1:6379/5")

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="two servers need one database both can open: PostgreSQL (an in-memory SQLite test database is "
    "private to the test process)",
)


def server_env() -> dict[str, str]:
    db = connection.settings_dict
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    inherited = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return {
        **inherited,
        # The suite's settings (static files without a collectstatic), with production's parts
        # that matter here: the shared database and Redis, the page cache on.
        "DJANGO_SETTINGS_MODULE": "ocop_catalog.test_settings",
        "DATABASE_URL": f"postgres://{credentials}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}",
        "DATABASE_CONN_MAX_AGE": "0",
        "CACHE_URL": REDIS_URL,
        "DJANGO_PAGE_CACHE": "1",
        "DJANGO_SECRET_KEY": settings.SECRET_KEY,  # the session made here must be valid there
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_LOG_LEVEL": "WARNING",
    }


def request(base_url: str, method: str, path: str, *, cookies: str = "", body: dict | None = None):
    """One request without following redirects: (status, cache header, body text)."""
    conn = http.client.HTTPConnection(urlsplit(base_url).netloc, timeout=60)
    headers = {"Cookie": cookies} if cookies else {}
    data = None
    if body is not None:
        data = urlencode(body, doseq=True)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    conn.request(method, path, body=data, headers=headers)
    response = conn.getresponse()
    result = response.status, response.getheader("X-Page-Cache"), response.read().decode()
    conn.close()
    return result


def test_an_edit_through_one_server_shows_through_the_other(reference_data):
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    producer = make_producer(province_slug="ha-tinh", name="HTX Kẹo cu đơ")
    product = make_product(producer=producer, name="Kẹo cu đơ Thiên Cầm", stars=4)
    approver = make_staff(username="approver-a", role="approver")
    staff = Client()
    staff.force_login(approver)  # a session row in the shared database
    csrf = secrets.token_hex(16)  # a 32-character CSRF secret, sent as cookie and form field
    cookies = f"{settings.SESSION_COOKIE_NAME}={staff.cookies[settings.SESSION_COOKIE_NAME].value}; "
    cookies += f"{settings.CSRF_COOKIE_NAME}={csrf}"
    page = product.get_absolute_url()
    env = server_env()
    with gunicorn(env, timeout=30) as first, gunicorn(env, timeout=30) as second:
        assert request(first, "GET", page)[:2] == (200, "miss")
        status, cached, html = request(second, "GET", page)
        assert (status, cached) == (200, "hit")  # the cache is shared: the first server's copy
        assert "Câu chuyện mới" not in html

        data = {**product_form_data(product, story="Câu chuyện mới của kẹo"), "csrfmiddlewaretoken": csrf}
        edit = reverse("staff:product_edit", args=[product.pk])
        assert request(first, "POST", edit, cookies=cookies, body=data)[0] == 302

        status, cached, html = request(second, "GET", page)
    assert (status, cached) == (200, "miss")
    assert "Câu chuyện mới của kẹo" in html
    redis.Redis.from_url(REDIS_URL).flushdb()
