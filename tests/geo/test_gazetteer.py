"""The gazetteer finds a city however it is typed, and gives the region of the focus countries."""

import gzip
from decimal import Decimal

import pytest

from netw.geo import build, regions
from netw.geo.gazetteer import DATA_FILE, fold, gazetteer, lookup, region_centres


@pytest.mark.parametrize("typed", ["Niš", "Nis", "NIŠ", "  niš ", "Ниш", "НИШ"])
def test_a_city_is_found_whatever_its_accents_case_or_alphabet(typed):
    place = lookup(typed, "RS")
    assert place.name == "Niš"
    assert place.subdivision == "RS-20"  # Nišavski okrug
    assert (place.latitude, place.longitude) == (Decimal("43.32472"), Decimal("21.90333"))


@pytest.mark.parametrize("typed, country, name, region", [
    ("Београд", "RS", "Belgrade", "RS-00"),
    ("Beograd", "RS", "Belgrade", "RS-00"),
    ("Скопје", "MK", "Skopje", "MK-814"),
    ("Битола", "MK", "Bitola", "MK-501"),
    ("Lisboa", "PT", "Lisbon", "PT-11"),
    ("Kosice", "SK", "Košice", "SK-KI"),
    ("Nándorfehérvár", "RS", "Belgrade", "RS-00"),  # an alternate name
    ("Bruxelles", "BE", "Brussels", ""),  # outside the focus countries: no region
])
def test_alternate_names_and_cyrillic_spellings_are_found(typed, country, name, region):
    place = lookup(typed, country)
    assert (place.name, place.subdivision) == (name, region)


def test_postcodes_and_what_follows_a_comma_or_bracket_are_ignored():
    assert lookup("1051 Budapest", "HU").subdivision == "HU-BU"
    assert lookup("Lisboa, Portugal", "PT").name == "Lisbon"
    assert lookup("Novi Sad (Vojvodina)", "RS").subdivision == "RS-06"


def test_serbian_dj_is_found_in_both_ascii_spellings():
    assert fold("Đorđevac") == "djordjevac"
    assert lookup("Djakovo", "HR") == lookup("Đakovo", "HR") == lookup("Dakovo", "HR")


def test_of_two_places_of_one_name_the_most_populous_wins():
    negotinos = [row for row in gazetteer().rows if row[0] == "MK" and row[5] == "Negotino"]
    assert len(negotinos) == 2
    assert lookup("Negotino", "MK").population == max(int(row[2]) for row in negotinos)


@pytest.mark.parametrize("city, country", [
    ("Atlantis", "PT"), ("Lisboa", "HU"), ("", "PT"), ("Lisboa", ""), ("!!!", "RS"),
    ("12345", "SK"),
])
def test_a_city_not_in_the_country_is_not_found(city, country):
    assert lookup(city, country) is None


def test_every_region_of_the_focus_countries_is_reachable_and_every_place_has_one():
    for country in regions.FOCUS_COUNTRIES:
        found = {row[1] for row in gazetteer().rows if row[0] == country}
        assert found == set(regions.region_codes(country)), country


def test_the_region_tables_name_real_iso_codes_of_their_country():
    for country, table in regions.ADMIN1.items():
        assert set(table.values()) == set(regions.region_codes(country)), country
    for country, seats in regions.SEATS.items():
        assert set(seats) <= set(regions.region_codes(country)), country
    assert set(regions.SEATS["RS"]) == set(regions.region_codes("RS"))


def test_the_focus_countries_regions_are_the_level_people_mean():
    assert len(regions.region_codes("HU")) == 20  # 19 counties and Budapest
    assert "HU-DE" not in regions.region_codes("HU")  # a city with county rights
    assert len(regions.region_codes("PT")) == 20  # 18 districts, Azores, Madeira
    assert len(regions.region_codes("SK")) == 8
    assert len(regions.region_codes("MK")) == 80
    assert len(regions.region_codes("RS")) == 25  # 24 districts and Belgrade
    assert "RS-VO" not in regions.region_codes("RS")


def test_region_names_are_translated():
    assert regions.region_name("RS-20", "sr") == "Нишавски округ"
    assert regions.region_name("PT-11", "fr") == "Lisbonne"
    assert regions.region_name("MK-808", "en") == "Karpoš"  # without pycountry's dagger
    assert regions.region_name("XX-99") == "XX-99"


def test_a_regions_centre_is_where_its_people_live():
    latitude, longitude = region_centres()["HU-BU"]
    assert abs(latitude - Decimal("47.5")) < 1 and abs(longitude - Decimal("19.05")) < 1


def test_the_data_file_credits_geonames_and_its_licence():
    with gzip.open(DATA_FILE, "rt", encoding="utf-8") as file:
        first = file.readline()
    assert "GeoNames" in first and "CC BY 4.0" in first


def test_the_build_keeps_european_places_their_typable_names_and_their_region():
    cities = [
        {"name": "Kecskemét", "countrycode": "HU", "admin1code": "01", "population": 110000,
         "latitude": 46.9, "longitude": 19.7,
         "alternatenames": ["Kecskemet", "Кечкемет", "ケチケメート", "KCK"]},
        {"name": "Tiny", "countrycode": "HU", "admin1code": "01", "population": 400,
         "latitude": 46.0, "longitude": 19.0, "alternatenames": []},
        {"name": "Small", "countrycode": "FR", "admin1code": "11", "population": 800,
         "latitude": 48.0, "longitude": 2.0, "alternatenames": []},
        {"name": "Tokyo", "countrycode": "JP", "admin1code": "40", "population": 8000000,
         "latitude": 35.6, "longitude": 139.7, "alternatenames": []},
    ]
    rows = build.build_rows(cities, {"HU", "FR"})
    assert len(rows) == 1
    country, region, population, lat, lng, name, keys = rows[0]
    assert (country, region, population, name) == ("HU", "HU-BK", "110000", "Kecskemét")
    # The Cyrillic name read as Latin; the Japanese one and the code "KCK" left out.
    assert keys.split("|") == ["keckemet", "kecskemet"]
