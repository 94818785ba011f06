"""A Hà Tĩnh editor adds a producer and a 4-star product with a photo; an approver publishes it.

The public product list is built on another branch; until it lands this test checks the staff
list filtered by 4 stars and the database's published() queryset, filtered by Hà Tĩnh and 4 stars.
"""

import pytest

from producers.models import Producer, PublicationStatus
from products.models import Category, Product
from tests.factories import make_staff, png_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, username):
    page.goto("/staff/sign-in/")
    page.fill("#id_username", username)
    page.fill("#id_password", "pw-test-12345")
    page.click("button[type=submit]:has-text('Đăng nhập')")
    page.wait_for_url("**/staff/")


def sign_out(page):
    page.click("button:has-text('Đăng xuất')")
    page.wait_for_url("**/staff/sign-in/")


def test_editor_adds_product_and_approver_publishes_it(phone_page):
    page = phone_page
    make_staff(username="bientap-hatinh", province_slug="ha-tinh", role="editor")
    make_staff(username="duyet-hatinh", province_slug="ha-tinh", role="approver")
    category = Category.objects.get(code="I.4.a")

    sign_in(page, "bientap-hatinh")
    page.click("text=Thêm chủ thể")
    page.fill("#id_name", "Hợp tác xã Kẹo cu đơ Thiên Cầm")
    page.select_option("#id_kind", "cooperative")
    page.check("#id_youth_led")
    page.click("button:has-text('Lưu')")
    page.wait_for_selector("h1:has-text('Hợp tác xã Kẹo cu đơ Thiên Cầm')")
    producer = Producer.objects.get(name="Hợp tác xã Kẹo cu đơ Thiên Cầm")
    assert producer.province.slug == "ha-tinh"

    page.click("a:has-text('Thêm sản phẩm')")
    page.fill("#id_name", "Kẹo cu đơ Thiên Cầm")
    page.fill("#id_producer", str(producer.pk))  # an autocomplete: a name from the list, or the number
    page.select_option("#id_category", str(category.pk))
    page.select_option("#id_certificates-0-stars", "4")
    page.fill("#id_certificates-0-decision_number", "2394/QĐ-UBND")
    page.fill("#id_certificates-0-decision_date", "2024-10-15")
    page.fill("#id_certificates-0-issuer", "UBND tỉnh Hà Tĩnh")
    page.select_option("#id_certificates-0-level", "province")
    page.set_input_files(
        "#id_newphotos-0-image",
        {"name": "keo.jpg", "mimeType": "image/jpeg", "buffer": png_bytes((640, 480), fmt="JPEG")},
    )
    page.fill("#id_newphotos-0-alt_text", "Gói kẹo cu đơ trên đĩa")
    page.click("form button[type=submit]:has-text('Lưu')")
    page.wait_for_selector("h1:has-text('Kẹo cu đơ Thiên Cầm')")
    assert page.locator("[data-stars]").inner_text() == "4★"
    assert page.locator("img[alt='Gói kẹo cu đơ trên đĩa']").count() == 1
    page.click("button[data-action=submit]")
    page.wait_for_selector(".badge-pending")
    assert page.locator("button[data-action=publish]").count() == 0
    sign_out(page)

    sign_in(page, "duyet-hatinh")
    page.click("text=Kẹo cu đơ Thiên Cầm")  # in "waiting for approval" on the dashboard
    page.click("button[data-action=publish]")
    page.wait_for_selector("h1 .badge-published")
    page.click("a:has-text('Hợp tác xã Kẹo cu đơ Thiên Cầm')")
    page.click("button[data-action=publish]")
    page.wait_for_selector("h1 .badge-published")

    page.goto("/staff/products/?stars=4&status=published")
    assert page.locator("table.list a:has-text('Kẹo cu đơ Thiên Cầm')").count() == 1
    product = Product.objects.get(name="Kẹo cu đơ Thiên Cầm")
    assert product.status == PublicationStatus.PUBLISHED and product.stars == 4
    assert product.photos.get().card_image
    listed = Product.objects.published().in_province(producer.province).filter(stars=4)
    assert list(listed) == [product]
    assert product.history.filter(history_user__username="duyet-hatinh").exists()

    # A buyer now finds it on the public list, filtered by Hà Tĩnh and 4 stars.
    sign_out(page)
    page.goto("/products/?province=ha-tinh&stars=4")
    card = page.locator(f"a[href='{product.get_absolute_url()}']").first
    assert card.count() == 1
    card.click()
    page.wait_for_selector("h1:has-text('Kẹo cu đơ Thiên Cầm')")
    assert "2394/QĐ-UBND" in page.content()


def test_editors_change_to_a_published_product_goes_public_only_once_approved(phone_page):
    from tests.factories import make_producer, make_product

    page = phone_page
    make_staff(username="bientap-hatinh", province_slug="ha-tinh", role="editor")
    make_staff(username="duyet-hatinh", province_slug="ha-tinh", role="approver")
    product = make_product(
        producer=make_producer(province_slug="ha-tinh", name="HTX Ong mật Vũ Quang"),
        name="Mật ong Vũ Quang",
        stars=4,
    )

    sign_in(page, "bientap-hatinh")
    page.goto(f"/staff/products/{product.pk}/edit/")
    assert page.locator(".notice").count() == 1  # "your changes will wait for an approver"
    page.fill("#id_name", "Mật ong rừng Vũ Quang")
    page.click("form button[type=submit]:has-text('Lưu')")
    page.wait_for_selector("#proposal-title")
    assert "Mật ong rừng Vũ Quang" in page.locator(".proposal ins").first.inner_text()
    sign_out(page)

    page.goto(product.get_absolute_url())
    assert page.locator("h1").inner_text() == "Mật ong Vũ Quang"

    sign_in(page, "duyet-hatinh")
    page.click("section[aria-labelledby=changes-waiting] a:has-text('Mật ong Vũ Quang')")
    page.fill("#id_note", "Đúng tên trên tem.")
    page.click("button[data-action=approve]")
    page.wait_for_selector("h1:has-text('Mật ong rừng Vũ Quang')")
    assert page.locator("[data-proposal-status=approved]").count() == 1
    sign_out(page)

    page.goto(product.get_absolute_url())
    assert page.locator("h1").inner_text() == "Mật ong rừng Vũ Quang"
    product.refresh_from_db()
    assert product.history.first().history_user.username == "duyet-hatinh"
