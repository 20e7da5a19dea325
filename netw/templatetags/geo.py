"""Places (netw.geo) in templates: ``{% load geo %}``.

``{% records_map %}`` is the portal's map component (netw/geo/maps.py says what it draws and the
data its points URL answers); the filters name regions and write coordinates."""

from django import template
from django.conf import settings

from netw.geo import regions

register = template.Library()


@register.inclusion_tag("geo/map.html")
def records_map(points_url: str, *, label: str, skip_to: str, map_id: str = "map",
                cluster: bool = True) -> dict:
    """The map of the points at ``points_url``; ``label`` names it for screen readers,
    ``skip_to`` is the id of the list beside it that holds the same records in words."""
    return {"points_url": points_url, "label": label, "skip_to": skip_to, "map_id": map_id,
            "cluster": cluster, "tile_url": settings.MAP_TILE_URL,
            "tile_attribution": settings.MAP_TILE_ATTRIBUTION}


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
