"""Roles as permission predicates, written once and reused by views, templates and the admin.

A user's roles come from their memberships (user ↔ partner, with a role). The predicates here are
built with the ``rules`` package; apps combine them in their own ``rules.py``:

    rules.add_perm("providers.change_provider", is_coordinator | is_owner_member)

Memberships are the one place that answers "which partners is this person in, with what role":
:func:`memberships` reads them once per user object (a page that checks permissions on fifty
rows asks once) and keeps them in the shared cache between requests, under a version of the
person's own that any change to their memberships (or to a partner, or to their second factors)
bumps, so a logged-in page usually reads them with no query at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import rules
from django.core.cache import cache
from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from providers.models import Membership


class Role(models.TextChoices):
    MEMBER = "member", _("Partner member")
    WP_LEAD = "wp_lead", _("Work-package lead")
    COORDINATOR = "coordinator", _("Coordinator")


# The cached memberships live as long as nothing changes them; the timeout only bounds what a
# person who stopped coming leaves in the cache.
ACCESS_TTL = 24 * 60 * 60
# Bumped when what many people's cached access is made of changes (a partner, a group's
# permissions): rare writes, so everyone's is read afresh once.
_SHARED_VERSION = "netw:access:shared"


def _user_version_key(user_id: int) -> str:
    return f"netw:access:user:{user_id}"


def _bump(key: str) -> None:
    """A new version under ``key`` (as netw.dataversion does for the data): what was cached
    under the old one is never read again, even if a request that read the old rows stores
    them after the bump."""
    if not cache.add(key, 1, timeout=None):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=None)


def forget_access(user_id: int) -> None:
    """What is cached about the access of user ``user_id`` is stale (a membership of theirs or
    a second factor changed)."""
    _bump(_user_version_key(user_id))


_ACCESS_ATTR = "_netw_access"


def _cached(user, part: str, compute):
    """One part of what the user's access is made of ("memberships", "totp", "permissions"),
    from the shared cache when nothing changed since it was stored, else computed and stored.
    The first call for a user object reads the versions, then every part already cached, in
    two cache reads; a part is computed only when a request needs it. A cache that is down
    reads as a miss and keeps nothing: the database answers."""
    access = getattr(user, _ACCESS_ATTR, None)
    if access is None:
        version_key = _user_version_key(user.pk)
        versions = cache.get_many([version_key, _SHARED_VERSION])
        prefix = (f"netw:access:{user.pk}:{versions.get(version_key, 0)}:"
                  f"{versions.get(_SHARED_VERSION, 0)}:")
        found = cache.get_many([prefix + name for name in ("memberships", "totp", "permissions")])
        access = (prefix, {key.removeprefix(prefix): value for key, value in found.items()})
        setattr(user, _ACCESS_ATTR, access)
    prefix, values = access
    if part not in values:
        values[part] = compute()
        cache.set(prefix + part, values[part], ACCESS_TTL)
    return values[part]


def memberships(user) -> list[Membership]:
    """The user's memberships with their partners: once per user object, from the shared cache
    when they did not change."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    from providers.models import Membership

    return _cached(user, "memberships", lambda: list(
        Membership.objects.filter(user=user).select_related("partner")))


def has_totp(user) -> bool:
    """Whether the logged-in ``user`` has set up an authenticator app."""
    if not getattr(user, "is_authenticated", False):
        return False
    from allauth.mfa.models import Authenticator

    return _cached(user, "totp", lambda: Authenticator.objects.filter(
        user=user, type=Authenticator.Type.TOTP).exists())


def model_permissions(user) -> set[str]:
    """The active user's Django model permissions ("app.codename", as Django's ModelBackend
    finds them): netw.accounts.backends answers ``has_perm`` from these."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    from django.contrib.auth.backends import ModelBackend

    return _cached(user, "permissions",
                   lambda: set(ModelBackend().get_all_permissions(user)))


def forget_memberships(user) -> None:
    """Drop the cached memberships after they changed (e.g. an invitation was accepted)."""
    for attr in (_ACCESS_ATTR, "_perm_cache", "_user_perm_cache", "_group_perm_cache"):
        if hasattr(user, attr):
            delattr(user, attr)
    if getattr(user, "pk", None):
        forget_access(user.pk)


def _membership_changed(instance, **kwargs) -> None:
    forget_access(instance.user_id)


def _user_changed(instance, **kwargs) -> None:
    forget_access(instance.pk)


def _shared_changed(action: str = "post_", **kwargs) -> None:
    if action.startswith("post_"):
        _bump(_SHARED_VERSION)


def watch_access() -> None:
    """Connect the signals that keep the cached access true: any save or delete of a user, a
    membership or a second factor forgets its user's; of a partner or a link between users,
    groups and permissions, everyone's (rare writes). Writes that bypass signals
    (``QuerySet.update``) must call :func:`forget_access`."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db.models.signals import m2m_changed, post_delete, post_save

    User = get_user_model()
    receivers = [("providers.Membership", _membership_changed),
                 ("mfa.Authenticator", _membership_changed),
                 (User, _user_changed), ("providers.Partner", _shared_changed)]
    for model, receiver in receivers:
        for signal in (post_save, post_delete):
            signal.connect(receiver, sender=model, weak=False,
                           dispatch_uid=f"netw.roles:{model}:{signal is post_save}")
    for through in (User.groups.through, User.user_permissions.through,
                    Group.permissions.through):
        m2m_changed.connect(_shared_changed, sender=through, weak=False,
                            dispatch_uid=f"netw.roles:{through._meta.label}")


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
