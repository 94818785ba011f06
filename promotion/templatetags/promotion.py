"""Template tags of the promotion pages: figures in their unit."""

from django import template
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from producers import catalog_version
from products.templatetags.catalog import vnd
from promotion import summaries

register = template.Library()


@register.filter
def figure(item) -> str:
    """A reading's or a total's value in its unit: "485.000.000 ₫" for revenue, "14.800.000" otherwise."""
    if item.is_money:
        return vnd(item.value)
    return number_format(item.value, decimal_pos=0, force_grouping=True)


@register.filter
def duration(minutes) -> str:
    """Minutes as hours and minutes: 240 -> "4 h", 90 -> "1 h 30 min"."""
    if minutes in (None, ""):
        return ""
    hours, rest = divmod(int(minutes), 60)
    parts = [_("%(hours)d h") % {"hours": hours}] if hours else []
    if rest or not hours:
        parts.append(_("%(minutes)d min") % {"minutes": rest})
    return " ".join(parts)


@register.simple_tag
def campaign_list_url(**params) -> str:
    """The campaign list with these filters: ``{% campaign_list_url province=province.slug %}``."""
    query = urlencode({name: value for name, value in params.items() if value not in (None, "")})
    return reverse("promotion:campaign_list") + (f"?{query}" if query else "")


@register.inclusion_tag("promotion/includes/featured_in.html")
def featured_in_block(*, product=None, producer=None) -> dict:
    """The "Featured in" block of a product or producer page (one query, kept per catalog version).

    A tag rather than a view's context entry, so that the product and producer apps never
    import promotion: promotion builds on them, not the other way round.
    """
    owner = f"product:{product.pk}" if product is not None else f"producer:{producer.pk}"
    return {
        "featured_in": catalog_version.summary(
            f"featured-in:{owner}", lambda: summaries.featured_in(product=product, producer=producer)
        )
    }


@register.inclusion_tag("promotion/includes/province_block.html")
def province_promotion_block(province) -> dict:
    """The "Digital promotion" block of a province page: totals per measure, latest campaigns.

    Kept per catalog version and day, as the province's other counts are.
    """
    promotion = catalog_version.summary(
        f"promotion:province:{province.pk}", lambda: summaries.province_promotion(province)
    )
    return {"promotion": promotion, "province": province}
