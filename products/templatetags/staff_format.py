"""Formatting helpers for the staff templates."""

from django import template

register = template.Library()


@register.filter
def dong(value) -> str:
    """A whole number of đồng grouped the Vietnamese way: 1250000 -> "1.250.000"."""
    if value in (None, ""):
        return ""
    try:
        return f"{int(value):,}".replace(",", ".")
    except (TypeError, ValueError):
        return str(value)
