"""Operations of work package 3 that save records with their bookkeeping.

The publish workflow itself (submit, publish, return) is the shared one in netw/workflow.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from netw import roles
from netw.events.changes import mark_rescheduled, schedule_before, schedule_changed
from netw.events.ics import invitation_ics
from netw.models import User
from netw.notifications.services import notify, notify_address
from netw.text import latin_slug

from .models import (
    COMMITMENT_OPEN,
    OPEN_PLAN_STATUSES,
    ActionPlan,
    Commitment,
    ExpertGuest,
    ExpertMeeting,
    GoodPractice,
    GoodPracticeAttachment,
    MeetingMaterial,
    Milestone,
    MilestoneStatus,
    PlanAction,
    PlanActionStatus,
    Recommendation,
    RoadmapPhase,
    UptakeStep,
)

# Addresses of the repertoire's own pages (good-practices/mine/, new/, feed/).
RESERVED_SLUGS = {"mine", "new", "feed"}


def _unique_slug(title: str, *, exclude_pk: int | None = None, model=GoodPractice,
                 reserved: set[str] = RESERVED_SLUGS, word: str = "practice") -> str:
    base = latin_slug(title, 200) or word
    if base in reserved:
        base = f"{base}-{word}"
    taken = model.objects.exclude(pk=exclude_pk) if exclude_pk else model.objects
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
# --- Expert meetings ----------------------------------------------------------------------------
# The calendar side is the core's (netw.events): the .ics from the meeting's calendar source, the
# SEQUENCE rule in netw.events.changes, the reminder pipeline. What is here: who hears about what.
# The participants (partners' staff) get notifications; the invited experts, who have no account,
# an e-mail to their address through the same outbox (notify_address), each with the .ics.
# A meeting that is over or cancelled is nobody's calendar business: recording it afterwards
# (minutes, the experts who came) sends nothing.

MEETING_EMAILS = "sustainability/emails/"


def _meeting_ics(meeting: ExpertMeeting) -> str:
    """The invitation, update or cancellation: the calendar's own event (same UID as the feeds),
    with the online link, which the people taking part and the invited experts need."""
    from .calendar import MEETINGS

    return invitation_ics(MEETINGS.event(meeting, show_link=True))


def _tell(meeting: ExpertMeeting, *, which: str, people: Iterable = (),
          guests: Iterable[ExpertGuest] = ()) -> None:
    """``which``: scheduled, changed, cancelled or reminder."""
    people, guests = list(people), [g for g in guests if g.email]
    if not people and not guests:
        return
    ics = _meeting_ics(meeting)
    url = meeting.get_absolute_url()
    if people:
        notify(recipients=people, kind=f"expert_meeting_{which}",
               template=MEETING_EMAILS + "meeting_notice",
               context={"meeting": meeting, "which": which}, url=url, ics=ics)
    for guest in guests:
        notify_address(
            email=guest.email, kind="expert_meeting_guest", ics=ics,
            template=MEETING_EMAILS + "meeting_guest", language=meeting.language,
            context={"meeting": meeting, "guest": guest, "which": which,
                     # A partners-only page is no use to an outside expert.
                     "absolute_url": settings.SITE_URL + url if meeting.is_public else ""})


def _invited_guests(meeting: ExpertMeeting):
    return meeting.experts.filter(invited_at__isnull=False).exclude(email="")


@transaction.atomic
def meeting_save(*, meeting: ExpertMeeting, by, participants: Iterable | None = None
                 ) -> ExpertMeeting:
    """Schedule or change an expert meeting. Participants hear about a new meeting; everyone
    taking part (participants and invited experts) about a change of title, time or place, with
    an .ics whose SEQUENCE grows; participants added later get the invitation."""
    before = schedule_before(meeting)
    known = set(meeting.participants.values_list("pk", flat=True)) if meeting.pk else set()
    changed = schedule_changed(meeting, before)
    if changed:
        mark_rescheduled(meeting)
    if meeting.pk is None:
        meeting.created_by = by
        if not meeting.owner_partner_id:
            membership = roles.primary_membership(by)
            if membership is None:
                raise PermissionDenied(_("Only the partners' staff may organise meetings."))
            meeting.owner_partner = membership.partner
    meeting.updated_by = by
    meeting.save()
    if participants is not None:
        meeting.participants.set(participants)
    if not meeting.is_ahead:
        return meeting
    people = list(meeting.participants.all())
    if changed:
        _tell(meeting, which="changed", people=people, guests=_invited_guests(meeting))
    else:
        _tell(meeting, which="scheduled", people=[p for p in people if p.pk not in known])
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting: ExpertMeeting, by) -> ExpertMeeting:
    """Cancel: the calendars get a cancellation (a higher SEQUENCE, STATUS:CANCELLED), the
    people taking part a notice with it."""
    meeting = ExpertMeeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.is_cancelled:
        return meeting
    was_ahead = meeting.is_ahead
    meeting.is_cancelled = True
    meeting.sequence += 1
    meeting.updated_by = by
    meeting.save(update_fields=["is_cancelled", "sequence", "updated_by", "updated_at"])
    if was_ahead:
        _tell(meeting, which="cancelled", people=meeting.participants.all(),
              guests=_invited_guests(meeting))
    return meeting


@transaction.atomic
def expert_add(*, meeting: ExpertMeeting, stakeholder=None, name: str = "",
               organisation: str = "", expertise: str = "", email: str = "") -> ExpertGuest:
    """Add an expert from the registry or by name. An expert with an e-mail address is invited
    (once) if the meeting is ahead; one without is listed and hears nothing."""
    guest = ExpertGuest.objects.create(meeting=meeting, stakeholder=stakeholder, name=name,
                                       organisation=organisation, expertise=expertise,
                                       email=email)
    if guest.email and meeting.is_ahead:
        _tell(meeting, which="scheduled", guests=[guest])
        guest.invited_at = timezone.now()
        guest.save(update_fields=["invited_at", "updated_at"])
    return guest


def expert_remove(*, guest: ExpertGuest) -> None:
    # The history keeps who was listed.
    guest.delete()


def material_add(*, meeting: ExpertMeeting, by, title: str, file=None, link: str = ""
                 ) -> MeetingMaterial:
    return MeetingMaterial.objects.create(meeting=meeting, title=title, file=file or "",
                                          link=link, uploaded_by=by)


def meeting_record_minutes(*, meeting: ExpertMeeting, by, minutes: str, conclusions: str
                           ) -> ExpertMeeting:
    """Minutes and conclusions, once the meeting has started (not before: there is nothing to
    record yet)."""
    if not meeting.has_started:
        raise ValidationError(_("Minutes and conclusions can be recorded once the meeting has "
                                "started."), code="not_started")
    meeting.minutes = minutes
    meeting.conclusions = conclusions
    meeting.updated_by = by
    meeting.save(update_fields=["minutes", "conclusions", "updated_by", "updated_at"])
    return meeting


def meeting_remind(*, meeting: ExpertMeeting) -> None:
    """The day-before reminder (when and once: netw.events.reminders)."""
    _tell(meeting, which="reminder", people=meeting.participants.all(),
          guests=_invited_guests(meeting))
# --- Policy recommendations and their uptake ------------------------------------------------------

# Addresses of the recommendations' own pages (recommendations/mine/, new/, uptake/, from-meeting/).
RECOMMENDATION_RESERVED_SLUGS = {"mine", "new", "uptake", "from-meeting"}


@transaction.atomic
def recommendation_save(*, recommendation: Recommendation, by,
                        m2m: dict[str, Iterable] | None = None) -> Recommendation:
    """Create or change a policy recommendation (its status is the workflow's business). A
    published recommendation stays published; its history keeps the previous version."""
    if recommendation.pk is None:
        recommendation.created_by = by
        if not recommendation.owner_partner_id:
            membership = roles.primary_membership(by)
            if membership is None:
                raise PermissionDenied(_("Only the partners' staff may write recommendations."))
            recommendation.owner_partner = membership.partner
    recommendation.updated_by = by
    if not recommendation.slug:
        recommendation.slug = _unique_slug(recommendation.title, model=Recommendation,
                                           reserved=RECOMMENDATION_RESERVED_SLUGS,
                                           word="recommendation")
    recommendation.save()
    for name, values in (m2m or {}).items():
        getattr(recommendation, name).set(values)
    return recommendation


class NoConclusions(Exception):
    """The meeting has no conclusions to draw a recommendation from."""


def recommendation_from_meeting(*, meeting: ExpertMeeting, by) -> Recommendation:
    """A draft recommendation of the person's partner, begun from an expert meeting's title and
    conclusions (the meeting stays linked). The view has checked that the person may see the
    meeting and write recommendations."""
    if not (meeting.conclusions or "").strip():
        raise NoConclusions
    membership = roles.primary_membership(by)
    if membership is None:
        raise PermissionDenied(_("Only the partners' staff may write recommendations."))
    draft = Recommendation(
        title=meeting.title[:200], owner_partner=membership.partner, language=meeting.language,
        text=meeting.conclusions, expert_meeting=meeting)
    return recommendation_save(recommendation=draft, by=by)


@transaction.atomic
def uptake_step_record(*, step: UptakeStep, by) -> UptakeStep:
    """Record one step of a published recommendation's uptake. Steps are added, never changed:
    a step that goes back a stage is a new step with its reason, and the earlier ones stay.

    Checks the model's rules again (country addressed, a reason to go back) so that no caller
    can skip them; ``ValidationError`` carries the field errors."""
    if step.pk is not None:
        raise ValueError("Uptake steps are recorded once and never changed.")
    # The recommendation's row is locked: two steps recorded at once for the same country see
    # one another when checking whether the stage goes back.
    recommendation = Recommendation.objects.select_for_update().get(pk=step.recommendation_id)
    if not recommendation.is_published:
        raise PermissionDenied(_("Uptake is recorded for published recommendations only."))
    if not step.owner_partner_id:
        membership = roles.primary_membership(by)
        if membership is None:
            raise PermissionDenied(_("Only the partners' staff may record uptake."))
        step.owner_partner = membership.partner
    step.recommendation = recommendation
    step.created_by = step.updated_by = by
    step.full_clean()
    step.save()
    return step


@transaction.atomic
def practice_attachment_add(*, practice: GoodPractice, by, title: str, language: str, file
                            ) -> GoodPracticeAttachment:
    """Attach a file (already checked by its content: FileCheck) to a good practice."""
    attachment = GoodPracticeAttachment(practice=practice, title=title, language=language,
                                        file=file, size=file.size, uploaded_by=by)
    attachment.save()
    return attachment
