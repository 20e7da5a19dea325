"""The country overview: a table of counts per country and level, and the same as a chart."""

import re

import pytest
from django.urls import reverse

from providers.overview import bar_chart, country_rows
from providers.vocabulary import Verification
from tests.factories import NetworkFactory, ProviderFactory, StakeholderFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def mapping(partners):
    for _ in range(3):
        ProviderFactory(country="HU")
    ProviderFactory(country="HU", verification=Verification.UNVERIFIED)
    ProviderFactory(country="MK")
    NetworkFactory(country="HU", level="national")
    NetworkFactory(country="HU", level="local")
    NetworkFactory(country="", level="european", name="ENSIE network")
    StakeholderFactory(country="MK", level="national")
    StakeholderFactory(country="MK", level="regional")


def test_counts_per_country_and_level(mapping, owner):
    rows = {r.code: r for r in country_rows(owner)}
    # By name, Europe-wide last; the five focus countries even without a record.
    assert list(rows) == ["HU", "MK", "PT", "RS", "SK", ""]
    assert rows["PT"].is_empty and rows["PT"].providers == 0
    assert rows["HU"].providers == 3  # mapped means verified, for the partner too
    assert rows["HU"].networks == {"european": 0, "national": 1, "regional": 0, "local": 1}
    assert rows["MK"].stakeholder_levels == [0, 1, 1, 0]
    assert rows[""].network_total == 1


def test_everyone_counts_the_same_providers_networks_as_the_indicators(mapping, owner,
                                                                      coordinator):
    """One number per country, whoever looks: the page, its PDF and the dashboard agree."""
    from django.contrib.auth.models import AnonymousUser

    from netw.monitoring import indicators
    seen = [{r.code: (r.providers, r.network_total) for r in country_rows(user)}
            for user in (AnonymousUser(), owner, coordinator)]
    assert seen[0] == seen[1] == seen[2]
    providers = indicators.by_country(indicators.get("wp1.providers_mapped"))
    networks = indicators.by_country(indicators.get("wp1.networks_mapped"))
    assert seen[0]["HU"] == (providers["HU"], networks["HU"]) == (3, 2)


def test_the_page_has_a_table_and_an_accessible_chart(client, mapping):
    page = client.get(reverse("providers:country_overview")).content.decode()
    svg = re.search(r"<svg.*?</svg>", page, re.S).group(0)
    assert 'role="img"' in svg and 'aria-labelledby="chart-title chart-desc"' in svg
    assert '<title id="chart-title">' in svg and '<desc id="chart-desc">' in svg
    assert "table below gives the same figures" in svg
    # Two bars (providers, networks) for HU, MK and Europe-wide: no stakeholders for visitors
    assert svg.count("<rect") == 2 * 3
    table = re.search(r"<table class=\"overview\">.*?</table>", page, re.S).group(0)
    assert "Hungary" in table and "North Macedonia" in table and "Europe-wide" in table
    assert f'{reverse("providers:provider_list")}?country=HU' in table


def test_bars_share_one_scale():
    from providers.overview import CountryRow

    chart = bar_chart([CountryRow(code="PT", name="Portugal", providers=40),
                       CountryRow(code="SK", name="Slovakia", providers=10)])
    portugal, slovakia = (g.bars[0] for g in chart.groups)
    assert portugal.width == pytest.approx(4 * slovakia.width)
    assert chart.ticks[-1][1] == 50


def test_an_empty_registry_says_so(client, partners):
    assert "Nothing has been mapped yet" in client.get(
        reverse("providers:country_overview")).content.decode()


def test_members_see_a_third_bar_and_the_stakeholder_columns(client, mapping, owner):
    client.force_login(owner)
    page = client.get(reverse("providers:country_overview")).content.decode()
    svg = re.search(r"<svg.*?</svg>", page, re.S).group(0)
    assert svg.count("<rect") == 3 * 3
    table = re.search(r"<table class=\"overview\">.*?</table>", page, re.S).group(0)
    assert "Stakeholders" in table
    assert f'{reverse("providers:stakeholder_list")}?country=MK' in table


def test_visitors_get_no_stakeholder_figures(client, mapping):
    page = client.get(reverse("providers:country_overview")).content.decode()
    assert "Stakeholders" not in page
    from django.contrib.auth.models import AnonymousUser

    assert all(r.stakeholder_total == 0 for r in country_rows(AnonymousUser()))


def test_a_private_stakeholder_leaves_the_public_counts_unchanged(client, mapping, partners):
    """Issue 10: a new stakeholder of CDI raised North Macedonia's public count from 3 to 4."""
    def figures() -> str:
        page = client.get(reverse("providers:country_overview")).content.decode()
        return re.search(r"<figure>.*</table>", page, re.S).group(0)

    before = figures()
    StakeholderFactory(country="MK", level="local", owner_partner=partners["cdi-macedonia"])
    assert figures() == before
