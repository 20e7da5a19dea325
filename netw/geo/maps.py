"""The portal's map: one component any page can show, drawing points that a view serves as GeoJSON.

A page includes it with the template tag (``{% load geo %}``)::

    {% records_map points_url label=_("Map of the providers") skip_to="results" %}

and keeps, right after it, the list of the same records: the list is the map's text
alternative (the tag's ``skip_to`` is that list's id; a "Skip the map" link leads there).
The component (templates/geo/map.html, static/js/map.js, static/css/map.css) draws:

- the tiles of the tile server set by ``MAP_TILE_URL`` (+ ``MAP_TILE_ATTRIBUTION``); without one,
  the outline of Europe shipped with the project (static/vendor/natural-earth/europe.geojson);
- the points fetched from ``points_url`` (same origin), clustered unless ``cluster=False``;
  each marker and each cluster is a button reached with Tab: Enter or Space opens the point's
  popup (a cluster zooms in), Escape closes it; the zoom buttons are labelled in the page's
  language.

The data contract: ``points_url`` answers a GeoJSON FeatureCollection (RFC 7946) of Point
features, built with :func:`point_feature` and sent with :func:`feature_collection_response`::

    {"type": "FeatureCollection",
     "features": [{"type": "Feature", "id": "provider-12",
                   "geometry": {"type": "Point", "coordinates": [-9.1393, 38.7223]},
                   "properties": {
                       "name": "Reviver Lisboa",          # required: the marker's name
                       "url": "/providers/12/",           # optional: the popup links to it
                       "lang": "pt",                      # optional: the language of the name
                       "kind": "provider",                # optional: a CSS key, map-marker-<kind>
                       "detail": "Lisbon, Portugal",      # optional: one line under the name
                       "badge": "Not yet verified",       # optional: a warning; drawn as pending
                       "count": 3}}],                     # optional: a figure on the marker
     "truncated": false}

``count`` is for figures per place (the coverage of a region): the marker shows the number, and
0 is the "none" state, drawn hollow so that the gaps stand out; ``detail`` says the figure in
words ("No provider or network yet"). Every text is the server's, already translated; the script
only adds its control labels, which the template tag translates. Coordinates are WGS 84 degrees,
longitude first, rounded to :data:`DECIMALS` places. An error answers 400 with
``{"errors": {parameter: [message, ...]}}``; the map then says that its filters are not valid
(the page shows which, next to the field).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from decimal import Decimal

from django.http import JsonResponse, StreamingHttpResponse

# Four decimals: about 11 m, finer than a city-level place needs and coarser than an address.
DECIMALS = 4
# The most points one answer holds; past it the answer says ``"truncated": true`` and the page
# asks to narrow the filters (a map of more markers is unreadable anyway).
POINTS_LIMIT = 5000
CONTENT_TYPE = "application/geo+json"


def point_feature(*, id: str, latitude: Decimal | float, longitude: Decimal | float, name: str,
                  url: str = "", lang: str = "", kind: str = "", detail: str = "",
                  badge: str = "", count: int | None = None) -> dict:
    """One point of the map, as the data contract above describes it."""
    properties: dict = {"name": name}
    for key, value in (("url", url), ("lang", lang), ("kind", kind), ("detail", detail),
                       ("badge", badge)):
        if value:
            properties[key] = str(value)
    if count is not None:
        properties["count"] = count
    return {"type": "Feature", "id": id,
            "geometry": {"type": "Point",
                         "coordinates": [round(float(longitude), DECIMALS),
                                         round(float(latitude), DECIMALS)]},
            "properties": properties}


def _chunks(features: Iterable[dict], limit: int) -> Iterator[str]:
    yield '{"type":"FeatureCollection","features":['
    truncated = False
    for n, feature in enumerate(features):
        if n == limit:
            truncated = True
            break
        yield ("," if n else "") + json.dumps(feature, ensure_ascii=False,
                                              separators=(",", ":"))
    yield f'],"truncated":{"true" if truncated else "false"}}}'


def feature_collection_response(features: Iterable[dict], *, limit: int = POINTS_LIMIT
                                ) -> StreamingHttpResponse:
    """The points, streamed: memory stays flat whatever their number (``features`` should be
    a lazy iterable, e.g. over ``QuerySet.iterator()``); at most ``limit`` of them."""
    response = StreamingHttpResponse(_chunks(features, limit),
                                     content_type=f"{CONTENT_TYPE}; charset=utf-8")
    # The points follow the viewer's rights and the records: never a shared cache.
    response["Cache-Control"] = "private, no-cache"
    return response


def invalid_parameters_response(errors: dict) -> JsonResponse:
    """400 naming the parameters that are not valid (a filter form's ``errors``)."""
    return JsonResponse({"errors": {name: [str(m) for m in messages]
                                    for name, messages in errors.items()}}, status=400)
