"""``{% records_map %}``: the portal's map component (netw/geo/maps.py says what it draws and
the data its points URL answers)."""

from django import template
from django.conf import settings

register = template.Library()


@register.inclusion_tag("geo/map.html")
def records_map(points_url: str, *, label: str, skip_to: str, map_id: str = "map",
                cluster: bool = True) -> dict:
    """The map of the points at ``points_url``; ``label`` names it for screen readers,
    ``skip_to`` is the id of the list beside it that holds the same records in words."""
    return {"points_url": points_url, "label": label, "skip_to": skip_to, "map_id": map_id,
            "cluster": cluster, "tile_url": settings.MAP_TILE_URL,
            "tile_attribution": settings.MAP_TILE_ATTRIBUTION}
