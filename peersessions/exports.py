"""Work package 1's exportable lists (netw/exports/registry.py finds this module)."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.db.models import (
    Avg,
    BooleanField,
    Case,
    CharField,
    Count,
    ExpressionWrapper,
    FloatField,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Concat
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from netw import roles
from netw.exports.registry import (
    Column,
    ExportList,
    choice_label,
    country_name,
    labels,
    query_dict,
    register,
    yes_no,
)

# --- The MOOC: enrolments and completions (peersessions/courses/) ------------------------------


def _can_see_learners(user) -> bool:
    """The MOOC's figures per learner: the WP1 leads and the coordinators."""
    return bool(roles.is_coordinator(user) or user.has_perm("peersessions.view_course_overview"))


def _enrolments(user, filters):
    from peersessions.models import Course, Enrolment

    return (Enrolment.objects.filter(course__in=Course.objects.visible_to(user))
            .order_by("course__title", "created_at", "pk"))


_ENROLMENT_COLUMNS = [
    Column(_("Course"), "course__title"),
    Column(_("Learner"), "learner__learner_profile__display_name"),
    Column(_("Country"), "learner__learner_profile__country", country_name),
    Column(_("Provider"), "learner__learner_profile__provider__name"),
    Column(_("Network"), "learner__learner_profile__network__name"),
    Column(_("Organisation"), "learner__learner_profile__organisation"),
    Column(_("Enrolled at"), "created_at"),
    Column(_("Last activity at"), "last_activity_at"),
    Column(_("Completed at"), "completed_at"),
]

# Without e-mail addresses: for the WP1 leads (and coordinators).
register(ExportList(
    name="course_enrolments",
    label=_("Course enrolments and completions"),
    queryset=_enrolments,
    columns=_ENROLMENT_COLUMNS,
    can_export=_can_see_learners,
))

# With the learners' e-mail addresses: for the coordinators only.
register(ExportList(
    name="course_enrolments_with_emails",
    label=_("Course enrolments and completions, with e-mail addresses"),
    queryset=_enrolments,
    columns=[*_ENROLMENT_COLUMNS[:2], Column(_("E-mail"), "learner__email"),
             *_ENROLMENT_COLUMNS[2:]],
    can_export=roles.is_coordinator,
))


# --- Peer-to-peer sessions: the session list, its attendance, feedback and follow-up actions -----
# Each list is the session list's own FilterSet (peersessions/filters.py) over the sessions the
# person may see, so the file holds the sessions the page shows; attendance and feedback are only
# read for the sessions whose participants and feedback the person may see on the session's page
# (``peersessions.view_participants``, ``peersessions.view_feedback_summary``, rules.py).


def _page(name: str):
    return lambda pk: f"{settings.SITE_URL.rstrip('/')}{reverse(name, args=[pk])}"


_SEP = "\x1f"


def _person_expr(prefix: str):
    """A person's name as the pages write it (``str(user)``), read in the same query: first and
    last name and address joined, split again by ``_person``."""
    return Concat(f"{prefix}first_name", Value(" "), f"{prefix}last_name", Value(_SEP),
                  f"{prefix}email", output_field=CharField())


def _person(value) -> str:
    if not value:
        return ""
    name, _sep, email = value.partition(_SEP)
    if email.endswith("@closed.invalid"):  # netw.models.User.CLOSED_DOMAIN
        return gettext("Former member")
    return name.strip() or email


@labels
def _topic(value) -> str:
    """The topic as the pages name it: a seeded topic in the reader's language."""
    from peersessions.models import Topic

    slug, _sep, name = (value or "").partition(_SEP)
    return str(Topic(slug=slug, name=name).display_name)


def _topic_expr(prefix: str = ""):
    return Concat(f"{prefix}topic__slug", Value(_SEP), f"{prefix}topic__name",
                  output_field=CharField())


def _count(model, **conditions):
    """Rows of ``model`` per session, as a subquery per row (counted for the listed sessions
    only, never a join grouped over everything)."""
    counted = (model.objects.filter(session=OuterRef("pk"), **conditions).order_by()
               .values("session").annotate(n=Count("pk")).values("n"))
    return Coalesce(Subquery(counted), 0)


def _may_see_people(user) -> Q | None:
    """The sessions whose participants and feedback ``user`` may see on the session's page
    (``can_see_participants`` and ``can_see_feedback`` in rules.py: the host partner's members,
    the facilitators, the WP1 leads and the coordinators). None: every session they may see."""
    from netw.workpackages import WorkPackage
    from peersessions.models import Session

    if roles.is_coordinator(user) or WorkPackage.CAPACITY_BUILDING in roles.led_work_packages(
            user):
        return None
    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    facilitated = Session.facilitators.through.objects.filter(user=user).values("session_id")
    return Q(owner_partner_id__in=roles.partner_ids(user)) | Q(pk__in=facilitated)


def _only_if(gate: Q | None, value, output_field):
    """``value`` for the sessions of ``gate`` only; empty for the others."""
    if gate is None:
        return value
    return Case(When(gate, then=value), default=Value(None), output_field=output_field)


def _session_filterset(user, filters):
    from peersessions.filters import SessionFilter
    from peersessions.models import Session

    base = Session.objects.visible_to(user).order_by("-starts_at", "-pk")
    return SessionFilter(query_dict(filters) or None, queryset=base)


def _filtered_sessions(user, filters):
    """The sessions of the list page for these filters (its FilterSet's ``qs``, as the page)."""
    return _session_filterset(user, filters).qs


def _sessions(user, filters):
    from django.utils import timezone

    from peersessions.models import Feedback, FollowUpAction, KeyLearning, Material, Participant

    gate = _may_see_people(user)
    scheduled = Q(status="scheduled")
    average = (Feedback.objects.filter(session=OuterRef("pk")).order_by().values("session")
               .annotate(a=Avg("usefulness")).values("a"))
    return _filtered_sessions(user, filters).annotate(
        topic_label=_topic_expr(),
        held=Case(When(scheduled & Q(ends_at__lte=timezone.now()), then=Value(True)),
                  default=Value(False), output_field=BooleanField()),
        invitee_count=_count(Participant),
        attending_count=_count(Participant, rsvp="attending"),
        attended_count=_only_if(gate, _count(Participant, attended=True), IntegerField()),
        feedback_count=_only_if(gate, _count(Feedback), IntegerField()),
        average_usefulness=_only_if(gate, Subquery(average, output_field=FloatField()),
                                    FloatField()),
        has_agenda=ExpressionWrapper(~Q(agenda=""), output_field=BooleanField()),
        has_minutes=ExpressionWrapper(~Q(minutes=""), output_field=BooleanField()),
        learning_count=_count(KeyLearning),
        action_count=_count(FollowUpAction, deleted_at__isnull=True),
        material_count=_count(Material),
    )


def _average(value) -> str | float:
    return "" if value is None else round(value, 1)


def _local(value, zone: str) -> str:
    """A session's time on its own clock, ISO 8601 with its offset ("2026-12-03T10:00:00+01:00")."""
    from django.utils import timezone

    if value is None:
        return ""
    try:
        return timezone.localtime(value, ZoneInfo(zone)).isoformat()
    except (ValueError, KeyError, ZoneInfoNotFoundError):
        return value.isoformat()


@dataclass(frozen=True)
class _SessionRows(ExportList):
    """Rows whose times are written on the session's own clock (its ``timezone`` column), and
    whose people (a ``…__pk`` to-many column) are named, one query per chunk of rows."""

    local_times: tuple[int, ...] = ()
    zone_column: int | None = None
    people_columns: tuple[int, ...] = ()

    def rows(self, user, filters):
        chunk: list[tuple] = []
        for row in super().rows(user, filters):
            chunk.append(row)
            if len(chunk) == self.chunk_size:
                yield from self._finish(chunk)
                chunk = []
        if chunk:
            yield from self._finish(chunk)

    def _finish(self, chunk: list[tuple]):
        from django.contrib.auth import get_user_model

        names: dict = {}
        if self.people_columns:
            ids = {pk for row in chunk for i in self.people_columns for pk in row[i]}
            people = (get_user_model()._base_manager.filter(pk__in=ids)
                      .annotate(label=_person_expr("")).values_list("pk", "label"))
            names = {pk: _person(label) for pk, label in people}
        for row in chunk:
            values = list(row)
            zone = values[self.zone_column] if self.zone_column is not None else "UTC"
            for i in self.local_times:
                values[i] = _local(values[i], zone)
            for i in self.people_columns:
                values[i] = ", ".join(sorted(names.get(pk, "") for pk in values[i]))
            yield tuple(values)


def _session_lists() -> list[ExportList]:
    from peersessions.models import Participant, Session

    sessions = _SessionRows(
        name="sessions", label=_("Peer-to-peer sessions"),
        queryset=_sessions, filterset=_session_filterset,
        local_times=(3, 4), zone_column=5, people_columns=(10,),
        columns=[
            Column(_("Session"), "title"),
            Column(_("Topic"), "topic_label", _topic),
            Column(_("Format"), "format", choice_label(Session.Format.choices)),
            Column(_("Starts at (local time)"), "starts_at"),
            Column(_("Ends at (local time)"), "ends_at"),
            Column(_("Time zone"), "timezone"),
            Column(_("Status"), "status", choice_label(Session.Status.choices)),
            Column(_("Held"), "held", yes_no),
            Column(_("Public"), "is_public", yes_no),
            Column(_("Host partner"), "owner_partner__short_name"),
            Column(_("Facilitators"), "facilitators__pk", many=True),
            Column(_("Other facilitators"), "external_facilitators"),
            Column(_("Invited partners"), "invited_partners__short_name",
                   lambda names: ", ".join(names), many=True),
            Column(_("Invited people"), "invitee_count"),
            Column(_("Answered attending"), "attending_count"),
            Column(_("Attended"), "attended_count"),
            Column(_("Feedback answers"), "feedback_count"),
            Column(_("Average usefulness (1–5)"), "average_usefulness", _average),
            Column(_("Agenda"), "has_agenda", yes_no),
            Column(_("Minutes"), "has_minutes", yes_no),
            Column(_("Key learnings"), "learning_count"),
            Column(_("Follow-up actions"), "action_count"),
            Column(_("Materials"), "material_count"),
            Column(_("Page"), "pk", _page("peersessions:session_detail")),
        ])
    # The session each row belongs to, as the other lists start.
    session_columns = [
        Column(_("Session"), "session__title"),
        Column(_("Starts at (local time)"), "session__starts_at"),
        Column(_("Time zone"), "session__timezone"),
        Column(_("Host partner"), "session__owner_partner__short_name"),
    ]
    attendance = _SessionRows(
        name="session_attendance", label=_("Invitations and attendance at peer-to-peer sessions"),
        queryset=_attendance, filterset=_session_filterset, local_times=(1,), zone_column=2,
        columns=[
            *session_columns,
            Column(_("Person"), "person", _person),
            Column(_("Invited with partner"), "via_partner__short_name"),
            Column(_("Answer"), "rsvp", choice_label(Participant.Rsvp.choices)),
            Column(_("Attended"), "attended", yes_no),
        ])
    feedback = _SessionRows(
        name="session_feedback", label=_("Feedback on peer-to-peer sessions"),
        queryset=_feedback, filterset=_session_filterset, local_times=(1, 8), zone_column=2,
        columns=[
            *session_columns,
            Column(_("Usefulness (1–5)"), "usefulness"),
            Column(_("Comment"), "comment"),
            # Named as on the session's page: next to a comment; a rating alone stays anonymous.
            Column(_("Person"), "person", _person),
            Column(_("Language"), "language", choice_label(settings.LANGUAGES)),
            Column(_("Given at"), "created_at"),
        ])
    actions = _SessionRows(
        name="session_actions", label=_("Follow-up actions of peer-to-peer sessions"),
        queryset=_actions, filterset=_session_filterset, local_times=(1, 8), zone_column=2,
        columns=[
            *session_columns,
            Column(_("Action"), "description"),
            Column(_("Owner"), "owner_name", _person),
            Column(_("Due on"), "due_on"),
            Column(_("Status"), "state", _action_state),
            Column(_("Done at"), "done_at"),
        ])
    return [sessions, attendance, feedback, actions]


def _people_sessions(user, filters):
    sessions = _filtered_sessions(user, filters)
    gate = _may_see_people(user)
    return sessions if gate is None else sessions.filter(gate)


def _attendance(user, filters):
    from peersessions.models import Participant

    return (Participant.objects.filter(session__in=_people_sessions(user, filters).values("pk"))
            .annotate(person=_person_expr("user__"))
            .order_by("-session__starts_at", "-session__pk", "user__last_name",
                      "user__first_name", "user__email", "pk"))


def _feedback(user, filters):
    from peersessions.models import Feedback

    return (Feedback.objects.filter(session__in=_people_sessions(user, filters).values("pk"))
            .annotate(person=Case(When(comment="", then=Value("")),
                                  default=_person_expr("user__"), output_field=CharField()))
            .order_by("-session__starts_at", "-session__pk", "-created_at", "-pk"))


def _action_state(value) -> str:
    return {"done": gettext("Done"), "overdue": gettext("Overdue")}.get(value, gettext("Open"))


def _actions(user, filters):
    from django.utils import timezone

    from peersessions.models import FollowUpAction

    # ``objects``: the deleted (recoverable) actions are not in the lists, nor here.
    return (FollowUpAction.objects
            .filter(session__in=_filtered_sessions(user, filters).values("pk"))
            .annotate(owner_name=_person_expr("owner__"),
                      state=Case(When(done_at__isnull=False, then=Value("done")),
                                 When(due_on__lt=timezone.localdate(), then=Value("overdue")),
                                 default=Value("open"), output_field=CharField()))
            .order_by("-session__starts_at", "-session__pk", "due_on", "pk"))


for _entry in _session_lists():
    register(_entry)


# --- The MOOC: the courses overview (its figures per course) -----------------------------------


def _courses(user, filters):
    from peersessions.courses.statistics import courses_overview
    from peersessions.models import Course

    return courses_overview(Course.objects.visible_to(user)).order_by("-status", "title", "pk")


def _course_columns() -> list[Column]:
    from netw.workflow import Status

    return [
        Column(_("Course"), "title"),
        Column(_("Partner"), "owner_partner__short_name"),
        Column(_("Status"), "status", choice_label(Status.choices)),
        Column(_("Published at"), "published_at"),
        Column(_("Enrolments"), "enrolled"),
        Column(_("Completions"), "completed"),
    ]


register(ExportList(
    name="courses",
    label=_("The MOOC's courses in figures"),
    queryset=_courses,
    columns=_course_columns(),
    can_export=_can_see_learners,
))
