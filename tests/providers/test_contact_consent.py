"""Contact persons are listed to visitors only with their consent; partners always see them; a
listed person finds how to ask to be removed."""

import pytest
from django.urls import reverse

from providers.models import Network, Provider
from tests.factories import NetworkFactory, ProviderFactory

pytestmark = pytest.mark.django_db

REMOVAL = "/contact/?topic=removal"


def page(client, record) -> str:
    response = client.get(record.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_a_new_record_does_not_list_its_contact_person_without_consent():
    assert Provider().contact_listed_with_consent is False
    assert Network().contact_listed_with_consent is False


def test_visitors_see_a_provider_contact_only_with_consent(client, partner_a):
    listed = ProviderFactory(owner_partner=partner_a, contact_listed_with_consent=True,
                             contact_person="Ana Listed", contact_email="ana@listed.example.org",
                             contact_phone="+351 21 000 0000")
    unlisted = ProviderFactory(owner_partner=partner_a, contact_person="Rui Private",
                               contact_email="rui@private.example.org")
    shown = page(client, listed)
    assert "Ana Listed" in shown and "ana@listed.example.org" in shown
    assert "+351 21 000 0000" in shown
    hidden = page(client, unlisted)
    assert "Rui Private" not in hidden and "rui@private.example.org" not in hidden


def test_visitors_see_a_network_contact_only_with_consent(client, partner_a):
    listed = NetworkFactory(owner_partner=partner_a, contact_listed_with_consent=True,
                            contact_person="Eva Network", contact_email="eva@net.example.org")
    unlisted = NetworkFactory(owner_partner=partner_a, contact_person="Ivo Hidden",
                              contact_email="ivo@net.example.org")
    assert "eva@net.example.org" in page(client, listed)
    assert "ivo@net.example.org" not in page(client, unlisted)


def test_partner_members_see_contacts_without_consent(client, outsider, partner_a):
    unlisted = ProviderFactory(owner_partner=partner_a, contact_person="Rui Private",
                               contact_email="rui@private.example.org")
    client.force_login(outsider)
    assert "rui@private.example.org" in page(client, unlisted)


def test_the_forms_ask_for_consent_with_an_explanation(client, owner):
    client.force_login(owner)
    for name in ("providers:provider_create", "providers:network_create",
                 "providers:stakeholder_create"):
        form = client.get(reverse(name)).content.decode()
        assert 'name="contact_listed_with_consent"' in form
        assert "The contact person agreed to be listed publicly" in form
        assert "Only then do visitors see" in form


def test_a_listed_contact_can_ask_to_be_removed_through_the_contact_page(
        client, partner_a, monkeypatch):
    listed = ProviderFactory(owner_partner=partner_a, contact_listed_with_consent=True)
    unlisted_network = NetworkFactory(owner_partner=partner_a, contact_person="Ivo Hidden")
    monkeypatch.setattr("providers.views.records._contact_removal_url", lambda: REMOVAL)
    assert f'href="{REMOVAL}"' in page(client, listed)
    assert "Ask to be removed" not in page(client, unlisted_network)


def test_without_a_contact_page_the_removal_link_is_hidden(client, partner_a):
    # netw:contact comes with the contact form; until then no link points nowhere.
    listed = ProviderFactory(owner_partner=partner_a, contact_listed_with_consent=True)
    try:
        reverse("netw:contact")
    except Exception:
        assert "Ask to be removed" not in page(client, listed)
    else:
        assert "/contact/?topic=removal" in page(client, listed).replace("&amp;", "&")
