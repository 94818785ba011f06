"""Issue 12, item 5: /products/print/ prints any product-list filter as a catalogue."""

import re

import pytest

from tests.factories import make_producer, make_product
from tests.qr import decode

pytestmark = pytest.mark.django_db


def ha_tinh_four_stars(count: int) -> None:
    for n in range(count):
        producer = make_producer(
            name=f"HTX Hà Tĩnh {n}", phone=f"0912 000 {n:03d}", email=f"htx{n}@example.vn"
        )
        make_product(producer=producer, name=f"Sản phẩm Hà Tĩnh {n:02d}", stars=4)
    make_product(producer=make_producer(), name="Sản phẩm ba sao", stars=3)
    make_product(producer=make_producer(province_slug="nghe-an"), name="Sản phẩm Nghệ An", stars=4)


def test_print_catalogue_holds_the_filtered_products_with_qr_codes_on_site_url(client, settings):
    settings.SITE_URL = "https://ocop.example.vn"
    ha_tinh_four_stars(12)

    response = client.get("/products/print/?province=ha-tinh&stars=4", HTTP_HOST="localhost")
    html = response.content.decode()

    assert response.status_code == 200
    assert html.count('class="catalogue-item"') == 12
    assert "Sản phẩm ba sao" not in html and "Sản phẩm Nghệ An" not in html
    assert "Hà Tĩnh" in html.split('class="cover-filter"')[1].split("</p>")[0]
    assert "0912 000 000" in html and "htx0@example.vn" in html
    svgs = re.findall(r"<svg.*?</svg>", html, re.S)
    urls = {decode(svg) for svg in svgs}
    assert len(urls) == 12 and all(url.startswith("https://ocop.example.vn/products/") for url in urls)


def test_print_catalogue_query_count_is_flat(client, django_assert_max_num_queries):
    ha_tinh_four_stars(2)
    with django_assert_max_num_queries(8) as first:
        client.get("/products/print/?province=ha-tinh")
    ha_tinh_four_stars(10)
    with django_assert_max_num_queries(len(first.captured_queries)):
        client.get("/products/print/?province=ha-tinh")


def test_product_list_links_to_its_print_version(client):
    ha_tinh_four_stars(1)
    html = client.get("/products/?province=ha-tinh&stars=4").content.decode()
    assert 'href="/products/print/?province=ha-tinh&amp;stars=4"' in html
