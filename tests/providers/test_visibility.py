"""Who sees which registry records: the QuerySet methods every list, export and count uses."""

import pytest
from django.contrib.auth.models import AnonymousUser

from providers.models import Network, Provider, Stakeholder
from providers.services import record_delete
from tests.factories import ProviderFactory

pytestmark = pytest.mark.django_db


def test_visitors_see_only_verified_providers(provider, draft_provider):
    assert list(Provider.objects.visible_to(AnonymousUser())) == [provider]


def test_verified_is_a_chainable_query(provider, draft_provider):
    assert list(Provider.objects.verified().in_country("PT")) == [provider]
    assert not Provider.objects.verified().in_country("SK").exists()


def test_members_see_their_partners_unverified_providers(owner, colleague, provider,
                                                         draft_provider):
    for person in (owner, colleague):
        assert set(Provider.objects.visible_to(person)) == {provider, draft_provider}


def test_another_partners_member_does_not_see_an_unverified_provider(outsider, provider,
                                                                     draft_provider):
    assert list(Provider.objects.visible_to(outsider)) == [provider]


def test_the_wp1_lead_and_coordinators_see_every_provider_to_verify_them(
        lead, coordinator, provider, draft_provider):
    for person in (lead, coordinator):
        assert set(Provider.objects.visible_to(person)) == {provider, draft_provider}


def test_a_lead_of_another_work_package_is_a_member_like_others(partners, provider,
                                                                draft_provider):
    from netw.roles import Role
    from tests.factories import MembershipFactory

    wp2_lead = MembershipFactory(partner=partners["galileo-progetti"], role=Role.WP_LEAD).user
    assert list(Provider.objects.visible_to(wp2_lead)) == [provider]


def test_deleted_records_are_hidden_everywhere_but_kept(coordinator, provider, network,
                                                        stakeholder):
    provider.networks.add(network)
    for record in (provider, network, stakeholder):
        record_delete(record=record, by=coordinator)
    assert not Provider.objects.visible_to(coordinator).exists()
    assert not Network.objects.exists()
    assert not Stakeholder.objects.visible_to(coordinator).exists()
    assert set(Provider.all_objects.deleted()) == {provider}
    assert Network.all_objects.deleted().count() == 1


def test_a_deleted_network_disappears_from_its_providers(owner, provider, network):
    provider.networks.add(network)
    record_delete(record=network, by=owner)
    assert list(Provider.objects.get(pk=provider.pk).networks.all()) == []


def test_networks_are_public(network):
    assert list(Network.objects.visible_to(AnonymousUser())) == [network]


def test_stakeholders_are_for_logged_in_partners(owner, outsider, stakeholder):
    assert not Stakeholder.objects.visible_to(AnonymousUser()).exists()
    assert list(Stakeholder.objects.visible_to(outsider)) == [stakeholder]
    assert list(Stakeholder.objects.visible_to(owner)) == [stakeholder]


def test_a_person_without_a_partner_sees_what_visitors_see(provider, draft_provider):
    from tests.factories import UserFactory

    assert list(Provider.objects.visible_to(UserFactory())) == [provider]


def test_registered_by_filters_on_the_owner(partner_a, partner_b):
    mine = ProviderFactory(owner_partner=partner_a)
    ProviderFactory(owner_partner=partner_b)
    assert list(Provider.objects.registered_by(partner_a)) == [mine]
