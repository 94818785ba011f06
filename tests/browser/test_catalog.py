"""What a buyer does on a phone, in a real Chromium (run with `make test-browser`)."""

import re

import pytest

from tests.sample_catalog import build_catalog

pytestmark = pytest.mark.browser


@pytest.fixture
def catalog(reference_data):
    return build_catalog()


def test_buyer_searches_narrows_to_ha_tinh_four_stars_and_sees_the_expiry_date(phone_page, catalog):
    page = phone_page
    page.goto("/")

    page.get_by_label("Tìm sản phẩm OCOP").fill("keo cu do")
    page.get_by_role("button", name="Tìm kiếm").click()
    page.wait_for_url(re.compile(r"/products/\?q=keo\+cu\+do"))
    assert page.get_by_role("link", name="Kẹo cu đơ Thiên Cầm").is_visible()

    page.get_by_text("Bộ lọc", exact=True).click()
    page.get_by_role("checkbox", name=re.compile(r"^Hà Tĩnh")).check()
    page.get_by_role("checkbox", name=re.compile(r"4 sao")).check()
    page.get_by_role("button", name="Xem sản phẩm").click()
    page.wait_for_url(re.compile(r"province=ha-tinh"))
    assert "stars=4" in page.url and "q=keo+cu+do" in page.url
    assert page.locator("#results-count").inner_text().strip() == "Tìm thấy 1 sản phẩm"

    page.get_by_role("link", name="Kẹo cu đơ Thiên Cầm").click()
    page.wait_for_url("**/products/keo-cu-do-thien-cam/")
    expiry = catalog.keo.certificate_expires_on.strftime("%d/%m/%Y")
    assert page.locator(".certificate-expiry").inner_text() == expiry
    assert page.locator(".certificate").get_by_text("Còn hiệu lực").is_visible()


def test_switching_to_english_keeps_the_filters(phone_page, catalog):
    page = phone_page
    page.goto("/products/?province=ha-tinh&stars=4")

    page.get_by_role("link", name="English").click()

    page.wait_for_url(re.compile(r"/en/products/\?province=ha-tinh&stars=4$"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("input[name=province][value=ha-tinh]").is_checked()
    assert page.locator("input[name=stars][value='4']").is_checked()
    assert page.locator("#results-count").inner_text().strip() == "1 product found"
    page.get_by_role("link", name="Tiếng Việt").click()
    page.wait_for_url(re.compile(r"^[^?]*/products/\?province=ha-tinh&stars=4$"))
    assert page.locator("html").get_attribute("lang") == "vi"


def test_pages_fit_a_phone_without_sideways_scrolling(phone_page, catalog):
    pages = [
        "/",
        "/products/",
        "/products/keo-cu-do-thien-cam/",
        "/provinces/ha-tinh/",
        "/producers/thanh-huong/",
        "/statistics/",
    ]
    too_wide = {}
    for path in pages:
        phone_page.goto(path)
        width = phone_page.evaluate("document.documentElement.scrollWidth")
        if width > 375:
            too_wide[path] = width

    assert too_wide == {}


def test_keyboard_user_can_skip_to_content_and_sees_focus(phone_page, catalog):
    page = phone_page
    page.goto("/products/")

    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    page.keyboard.press("Enter")

    assert focused == "skip-link"
    assert outline == "solid"
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("path", ["/statistics/", "/en/statistics/?province=ha-tinh"])
def test_statistics_has_no_serious_or_critical_axe_violation(phone_page, catalog, path):
    """axe-core at 375 px. Playwright injects it with page.evaluate (the DevTools protocol), which
    the strict CSP does not block: no bypass_csp needed, the page runs under its real policy."""
    from axe_playwright_python.sync_playwright import Axe

    phone_page.goto(path)
    results = Axe().run(phone_page)

    violations = results.response["violations"]
    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:5])
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
    assert results.response["url"].endswith(path)  # axe ran on the page itself
