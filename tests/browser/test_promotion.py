"""A buyer on a phone, in a real Chromium: campaigns, their figures, upcoming livestreams."""

import re

import pytest

from tests.promotion.scenario import build_promotion
from tests.sample_catalog import build_catalog

pytestmark = pytest.mark.browser


@pytest.fixture
def promo_data(reference_data):
    return build_promotion(build_catalog())


def test_promotion_pages_fit_a_phone_without_sideways_scrolling(phone_page, promo_data):
    pages = [
        "/campaigns/",
        "/campaigns/ngay-hoi-chuyen-doi-so-ha-tinh/",
        "/campaigns/activities/phien-livestream-ha-tinh/",
        "/campaigns/livestreams/",
        "/provinces/ha-tinh/",
    ]
    too_wide = {}
    for path in pages:
        phone_page.goto(path)
        width = phone_page.evaluate("document.documentElement.scrollWidth")
        if width > 375:
            too_wide[path] = width

    assert too_wide == {}


def test_keyboard_user_filters_campaigns_and_opens_one(phone_page, promo_data):
    page = phone_page
    page.goto("/en/campaigns/")

    page.get_by_label("Province").select_option("ha-tinh")
    page.get_by_label("Kind of activity").select_option("livestream")
    page.get_by_role("button", name="Show campaigns").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"province=ha-tinh.*kind=livestream"))

    assert (
        page.get_by_role("status").filter(has_text="campaign found").inner_text().strip()
        == "1 campaign found"
    )
    page.get_by_role("link", name="Ngày hội chuyển đổi số OCOP Hà Tĩnh").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/campaigns/ngay-hoi-chuyen-doi-so-ha-tinh/")
    table = page.get_by_role("table", name=re.compile("Phiên livestream OCOP Hà Tĩnh"))
    row = table.get_by_role("row").filter(has_text="14,800,000")
    assert row.is_visible()
    assert "Reach" in row.inner_text() and "16 September 2023" in row.inner_text()
