"""The rows of the map's data pages (netw.geo): coverage by region, public; the records not on
the map yet, for the registry's members (tests/netw/test_access_matrix.py)."""

from tests.access import LOGIN, Row, everyone, url

ROWS = {
    "providers:coverage_index": Row(url("providers:coverage_index"), everyone(200)),
    "providers:country_regions": Row(url("providers:country_regions", lambda o: "RS"),
                                     everyone(200)),
    "providers:country_regions_geojson": Row(
        url("providers:country_regions_geojson", lambda o: "HU"), everyone(200)),
    # Each member sees their own partner's records there (tests/geo/test_unplaced.py); the
    # learner, logged in without a partner, is refused.
    "providers:unplaced_list": Row(url("providers:unplaced_list"),
                                   {"anonymous": LOGIN, "member_a": 200, "member_b": 200,
                                    "lead": 200, "coordinator": 200}),
}
