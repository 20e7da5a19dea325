"""Operations of work package 3 that save records with their bookkeeping.

The publish workflow itself (submit, publish, return) is the shared one in netw/workflow.py.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from netw import roles
from netw.models import User
from netw.notifications.services import notify

from .models import (
    OPEN_PLAN_STATUSES,
    ActionPlan,
    GoodPractice,
    PlanAction,
    PlanActionStatus,
)

# Addresses of the repertoire's own pages (good-practices/mine/, good-practices/new/).
RESERVED_SLUGS = {"mine", "new"}


def _unique_slug(title: str, *, exclude_pk: int | None = None) -> str:
    base = slugify(title)[:200] or "practice"
    if base in RESERVED_SLUGS:
        base = f"{base}-practice"
    taken = GoodPractice.objects.exclude(pk=exclude_pk) if exclude_pk else GoodPractice.objects
    slug, n = base, 1
    while taken.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def practice_save(*, practice: GoodPractice, by, m2m: dict[str, Iterable] | None = None
                  ) -> GoodPractice:
    """Create or change a good practice (its status is the workflow's business). A published
    practice stays published; its history keeps the previous version."""
    if practice.pk is None:
        practice.created_by = by
        if not practice.owner_partner_id:
            membership = roles.primary_membership(by)
            if membership is None:
                raise PermissionDenied(_("Only the partners' staff may share good practices."))
            practice.owner_partner = membership.partner
    practice.updated_by = by
    if not practice.slug:
        practice.slug = _unique_slug(practice.title)
    practice.save()
    for name, values in (m2m or {}).items():
        getattr(practice, name).set(values)
    return practice


# --- Long-term action plans (wt-plans) -----------------------------------------------------------

PLAN_EMAILS = "sustainability/emails/"


@transaction.atomic
def plan_save(*, plan: ActionPlan, by) -> ActionPlan:
    """Create or change an action plan; a new one without a partner gets the person's first."""
    if plan.pk is None:
        plan.created_by = by
        if not plan.owner_partner_id:
            membership = roles.primary_membership(by)
            if membership is None:
                raise PermissionDenied(_("Only the partners' staff write action plans."))
            plan.owner_partner = membership.partner
    plan.updated_by = by
    plan._history_user = by
    plan.save()
    return plan


def _sync_done(action: PlanAction) -> None:
    if action.status == PlanActionStatus.DONE:
        action.done_at = action.done_at or timezone.now()
        action.progress = 100
    else:
        action.done_at = None


@transaction.atomic
def plan_action_save(*, action: PlanAction, by) -> PlanAction:
    """Create or change an action. A new due date (or an action opened again) may be overdue
    again later: its overdue reminder is then sent anew."""
    if action.pk is not None:
        before = PlanAction.all_objects.filter(pk=action.pk).values("due_on", "status").first()
        if before and (before["due_on"] != action.due_on
                       or before["status"] not in OPEN_PLAN_STATUSES):
            action.overdue_reminder_sent_at = None
    _sync_done(action)
    action._history_user = by
    action.save()
    return action


@transaction.atomic
def plan_action_set_done(*, action: PlanAction, by, done: bool = True) -> PlanAction:
    """Mark an action done, or open it again (in progress)."""
    if done == (action.status == PlanActionStatus.DONE):
        return action
    action.status = PlanActionStatus.DONE if done else PlanActionStatus.IN_PROGRESS
    if not done:
        action.overdue_reminder_sent_at = None
    _sync_done(action)
    action._history_user = by
    action.save()
    return action


@transaction.atomic
def plan_action_delete(*, action: PlanAction, by) -> None:
    """Hide the action; the plan's writers can restore it (its history keeps every version)."""
    action.deleted_at = timezone.now()
    action.deleted_by = by
    action._history_user = by
    action.save()


@transaction.atomic
def plan_action_restore(*, action: PlanAction, by) -> None:
    action.deleted_at = None
    action.deleted_by = None
    action._history_user = by
    action.save()


def plan_action_recipients(action: PlanAction) -> list:
    """Who is told about an action: its person, else the owner partner's active members."""
    if action.owner_id is not None:
        return [action.owner]
    return list(User.objects.filter(is_active=True, memberships__partner_id=action.owner_partner_id)
                .distinct().order_by("pk"))


def plan_action_remind_overdue(*, action: PlanAction) -> None:
    """The one e-mail when an action becomes overdue. When, and that it goes out once, is the
    core's reminder pipeline (netw/actions.py, sustainability/actions.py)."""
    action = PlanAction.objects.select_related("plan", "owner", "owner_partner").get(pk=action.pk)
    notify(recipients=plan_action_recipients(action), kind="plan_action_overdue",
           template=PLAN_EMAILS + "plan_action_overdue",
           context={"action": action, "plan": action.plan},
           url=action.get_absolute_url())
