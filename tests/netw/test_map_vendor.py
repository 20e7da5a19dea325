"""The map's committed front-end (static/vendor/) is what npm installed, and the outline of Europe
is what the script derives from Natural Earth (netw/geo/vendor.py, ``make map-vendor``)."""

import json

import pytest

from netw.geo import vendor

needs_node_modules = pytest.mark.skipif(
    not (vendor.node_modules() / "leaflet").exists()
    or not (vendor.node_modules() / "world-atlas").exists(),
    reason="node_modules has no leaflet or world-atlas (npm ci --ignore-scripts)")


@needs_node_modules
def test_the_committed_vendor_files_equal_what_the_script_makes_from_node_modules():
    stale = [name for name, content in vendor.expected_files().items()
             if not (vendor.vendor_dir() / name).exists()
             or (vendor.vendor_dir() / name).read_bytes() != content]
    assert not stale, f"run `make map-vendor` and commit: {stale}"


def test_the_package_json_pins_the_versions_the_licence_note_names():
    from django.conf import settings

    package = json.loads((settings.BASE_DIR / "package.json").read_text())
    readme = (vendor.vendor_dir() / "README.md").read_text()
    for name in ("leaflet", "leaflet.markercluster", "world-atlas"):
        version = package["devDependencies"][name]
        assert f"{version}" in readme, name


def test_the_outline_is_europe_clipped_small_and_rounded():
    path = vendor.vendor_dir() / vendor.OUTLINE
    assert path.stat().st_size < 400_000
    outline = json.loads(path.read_text())
    names = {f["properties"]["name"] for f in outline["features"]}
    assert {"Portugal", "Hungary", "Macedonia", "Serbia", "Slovakia"} <= names
    assert "Brazil" not in names and "Australia" not in names
    west, south, east, north = vendor.EUROPE
    for feature in outline["features"]:
        for polygon in feature["geometry"]["coordinates"]:
            for ring in polygon:
                assert ring[0] == ring[-1]
                for x, y in ring:
                    assert west <= x <= east and south <= y <= north
                    assert round(x, 2) == x and round(y, 2) == y


def test_clipping_replaces_what_lies_outside_by_the_box_edge():
    square = [(-30.0, 40.0), (-20.0, 40.0), (-20.0, 50.0), (-30.0, 50.0)]
    assert sorted(set(vendor._clip(square))) == [(-25.0, 40.0), (-25.0, 50.0), (-20.0, 40.0),
                                                 (-20.0, 50.0)]
    assert vendor._clip([(100.0, 10.0), (110.0, 10.0), (110.0, 20.0)]) == []
