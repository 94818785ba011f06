"""Finding 9: a strict Content-Security-Policy, Permissions-Policy, no-store on the staff
workspace and its exports, and HSTS includeSubDomains/preload only when the operator opts in."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import make_product, make_staff
from tests.project.test_settings_env import run_manage
from tests.sample_catalog import build_catalog, make_photo

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)
STRICT_DIRECTIVES = {
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
}


def directives(response) -> set[str]:
    return {part.strip() for part in response["Content-Security-Policy"].split(";")}


def assert_site_headers(response):
    assert directives(response) >= STRICT_DIRECTIVES
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]
    policy = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy


@pytest.fixture
def editor(db):
    return make_staff(username="hatinh", province_slug="ha-tinh")


def test_a_public_page_has_the_policies_and_may_be_cached(client):
    response = client.get("/")

    assert response.status_code == 200
    assert_site_headers(response)
    assert "no-store" not in response.get("Cache-Control", "")


def test_a_staff_page_has_the_policies_and_is_never_stored(client, editor):
    client.force_login(editor)

    response = client.get("/staff/")

    assert response.status_code == 200
    assert_site_headers(response)
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_a_staff_export_is_never_stored(client, editor):
    make_product(name="Kẹo cu đơ xuất khẩu")
    client.force_login(editor)

    response = client.get("/staff/products/export/csv/")

    assert response.status_code == 200 and "Kẹo cu đơ xuất khẩu" in response.getvalue().decode("utf-8-sig")
    assert_site_headers(response)
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    "url",
    ["/staff/sign-in/", "/en/staff/sign-in/", "/staff/products/999999/", "/staff/import/template/xlsx/"],
)
def test_every_staff_response_is_never_stored(client, editor, url):
    client.force_login(editor)

    response = client.get(url)

    assert "no-store" in response["Cache-Control"], url


def test_the_staff_sign_in_lockout_page_is_never_stored(client, editor, settings):
    settings.AXES_FAILURE_LIMIT = 1

    response = client.post(reverse("staff:login"), {"username": "hatinh", "password": "wrong"})

    assert response.status_code == 429 and "no-store" in response["Cache-Control"]


# No inline script or style ----------------------------------------------------------------

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/ld\+json\")[^>]*>", re.I)
INLINE_STYLE = re.compile(r"<style\b|\sstyle\s*=", re.I)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)
JAVASCRIPT_URL = re.compile(r"(href|src|action)\s*=\s*[\"']?\s*javascript:", re.I)


def inline_code(html: str) -> list[str]:
    found = []
    for pattern in (INLINE_SCRIPT, INLINE_STYLE, EVENT_HANDLER, JAVASCRIPT_URL):
        found += [match.group(0)[:80] for match in pattern.finditer(html)]
    return found


def test_no_template_holds_inline_script_or_style():
    templates = sorted((ROOT / "templates").rglob("*.*")) + sorted(ROOT.glob("*/templates/**/*.*"))

    offenders = {
        str(path.relative_to(ROOT)): inline_code(path.read_text(encoding="utf-8"))
        for path in templates
        if path.suffix in {".html", ".svg", ".xml", ".txt"}
    }

    assert {path: found for path, found in offenders.items() if found} == {}
    assert len(offenders) > 20  # the scan saw the templates


def test_rendered_pages_hold_no_inline_script_or_style(client, editor):
    catalog = build_catalog()
    make_photo(catalog.keo, alt_text="Hộp kẹo")
    public = [
        "/",
        "/products/",
        "/products/?q=keo",
        f"/products/{catalog.keo.slug}/",
        f"/products/{catalog.keo.slug}/label.svg",
        f"/producers/{catalog.keo.producer.slug}/",
        "/provinces/ha-tinh/",
        "/no-such-page/",
    ]
    client.force_login(editor)
    staff = ["/staff/", "/staff/products/", f"/staff/products/{catalog.keo.pk}/", "/staff/import/"]
    staff += [f"/staff/products/{catalog.keo.pk}/edit/", "/staff/producers/new/"]

    found = {url: inline_code(client.get(url).content.decode()) for url in public + staff}

    assert {url: code for url, code in found.items() if code} == {}
    product_page = client.get(f"/products/{catalog.keo.slug}/").content.decode()
    assert "<svg" in product_page and 'type="application/ld+json"' in product_page  # both were scanned


# HSTS ----------------------------------------------------------------------------------------

PRODUCTION = {
    "DJANGO_SECRET_KEY": "a-long-random-enough-secret-for-the-header-tests-only-0123456789",
    "DJANGO_ALLOWED_HOSTS": "ocop.example.org",
}
SHOW_HSTS = (
    "from django.conf import settings as s; "
    "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD)"
)


def test_hsts_subdomains_and_preload_are_off_unless_the_operator_opts_in():
    default = run_manage("shell", "-v", "0", "-c", SHOW_HSTS, **PRODUCTION)
    opted_in = run_manage(
        "shell",
        "-v",
        "0",
        "-c",
        SHOW_HSTS,
        DJANGO_HSTS_INCLUDE_SUBDOMAINS="1",
        DJANGO_HSTS_PRELOAD="1",
        **PRODUCTION,
    )

    assert default.stdout.split() == ["31536000", "False", "False"]
    assert opted_in.stdout.split() == ["31536000", "True", "True"]


@pytest.mark.parametrize("opt_in", [{}, {"DJANGO_HSTS_INCLUDE_SUBDOMAINS": "1", "DJANGO_HSTS_PRELOAD": "1"}])
def test_the_deploy_check_is_clean_with_hsts_opted_in_or_not(opt_in):
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION, **opt_in)

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
