"""Copy the map's front-end from node_modules into static/vendor/, and derive the outline of
Europe from Natural Earth: ``make map-vendor`` (``python -m netw.geo.vendor``).

The site serves these files itself (no CDN, nothing fetched at run time) and runs without npm, so
they are committed; npm (package.json, package-lock.json) only says which versions they are.
After changing a version there, run ``npm install`` and this script, and commit the result:
tests/netw/test_map_vendor.py fails while the committed copies differ from node_modules.

Licences (static/vendor/README.md): Leaflet BSD-2-Clause, Leaflet.markercluster MIT, the outline
derived from Natural Earth (public domain) through world-atlas (ISC).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from django.conf import settings

# Files copied as they are: (package, path in the package) → path under static/vendor/.
# The source maps come along: the minified files name them, and the manifest storage of
# collectstatic refuses a file that names a missing one.
COPIES: dict[tuple[str, str], str] = {
    ("leaflet", "dist/leaflet.js"): "leaflet/leaflet.js",
    ("leaflet", "dist/leaflet.js.map"): "leaflet/leaflet.js.map",
    ("leaflet", "dist/leaflet.css"): "leaflet/leaflet.css",
    ("leaflet", "dist/images/layers.png"): "leaflet/images/layers.png",
    ("leaflet", "dist/images/layers-2x.png"): "leaflet/images/layers-2x.png",
    ("leaflet", "dist/images/marker-icon.png"): "leaflet/images/marker-icon.png",
    ("leaflet", "dist/images/marker-icon-2x.png"): "leaflet/images/marker-icon-2x.png",
    ("leaflet", "dist/images/marker-shadow.png"): "leaflet/images/marker-shadow.png",
    ("leaflet", "LICENSE"): "leaflet/LICENSE",
    ("leaflet.markercluster", "dist/leaflet.markercluster.js"):
        "leaflet.markercluster/leaflet.markercluster.js",
    ("leaflet.markercluster", "dist/leaflet.markercluster.js.map"):
        "leaflet.markercluster/leaflet.markercluster.js.map",
    ("leaflet.markercluster", "dist/MarkerCluster.css"): "leaflet.markercluster/MarkerCluster.css",
    ("leaflet.markercluster", "MIT-LICENCE.txt"): "leaflet.markercluster/MIT-LICENCE.txt",
}

# The outline: Natural Earth's 1:50m countries (world-atlas), clipped to Europe and the edge of
# its neighbours, coordinates rounded to 0.01° (about 1 km: finer than the 1:50m data shows).
OUTLINE_SOURCE = ("world-atlas", "countries-50m.json")
OUTLINE = "natural-earth/europe.geojson"
# West, south, east, north (degrees): the Azores to the Urals' foothills, Crete to the North Cape.
EUROPE = (-25.0, 34.0, 45.0, 72.0)
DECIMALS = 2


def node_modules() -> Path:
    return Path(settings.BASE_DIR) / "node_modules"


def vendor_dir() -> Path:
    return Path(settings.BASE_DIR) / "static" / "vendor"


# --- TopoJSON to GeoJSON, clipped ---------------------------------------------------------------


def _arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The topology's arcs in degrees (TopoJSON stores them quantized and delta-encoded)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(indexes: list[int], arcs) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)  # consecutive arcs share their end point
    return points


def _clip(ring: list[tuple[float, float]], box=EUROPE) -> list[tuple[float, float]]:
    """Sutherland–Hodgman against the box: what lies outside is replaced by the box's edge."""
    west, south, east, north = box
    edges = [
        (lambda p: p[0] >= west, lambda a, b: _at_x(a, b, west)),
        (lambda p: p[0] <= east, lambda a, b: _at_x(a, b, east)),
        (lambda p: p[1] >= south, lambda a, b: _at_y(a, b, south)),
        (lambda p: p[1] <= north, lambda a, b: _at_y(a, b, north)),
    ]
    points = ring
    for inside, cross in edges:
        if not points:
            break
        result = []
        previous = points[-1]
        for point in points:
            if inside(point):
                if not inside(previous):
                    result.append(cross(previous, point))
                result.append(point)
            elif inside(previous):
                result.append(cross(previous, point))
            previous = point
        points = result
    return points


def _at_x(a, b, x):
    return (x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]))


def _at_y(a, b, y):
    return (a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y)


def _rounded(ring: Iterable[tuple[float, float]]) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in ring:
        point = [round(x, DECIMALS), round(y, DECIMALS)]
        if not out or point != out[-1]:
            out.append(point)
    if out and out[0] != out[-1]:
        out.append(out[0])  # GeoJSON rings are closed
    return out


def _polygons(geometry: dict) -> Iterator[list]:
    if geometry.get("type") == "Polygon":
        yield geometry["arcs"]
    elif geometry.get("type") == "MultiPolygon":
        yield from geometry["arcs"]


def europe_outline(topology: dict) -> dict:
    """The countries of ``topology`` that reach into Europe's box, clipped to it, as GeoJSON."""
    arcs = _arcs(topology)
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = []
        for polygon in _polygons(geometry):
            rings = [_rounded(_clip(_ring(ring, arcs))) for ring in polygon]
            if len(rings[0]) < 4:  # the outer ring is outside the box (or a speck)
                continue
            polygons.append([ring for ring in rings if len(ring) >= 4])
        if polygons:
            features.append({
                "type": "Feature",
                "id": geometry.get("id"),
                "properties": {"name": geometry.get("properties", {}).get("name", "")},
                "geometry": {"type": "MultiPolygon", "coordinates": polygons},
            })
    features.sort(key=lambda f: f["properties"]["name"])
    return {"type": "FeatureCollection",
            "source": "Natural Earth 1:50m countries (public domain), via world-atlas 2",
            "bbox": list(EUROPE), "features": features}


# --- What the script writes ---------------------------------------------------------------------


def expected_files(modules: Path | None = None) -> dict[str, bytes]:
    """Every file of static/vendor/ this script owns (path under it → its bytes)."""
    modules = modules or node_modules()
    files = {target: (modules / package / path).read_bytes()
             for (package, path), target in COPIES.items()}
    topology = json.loads((modules / OUTLINE_SOURCE[0] / OUTLINE_SOURCE[1]).read_text())
    files[OUTLINE] = (json.dumps(europe_outline(topology), separators=(",", ":"))
                      + "\n").encode()
    return files


def write(target: Path | None = None) -> list[str]:
    target = target or vendor_dir()
    written = []
    for name, content in expected_files().items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_bytes() != content:
            path.write_bytes(content)
            written.append(name)
    return written


def main() -> int:
    import django

    django.setup()
    if not (node_modules() / "leaflet").exists():
        print("node_modules has no leaflet: run `npm ci --ignore-scripts` first.", file=sys.stderr)
        return 1
    written = write()
    print("\n".join(f"wrote static/vendor/{name}" for name in written) or "static/vendor is "
          "up to date")
    return 0


if __name__ == "__main__":
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netw.settings")
    sys.exit(main())
