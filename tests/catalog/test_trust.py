"""Issue 12, trust: /ocop/, /verify/, decision-number search, future revocations, SITE_URL links."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from products.certificates import add_months, decision_key
from products.models import Certificate, Product
from products.verification import parse_short_code, short_code
from tests.factories import make_certificate, make_product
from tests.qr import decode

pytestmark = pytest.mark.django_db


def today() -> datetime.date:
    return timezone.localdate()


def certified(slug: str, number: str, **fields) -> Certificate:
    product = make_product(slug=slug, name=slug.replace("-", " ").title(), stars=None)
    return make_certificate(product=product, stars=4, decision_number=number, **fields)


@pytest.fixture
def certificates():
    day = today()
    return {
        "valid": certified("keo-valid", "2394/QĐ-UBND"),
        "expiring": certified(
            "keo-expiring",
            "77/QĐ-UBND",
            decision_date=add_months(day, -35),
            expires_on=day + datetime.timedelta(days=20),
        ),
        "expired": certified("keo-expired", "78/QĐ-UBND", decision_date=add_months(day, -37)),
        "revoked": certified(
            "keo-revoked",
            "79/QĐ-UBND",
            revoked_on=day - datetime.timedelta(days=2),
            revocation_reason="Vi phạm an toàn thực phẩm",
        ),
        "future": certified(
            "keo-future",
            "80/QĐ-UBND",
            revoked_on=day + datetime.timedelta(days=10),
            revocation_reason="Đổi bao bì không đăng ký",
        ),
    }


def test_decision_key_ignores_diacritics_spaces_and_case(certificates):
    assert decision_key(" 2394 / qđ-ubnd ") == "2394/QD-UBND"
    stored = Certificate.objects.get(pk=certificates["valid"].pk)
    assert stored.decision_key == "2394/QD-UBND"  # computed by the database
    for typed in ("2394/QĐ-UBND", "2394/qd-ubnd", "2394 / QD - UBND", "2394/Qđ-Ubnd"):
        assert Certificate.objects.filter(decision_key=decision_key(typed)).get() == stored


@pytest.mark.parametrize(
    ("case", "typed", "status", "words"),
    [
        ("valid", "2394/qd-ubnd", "valid", "Còn hiệu lực"),
        ("expiring", "77 / QD-UBND", "expiring", "chỉ đến"),
        ("expired", "78/QĐ-UBND", "expired", "Hết hiệu lực"),
        ("revoked", "79/qđ-ubnd", "revoked", "Vi phạm an toàn thực phẩm"),
        ("future", "80/QD-UBND", "valid", "Đổi bao bì không đăng ký"),
    ],
)
def test_verify_answers_every_status_in_words(client, certificates, case, typed, status, words):
    response = client.get("/verify/", {"q": typed})
    html = response.content.decode()

    [verdict] = response.context["verdicts"]
    assert verdict.certificate.pk == certificates[case].pk and verdict.status == status
    assert certificates[case].product.name in html and words in html
    assert f"verify-{status}" in html
    assert verdict.revocation_ahead is (case == "future")


def test_verify_says_plainly_when_nothing_matches(client, certificates):
    html = client.get("/verify/", {"q": "9999/QĐ-UBND"}).content.decode()
    assert "verify-none" in html and "9999/QĐ-UBND" in html and "verify-result " not in html
    english = client.get("/en/verify/", {"q": "OCOP-ZZZZ"}).content.decode()
    assert "No OCOP certificate in this catalog has the number or code" in english


def test_verify_hides_unpublished_products(client):
    product = make_product(slug="draft-keo", stars=None, status="draft")
    make_certificate(product=product, decision_number="555/QĐ-UBND")
    response = client.get("/verify/", {"q": "555/QD-UBND"})
    assert response.context["verdicts"] == [] and "draft-keo" not in response.content.decode()


def test_short_code_round_trips_and_refuses_typos(certificates):
    for pk in (1, 31, 32, 1234, 987654):
        code = short_code(pk)
        assert code.startswith("OCOP-") and parse_short_code(code) == pk
        assert parse_short_code(code.lower().replace("-", " ")) == pk
    code = short_code(1234)
    typo = code[:-2] + ("A" if code[-2] != "A" else "B") + code[-1]
    assert parse_short_code(typo) is None
    assert parse_short_code("2394/QĐ-UBND") is None and parse_short_code("OCOP-") is None


def test_verify_finds_the_certificate_of_a_label_code(client, certificates):
    certificate = certificates["valid"]
    response = client.get("/verify/", {"q": short_code(certificate.pk).lower()})
    assert [v.certificate.pk for v in response.context["verdicts"]] == [certificate.pk]


def test_verify_query_count_does_not_grow_with_matches(client, django_assert_num_queries):
    def shared(count):
        for n in range(count):
            certified(f"shared-{count}-{n}", "12/QĐ-UBND")

    shared(2)
    with django_assert_num_queries(1):
        assert client.get("/verify/", {"q": "12/qd-ubnd"}).status_code == 200
    shared(8)
    with django_assert_num_queries(1):
        response = client.get("/verify/", {"q": "12/qd-ubnd"})
    assert response.context["total"] == 10


def test_product_list_search_finds_a_decision_number(client, certificates):
    response = client.get("/products/", {"q": "2394/qd-ubnd"})
    slugs = [product.slug for product in response.context["object_list"]]
    assert slugs == ["keo-valid"]
    # Words still search as words.
    words = client.get("/products/", {"q": "keo valid"}).context["object_list"]
    assert [product.slug for product in words] == ["keo-valid"]


def test_future_revocation_keeps_the_product_valid_until_its_date(client, certificates):
    certificate = certificates["future"]
    product = Product.objects.get(pk=certificate.product_id)
    assert product.stars == 4 and product.current_certificate_id == certificate.pk
    assert Product.objects.filter(pk=product.pk).certified_valid_on(today()).exists()
    html = client.get(product.get_absolute_url()).content.decode()
    assert "revocation-ahead" in html and "Đổi bao bì không đăng ký" in html

    call_command("sync_certificates", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Product.objects.get(pk=product.pk).stars == 4  # the day has not come


def test_all_revoked_product_says_revoked_on_its_card(client, certificates):
    html = client.get("/products/", {"status": "expired", "q": "keo revoked"}).content.decode()
    assert "Chứng nhận đã bị thu hồi" in html and "badge-none" not in html


def test_all_revoked_product_says_revoked_in_the_printed_catalogue(client, certificates):
    html = client.get("/products/print/", {"status": "expired", "q": "keo revoked"}).content.decode()
    block = html.split('class="catalogue-item"')[1]
    assert "Keo Revoked" in block
    assert "Chứng nhận đã bị thu hồi" in block and "Không có chứng nhận OCOP còn hiệu lực" not in block
    expired = client.get("/products/print/", {"status": "expired", "q": "keo expired"}).content.decode()
    assert "Chứng nhận hết hạn" in expired.split('class="catalogue-item"')[1]


def test_label_carries_the_short_code_and_site_url_from_another_host(client, certificates, settings):
    settings.SITE_URL = "https://ocop.example.vn"
    certificate = certificates["valid"]
    url = f"/products/{certificate.product.slug}/label.svg"
    svg = client.get(url, HTTP_HOST="localhost").content.decode()

    assert short_code(certificate.pk) in svg
    assert decode(svg) == "https://ocop.example.vn/products/keo-valid/"
    page = client.get("/products/keo-valid/", HTTP_HOST="127.0.0.1")
    assert decode(page.context["qr_svg"]) == "https://ocop.example.vn/products/keo-valid/"
    assert short_code(certificate.pk) in page.content.decode()


def test_ocop_page_explains_the_star_levels_and_every_badge_links_to_it(client, certificates):
    html = client.get("/ocop/").content.decode()
    for text in ("148/QĐ-TTg", "36", "90", "70", "50"):
        assert text in html
    english = client.get("/en/ocop/").content.decode()
    assert "70 to under 90" in english and "What the OCOP stars mean" in english
    listing = client.get("/products/").content.decode()
    assert listing.count('class="badge badge-') == listing.count('href="/ocop/" title=') + listing.count(
        'badge-expired" href="/ocop/"'
    )
    assert 'href="/ocop/"' in listing
