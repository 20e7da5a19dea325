"""The registry's lists and record pages, for visitors and partners."""

import pytest
from django.urls import reverse
from django.utils import timezone

from providers.vocabulary import Level, Maturity
from tests.factories import NetworkFactory, ProviderFactory, StakeholderFactory

pytestmark = pytest.mark.django_db


def html(response) -> str:
    assert response.status_code == 200, response
    return response.content.decode()


def test_visitors_see_verified_providers_without_contacts(client, provider, draft_provider):
    page = html(client.get(reverse("providers:provider_list")))
    assert "Reviver Lisboa" in page
    assert "Oficina Nova" not in page
    detail = html(client.get(provider.get_absolute_url()))
    assert provider.website in detail
    assert provider.contact_email not in detail
    assert provider.contact_person not in detail
    assert provider.contact_phone not in detail


def test_an_unverified_provider_is_not_found_by_visitors_or_other_partners(
        client, draft_provider, outsider):
    assert client.get(draft_provider.get_absolute_url()).status_code == 404
    client.force_login(outsider)
    assert client.get(draft_provider.get_absolute_url()).status_code == 404
    assert "Oficina Nova" not in html(client.get(reverse("providers:provider_list")))


def test_the_registering_partner_sees_its_unverified_provider_marked_as_such(
        client, colleague, draft_provider):
    client.force_login(colleague)
    page = html(client.get(draft_provider.get_absolute_url()))
    assert "Not yet verified" in page
    assert "Oficina Nova" in html(client.get(reverse("providers:provider_list")))


def test_logged_in_partners_see_contacts(client, outsider, provider):
    client.force_login(outsider)
    page = html(client.get(provider.get_absolute_url()))
    assert provider.contact_email in page and provider.contact_person in page


def test_network_contacts_are_for_partners_too(client, outsider, partner_a):
    network = NetworkFactory(owner_partner=partner_a, contact_email="office@rede.example.org")
    assert "office@rede.example.org" not in html(client.get(network.get_absolute_url()))
    client.force_login(outsider)
    assert "office@rede.example.org" in html(client.get(network.get_absolute_url()))


def test_visitors_are_sent_to_log_in_for_stakeholders(client, stakeholder):
    response = client.get(reverse("providers:stakeholder_list"))
    assert response.status_code == 302 and "login" in response.url
    assert client.get(stakeholder.get_absolute_url()).status_code == 302


def test_the_provider_list_filters_by_each_criterion(client, partners, network):
    a3s, idc = partners["a3s"], partners["idc-serbia"]
    ProviderFactory(name="Bravo Textile", country="RS", region="Vojvodina", city="Novi Sad",
                    legal_form="association", sectors=["textile"], target_groups=["roma"],
                    networks=[network], owner_partner=idc)
    ProviderFactory(name="Zulu Catering", country="PT", city="Porto", sectors=["catering"],
                    target_groups=["neet"], owner_partner=a3s)
    url = reverse("providers:provider_list")
    for query in ["country=RS", "region=vojvo", "sector=textile", "target_group=roma",
                  f"network={network.pk}", "level=national", "legal_form=association",
                  "partner=idc-serbia", "q=novi", "q=bravo"]:
        page = html(client.get(f"{url}?{query}"))
        assert "Bravo Textile" in page and "Zulu Catering" not in page, query


def test_the_verification_filter_is_for_partners(client, owner, provider, draft_provider):
    url = reverse("providers:provider_list") + "?status=unverified"
    assert "Reviver Lisboa" in html(client.get(url))  # ignored for visitors
    client.force_login(owner)
    page = html(client.get(url))
    assert "Oficina Nova" in page and "Reviver Lisboa" not in page


def test_an_invalid_filter_says_so_instead_of_failing(client, provider):
    page = html(client.get(reverse("providers:provider_list") + "?country=XX&sector=nope"))
    assert "Some filters are not valid" in page


def test_pages_keep_the_filters(client, partner_a):
    for n in range(30):
        ProviderFactory(name=f"Porto enterprise {n:02}", country="PT", owner_partner=partner_a)
    page = html(client.get(reverse("providers:provider_list") + "?country=PT&sort=-name"))
    assert "Porto enterprise 29" in page
    assert "?country=PT&amp;sort=-name&amp;page=2" in page
    second = html(client.get(reverse("providers:provider_list") + "?country=PT&sort=-name&page=2"))
    assert "Porto enterprise 00" in second and "Porto enterprise 29" not in second


def test_a_page_number_out_of_range_shows_the_last_page(client, provider):
    assert "Reviver Lisboa" in html(client.get(reverse("providers:provider_list") + "?page=99"))
    assert "Reviver Lisboa" in html(client.get(reverse("providers:provider_list") + "?page=x"))


def test_networks_filter_by_level_maturity_and_country(client, partner_a):
    NetworkFactory(name="EU network", level=Level.EUROPEAN, country="",
                   maturity=Maturity.ESTABLISHED)
    NetworkFactory(name="Slovak network", level=Level.NATIONAL, country="SK")
    url = reverse("providers:network_list")
    page = html(client.get(url + "?level=european&maturity=established"))
    assert "EU network" in page and "Slovak network" not in page
    page = html(client.get(url + "?country=SK"))
    assert "Slovak network" in page and "EU network" not in page


def test_a_network_page_lists_its_visible_member_providers(client, network, partner_a):
    ProviderFactory(name="Visible member", networks=[network], owner_partner=partner_a)
    ProviderFactory(name="Draft member", networks=[network], owner_partner=partner_a,
                    verification="unverified")
    page = html(client.get(network.get_absolute_url()))
    assert "Visible member" in page and "Draft member" not in page


def test_stakeholders_filter_by_type_and_level(client, owner, partner_a):
    StakeholderFactory(name="Ministry", kind="public_authority", level="national")
    StakeholderFactory(name="Union", kind="union", level="regional")
    client.force_login(owner)
    page = html(client.get(reverse("providers:stakeholder_list") + "?kind=union&level=regional"))
    assert "Union" in page and "Ministry" not in page


def test_deleted_records_are_not_found(client, coordinator, provider):
    from providers.services import record_delete

    record_delete(record=provider, by=coordinator)
    client.force_login(coordinator)
    assert client.get(provider.get_absolute_url()).status_code == 404


def _country_options(html: str) -> list[str]:
    import re

    select = re.search(r'<select name="country"[^>]*>(.*?)</select>', html, re.S).group(1)
    return re.findall(r'<option value="([A-Z]*)"', select)


def test_the_country_filter_offers_the_countries_a_viewer_can_see(
        client, owner, partner_a, provider, draft_provider):
    ProviderFactory(owner_partner=partner_a, country="HU")
    ProviderFactory(owner_partner=partner_a, country="RS", verification="unverified")
    # A visitor sees verified providers only: Portugal (the factory's default) and Hungary.
    assert _country_options(client.get(reverse("providers:provider_list")).content.decode()) \
        == ["", "HU", "PT"]
    client.force_login(owner)  # partner A also sees its own unverified providers
    assert _country_options(client.get(reverse("providers:provider_list")).content.decode()) \
        == ["", "HU", "PT", "RS"]


def test_a_bookmarked_country_without_records_finds_none_rather_than_failing(client, provider):
    response = client.get(reverse("providers:provider_list"), {"country": "SK"})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<option value="SK" selected>Slovakia</option>' in html
    assert provider.name not in html
    assert "valid choice" not in html


def test_the_network_list_counts_member_providers_and_sorts_by_them(client, partner_a):
    small, big = NetworkFactory(name="Small network"), NetworkFactory(name="Big network")
    for _ in range(3):
        ProviderFactory(owner_partner=partner_a).networks.add(big)
    ProviderFactory(owner_partner=partner_a).networks.add(small)
    ProviderFactory(owner_partner=partner_a, deleted_at=timezone.now()).networks.add(small)
    NetworkFactory(name="Empty network")
    page = html(client.get(reverse("providers:network_list") + "?sort=-members"))
    order = [page.index(name) for name in ["Big network", "Small network", "Empty network"]]
    assert order == sorted(order)
    counts = {name: page[page.index(name):].split("</tr>")[0] for name in
              ["Big network", "Small network", "Empty network"]}
    assert '<td data-label="Member providers">3</td>' in counts["Big network"]
    # The deleted provider does not count.
    assert '<td data-label="Member providers">1</td>' in counts["Small network"]
    assert '<td data-label="Member providers">0</td>' in counts["Empty network"]
