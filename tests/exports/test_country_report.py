"""The Countries page and its PDF count with one function (providers.overview.country_overview),
for the same person: issue 11 found the PDF saying 65 providers and 12 networks where the page
said 55 and 13."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from netw.exports import registry
from providers.vocabulary import Verification
from tests.factories import NetworkFactory, ProviderFactory, StakeholderFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def mapping(partners):
    ProviderFactory(country="PT", owner_partner=partners["a3s"])
    ProviderFactory(country="PT", owner_partner=partners["a3s"],
                    verification=Verification.UNVERIFIED)
    ProviderFactory(country="RS", owner_partner=partners["idc-serbia"],
                    verification=Verification.UNVERIFIED)
    ProviderFactory(country="RS", owner_partner=partners["idc-serbia"])
    NetworkFactory(country="PT", level="national")
    NetworkFactory(country="", level="european", name="ENSIE network")  # Europe-wide
    StakeholderFactory(country="MK", level="national", owner_partner=partners["cdi-macedonia"])


def _page_figures(client, user) -> dict:
    if user is not None:
        client.force_login(user)
    context = client.get(reverse("providers:country_overview")).context
    return {r.code: (r.providers, r.network_total, r.stakeholder_total) for r in context["rows"]}


def _report_figures(user) -> dict:
    overview = registry.get("country_overview").context(user, {})["overview"]
    return {r.code: (r.providers, r.network_total, r.stakeholder_total) for r in overview.rows}


@pytest.mark.parametrize("persona", ["owner", "outsider", "lead", "coordinator"])
def test_the_page_and_the_pdf_give_the_same_counts_for_the_same_person(
        request, client, mapping, persona):
    user = request.getfixturevalue(persona)
    assert _report_figures(user) == _page_figures(client, user)


def test_everyone_counts_the_providers_mapped(mapping, owner, outsider, coordinator):
    """Mapped means verified, whoever asks: the PDF, the page and the dashboard agree."""
    assert _report_figures(owner)["PT"] == (1, 1, 0)  # A3S's unverified provider is not mapped
    assert _report_figures(outsider)["PT"] == (1, 1, 0)
    assert _report_figures(coordinator)["RS"] == (1, 0, 0)
    assert _report_figures(owner)[""] == (0, 1, 0)  # the Europe-wide network counts in the PDF


def test_visitors_count_no_stakeholder(client, mapping):
    figures = _page_figures(client, None)
    # North Macedonia has only a stakeholder: a focus country, listed with nothing mapped.
    assert figures["MK"] == (0, 0, 0)
    assert _report_figures(AnonymousUser()) == figures


def test_the_pdf_is_made_with_the_asking_persons_counts(owner, mapping,
                                                      django_capture_on_commit_callbacks):
    from django.template.loader import render_to_string

    html = render_to_string("exports/reports/country_overview.html",
                            {**registry.get("country_overview").context(owner, {}),
                             "report": registry.get("country_overview")})
    assert "Stakeholders" in html and "Europe-wide" in html
    assert "<td>Portugal</td><td>1</td><td>1</td><td>0</td>" in html
