"""The registry's main pages for the browser, accessibility, keyboard and HTML walks, beyond the
lists and record pages tests/e2e/pages.py already names. Objects come from
tests/providers/access_rows.py."""

from django.urls import reverse

from tests.e2e.pages import Page


def _url(name, key):
    return lambda o: reverse(name, args=[o[f"registry.{key}"].pk])


PAGES = [
    Page("countries", "providers:country_overview"),
    # The maps (templates/geo/map.html): the controls of the map itself are in the keyboard walk.
    Page("providers map filtered",
         lambda o: reverse("providers:provider_map") + "?country=PT&sector=catering"),
    Page("providers map", "providers:provider_map", persona="member_a"),
    Page("networks map", "providers:network_map"),
    # Coverage by region (netw.geo): the regions' map and table; the records to place.
    Page("coverage by region", "providers:coverage_index"),
    # Out of the keyboard walk, which stops at the first of the many region markers (not tagged
    # as the page's controls); tests/e2e/test_coverage_map.py walks the regions' map by keyboard.
    Page("country regions", lambda o: reverse("providers:country_regions", args=["MK"]),
         keyboard=False),
    Page("records not on the map", "providers:unplaced_list", persona="member_a"),
    Page("provider", _url("providers:provider_detail", "provider"), persona="member_a"),
    Page("provider history", _url("providers:provider_history", "provider"), persona="member_a"),
    Page("provider new", "providers:provider_create", persona="member_a"),
    Page("provider new empty", "providers:provider_create", persona="member_a",
         submit="Register", keyboard=False),
    Page("provider edit", _url("providers:provider_update", "provider"), persona="member_a"),
    Page("provider delete", _url("providers:provider_delete", "provider"), persona="member_a"),
    Page("provider import", "providers:provider_import", persona="member_a"),
    Page("provider import empty", "providers:provider_import", persona="member_a",
         submit="Upload and preview", keyboard=False),
    Page("provider import preview", _url("providers:provider_import_preview", "provider_import"),
         persona="member_a"),
    Page("network new", "providers:network_create", persona="member_a"),
    Page("stakeholder new", "providers:stakeholder_create", persona="member_a"),
    Page("provider", _url("providers:provider_detail", "provider"), persona="lead"),
    Page("deleted records", "providers:deleted_list", persona="coordinator"),
    # The partners' own profiles
    Page("partner edit", lambda o: reverse("providers:partner_edit", args=["a3s"]),
         persona="member_a"),
    Page("partner edit empty", lambda o: reverse("providers:partner_edit", args=["a3s"]),
         persona="member_a", submit="Save changes", fill={"Full name": ""}, keyboard=False),
    Page("partner", lambda o: reverse("providers:partner_detail", args=["a3s"]),
         persona="member_a"),
]
