"""The registry in the API: partners, networks and verified providers, as a visitor sees them."""

import pytest
from django.test import override_settings
from django.urls import reverse

from providers.services import record_delete
from providers.vocabulary import Verification
from tests.factories import NetworkFactory, ProviderFactory

pytestmark = pytest.mark.django_db


def _get(client, name, *args, **params):
    return client.get(reverse(name, args=args), params, HTTP_ACCEPT="application/json")


@pytest.fixture
def provider(partners):
    from providers.models import Sector, TargetGroup

    network = NetworkFactory(name="Rede Nacional", city="Porto", subdivision="PT-13")
    provider = ProviderFactory(name="Cozinha Solidária", language="sr-latn", subdivision="PT-11",
                               latitude="38.72225", longitude="-9.13934")
    provider.sectors.set(Sector.objects.filter(code__in=["catering"])[:1])
    provider.target_groups.set(TargetGroup.objects.all()[:1])
    provider.networks.add(network)
    return provider


@override_settings(SITE_URL="https://net-works.example.eu")
def test_a_verified_provider_is_listed_with_codes_links_and_place(client, provider):
    response = _get(client, "api:provider-list")
    assert response.status_code == 200
    assert response["Link"] == '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'
    body = response.json()
    assert body["count"] == 1
    record = body["results"][0]
    assert record["id"] == provider.pk
    assert record["url"] == f"https://net-works.example.eu/api/v1/providers/{provider.pk}/"
    assert record["html_url"] == f"https://net-works.example.eu/providers/{provider.pk}/"
    assert record["country"] == "PT"
    assert record["subdivision"] == "PT-11"
    assert record["language"] == "sr-Latn"
    assert record["latitude"] == pytest.approx(38.72225)
    assert record["longitude"] == pytest.approx(-9.13934)
    assert record["sectors"] == list(provider.sectors.values_list("code", flat=True))
    assert record["networks"] == [provider.networks.get().pk]
    assert record["registered_by"] == provider.owner_partner_id
    assert record["modified"].endswith("Z")
    assert _get(client, "api:provider-detail", provider.pk).json() == record


def test_a_provider_never_shows_its_contact_even_with_consent(client, provider):
    provider.contact_listed_with_consent = True
    provider.save()
    text = _get(client, "api:provider-detail", provider.pk).content.decode()
    assert "contact" not in text
    assert provider.contact_email not in text
    assert "Maria Contact" not in text


def test_unverified_and_deleted_providers_are_absent_and_404(client, partners, personas):
    unverified = ProviderFactory(verification=Verification.UNVERIFIED)
    deleted = ProviderFactory()
    record_delete(record=deleted, by=personas["member_a"])
    assert _get(client, "api:provider-list").json()["count"] == 0
    assert _get(client, "api:provider-detail", unverified.pk).status_code == 404
    assert _get(client, "api:provider-detail", deleted.pk).status_code == 404


def test_a_partner_member_gets_what_a_visitor_gets(client, partners, owner):
    own_draft = ProviderFactory(verification=Verification.UNVERIFIED)
    client.force_login(owner)
    assert _get(client, "api:provider-list").json()["count"] == 0
    assert _get(client, "api:provider-detail", own_draft.pk).status_code == 404


def test_networks_are_listed_with_their_city_and_region(client, provider):
    network = provider.networks.get()
    record = _get(client, "api:network-detail", network.pk).json()
    assert record["city"] == "Porto"
    assert record["subdivision"] == "PT-13"
    assert record["latitude"] is None
    assert record["level"] == "national"
    assert _get(client, "api:network-list").json()["count"] == 1


def test_partners_are_listed_without_their_general_contact(client, partners):
    body = _get(client, "api:partner-list").json()
    assert body["count"] == len(partners)
    a3s = next(p for p in body["results"] if p["slug"] == "a3s")
    assert set(a3s) >= {"id", "url", "html_url", "country", "short_name", "created", "modified"}
    assert "email" not in a3s and "phone" not in a3s
    assert _get(client, "api:partner-detail", partners["a3s"].pk).json() == a3s


def test_the_list_filters_as_the_page_does(client, provider):
    ProviderFactory(country="HU", city="Budapest")
    assert _get(client, "api:provider-list", country="HU").json()["count"] == 1
    assert _get(client, "api:provider-list", q="Cozinha").json()["count"] == 1
    assert _get(client, "api:provider-list", sector="catering").json()["count"] == 1
