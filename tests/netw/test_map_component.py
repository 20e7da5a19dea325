"""The core's map component (netw/geo/maps.py): the points' data contract, the streamed answer,
the template tag, and the tile server setting with its Content-Security-Policy."""

import json

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.template import Context, Template

from netw.geo.maps import feature_collection_response, invalid_parameters_response, point_feature
from netw.settings import _tile_origin


def _body(response) -> dict:
    return json.loads(b"".join(response.streaming_content))


def test_a_point_is_longitude_first_rounded_with_only_the_properties_given():
    feature = point_feature(id="region-HU-PE", latitude="47.4979012", longitude=19.0402345,
                            name="Pest", detail="No provider or network yet", count=0)
    assert feature == {
        "type": "Feature", "id": "region-HU-PE",
        "geometry": {"type": "Point", "coordinates": [19.0402, 47.4979]},
        "properties": {"name": "Pest", "detail": "No provider or network yet", "count": 0},
    }


def test_the_collection_streams_and_says_when_it_was_cut():
    features = (point_feature(id=str(n), latitude=40, longitude=n / 10, name=f"P{n}")
                for n in range(5))
    response = feature_collection_response(features, limit=3)
    assert response.streaming and response["Content-Type"].startswith("application/geo+json")
    body = _body(response)
    assert [f["id"] for f in body["features"]] == ["0", "1", "2"] and body["truncated"] is True
    assert _body(feature_collection_response(iter([]), limit=3)) == {
        "type": "FeatureCollection", "features": [], "truncated": False}


def test_an_invalid_parameter_is_a_400_naming_it():
    response = invalid_parameters_response({"country": ["Select a valid choice."]})
    assert response.status_code == 400
    assert json.loads(response.content) == {"errors": {"country": ["Select a valid choice."]}}


def _render() -> str:
    return Template('{% load geo %}{% records_map "/points/?country=PT" label="Map of places" '
                    'skip_to="places" %}').render(Context({}))


def test_the_component_draws_the_outline_without_a_tile_server(settings):
    settings.MAP_TILE_URL = ""
    html = _render()
    assert 'data-points-url="/points/?country=PT"' in html
    assert 'aria-label="Map of places"' in html and 'href="#places"' in html
    assert "natural-earth/europe.geojson" in html and "data-tile-url" not in html
    assert 'data-label-zoom-in="Zoom in"' in html
    assert "<script>" not in html and " style=" not in html  # the CSP allows neither


def test_the_component_draws_the_tiles_of_the_tile_server(settings):
    settings.MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    settings.MAP_TILE_ATTRIBUTION = "© Example"
    html = _render()
    assert 'data-tile-url="https://tiles.example.org/{z}/{x}/{y}.png"' in html
    assert "europe.geojson" not in html


def test_a_tile_servers_origin_joins_the_image_policy():
    assert _tile_origin("https://tiles.example.org/{z}/{x}/{y}.png", "© X") == (
        "https://tiles.example.org")
    assert _tile_origin("https://{s}.tile.example.org/{z}/{x}/{y}.png", "© X") == (
        "https://*.tile.example.org")


@pytest.mark.parametrize(("url", "attribution"), [
    ("tiles.example.org/{z}/{x}/{y}.png", "© X"),
    ("https://tiles.example.org/tiles.png", "© X"),
    ("javascript:alert(1)//{z}{x}{y}", "© X"),
    ("https://tiles.example.org/{z}/{x}/{y}.png", ""),
])
def test_a_malformed_tile_server_is_a_configuration_error(url, attribution):
    with pytest.raises(ImproperlyConfigured):
        _tile_origin(url, attribution)


def test_without_a_tile_server_images_come_from_the_site_only(settings):
    assert settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"] == ["'self'", "data:"]
