"""Work package 1's part of the logged-in home (see netw/dashboard.py); its figures are its
indicators (peersessions/indicators.py)."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Avg, Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy

from netw.dashboard import Attention, Panel, QuickAction, ReportTable
from netw.events.sources import EventQuery, events_between
from peersessions.models import Feedback, FollowUpAction, Participant, Session, Topic

FEEDBACK_WINDOW = timedelta(days=30)  # how long after a session its feedback is asked for
EVENTS_AHEAD = timedelta(days=90)
PANEL_SIZE = 5


def attention(user) -> list[Attention]:
    now = timezone.now()
    items = []
    my_actions = reverse("netw:my_actions")
    actions = FollowUpAction.objects.open().filter(owner=user).aggregate(
        overdue=Count("pk", filter=Q(due_on__lt=timezone.localdate())), open=Count("pk"))
    if actions["overdue"]:
        items.append(Attention(
            ngettext("%(count)d follow-up action of yours is overdue",
                     "%(count)d follow-up actions of yours are overdue", actions["overdue"])
            % {"count": actions["overdue"]}, my_actions, actions["overdue"],
            urgent=True))
    elif actions["open"]:
        items.append(Attention(
            ngettext("%(count)d follow-up action of yours is open",
                     "%(count)d follow-up actions of yours are open", actions["open"])
            % {"count": actions["open"]}, my_actions, actions["open"]))
    items.append(Attention(
        ngettext_lazy("%(count)d session invitation waits for your answer",
                      "%(count)d session invitations wait for your answer", "count"),
        "#my-events", Participant.objects.filter(
            user=user, rsvp=Participant.Rsvp.PENDING, session__status=Session.Status.SCHEDULED,
            session__starts_at__gt=now), urgent=True))
    items.append(Attention(
        ngettext_lazy("%(count)d recent session asks for your feedback",
                      "%(count)d recent sessions ask for your feedback", "count"),
        "#feedback-due", _feedback_due(user)))
    items += course_attention(user)
    return items


def _feedback_due(user):
    """Sessions of the last 30 days the person was at (or did not decline) and has not rated."""
    now = timezone.now()
    return Session.objects.filter(
        status=Session.Status.SCHEDULED, ends_at__lte=now, ends_at__gt=now - FEEDBACK_WINDOW,
        pk__in=Participant.objects.filter(user=user).exclude(rsvp=Participant.Rsvp.DECLINED)
        .exclude(attended=False).values("session_id"),
    ).exclude(feedback__user=user)


def panels(user) -> list[Panel]:
    """The sessions awaiting the person's rating and their next events (sessions, roundtables,
    study visits: the calendar's sources). Their open actions are the core's panel (every app's
    actions, netw/actions.py)."""
    now = timezone.now()
    events = events_between(EventQuery(user=user, start=now, end=now + EVENTS_AHEAD, mine=True,
                                       limit=PANEL_SIZE + 1))
    session_ids = [e.pk for e in events if e.source_kind == "session"]
    answers = {("session", pk): Participant.Rsvp(rsvp).label
               for pk, rsvp in Participant.objects.filter(
                   user=user, session_id__in=session_ids).values_list("session_id", "rsvp")
               } if session_ids else {}
    feedback = list(_feedback_due(user).order_by("-ends_at", "-pk")
                    .only("pk", "title", "ends_at")[:PANEL_SIZE])
    return [
        *([Panel("peersessions/includes/home_feedback.html", {"feedback_due": feedback})]
          if feedback else []),
        Panel("peersessions/includes/home_events.html", {
            "events": [(event, answers.get((event.source_kind, event.pk)))
                       for event in events[:PANEL_SIZE]],
            "more_events": len(events) > PANEL_SIZE}),
    ]


def report_tables() -> list[ReportTable]:
    """Peer sessions per topic: held, planned, attendances and the participants' rating."""
    now = timezone.now()
    topics = (Topic.objects.order_by("position", "pk").annotate(
        held=Count("sessions", distinct=True, filter=Q(
            sessions__status=Session.Status.SCHEDULED, sessions__ends_at__lte=now)),
        planned=Count("sessions", distinct=True, filter=Q(
            sessions__status=Session.Status.SCHEDULED, sessions__ends_at__gt=now)),
    ))
    attendances = dict(Participant.objects.filter(attended=True).order_by()
                       .values("session__topic").annotate(n=Count("pk"))
                       .values_list("session__topic", "n"))
    ratings = {row["session__topic"]: row for row in Feedback.objects.order_by()
               .values("session__topic").annotate(n=Count("pk"), average=Avg("usefulness"))}
    rows = []
    for topic in topics:
        rating = ratings.get(topic.pk)
        rows.append([str(topic.display_name), topic.held, topic.planned,
                     attendances.get(topic.pk, 0),
                     f"{rating['average']:.1f} ({rating['n']})" if rating else "–"])
    return [ReportTable(
        _("Peer-to-peer sessions per topic"),
        [_("Topic"), _("Held"), _("Planned"), _("Attendances"),
         _("Usefulness, 1–5 (answers)")],
        rows, empty=_("No topic yet.")), *course_report_tables()]


# --- The MOOC (peersessions/courses/) ----------------------------------------------------------


def course_attention(user) -> list[Attention]:
    """Courses awaiting the person's review (WP1 leads, coordinators), counted with the
    others."""
    from peersessions.models import Course

    return [Attention(
        ngettext_lazy("%(count)d course awaits your review",
                      "%(count)d courses await your review", "count"),
        reverse("peersessions:course_workspace"), Course.objects.awaiting_review_by(user),
        urgent=True)]


def course_report_tables() -> list[ReportTable]:
    """The activity report: each published course, its enrolments and completions."""
    from peersessions.courses.statistics import courses_overview
    from peersessions.models import Course

    courses = courses_overview(Course.objects.published().order_by("title", "pk"))
    return [ReportTable(
        _("MOOC courses"),
        [_("Course"), _("Partner"), _("Language"), _("Enrolments"), _("Completions")],
        [[c.title, c.owner_partner.short_name, c.get_language_display(), c.enrolled,
          c.completed] for c in courses],
        empty=_("No course published yet."))]


def quick_actions(user) -> list[QuickAction]:
    """My home's "What you can do": peer-to-peer sessions, and the MOOC for its learners."""
    from netw import roles

    found = []
    if user.has_perm("peersessions.add_session"):
        found.append(QuickAction(_("Plan a peer-to-peer session"),
                                 reverse("peersessions:session_create")))
    if roles.is_learner(user):
        found.append(QuickAction(_("Continue my courses"), reverse("peersessions:my_learning")))
        found.append(QuickAction(_("Find a course in the MOOC"),
                                 reverse("peersessions:course_list")))
    return found
