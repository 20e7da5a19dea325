"""Permissions per role and per object: owner, colleague, outsider, lead, coordinator, visitor."""

import pytest
from django.contrib.auth.models import AnonymousUser

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(owner, colleague, outsider, lead, coordinator):
    return {"owner": owner, "colleague": colleague, "outsider": outsider, "lead": lead,
            "coordinator": coordinator, "anonymous": AnonymousUser()}


def allowed(people, perm, obj=None):
    return {name for name, user in people.items() if user.has_perm(perm, obj)}


def test_members_of_the_owner_partner_and_coordinators_edit_a_provider(people, provider):
    expected = {"owner", "colleague", "coordinator"}
    assert allowed(people, "providers.change_provider", provider) == expected
    assert allowed(people, "providers.delete_provider", provider) == expected


def test_members_of_the_owner_partner_and_coordinators_edit_networks_and_stakeholders(
        people, network, stakeholder):
    expected = {"owner", "colleague", "coordinator"}
    assert allowed(people, "providers.change_network", network) == expected
    assert allowed(people, "providers.delete_network", network) == expected
    assert allowed(people, "providers.change_stakeholder", stakeholder) == expected
    assert allowed(people, "providers.delete_stakeholder", stakeholder) == expected


def test_anyone_views_a_verified_provider(people, provider):
    assert allowed(people, "providers.view_provider", provider) == set(people)


def test_an_unverified_provider_is_seen_by_its_partner_and_the_people_who_verify(
        people, draft_provider):
    assert allowed(people, "providers.view_provider", draft_provider) == {
        "owner", "colleague", "lead", "coordinator"}


def test_the_wp1_lead_and_coordinators_verify_providers(people, draft_provider):
    assert allowed(people, "providers.verify_provider", draft_provider) == {"lead", "coordinator"}


def test_every_partner_member_registers_and_imports_but_visitors_do_not(people):
    members = {"owner", "colleague", "outsider", "lead", "coordinator"}
    for perm in ("providers.add_provider", "providers.add_network", "providers.add_stakeholder",
                 "providers.import_providers"):
        assert allowed(people, perm) == members, perm


def test_contact_details_stakeholders_and_history_are_for_partners(people, stakeholder):
    members = {"owner", "colleague", "outsider", "lead", "coordinator"}
    assert allowed(people, "providers.view_contact") == members
    assert allowed(people, "providers.view_history") == members
    assert allowed(people, "providers.view_stakeholder", stakeholder) == members


def test_networks_are_public(people, network):
    assert allowed(people, "providers.view_network", network) == set(people)


def test_only_coordinators_restore_deleted_records(people):
    assert allowed(people, "providers.restore_record") == {"coordinator"}
