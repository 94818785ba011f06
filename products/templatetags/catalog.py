"""Template tags of the public catalog: certificate badges, prices, language links, JSON-LD."""

from django import template
from django.db.models import QuerySet
from django.template import loader
from django.urls import reverse, translate_url
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from producers import catalog_version
from products import filters
from products.certificates import VALID_STATUSES
from products.models import Product
from products.sharing import json_ld

register = template.Library()


@register.inclusion_tag("products/includes/certificate_badge.html")
def certificate_badge(product, day=None):
    """A product's star badge; filled and green only while its current certificate is valid."""
    status = product.listed_status_on(day or timezone.localdate())
    return {
        "stars": product.stars,
        "status": status,
        "valid": status in VALID_STATUSES,
        "expires_on": product.certificate_expires_on,
    }


@register.simple_tag
def product_cards(products) -> str:
    """The products' cards as list items, each rendered once per catalog version, day and language.

    A card says only what the product's row says (and today's certificate status), so a card
    rendered for one page serves every page that shows the product: a page's cards cost one
    read of the shared cache. Given an unevaluated queryset (a page of the list), only its
    keys are read (a list of keys is taken as well), and the products whose cards are
    missing are loaded in one query.
    """
    if isinstance(products, QuerySet) and products._result_cache is None:
        pks, loaded = list(products.values_list("pk", flat=True)), {}
    elif all(isinstance(product, int) for product in products):
        pks, loaded = list(products), {}
    else:
        loaded = {product.pk: product for product in products}
        pks = list(loaded)
    card = loader.get_template("products/includes/product_card.html")
    language = get_language()
    names = {f"card:{language}:{pk}": pk for pk in pks}

    def render(missing: list[str]) -> dict[str, str]:
        wanted = [names[name] for name in missing if names[name] not in loaded]
        if wanted:
            loaded.update(Product.objects.for_listing().in_bulk(wanted))
        return {name: card.render({"product": loaded[names[name]]}) for name in missing}

    cards = catalog_version.summaries(list(names), render)
    return mark_safe("".join(f"<li>{cards[name]}</li>" for name in names))


class KeptNode(template.Node):
    def __init__(self, nodelist, name: str, vary: list):
        self.nodelist, self.name, self.vary = nodelist, name, vary

    def render(self, context):
        values = ":".join(str(value.resolve(context)) for value in self.vary)
        name = f"fragment:{self.name}:{get_language()}:{values}"
        return catalog_version.summary(name, lambda: self.nodelist.render(context))


@register.tag
def kept(parser, token):
    """``{% kept "name" value ... %}…{% endkept %}``: the block rendered once per catalog version and day.

    Kept per language and the values given, like the counts (``catalog_version.summary``).
    The block must depend on nothing else: no request, no user, no form with a CSRF token.
    """
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError("{% kept %} takes a quoted name and the values it varies on.")
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(nodelist, bits[1][1:-1], [parser.compile_filter(bit) for bit in bits[2:]])


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
