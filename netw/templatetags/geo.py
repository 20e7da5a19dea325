"""Template filters of places (netw.geo): ``{% load geo %}``."""

from django import template

from netw.geo import regions

register = template.Library()


@register.filter
def region_name(code: str) -> str:
    """The ISO 3166-2 region's name in the active language ("HU-PE" → "Pest")."""
    return regions.region_name(code or "")


@register.filter
def coordinate(value) -> str:
    """A latitude or longitude as the map and the data files write it: a dot, five decimals,
    whatever the language (a comma would make it a pair of numbers)."""
    if value is None:
        return ""
    return f"{float(value):.5f}"


@register.filter
def is_focus_country(code) -> bool:
    """Whether the country's regions are counted on a coverage page."""
    return regions.is_focus_country(str(code or ""))
