"""Roles as permission predicates, written once and reused by views, templates and the admin.

A user's roles come from their memberships (user ↔ partner, with a role). The predicates here are
built with the ``rules`` package; apps combine them in their own ``rules.py``:

    rules.add_perm("providers.change_provider", is_coordinator | is_owner_member)

Memberships are read once per request and cached on the user object, so a page that checks
permissions on fifty rows still issues one query for them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import rules
from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from providers.models import Membership


class Role(models.TextChoices):
    MEMBER = "member", _("Partner member")
    WP_LEAD = "wp_lead", _("Work-package lead")
    COORDINATOR = "coordinator", _("Coordinator")


_CACHE_ATTR = "_netw_memberships"


def memberships(user) -> list[Membership]:
    """The user's memberships with their partners, fetched once per user object."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        from providers.models import Membership

        cached = list(Membership.objects.filter(user=user).select_related("partner"))
        setattr(user, _CACHE_ATTR, cached)
    return cached


def forget_memberships(user) -> None:
    """Drop the cached memberships after they changed (e.g. an invitation was accepted)."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def partner_ids(user) -> set[int]:
    return {m.partner_id for m in memberships(user)}


def led_work_packages(user) -> set[int]:
    """Work packages the user leads: wp_lead members of the partner leading that package."""
    return {
        m.partner.leads_work_package
        for m in memberships(user)
        if m.role == Role.WP_LEAD and m.partner.leads_work_package
    }


def primary_membership(user) -> Membership | None:
    found = memberships(user)
    return found[0] if found else None


# --- Predicates about the user alone -----------------------------------------------------------


@rules.predicate
def is_coordinator(user) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or any(m.role == Role.COORDINATOR for m in memberships(user))


@rules.predicate
def is_partner_member(user) -> bool:
    """Any logged-in person who belongs to a partner (whatever the role)."""
    return bool(memberships(user))


@rules.predicate
def is_wp_lead(user) -> bool:
    """Leads at least one work package."""
    return bool(led_work_packages(user))


@rules.predicate
def is_learner(user) -> bool:
    """A MOOC learner: signed up for the courses (a learner profile) and belongs to no partner.
    Learners have a visitor's view of the partners' records (DESIGN.md)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active or memberships(user):
        return False
    from django.core.exceptions import ObjectDoesNotExist

    try:
        return user.learner_profile is not None
    except ObjectDoesNotExist:
        return False


def is_lead_of(work_package: int) -> rules.Predicate:
    """Predicate factory: leads the given work package."""

    @rules.predicate(name=f"is_lead_of_wp{work_package}")
    def predicate(user) -> bool:
        return int(work_package) in led_work_packages(user)

    return predicate


def is_member_of(partner_id: int) -> rules.Predicate:
    """Predicate factory: belongs to the given partner."""

    @rules.predicate(name=f"is_member_of_{partner_id}")
    def predicate(user) -> bool:
        return partner_id in partner_ids(user)

    return predicate


# --- Predicates about the user and an object ---------------------------------------------------


@rules.predicate
def is_owner_member(user, obj) -> bool:
    """Belongs to the partner that owns ``obj`` (any object with ``owner_partner_id``)."""
    if obj is None:
        return False
    return getattr(obj, "owner_partner_id", None) in partner_ids(user)


@rules.predicate
def is_partner_of(user, partner) -> bool:
    """Belongs to ``partner`` itself."""
    return partner is not None and partner.pk in partner_ids(user)


@rules.predicate
def leads_objects_work_package(user, obj) -> bool:
    """Leads the work package ``obj`` belongs to (its class or instance ``work_package``)."""
    wp = getattr(obj, "work_package", None)
    return wp is not None and int(wp) in led_work_packages(user)


def role_labels(user) -> Iterable[str]:
    for m in memberships(user):
        yield f"{m.partner.short_name}: {m.get_role_display()}"


# --- Permissions of the portal itself ----------------------------------------------------------

rules.add_perm("netw.invite_user", is_coordinator)
rules.add_perm("netw.view_invitation", is_coordinator)
rules.add_perm("netw.revoke_invitation", is_coordinator)
rules.add_perm("netw.view_failed_notifications", is_coordinator)
# Monitoring (netw/monitoring): the partners' staff read the indicators, the dashboard, the
# drill-downs, the reporting periods and the targets; not the learners.
rules.add_perm("netw.view_monitoring", is_coordinator | is_partner_member)
rules.add_perm("netw.set_targets", is_coordinator)
