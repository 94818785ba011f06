"""Issue 10's "Done when", on a phone: a Hà Tĩnh editor records a livestream with its results and a
video with two view readings; an approver publishes them; the public campaign page, the Hà Tĩnh
province page and the featured product's page show them.
"""

import pytest

from promotion.models import Activity
from tests.browser.test_staff import sign_in, sign_out
from tests.factories import make_product, make_staff
from tests.promotion.scenario import build_promotion
from tests.sample_catalog import build_catalog

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def add_figures(page, as_of: str, **figures):
    page.click("a:has-text('Thêm số liệu')")
    for measure, value in figures.items():
        page.fill(f"#id_{measure}", value)
    page.fill("#id_as_of", as_of)
    page.select_option("#id_source_kind", "platform")
    page.fill("#id_source_text", "TikTok Studio của Tỉnh đoàn")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # the phone form fits
    page.click("form button[type=submit]:has-text('Lưu số liệu')")
    page.wait_for_selector("h2:has-text('Số liệu')")


def test_editor_records_a_livestream_and_a_video_and_an_approver_publishes_them(phone_page, reference_data):
    page = phone_page
    promo = build_promotion(build_catalog())
    product = make_product(
        producer=promo.livestream.featured_products.get().producer, name="Kẹo lạc Thiên Cầm", stars=4
    )
    make_staff(username="bientap-hatinh", province_slug="ha-tinh", role="editor")
    make_staff(username="duyet-hatinh", province_slug="ha-tinh", role="approver")

    sign_in(page, "bientap-hatinh")
    page.click("nav a:has-text('Quảng bá')")
    page.click(f"a:has-text('{promo.campaign.title}')")
    page.click("a:has-text('Thêm phiên livestream')")
    page.fill("#id_title", "Phiên livestream kẹo lạc")
    page.fill("#id_date", "2023-09-16")
    page.fill("#id_start_time", "20:00")
    page.select_option("#id_featured_products", str(product.pk))
    page.select_option("#id_details-platform", "tiktok")
    page.fill("#id_details-hosts", "TikToker Hà Tĩnh")
    page.fill("#id_details-duration_minutes", "180")
    page.click("form button[type=submit]:has-text('Lưu')")
    page.wait_for_selector("h1:has-text('Phiên livestream kẹo lạc')")
    add_figures(page, "2023-09-16", reach="2000000", live_viewers="150000", orders="1200", revenue="95000000")
    page.click("button[data-action=submit]")
    page.wait_for_selector("h1 .badge-pending")

    page.click(f"a:has-text('{promo.campaign.title}')")
    page.click("a:has-text('Thêm video')")
    page.fill("#id_title", "Video kẹo lạc Thiên Cầm")
    page.fill("#id_date", "2023-09-18")
    page.select_option("#id_details-platform", "tiktok")
    page.fill("#id_details-url", "https://www.tiktok.com/@ocophatinh/video/1")
    page.click("form button[type=submit]:has-text('Lưu')")
    page.wait_for_selector("h1:has-text('Video kẹo lạc Thiên Cầm')")
    add_figures(page, "2023-09-20", views="1250000")
    add_figures(page, "2023-10-01", views="1350000")
    assert page.locator("tr[data-reading=views] .badge-pending").count() == 2
    assert page.locator("button[data-action=publish]").count() == 0
    sign_out(page)

    sign_in(page, "duyet-hatinh")
    for title in ("Phiên livestream kẹo lạc", "Video kẹo lạc Thiên Cầm"):
        page.goto(f"/staff/activities/{Activity.objects.get(title=title).pk}/")
        page.click("button[data-action=publish]")
        page.wait_for_selector("h1 .badge-published")
        page.click("button:has-text('Công bố')")
        page.wait_for_selector(".badge-published >> nth=1")
        assert page.locator("td .badge-pending").count() == 0

    page.goto(promo.campaign.get_absolute_url())
    body = page.content()
    for text in (
        "Phiên livestream kẹo lạc",
        "Video kẹo lạc Thiên Cầm",
        "95.000.000",
        "150.000",
        "1.350.000",
        "1.250.000",
    ):
        assert text in body, text
    page.goto("/provinces/ha-tinh/")
    province = page.locator("#promotion-title").locator("..").inner_text()
    assert "580.000.000" in province  # 485,000,000 of the forum day's livestream and 95,000,000
    page.goto(product.get_absolute_url())
    featured = page.locator("#featured-in-title").locator("..").inner_text()
    assert "Phiên livestream kẹo lạc" in featured
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
