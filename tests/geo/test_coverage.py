"""Coverage by region: for each focus country, verified providers and networks per region, with
the regions that have none marked; the country overview lists the five countries anyway."""

import json

import pytest
from django.urls import reverse

from netw.geo import regions
from providers.coverage import country_coverage
from providers.services import record_delete
from providers.vocabulary import Verification
from tests.factories import NetworkFactory, ProviderFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hungary(partner_a, owner):
    ProviderFactory.create_batch(2, owner_partner=partner_a, country="HU", city="Budapest",
                                 subdivision="HU-BU")
    ProviderFactory(owner_partner=partner_a, country="HU", city="Szeged", subdivision="HU-CS")
    # Not counted: unverified, deleted.
    ProviderFactory(owner_partner=partner_a, country="HU", subdivision="HU-PE",
                    verification=Verification.UNVERIFIED)
    deleted = ProviderFactory(owner_partner=partner_a, country="HU", subdivision="HU-PE")
    record_delete(record=deleted, by=owner)
    # Counted in the country, not in a region.
    ProviderFactory(owner_partner=partner_a, country="HU", city="Atlantis", subdivision="")
    NetworkFactory(owner_partner=partner_a, country="HU", subdivision="HU-PE")
    NetworkFactory(owner_partner=partner_a, country="HU", subdivision="HU-BU")


def test_each_region_counts_its_verified_providers_and_its_networks(hungary):
    coverage = country_coverage("HU")
    rows = {row.code: row for row in coverage.rows}
    assert len(rows) == 20
    assert (rows["HU-BU"].providers, rows["HU-BU"].networks) == (2, 1)
    assert (rows["HU-CS"].providers, rows["HU-CS"].networks) == (1, 0)
    assert (rows["HU-PE"].providers, rows["HU-PE"].networks) == (0, 1)
    assert rows["HU-PE"].is_empty and not rows["HU-BU"].is_empty
    assert coverage.providers_without_region == 1
    assert (coverage.providers, coverage.networks) == (4, 2)
    assert coverage.covered_regions == 2 and len(coverage.empty_regions) == 18


def test_the_page_marks_the_regions_without_providers_in_words(client, hungary):
    response = client.get(reverse("providers:country_regions", args=["HU"]))
    page = response.content.decode()
    assert response.status_code == 200

    def row(code):
        at = page.index(f"<code>{code}</code>")
        return page[page.rindex("<tr", 0, at):at]

    assert 'class="region-empty"' in row("HU-PE") and "no provider yet" in row("HU-PE")
    assert "region-empty" not in row("HU-BU") and "no provider yet" not in row("HU-BU")
    assert 'href="/providers/?subdivision=HU-BU">2</a>' in page
    assert 'href="/networks/?subdivision=HU-PE">1</a>' in page
    assert "Verified providers are in 2 of its 20 regions." in page
    assert "GeoNames" in page


def test_the_region_filter_of_the_lists_shows_the_regions_records(client, hungary):
    response = client.get(reverse("providers:provider_list") + "?subdivision=HU-BU")
    assert response.context["page_obj"].paginator.count == 2
    response = client.get(reverse("providers:network_list") + "?subdivision=HU-PE")
    assert response.context["page_obj"].paginator.count == 1
    response = client.get(reverse("providers:provider_list") + "?subdivision=XX-<b>")
    assert response.status_code == 200
    assert "subdivision" in response.context["filter"].errors


def test_the_regions_are_geojson_points_at_their_centre_with_their_figures(client, hungary):
    response = client.get(reverse("providers:country_regions_geojson", args=["HU"]))
    assert response["Content-Type"].startswith("application/geo+json")
    data = json.loads(b"".join(response.streaming_content))
    features = {feature["id"]: feature for feature in data["features"]}
    assert set(features) == set(regions.region_codes("HU"))
    budapest = features["HU-BU"]
    longitude, latitude = budapest["geometry"]["coordinates"]
    assert 47 < latitude < 48 and 18.5 < longitude < 19.5
    assert budapest["properties"]["count"] == 2
    assert budapest["properties"]["networks"] == 1
    assert budapest["properties"]["url"] == "/providers/?subdivision=HU-BU"
    assert features["HU-PE"]["properties"]["empty"] is True


def test_the_coverage_queries_do_not_grow_with_regions_or_records(
        client, hungary, partner_a, django_assert_max_num_queries):
    ProviderFactory.create_batch(20, owner_partner=partner_a, country="MK", subdivision="MK-501")
    for code in regions.FOCUS_COUNTRIES:
        with django_assert_max_num_queries(6):
            assert client.get(reverse("providers:country_regions",
                                      args=[code])).status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get(reverse("providers:coverage_index")).status_code == 200


def test_the_index_lists_the_five_focus_countries(client, hungary):
    response = client.get(reverse("providers:coverage_index"))
    assert [c.code for c in response.context["countries"]] == list(regions.FOCUS_COUNTRIES)
    page = response.content.decode()
    for code in regions.FOCUS_COUNTRIES:
        assert reverse("providers:country_regions", args=[code]) in page


def test_a_country_without_a_coverage_page_is_not_found_and_lower_case_is_redirected(client):
    assert client.get(reverse("providers:country_regions", args=["FR"])).status_code == 404
    assert client.get(reverse("providers:country_regions", args=["x<"])).status_code == 404
    response = client.get(reverse("providers:country_regions", args=["rs"]))
    assert response.status_code == 302 and response.url.endswith("/countries/RS/regions/")


@pytest.mark.parametrize("persona", ["anonymous", "owner", "coordinator", "mooc_learner"])
def test_the_country_overview_lists_the_five_focus_countries_even_with_nothing_mapped(
        client, request, persona, partners):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    ProviderFactory(owner_partner=partners["a3s"], country="BE", city="Gent")
    response = client.get(reverse("providers:country_overview"))
    rows = {row.code: row for row in response.context["rows"]}
    assert set(regions.FOCUS_COUNTRIES) <= set(rows)
    assert rows["HU"].providers == 0 and rows["HU"].is_empty and rows["BE"].providers == 1
    page = response.content.decode()
    assert page.count("nothing mapped yet") == 5
    assert reverse("providers:country_regions", args=["SK"]) in page
