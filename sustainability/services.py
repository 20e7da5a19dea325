"""Operations of work package 3 that save records with their bookkeeping.

The publish workflow itself (submit, publish, return) is the shared one in netw/workflow.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from netw import roles
from netw.models import User
from netw.notifications.services import notify

from .models import (
    COMMITMENT_OPEN,
    OPEN_PLAN_STATUSES,
    ActionPlan,
    Commitment,
    GoodPractice,
    Milestone,
    MilestoneStatus,
    PlanAction,
    PlanActionStatus,
    RoadmapPhase,
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


# --- The roadmap and the commitments ------------------------------------------------------------

ROADMAP_EMAILS = "sustainability/emails/"


class Refused(Exception):
    """An operation the rules of the roadmap do not allow; the message says what to do."""


def _stamp(record, by, *, partner_from_user: bool = True) -> None:
    if record.pk is None:
        record.created_by = by
        if not record.owner_partner_id and partner_from_user:
            membership = roles.primary_membership(by)
            if membership is None:
                raise PermissionDenied(_("Only the partners' staff may change the roadmap."))
            record.owner_partner = membership.partner
    record.updated_by = by


@transaction.atomic
def phase_save(*, phase: RoadmapPhase, by) -> RoadmapPhase:
    """Create or change a roadmap phase; its history keeps the earlier versions."""
    _stamp(phase, by)
    phase.save()
    return phase


@transaction.atomic
def phase_delete(*, phase: RoadmapPhase, by) -> None:
    """Delete an empty phase (its history keeps it); a phase with milestones stays."""
    if phase.milestones.exists():
        raise Refused(_("This phase still has milestones: move them to another phase or delete "
                        "them first."))
    phase._history_user = by
    phase.delete()


@transaction.atomic
def milestone_save(*, milestone: Milestone, by, recommendations: Iterable | None = None
                   ) -> Milestone:
    """Create or change a milestone (the responsible partner is its ``owner_partner``)."""
    _stamp(milestone, by)
    if milestone.status == MilestoneStatus.DONE and milestone.done_on is None:
        milestone.done_on = timezone.localdate()
    milestone.save()
    if recommendations is not None:
        milestone.recommendations.set(recommendations)
    return milestone


@transaction.atomic
def milestone_set_status(*, milestone: Milestone, status: str, done_on: dt.date | None, by
                         ) -> Milestone:
    """The responsible partner says how the milestone stands; done needs a date (today unless
    given), other statuses have none."""
    milestone.status = status
    milestone.done_on = (done_on or timezone.localdate()) if status == MilestoneStatus.DONE \
        else None
    milestone.updated_by = by
    milestone.save(update_fields=["status", "done_on", "updated_by", "updated_at"])
    return milestone


def milestone_has_dependants(milestone: Milestone) -> bool:
    return milestone.commitments.exists() or milestone.plan_actions.exists()


@transaction.atomic
def milestone_delete(*, milestone: Milestone, by) -> None:
    """Delete a milestone nothing refers to (its history keeps it). One that commitments or
    plan actions point at is dropped instead, so they keep their context."""
    if milestone_has_dependants(milestone):
        raise Refused(_("Commitments or plan actions refer to this milestone: drop it instead, "
                        "so that they keep their context."))
    milestone._history_user = by
    milestone.delete()


def milestone_drop(*, milestone: Milestone, by) -> Milestone:
    return milestone_set_status(milestone=milestone, status=MilestoneStatus.DROPPED,
                                done_on=None, by=by)


@transaction.atomic
def commitment_save(*, commitment: Commitment, by) -> Commitment:
    """Create or change a commitment. A confirmed one stays confirmed (its history keeps the
    confirmed version); a later due date, or reopening it, allows one more late reminder."""
    _stamp(commitment, by)
    if commitment.pk is not None and commitment.late_reminder_sent_at is not None:
        before = Commitment.objects.filter(pk=commitment.pk).values("due_on", "status").first()
        if before and (commitment.due_on > before["due_on"]
                       or (commitment.status in COMMITMENT_OPEN
                           and before["status"] not in COMMITMENT_OPEN)):
            commitment.late_reminder_sent_at = None
    commitment.save()
    return commitment


@transaction.atomic
def commitment_confirm(*, commitment: Commitment, by) -> Commitment:
    """A WP3 lead or a coordinator confirms the commitment: from now on it is public. Whoever
    recorded it is told."""
    locked = Commitment.objects.select_for_update().get(pk=commitment.pk)
    if locked.confirmed_at is not None:
        return locked
    locked.confirmed_at = timezone.now()
    locked.confirmed_by = by
    locked.updated_by = by
    locked.save()
    if locked.created_by_id and locked.created_by_id != by.pk:
        notify(recipients=[locked.created_by], kind="commitment_confirmed",
               template=ROADMAP_EMAILS + "commitment_confirmed",
               context={"commitment": locked, "confirmed_by": by},
               url=locked.get_absolute_url())
    return locked


def commitment_reminder_recipients(commitment: Commitment) -> list:
    """Whoever recorded the commitment, and the committed partner's staff (a stakeholder's
    commitment: its recorder only)."""
    who = Q(pk=commitment.created_by_id) if commitment.created_by_id else Q(pk__in=[])
    if commitment.partner_id:
        who |= Q(memberships__partner_id=commitment.partner_id)
    return list(User.objects.filter(who, is_active=True).distinct().order_by("pk"))


def commitment_remind_late(*, commitment: Commitment) -> None:
    """The one late reminder, to its recorder and the committed partner's staff. Sent through
    the core's reminder pipeline (netw/actions.py), which has locked the row, checked that the
    commitment is late and not reminded yet, and marks it in the same transaction."""
    notify(recipients=commitment_reminder_recipients(commitment), kind="commitment_late",
           template=ROADMAP_EMAILS + "commitment_late", context={"commitment": commitment},
           url=commitment.get_absolute_url())


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
