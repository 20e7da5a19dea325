"""Operations on sessions that change several rows, send notifications or queue tasks.

Views call these after their forms have cleaned the input; the checks that protect the data
(no scheduling in the past, feedback only from invitees, one per person) are repeated here so no
other caller can skip them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Avg, Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from netw.events.ics import invitation_ics
from netw.notifications.services import notify
from peersessions.calendar import SESSIONS
from peersessions.models import (
    Feedback,
    FollowUpAction,
    KeyLearning,
    Material,
    Participant,
    Session,
    Topic,
)
from providers.models import Membership

EMAILS = "peersessions/emails/"
# Changing any of these changes the event in people's calendars: a new SEQUENCE and an e-mail.
SIGNIFICANT_FIELDS = ("title", "starts_at", "ends_at", "timezone", "format", "place",
                      "meeting_url")


def host_overlaps(*, session: Session) -> list[Session]:
    """Other live sessions of the same host that overlap this one in time."""
    return list(
        Session.objects.filter(owner_partner_id=session.owner_partner_id)
        .exclude(pk=session.pk)
        .exclude(status=Session.Status.CANCELLED)
        .between(session.starts_at, session.ends_at)
        .order_by("starts_at")
    )


def _check_can_be_scheduled(session: Session) -> None:
    if session.starts_at <= timezone.now():
        raise ValidationError(
            _("A session that has already started cannot be scheduled: choose a future time."),
            code="in_the_past",
        )


def _wanted_participants(invited_partners: Iterable, invited_people: Iterable
                         ) -> dict[int, int | None]:
    """user id → the partner they were invited with (None when invited by name)."""
    wanted: dict[int, int | None] = {}
    partner_ids = [p.pk for p in invited_partners]
    for user_id, partner_id in (Membership.objects.filter(partner_id__in=partner_ids,
                                                         user__is_active=True)
                                .values_list("user_id", "partner_id")):
        wanted.setdefault(user_id, partner_id)
    for person in invited_people:
        wanted[person.pk] = None
    return wanted


@transaction.atomic
def session_save(
    *,
    session: Session,
    by,
    facilitators: Iterable,
    invited_partners: Iterable,
    invited_people: Iterable,
    schedule: bool = False,
) -> Session:
    """Create or change a session, sync its invitees and tell them what they need to know."""
    creating = session.pk is None
    before = None if creating else Session.objects.select_for_update().get(pk=session.pk)
    if schedule and session.status == Session.Status.DRAFT:
        _check_can_be_scheduled(session)
        session.status = Session.Status.SCHEDULED
    changed = bool(before) and any(getattr(before, f) != getattr(session, f)
                                   for f in SIGNIFICANT_FIELDS)
    if changed and session.status == Session.Status.SCHEDULED and before.status == session.status:
        if session.starts_at != before.starts_at and session.starts_at <= timezone.now():
            raise ValidationError(_("A scheduled session cannot be moved into the past."),
                                  code="in_the_past")
        session.sequence += 1
    if before and session.starts_at != before.starts_at:
        # A new date deserves a new reminder.
        session.reminder_sent_at = None
    if creating:
        session.created_by = by
    session.updated_by = by
    session.full_clean(exclude=["facilitators", "invited_partners"])
    session.save()
    session.facilitators.set(list(facilitators))
    invited_partners = list(invited_partners)
    session.invited_partners.set(invited_partners)

    wanted = _wanted_participants(invited_partners, invited_people)
    existing = {p.user_id: p for p in session.participants.all()}
    # People taken off the list who have not answered nor attended go; history keeps the trace.
    dropped = [p.pk for uid, p in existing.items()
               if uid not in wanted and p.attended is None and p.rsvp == Participant.Rsvp.PENDING]
    if dropped:
        Participant.objects.filter(pk__in=dropped).delete()
    Participant.objects.bulk_create([
        Participant(session=session, user_id=uid, via_partner_id=partner_id)
        for uid, partner_id in wanted.items() if uid not in existing
    ])

    if session.status == Session.Status.SCHEDULED:
        if (changed and not creating and before.status == Session.Status.SCHEDULED
                and session.ends_at > timezone.now()):
            # Correcting the record of a session that is over concerns nobody's calendar.
            _notify_change(session)
        _send_invitations(session)
    return session


def _invitation(session: Session, attendee) -> str:
    """The .ics an invitee gets: they may see the meeting link, which the event carries."""
    return invitation_ics(SESSIONS.event(session, show_link=True), attendee=attendee)


def _send_invitations(session: Session) -> int:
    """Invite every participant who has not been invited yet; each gets their own .ics."""
    pending = list(session.participants.filter(invited_at__isnull=True).select_related("user"))
    for participant in pending:
        notify(recipients=[participant.user], kind="session_invitation",
               template=EMAILS + "session_invitation",
               context={"session": session, "participant": participant},
               url=session.get_absolute_url(),
               ics=_invitation(session, participant.user))
    Participant.objects.filter(pk__in=[p.pk for p in pending]).update(invited_at=timezone.now())
    return len(pending)


def _notify_change(session: Session) -> None:
    participants = (session.participants.filter(invited_at__isnull=False)
                    .exclude(rsvp=Participant.Rsvp.DECLINED).select_related("user"))
    for participant in participants:
        notify(recipients=[participant.user], kind="session_changed",
               template=EMAILS + "session_changed",
               context={"session": session, "participant": participant},
               url=session.get_absolute_url(),
               ics=_invitation(session, participant.user))


@transaction.atomic
def session_schedule(*, session: Session, by) -> Session:
    """Turn a draft into a scheduled session and send the invitations."""
    session = Session.objects.select_for_update().get(pk=session.pk)
    if session.status != Session.Status.DRAFT:
        return session
    _check_can_be_scheduled(session)
    session.status = Session.Status.SCHEDULED
    session.updated_by = by
    session.save(update_fields=["status", "updated_by", "updated_at"])
    _send_invitations(session)
    return session


@transaction.atomic
def session_cancel(*, session: Session, by) -> Session:
    session = Session.objects.select_for_update().get(pk=session.pk)
    if session.status == Session.Status.CANCELLED:
        return session
    was_scheduled = session.status == Session.Status.SCHEDULED
    session.status = Session.Status.CANCELLED
    session.sequence += 1
    session.updated_by = by
    session.save(update_fields=["status", "sequence", "updated_by", "updated_at"])
    if was_scheduled:
        participants = (session.participants.filter(invited_at__isnull=False)
                        .exclude(rsvp=Participant.Rsvp.DECLINED).select_related("user"))
        for participant in participants:
            notify(recipients=[participant.user], kind="session_cancelled",
                   template=EMAILS + "session_cancelled",
                   context={"session": session, "participant": participant},
                   url=session.get_absolute_url(),
                   ics=_invitation(session, participant.user))
    return session


def session_answer(*, session: Session, user, rsvp: str) -> Participant:
    """An invitee says whether they will attend."""
    participant = Participant.objects.filter(session=session, user=user).first()
    if participant is None:
        raise PermissionDenied(_("Only invited people can answer an invitation."))
    if rsvp not in (Participant.Rsvp.ATTENDING, Participant.Rsvp.DECLINED):
        raise ValidationError(_("Answer attending or not attending."), code="invalid")
    participant.rsvp = rsvp
    participant.rsvp_at = timezone.now()
    participant.save(update_fields=["rsvp", "rsvp_at", "updated_at"])
    return participant


@transaction.atomic
def session_record_attendance(*, session: Session, present_user_ids: Iterable[int],
                              extra_people: Iterable = ()) -> None:
    """Record who came: listed participants are present or absent; extra people are added."""
    present = set(present_user_ids)
    for person in extra_people:
        Participant.objects.get_or_create(session=session, user=person,
                                          defaults={"invited_at": timezone.now()})
        present.add(person.pk)
    for participant in session.participants.all():
        attended = participant.user_id in present
        if participant.attended != attended:
            # One save per change (not bulk_update) so the history records each.
            participant.attended = attended
            participant.save(update_fields=["attended", "updated_at"])


def session_record_minutes(*, session: Session, by, minutes: str) -> Session:
    session.minutes = minutes
    session.updated_by = by
    session.save(update_fields=["minutes", "updated_by", "updated_at"])
    return session


def learning_add(*, session: Session, by, text: str, language: str) -> KeyLearning:
    return KeyLearning.objects.create(session=session, text=text, language=language,
                                      created_by=by)


def action_add(*, session: Session, description: str, owner, due_on, by=None
               ) -> FollowUpAction:
    return FollowUpAction.objects.create(session=session, description=description, owner=owner,
                                         due_on=due_on, created_by=by)


def action_set_done(*, action: FollowUpAction, done: bool) -> FollowUpAction:
    action.done_at = timezone.now() if done else None
    action.save(update_fields=["done_at", "updated_at"])
    return action


@transaction.atomic
def action_update(*, action: FollowUpAction, description: str, owner, due_on: date,
                  done: bool) -> FollowUpAction:
    """Correct an action. A new date or owner starts its reminders afresh: the due-date reminder
    goes out on the new date (to the new owner), and nothing is overdue before it."""
    # Compared with the stored row: a model form has already copied its values onto ``action``.
    stored = FollowUpAction.all_objects.filter(pk=action.pk).values("due_on", "owner_id").get()
    if due_on != stored["due_on"] or owner.pk != stored["owner_id"]:
        action.due_reminder_sent_at = None
        action.overdue_reminder_sent_at = None
    action.description = description
    action.owner = owner
    action.due_on = due_on
    if done and action.done_at is None:
        action.done_at = timezone.now()
    elif not done:
        action.done_at = None
    action.save()
    return action


def action_delete(*, action: FollowUpAction, by) -> None:
    """Hide the action (netw.recoverable): gone from the lists and the reminders, kept in its
    history, restorable."""
    action.deleted_at = timezone.now()
    action.deleted_by = by
    action.save(update_fields=["deleted_at", "deleted_by", "updated_at"])


def action_restore(*, action: FollowUpAction) -> None:
    action.deleted_at = None
    action.deleted_by = None
    action.save(update_fields=["deleted_at", "deleted_by", "updated_at"])


def material_add(*, session: Session, by, title: str, upload, content_type: str,
                 language: str) -> Material:
    return Material.objects.create(
        session=session, title=title, file=upload, original_name=upload.name[:255],
        content_type=content_type, size=upload.size, language=language, uploaded_by=by,
    )


def material_delete(*, material: Material) -> None:
    # The file stays on disk: the history keeps a record of it and deletes are recoverable.
    material.delete()


@transaction.atomic
def feedback_give(*, session: Session, user, usefulness: int, comment: str,
                  language: str) -> Feedback:
    """Only invitees of a session that took place may give feedback, once each."""
    if not Participant.objects.filter(session=session, user=user).exists():
        raise PermissionDenied(_("Only people invited to the session can give feedback."))
    if session.status != Session.Status.SCHEDULED or session.ends_at > timezone.now():
        raise ValidationError(_("Feedback opens when the session is over."), code="too_early")
    if not 1 <= int(usefulness) <= 5:
        raise ValidationError(_("Rate usefulness from 1 to 5."), code="out_of_range")
    if Feedback.objects.filter(session=session, user=user).exists():
        raise ValidationError(_("You have already given feedback on this session."),
                              code="duplicate")
    return Feedback.objects.create(session=session, user=user, usefulness=usefulness,
                                   comment=comment, language=language)


def feedback_summary(*, session: Session) -> dict:
    summary = session.feedback.aggregate(count=Count("pk"), average=Avg("usefulness"),
                                         **{f"r{n}": Count("pk", filter=Q(usefulness=n))
                                            for n in range(1, 6)})
    summary["distribution"] = [(n, summary.pop(f"r{n}")) for n in range(5, 0, -1)]
    return summary


def topic_create(*, slug: str, name: str, description: str, language: str) -> Topic:
    return Topic.objects.create(slug=slug, name=name, description=description,
                                language=language)


# --- Reminders and feedback requests (called by the tasks, each safe to run twice) -----------


def session_remind(*, session: Session) -> None:
    """The day-before reminder to invitees (not those who declined) and facilitators; the
    core's pipeline (netw.events.reminders) decides when, and that it goes out once."""
    session = Session.objects.select_related("topic", "owner_partner").get(pk=session.pk)
    people = [p.user for p in session.participants.exclude(rsvp=Participant.Rsvp.DECLINED)
              .select_related("user")]
    people += list(session.facilitators.all())
    notify(recipients=people, kind="session_reminder", template=EMAILS + "session_reminder",
           context={"session": session}, url=session.get_absolute_url())


def sessions_needing_feedback_request(*, now: datetime | None = None) -> list[int]:
    """Sessions that ended in the last week and whose participants have not been asked yet."""
    now = now or timezone.now()
    return list(Session.objects.filter(status=Session.Status.SCHEDULED,
                                       feedback_requested_at__isnull=True,
                                       ends_at__lte=now, ends_at__gt=now - timedelta(days=7))
                .values_list("pk", flat=True))


@transaction.atomic
def session_request_feedback(*, session_id: int) -> bool:
    session = (Session.objects.select_for_update().filter(
        pk=session_id, status=Session.Status.SCHEDULED, feedback_requested_at__isnull=True,
        ends_at__lte=timezone.now()).first())
    if session is None:
        return False
    answered = session.feedback.values("user_id")
    people = [p.user for p in session.participants.exclude(rsvp=Participant.Rsvp.DECLINED)
              .exclude(attended=False).exclude(user_id__in=answered).select_related("user")]
    notify(recipients=people, kind="session_feedback_request",
           template=EMAILS + "feedback_request", context={"session": session},
           url=reverse("peersessions:session_feedback", args=[session.pk]))
    Session.objects.filter(pk=session.pk).update(feedback_requested_at=timezone.now())
    return True


def action_remind(*, action: FollowUpAction, overdue: bool) -> None:
    """Remind the owner of a follow-up action due today or overdue. When, and that it goes out
    once (weekly while overdue), is the core's reminder pipeline (netw/actions.py)."""
    action = FollowUpAction.objects.select_related("owner", "session").get(pk=action.pk)
    kind = "action_overdue" if overdue else "action_due"
    notify(recipients=[action.owner], kind=kind, template=EMAILS + kind,
           context={"action": action, "session": action.session},
           url=action.session.get_absolute_url() + "#actions")
