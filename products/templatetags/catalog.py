"""Template tags of the public catalog: certificate badges, prices, language links, JSON-LD."""

from django import template
from django.urls import reverse, translate_url
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from products import filters
from products.certificates import VALID_STATUSES, Status
from products.sharing import json_ld

register = template.Library()


@register.inclusion_tag("products/includes/certificate_badge.html")
def certificate_badge(product, day=None):
    """A product's star badge; filled and green only while its current certificate is valid."""
    status = product.validity_on(day or timezone.localdate())
    if status is None and getattr(product, "has_certificate", False):
        status = Status.REVOKED  # certificates on record, none current: all revoked
    return {
        "stars": product.stars,
        "status": status,
        "valid": status in VALID_STATUSES,
        "expires_on": product.certificate_expires_on,
    }


def group_digits(value) -> str:
    """A whole amount grouped for the active language: "120.000" (vi), "120,000" (en)."""
    return number_format(value, decimal_pos=0, force_grouping=True)


@register.filter
def vnd(value) -> str:
    """An amount of đồng, grouped for the active language: "120.000 ₫" (vi), "120,000 ₫" (en)."""
    if value in (None, ""):
        return ""
    return f"{group_digits(value)} ₫"


@register.simple_tag
def price_range(product) -> str:
    """ "120.000 ₫" or "120.000 ₫ – 150.000 ₫", or "" when the product has no price."""
    if product.price_min is None:
        return ""
    if product.price_max is None or product.price_max == product.price_min:
        return vnd(product.price_min)
    return f"{vnd(product.price_min)} – {vnd(product.price_max)}"


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """The current page (with its query string) in each language, for the switch and hreflang."""
    request = context.get("request")
    path = request.get_full_path() if request else "/"
    return [
        {"code": "vi", "name": "Tiếng Việt", "url": translate_url(path, "vi")},
        {"code": "en", "name": "English", "url": translate_url(path, "en")},
    ]


@register.filter
def to_json_ld(data) -> str:
    """``data`` as JSON that is safe inside ``<script type="application/ld+json">``."""
    return mark_safe(json_ld(data))


@register.simple_tag
def ocop_url() -> str:
    """The page that explains the star levels; every star badge links to it."""
    return reverse("products:ocop")


@register.filter
def star_symbols(stars) -> str:
    return "★" * int(stars or 0)


@register.simple_tag
def stars_label(stars) -> str:
    return _("%(stars)s stars") % {"stars": stars}


@register.simple_tag
def product_list_url(**params) -> str:
    """A link to the product list with these filters: ``{% product_list_url province=p.slug stars=4 %}``."""
    return filters.product_list_url(**params)
