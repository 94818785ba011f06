"""What a product page gives to the outside world: canonical links, QR codes, labels, JSON-LD."""

import hashlib
import json
import textwrap

import segno
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.template.loader import render_to_string

from products.certificates import VALID_STATUSES
from products.models import Certificate, Product


def absolute_url(path: str, request: HttpRequest | None = None) -> str:
    """``path`` as a full URL on the site's public origin, ``settings.SITE_URL``.

    Never the request's host: a label printed or a link shared from a staff member's office
    address (or any other name the server answers to) must still open the public page.
    ``request`` is accepted for the callers' convenience and ignored. An already absolute
    ``path`` (media on another origin) is returned as it is.
    """
    if path.startswith(("https://", "http://")):
        return path
    return settings.SITE_URL.rstrip("/") + path


def qr_code(url: str) -> segno.QRCode:
    """The QR code of ``url``; medium error correction survives a scratched printed label."""
    return segno.make(url, error="m", micro=False)


def qr_svg(url: str, *, title: str = "") -> str:
    """An inline ``<svg>`` element (no XML declaration) of the QR code of ``url``.

    Kept a day in the shared cache: encoding one costs about 10 ms (choosing the mask), and a
    code depends on nothing but its URL and title.
    """
    key = "qr:" + hashlib.sha256(f"{url}\n{title}".encode()).hexdigest()
    return cache.get_or_set(
        key,
        lambda: qr_code(url).svg_inline(scale=4, title=title or None, dark="#1c1f23", light="#ffffff"),
        timeout=24 * 3600,
    )


def label_svg(product: Product, url: str, *, status: str | None, lines: dict[str, str]) -> str:
    """A printable label (a standalone SVG document): name, producer, certificate and QR code."""
    qr = qr_code(url)
    width, _height = qr.symbol_size(scale=5)
    return render_to_string(
        "products/product_label.svg",
        {
            "product": product,
            "url": url,
            "qr": qr.svg_inline(scale=5, omitsize=False),
            "qr_scale": f"{240 / width:.4f}",
            "name_lines": textwrap.wrap(product.name, 32)[:3],
            "valid": status in VALID_STATUSES,
            "lines": lines,
        },
    )


_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld(data: dict) -> str:
    """``data`` as JSON safe to place inside a ``<script>`` element."""
    return json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES)


def product_json_ld(
    product: Product, *, url: str, images: list[str], certificate: Certificate | None, valid: bool
) -> dict:
    """schema.org ``Product`` data for ``product``; the OCOP rating only while it is valid."""
    producer = product.producer
    data = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": product.name,
        "url": url,
        "category": product.category.name,
        "brand": {"@type": "Brand", "name": producer.name},
        "manufacturer": {
            "@type": "Organization",
            "name": producer.name,
            "address": {
                "@type": "PostalAddress",
                "addressRegion": producer.province.name,
                "addressCountry": "VN",
                **({"addressLocality": producer.ward.name} if producer.ward_id else {}),
            },
        },
    }
    if images:
        data["image"] = images
    if product.story:
        data["description"] = product.story[:500]
    if product.price_min is not None:
        if product.price_max is not None and product.price_max != product.price_min:
            data["offers"] = {
                "@type": "AggregateOffer",
                "priceCurrency": "VND",
                "lowPrice": product.price_min,
                "highPrice": product.price_max,
            }
        else:
            data["offers"] = {"@type": "Offer", "priceCurrency": "VND", "price": product.price_min}
    if certificate is not None and valid:
        data["award"] = f"OCOP {certificate.stars}★ ({certificate.decision_number})"
    return data
