"""WP1's indicators: peer sessions held, their participants and usefulness, and the MOOC."""

from __future__ import annotations

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from netw.monitoring.indicators import AVERAGE, Indicator
from netw.workpackages import WorkPackage

from .courses.models import Course, Enrolment
from .models import Feedback, Participant, Session


def _session_of(record) -> tuple[str, str]:
    """A participation or a feedback names its session, never the person."""
    session = record.session
    return (f"{session.title} · {date_format(session.local_starts_at.date())}",
            session.get_absolute_url())


def _of_visible_sessions(model):
    return lambda user: model.objects.filter(session__in=Session.objects.visible_to(user))


def _enrolments_of_visible_courses(user):
    """The drill-down lists enrolments by their course and date only, never the learner: the
    partners' staff see those of the courses they may see."""
    if not user.has_perm("netw.view_monitoring"):
        return Enrolment.objects.none()
    return Enrolment.objects.filter(course__in=Course.objects.visible_to(user))


def indicators() -> list[Indicator]:
    wp = WorkPackage.CAPACITY_BUILDING
    return [
        Indicator(
            code="wp1.sessions_held", work_package=wp, position=40,
            label=_("Peer sessions held"),
            definition=_("Scheduled peer-to-peer sessions that have ended (drafts, cancelled and "
                         "future sessions do not count), by the day they ended and the partner "
                         "that hosted them."),
            records=lambda: Session.objects.held(),
            date_field="ends_at", related=("owner_partner", "topic"),
        ),
        Indicator(
            code="wp1.session_participants", work_package=wp, position=50,
            label=_("Session participants"),
            definition=_("People marked as having attended a session that was held, one per "
                         "person and session, by the day the session ended and the partner that "
                         "hosted it."),
            records=lambda: Participant.objects.filter(
                attended=True, session__in=Session.objects.held()),
            date_field="session__ends_at", partner_field="session__owner_partner",
            visible=_of_visible_sessions(Participant), describe=_session_of,
            related=("session",), depends_on=(Session,),
        ),
        Indicator(
            code="wp1.session_usefulness", work_package=wp, position=60,
            label=_("Usefulness of the sessions"),
            definition=_("The average of the participants' usefulness ratings (1 to 5) of the "
                         "sessions held, by the day the session ended and the partner that "
                         "hosted it."),
            records=lambda: Feedback.objects.filter(session__in=Session.objects.held()),
            date_field="session__ends_at", partner_field="session__owner_partner",
            measure=AVERAGE, field="usefulness",
            visible=_of_visible_sessions(Feedback), describe=_session_of,
            related=("session",), depends_on=(Session,),
        ),
        Indicator(
            code="wp1.mooc_enrolments", work_package=wp, position=70,
            label=_("MOOC enrolments"),
            definition=_("Learners enrolled in a published course of the MOOC, by the day they "
                         "enrolled and the partner that authored the course."),
            records=lambda: Enrolment.objects.filter(course__in=Course.objects.published()),
            date_field="created_at", partner_field="course__owner_partner",
            visible=_enrolments_of_visible_courses,
            describe=lambda e: (str(e.course), e.course.get_absolute_url()),
            related=("course",), depends_on=(Course,),
        ),
        Indicator(
            code="wp1.mooc_completions", work_package=wp, position=80,
            label=_("MOOC completions"),
            definition=_("Enrolments in a published course that the learner completed, by the "
                         "day of completion and the partner that authored the course."),
            records=lambda: Enrolment.objects.filter(course__in=Course.objects.published(),
                                                     completed_at__isnull=False),
            date_field="completed_at", partner_field="course__owner_partner",
            visible=_enrolments_of_visible_courses,
            describe=lambda e: (str(e.course), e.course.get_absolute_url()),
            related=("course",), depends_on=(Course,),
        ),
    ]
