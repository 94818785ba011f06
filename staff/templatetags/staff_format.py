"""Formatting for the staff templates, built on the catalog's formats (money is grouped once)."""

from django import template

from products.templatetags.catalog import group_digits

register = template.Library()


@register.simple_tag
def price(product) -> str:
    """The price as the staff pages write it: "1.250.000–2.000.000 đ / chai 500 ml"."""
    if product.price_min is None:
        return ""
    amounts = group_digits(product.price_min)
    if product.price_max:
        amounts += f"–{group_digits(product.price_max)}"
    return f"{amounts} đ" + (f" / {product.price_unit}" if product.price_unit else "")
