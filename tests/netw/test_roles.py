"""The role predicates every app builds its permissions on."""

import pytest
from django.contrib.auth.models import AnonymousUser

from netw import roles
from netw.roles import is_coordinator, is_lead_of, is_owner_member, is_partner_member, is_wp_lead

pytestmark = pytest.mark.django_db


class Owned:
    def __init__(self, partner):
        self.owner_partner_id = partner.pk


def test_visitor_has_no_role(partners):
    visitor = AnonymousUser()
    assert not is_partner_member(visitor)
    assert not is_coordinator(visitor)
    assert not is_owner_member(visitor, Owned(partners["a3s"]))


def test_member_owns_their_partners_records_only(owner, partner_a, partner_b):
    assert is_partner_member(owner)
    assert is_owner_member(owner, Owned(partner_a))
    assert not is_owner_member(owner, Owned(partner_b))
    assert not is_wp_lead(owner)
    assert not is_coordinator(owner)


def test_lead_leads_the_work_package_of_their_partner(lead):
    assert is_wp_lead(lead)
    assert is_lead_of(1)(lead)
    assert not is_lead_of(2)(lead)


def test_member_of_a_leading_partner_is_not_a_lead(partners):
    from tests.factories import MembershipFactory

    member = MembershipFactory(partner=partners["aff"]).user
    assert not is_lead_of(1)(member)


def test_coordinator_and_superuser_are_coordinators(coordinator, django_user_model):
    assert is_coordinator(coordinator)
    assert is_coordinator(django_user_model(is_superuser=True, is_active=True))


def test_deactivated_user_loses_every_role(owner, partner_a):
    owner.is_active = False
    assert not is_owner_member(owner, Owned(partner_a))
    assert not is_partner_member(owner)


def _fresh(user):
    """The same person as the next request loads them: a new user object."""
    return type(user).objects.get(pk=user.pk)


def test_memberships_are_read_once_per_user_object(owner, django_assert_max_num_queries):
    roles.forget_memberships(owner)
    with django_assert_max_num_queries(4):  # memberships, second factor, model permissions
        for _ in range(5):
            roles.partner_ids(owner)
            roles.led_work_packages(owner)
            roles.has_totp(owner)
            owner.has_perm("netw.invite_user")


def test_the_next_request_reads_the_memberships_from_the_cache(
        owner, partner_a, django_assert_num_queries):
    first = _fresh(owner)
    roles.memberships(first)
    roles.has_totp(first)
    first.has_perm("netw.invite_user")
    again = _fresh(owner)
    with django_assert_num_queries(0):
        assert roles.partner_ids(again) == {partner_a.pk}
        assert not roles.has_totp(again)
        assert not again.has_perm("netw.invite_user")


def test_a_new_membership_a_new_partner_name_and_a_lost_role_are_seen_at_once(
        owner, partner_a, partner_b):
    from providers.models import Membership

    roles.memberships(_fresh(owner))
    Membership.objects.create(user=owner, partner=partner_b, role=roles.Role.COORDINATOR)
    assert roles.partner_ids(_fresh(owner)) == {partner_a.pk, partner_b.pk}
    assert is_coordinator(_fresh(owner))

    partner_b.short_name = "Renamed"
    partner_b.save()
    assert "Renamed: Coordinator" in list(roles.role_labels(_fresh(owner)))

    Membership.objects.filter(user=owner, partner=partner_b).delete()
    assert not is_coordinator(_fresh(owner))
    assert roles.partner_ids(_fresh(owner)) == {partner_a.pk}


def test_a_model_permission_given_in_the_admin_is_seen_at_once(owner):
    from django.contrib.auth.models import Permission

    assert not _fresh(owner).has_perm("providers.delete_provider")
    owner.user_permissions.add(Permission.objects.get(codename="delete_provider"))
    assert _fresh(owner).has_perm("providers.delete_provider")


def test_a_deactivated_user_has_no_cached_role(owner):
    roles.memberships(_fresh(owner))
    owner.is_active = False
    owner.save()
    assert not is_partner_member(_fresh(owner))
