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
from netw.notifications.services import notify

from .models import (
    COMMITMENT_OPEN,
    Commitment,
    GoodPractice,
    Milestone,
    MilestoneStatus,
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


def commitments_needing_reminder(*, today: dt.date | None = None) -> list[int]:
    """Late commitments whose one reminder has not gone out."""
    return list(Commitment.objects.late(today).filter(late_reminder_sent_at__isnull=True)
                .values_list("pk", flat=True))


def commitment_reminder_recipients(commitment: Commitment) -> list:
    """Whoever recorded the commitment, and the committed partner's staff (a stakeholder's
    commitment: its recorder only)."""
    from netw.models import User

    who = Q(pk=commitment.created_by_id) if commitment.created_by_id else Q(pk__in=[])
    if commitment.partner_id:
        who |= Q(memberships__partner_id=commitment.partner_id)
    return list(User.objects.filter(who, is_active=True).distinct().order_by("pk"))


@transaction.atomic
def commitment_send_late_reminder(*, commitment_id: int) -> bool:
    """The one late reminder, to its recorder and the committed partner's staff. The row is
    locked and marked in the same transaction, so a second run (or an overlapping beat) sends
    nothing. False when it is not late any more, or already reminded."""
    found = (Commitment.objects.late().filter(pk=commitment_id,
                                              late_reminder_sent_at__isnull=True)
             .select_for_update().first())
    if found is None:
        return False
    commitment = Commitment.objects.select_related("partner", "stakeholder").get(pk=found.pk)
    notify(recipients=commitment_reminder_recipients(commitment), kind="commitment_late",
           template=ROADMAP_EMAILS + "commitment_late", context={"commitment": commitment},
           url=commitment.get_absolute_url())
    Commitment.objects.filter(pk=commitment.pk).update(late_reminder_sent_at=timezone.now())
    return True
