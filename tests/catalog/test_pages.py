import datetime
import json
import re

import pytest
from django.utils import timezone

from products.models import Product, SalesChannel, Standard
from tests.factories import make_certificate, make_producer, make_product
from tests.qr import decode
from tests.sample_catalog import add_valid_products, build_catalog, make_photo, slugs_on_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalog():
    return build_catalog()


def html_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


# Home ----------------------------------------------------------------------------------------


def test_home_counts_valid_products_by_star_and_province(client, catalog):
    response = client.get("/")

    totals = response.context["totals"]
    assert totals["products"] == 5
    assert (totals["stars_3"], totals["stars_4"], totals["stars_5"]) == (3, 1, 1)
    assert totals["producers"] == 4
    assert totals["provinces"] == 3
    provinces = {p.slug: n for p, n in response.context["provinces"]}
    assert len(provinces) == 34
    assert provinces["ha-tinh"] == 3 and provinces["ha-noi"] == 1 and provinces["an-giang"] == 0


def test_home_features_five_and_four_star_valid_products_and_newest(client, catalog):
    response = client.get("/")

    slugs = dict(Product.objects.values_list("pk", "slug"))  # the page keeps the products' keys
    assert [slugs[pk] for pk in response.context["featured"]] == ["tra-sen-tay-ho", "keo-cu-do-thien-cam"]
    assert slugs[response.context["newest"][0]] == "keo-lac"
    html = response.content.decode()
    assert 'role="search"' in html and 'name="q"' in html
    assert "nuoc-mam-ruoc" not in html and "mam-cay" not in html


def test_home_query_count_does_not_grow(client, django_assert_num_queries, catalog):
    with django_assert_num_queries(HOME_QUERIES):
        client.get("/")
    add_valid_products(20, stars=5)
    add_valid_products(5, province_slug="ha-noi")
    with django_assert_num_queries(HOME_QUERIES):
        client.get("/")


# Nothing kept (the tests' setting; in production only the first request after a write): totals,
# province counts, provinces, featured and newest keys, and the cards of each: products + photos.
# With everything kept, 0 (tests/bench/test_bench_smoke.py).
HOME_QUERIES = 9


# Product page --------------------------------------------------------------------------------


@pytest.fixture
def rich_product(db):
    producer = make_producer(
        name="Cơ sở Bà Lý", slug="ba-ly", phone="0912 345 678", zalo="0912345678", youth_led=True
    )
    product = make_product(
        producer=producer,
        name="Kẹo cu đơ Thiên Cầm",
        slug="keo-cu-do-thien-cam",
        category_code="I.3.b",
        stars=None,
        story="Kẹo làm từ mật mía & lạc <rang>.",
        price_min=45000,
        price_max=60000,
        price_unit="hộp 300 g",
        net_quantity="300 g",
    )
    make_certificate(
        product=product, stars=3, decision_date=datetime.date(2021, 3, 1), decision_number="112/QĐ-UBND"
    )
    make_certificate(
        product=product,
        stars=4,
        decision_date=datetime.date(2024, 10, 15),
        decision_number="2394/QĐ-UBND",
        issuer="UBND tỉnh Hà Tĩnh",
        score=78.5,
    )
    product.standards.add(Standard.objects.get(code="vietgap"))
    SalesChannel.objects.create(product=product, kind="shopee", url="https://shopee.vn/keo-cu-do")
    make_photo(product, alt_text="Hộp kẹo cu đơ", name="keo.png")
    product.refresh_from_db()
    return product


def test_product_page_shows_the_certificate_block(client, rich_product):
    html = html_of(client, "/products/keo-cu-do-thien-cam/")

    assert "2394/QĐ-UBND" in html and "15/10/2024" in html
    assert "UBND tỉnh Hà Tĩnh" in html
    assert 'class="certificate-expiry">15/10/2027<' in html
    assert "certificate-valid" in html
    assert "78,5" in html  # score, Vietnamese decimal comma
    assert "45.000 ₫ – 60.000 ₫" in html and "hộp 300 g" in html
    assert "https://shopee.vn/keo-cu-do" in html
    assert "VietGAP" in html and "0912 345 678" in html
    assert 'alt="Hộp kẹo cu đơ"' in html


def test_product_page_lists_earlier_certificates(client, rich_product):
    response = client.get(rich_product.get_absolute_url())

    assert [c.decision_number for c in response.context["earlier_certificates"]] == ["112/QĐ-UBND"]
    assert "112/QĐ-UBND" in response.content.decode()


def test_product_page_shows_the_category_path(client, rich_product):
    response = client.get(rich_product.get_absolute_url())

    assert [c.code for c in response.context["category_path"]] == ["I", "I.3", "I.3.b"]


def test_product_page_escapes_user_text(client, rich_product):
    html = html_of(client, rich_product.get_absolute_url())

    assert "<rang>" not in html and "&lt;rang&gt;" in html


def test_product_page_has_canonical_open_graph_and_json_ld(client, rich_product, settings):
    settings.SITE_URL = "https://ocop.example.vn"
    html = html_of(client, rich_product.get_absolute_url())

    canonical = "https://ocop.example.vn/products/keo-cu-do-thien-cam/"
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert f'<meta property="og:url" content="{canonical}">' in html
    assert '<meta property="og:title" content="Kẹo cu đơ Thiên Cầm">' in html
    assert 'property="og:image" content="https://ocop.example.vn/media/products/photos/keo' in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "Product" and data["name"] == "Kẹo cu đơ Thiên Cầm" and data["url"] == canonical
    assert data["offers"] == {
        "@type": "AggregateOffer",
        "priceCurrency": "VND",
        "lowPrice": 45000,
        "highPrice": 60000,
    }
    assert data["award"] == "OCOP 4★ (2394/QĐ-UBND)"
    assert "<rang>" not in re.search(r"ld\+json\">(.*?)</script>", html, re.S).group(1)


def test_qr_code_encodes_the_canonical_url(client, rich_product, settings):
    settings.SITE_URL = "https://ocop.example.vn"
    response = client.get(rich_product.get_absolute_url())

    assert decode(response.context["qr_svg"]) == "https://ocop.example.vn/products/keo-cu-do-thien-cam/"
    assert response.context["qr_svg"] in response.content.decode()


def test_english_qr_code_encodes_the_english_url(client, rich_product, settings):
    settings.SITE_URL = "https://ocop.example.vn"
    response = client.get("/en/products/keo-cu-do-thien-cam/")

    assert decode(response.context["qr_svg"]) == "https://ocop.example.vn/en/products/keo-cu-do-thien-cam/"


def test_printable_label_is_an_svg_download_with_the_qr_code(client, rich_product, settings):
    settings.SITE_URL = "https://ocop.example.vn"
    response = client.get("/products/keo-cu-do-thien-cam/label.svg")

    assert response["Content-Type"] == "image/svg+xml"
    assert response["Content-Disposition"] == 'attachment; filename="ocop-keo-cu-do-thien-cam.svg"'
    svg = response.content.decode()
    assert svg.startswith("<?xml") and "Kẹo cu đơ Thiên Cầm" in svg and "2394/QĐ-UBND" in svg
    assert "15/10/2027" in svg
    assert decode(svg) == "https://ocop.example.vn/products/keo-cu-do-thien-cam/"


def test_label_of_an_expired_product_carries_no_stars(client):
    product = make_product(slug="old", stars=4, decision_date=datetime.date(2020, 1, 1))

    svg = client.get(f"/products/{product.slug}/label.svg").content.decode()

    assert "★" not in svg


def test_expired_product_page_says_expired_and_shows_no_valid_badge(client):
    product = make_product(slug="old", stars=4, decision_date=datetime.date(2020, 1, 1))

    response = client.get(product.get_absolute_url())
    html = response.content.decode()

    assert response.context["certificate_status"] == "expired"
    assert "certificate-expired" in html and "certificate-valid" not in html
    assert "badge-valid" not in html and "award" not in response.context["json_ld"]


def test_revoked_product_page_says_revoked(client):
    product = make_product(slug="revoked", stars=4)
    certificate = product.current_certificate
    certificate.revoked_on = timezone.localdate()
    certificate.save()

    response = client.get(product.get_absolute_url())

    assert response.context["certificate_status"] == "revoked"
    assert "certificate-revoked" in response.content.decode()
    assert "award" not in response.context["json_ld"]


def test_certificate_revoked_with_a_later_date_stays_valid_until_that_date(client):
    # A revocation dated ahead takes effect on its date: until then the product is valid, the
    # page says when it will be revoked, and the list stops counting it from that day on.
    product = make_product(slug="revoked-later", stars=4)
    certificate = product.current_certificate
    revoked_on = timezone.localdate() + datetime.timedelta(days=5)
    certificate.revoked_on = revoked_on
    certificate.revocation_reason = "Vi phạm an toàn thực phẩm"
    certificate.save()
    product.refresh_from_db()

    response = client.get(product.get_absolute_url())
    html = response.content.decode()

    assert response.context["certificate_status"] == "valid" and response.context["revocation_ahead"]
    assert "revocation-ahead" in html and "Vi phạm an toàn thực phẩm" in html
    assert response.context["json_ld"]["award"].startswith("OCOP 4★")
    assert product.stars == 4 and product.certificate_expires_on == revoked_on - datetime.timedelta(days=1)
    assert not Product.objects.filter(pk=product.pk).certified_valid_on(revoked_on).exists()

    Product.objects.filter(pk=product.pk).sync_current_certificates(day=revoked_on)
    product.refresh_from_db()
    assert product.stars is None and product.current_certificate is None


def test_expiring_product_page_says_how_many_days_are_left(client):
    day = timezone.localdate()
    product = make_product(slug="soon", stars=None)
    make_certificate(
        product=product,
        decision_date=day - datetime.timedelta(days=1000),
        expires_on=day + datetime.timedelta(days=10),
    )

    response = client.get(product.get_absolute_url())

    assert response.context["certificate_status"] == "expiring"
    assert response.context["days_left"] == 10


def test_related_products_are_valid_and_same_set_first(client, catalog):
    response = client.get(catalog.keo.get_absolute_url())

    related = [p.slug for p in response.context["related_products"]]
    assert related[0] == "keo-lac"  # same product set, other province
    assert set(related) == {"keo-lac", "nuoc-mam-thanh-huong", "mam-tom"}


@pytest.mark.parametrize("slug", ["tra-chua-duyet", "tra-an", "no-such-product"])
def test_unpublished_and_unknown_products_are_404(client, catalog, slug):
    response = client.get(f"/products/{slug}/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode() or "Không tìm thấy" in response.content.decode()


def test_product_page_query_count_does_not_grow(client, django_assert_num_queries, rich_product):
    add_valid_products(2)
    with django_assert_num_queries(PRODUCT_QUERIES):
        client.get(rich_product.get_absolute_url())
    for n in range(5):
        make_certificate(product=rich_product, stars=3, decision_date=datetime.date(2020, 1, 1 + n))
        make_photo(rich_product, position=n + 1)
        SalesChannel.objects.create(product=rich_product, kind="tiki", url=f"https://tiki.vn/{n}")
    add_valid_products(8)
    with django_assert_num_queries(PRODUCT_QUERIES):
        client.get(rich_product.get_absolute_url())


# Nothing kept: is it published, the product, photos, certificates, standards, channels, related
# products (keys + photos), featured in; 1 with everything kept (tests/bench/test_bench_smoke.py).
PRODUCT_QUERIES = 9


# Producer and province pages -------------------------------------------------------------------


def test_producer_page_lists_its_published_products(client, catalog):
    response = client.get("/producers/thanh-huong/")

    slugs = slugs_on_page(response.content.decode())
    assert set(slugs) == {"nuoc-mam-thanh-huong", "mam-tom", "nuoc-mam-ruoc", "mam-cay"}
    assert "Công ty Thanh Hương" in response.content.decode()


def test_unpublished_producer_is_404(client, catalog):
    assert client.get("/producers/draft-producer/").status_code == 404
    assert client.get("/producers/nobody/").status_code == 404


def test_producer_page_query_count_does_not_grow(client, django_assert_num_queries, catalog):
    producer = catalog.mam.producer
    # Nothing kept: producer, its product count, product keys, their cards (products + photos),
    # featured in; 1 with everything kept.
    with django_assert_num_queries(6):
        client.get(producer.get_absolute_url())
    for _ in range(10):
        make_product(producer=producer)
    with django_assert_num_queries(6):
        client.get(producer.get_absolute_url())


def test_province_page_counts_by_star_and_category_group(client, catalog):
    response = client.get("/provinces/ha-tinh/")

    assert response.context["star_counts"] == [(5, 0), (4, 1), (3, 2)]
    groups = {group.code: n for group, n in response.context["group_counts"]}
    assert groups["I"] == 3 and groups["II"] == 0
    assert response.context["total"] == 3
    html = response.content.decode()
    assert 'href="/products/?province=ha-tinh&amp;stars=4"' in html


def test_province_page_lists_producers_products_and_former_provinces(client, catalog):
    response = client.get("/provinces/ha-tinh/")

    assert {p.slug: p.product_count for p in response.context["producers"]} == {
        "keo-ba-ly": 1,
        "thanh-huong": 2,  # valid and expiring; not the expired, revoked or unpublished ones
    }
    slugs = dict(Product.objects.values_list("pk", "slug"))  # the page keeps the products' keys
    assert {slugs[pk] for pk in response.context["products"]} == {
        "keo-cu-do-thien-cam",
        "nuoc-mam-thanh-huong",
        "mam-tom",
    }
    assert [f.name for f in response.context["former_provinces"]] == ["Hà Tĩnh"]


def test_merged_province_names_every_former_province(client, db):
    response = client.get("/provinces/nghe-an/")
    assert [f.name for f in response.context["former_provinces"]] == ["Nghệ An"]

    response = client.get("/provinces/hue/")
    assert response.status_code == 200

    response = client.get("/provinces/ninh-binh/")
    assert len(response.context["former_provinces"]) == 3


def test_unknown_province_is_404(client, db):
    assert client.get("/provinces/atlantis/").status_code == 404


def test_province_page_query_count_does_not_grow(client, django_assert_num_queries, catalog):
    with django_assert_num_queries(PROVINCE_QUERIES):
        client.get("/provinces/ha-tinh/")
    add_valid_products(15)
    with django_assert_num_queries(PROVINCE_QUERIES):
        client.get("/provinces/ha-tinh/")


PROVINCE_QUERIES = (
    13  # province, official figure, star counts, groups, set counts, producers, producer total,
    # former provinces, product keys, their cards (products + photos), promotion totals and latest
    # campaigns; 1 (the province) with everything kept (tests/bench/test_bench_smoke.py)
)


# Site-wide -----------------------------------------------------------------------------------


def test_sitemap_index_lists_its_sections(client, catalog, django_assert_num_queries):
    # Provinces, producers, products, campaigns and activities: each listed once for paging, plus
    # the latest change of producers, products, campaigns and activities.
    with django_assert_num_queries(9):
        response = client.get("/sitemap.xml")

    xml = response.content.decode()
    for section in ("pages", "provinces", "producers", "products", "promotion", "campaigns", "activities"):
        assert f"<loc>http://testserver/sitemap-{section}.xml</loc>" in xml


def test_sitemap_sections_list_public_pages_in_both_languages(client, catalog, django_assert_num_queries):
    # The section's count and the page's rows (the count is kept per catalog version when
    # CATALOG_SUMMARY_CACHE is on, as in production).
    with django_assert_num_queries(2):
        response = client.get("/sitemap-products.xml")
    products = response.content.decode()
    producers = client.get("/sitemap-producers.xml").content.decode()
    provinces = client.get("/sitemap-provinces.xml").content.decode()
    pages = client.get("/sitemap-pages.xml").content.decode()

    assert "<loc>http://testserver/products/keo-cu-do-thien-cam/</loc>" in products
    assert "<loc>http://testserver/en/products/keo-cu-do-thien-cam/</loc>" in products
    assert 'hreflang="en" href="http://testserver/en/products/keo-cu-do-thien-cam/"' in products
    assert "tra-chua-duyet" not in products and "tra-an" not in products
    assert "http://testserver/producers/thanh-huong/" in producers and "draft-producer" not in producers
    assert "http://testserver/provinces/ha-tinh/" in provinces
    assert "<loc>http://testserver/en/products/</loc>" in pages


def test_sitemap_pages_past_the_end_are_404(client, catalog):
    assert client.get("/sitemap-products.xml?p=99").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_robots_txt_points_to_the_sitemap(client, db):
    response = client.get("/robots.txt")

    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body
    for path in ("/admin/", "/en/admin/", "/staff/", "/en/staff/"):
        assert f"Disallow: {path}\n" in body


def test_robots_txt_answers_head_requests(client, db):
    response = client.head("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert client.post("/robots.txt").status_code == 405


def test_404_page_is_in_the_site_style_and_language(client, db):
    vietnamese = client.get("/khong-co-trang-nay/")
    english = client.get("/en/no-such-page/")

    assert vietnamese.status_code == english.status_code == 404
    assert (
        '<html lang="vi">' in vietnamese.content.decode()
        and 'class="site-header"' in vietnamese.content.decode()
    )
    assert '<html lang="en">' in english.content.decode() and "Page not found" in english.content.decode()


def test_a_request_for_an_unknown_host_gets_the_400_page_not_a_500(client, db):
    client.raise_request_exception = False

    response = client.get("/products/", HTTP_HOST="scanner.example")

    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="site-header"' in html and "scanner.example" not in html


def test_an_error_in_a_page_gives_the_500_page_in_the_site_style(client, db, monkeypatch):
    from products.views import ProductListView

    def broken(self, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(ProductListView, "get_context_data", broken)
    client.raise_request_exception = False

    response = client.get("/products/")

    assert response.status_code == 500
    html = response.content.decode()
    assert 'class="site-header"' in html and "site.css" in html and "boom" not in html


# Languages -----------------------------------------------------------------------------------


def test_vietnamese_is_the_default_and_english_lives_under_en(client, catalog):
    vietnamese = html_of(client, "/products/")
    english = html_of(client, "/en/products/")

    assert '<html lang="vi">' in vietnamese and '<html lang="en">' in english
    assert 'href="/en/products/keo-cu-do-thien-cam/"' in english


def test_language_switch_keeps_the_path_and_filters(client, catalog):
    html = html_of(client, "/products/?province=ha-tinh&stars=4")

    assert 'href="/en/products/?province=ha-tinh&amp;stars=4"' in html
    english = html_of(client, "/en/products/?province=ha-tinh&stars=4")
    assert 'href="/products/?province=ha-tinh&amp;stars=4"' in english
    assert set(slugs_on_page(english)) == {"keo-cu-do-thien-cam"}


def test_pages_declare_their_other_language_with_hreflang(client, catalog):
    html = html_of(client, "/products/keo-cu-do-thien-cam/")

    assert (
        '<link rel="alternate" hreflang="en" href="http://testserver/en/products/keo-cu-do-thien-cam/">'
        in html
    )


def test_prices_and_dates_follow_the_language(client, rich_product):
    vietnamese = html_of(client, rich_product.get_absolute_url())
    english = html_of(client, "/en" + rich_product.get_absolute_url())

    assert "45.000 ₫" in vietnamese and "15/10/2027" in vietnamese
    assert "45,000 ₫" in english and "15 October 2027" in english


def test_label_robots_and_404_query_counts(client, rich_product, django_assert_num_queries):
    with django_assert_num_queries(1):
        client.get("/products/keo-cu-do-thien-cam/label.svg")
    with django_assert_num_queries(0):
        client.get("/robots.txt")
    with django_assert_num_queries(0):
        client.get("/no-such-page/")


def cards_by_slug(html: str) -> dict[str, str]:
    cards = re.findall(r'<article class="card">.*?</article>', html, re.S)
    return {re.search(r'href="(?:/en)?/products/([^/]+)/"', card).group(1): card for card in cards}


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/products/?status=all",
        "/products/?status=expired",
        "/en/products/?status=all",
        "/producers/thanh-huong/",
        "/provinces/ha-tinh/",
        "/products/nuoc-mam-thanh-huong/",
    ],
)
def test_no_expired_or_revoked_product_looks_valid_anywhere(client, catalog, url):
    cards = cards_by_slug(html_of(client, url))

    for slug in ("nuoc-mam-ruoc", "mam-cay", "tuong"):
        if slug in cards:
            assert "badge-valid" not in cards[slug] and "badge-expiring" not in cards[slug], (url, slug)
            assert "★" not in cards[slug], (url, slug)
    for slug in catalog.valid & cards.keys():
        assert "badge-valid" in cards[slug] or "badge-expiring" in cards[slug], (url, slug)


def test_links_without_a_request_use_the_site_url(settings):
    from products.sharing import absolute_url, qr_svg

    settings.SITE_URL = "https://ocop.example.org"

    assert absolute_url("/products/x/") == "https://ocop.example.org/products/x/"
    assert decode(qr_svg(absolute_url("/products/x/"))) == "https://ocop.example.org/products/x/"
