"""Issue 12: the buyers' paths on a 375 px phone, and the printed Hà Tĩnh 4★ catalogue."""

import re

import pypdfium2 as pdfium
import pytest
import zxingcpp

from inquiries.models import Inquiry
from products.verification import short_code
from tests.factories import make_producer, make_product
from tests.sample_catalog import build_catalog

pytestmark = pytest.mark.browser


@pytest.fixture
def catalog(reference_data):
    return build_catalog()


def fits_the_phone(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_buyer_reads_what_the_stars_mean_from_a_badge(phone_page, catalog):
    page = phone_page
    page.goto("/products/")
    page.locator("a.badge").first.click()
    page.wait_for_url("**/ocop/")
    assert page.get_by_role("heading", name="Ý nghĩa các hạng sao OCOP", level=1).is_visible()
    assert page.get_by_text("Từ 70 đến dưới 90").is_visible() and fits_the_phone(page)


def test_buyer_checks_a_label_code_and_a_decision_number(phone_page, catalog):
    page = phone_page
    certificate = catalog.keo.current_certificate
    page.goto("/verify/")
    page.get_by_label("Số quyết định hoặc mã trên nhãn").fill(short_code(certificate.pk).lower())
    page.get_by_role("button", name="Kiểm tra").click()
    assert page.locator(".verify-valid").get_by_text("Kẹo cu đơ Thiên Cầm").is_visible()
    assert fits_the_phone(page)
    page.get_by_label("Số quyết định hoặc mã trên nhãn").fill("999999/QD-KHONG-CO")
    page.get_by_role("button", name="Kiểm tra").click()
    assert page.locator(".verify-none").is_visible()


def test_buyer_finds_producers_of_a_province(phone_page, catalog):
    page = phone_page
    page.goto("/")
    page.get_by_role("link", name="Chủ thể", exact=True).click()
    page.wait_for_url("**/producers/")
    page.locator("summary").click()
    page.get_by_role("checkbox", name=re.compile(r"^Hà Tĩnh")).check()
    page.get_by_role("button", name="Xem chủ thể").click()
    page.wait_for_url(re.compile(r"province=ha-tinh"))
    assert page.get_by_role("link", name="Công ty Thanh Hương").is_visible()
    assert page.get_by_role("link", name="HTX Sen Tây Hồ").count() == 0 and fits_the_phone(page)


def test_buyer_asks_a_producer_from_a_product_page(phone_page, catalog):
    page = phone_page
    page.goto(catalog.keo.get_absolute_url())
    page.get_by_label("Họ tên").fill("Chị Lan")
    page.get_by_label("Điện thoại hoặc email").fill("0912345678")
    page.get_by_label("Nội dung").fill("Cho tôi hỏi giá 200 hộp làm quà Tết.")
    page.get_by_role("button", name="Gửi câu hỏi").click()
    page.wait_for_url("**/ask/sent/")
    assert page.get_by_role("heading", name="Câu hỏi của bạn đã được gửi").is_visible()
    assert Inquiry.objects.get().product_id == catalog.keo.pk and fits_the_phone(page)


def test_printed_ha_tinh_four_star_catalogue_holds_twelve_products(phone_page, reference_data, settings):
    settings.SITE_URL = "https://ocop.example.vn"
    for n in range(12):
        make_product(producer=make_producer(phone=f"0912 000 {n:03d}"), name=f"Sản phẩm {n:02d}", stars=4)
    make_product(producer=make_producer(), name="Ba sao", stars=3)
    page = phone_page
    page.goto("/products/?province=ha-tinh&stars=4")
    page.get_by_role("link", name="In danh sách này thành catalogue").click()
    page.wait_for_url("**/products/print/?province=ha-tinh&stars=4")
    assert page.locator(".catalogue-item").count() == 12 and fits_the_phone(page)

    pdf = pdfium.PdfDocument(page.pdf(format="A4", print_background=True))
    assert len(pdf) == 4  # the cover, then four products a page

    found = []  # read from the PDF's pages, as a phone would read the paper
    for pdf_page in pdf:
        image = pdf_page.render(scale=3).to_pil().convert("L")
        found += [result.text for result in zxingcpp.read_barcodes(image)]
    assert len(found) == len(set(found)) == 12
    assert all(url.startswith("https://ocop.example.vn/products/") for url in found)
