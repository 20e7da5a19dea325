"""Work package 1's exportable lists (netw/exports/registry.py finds this module)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django_countries import countries

from netw import roles
from netw.exports.registry import Column, ExportList, register

# --- The MOOC: enrolments and completions (peersessions/courses/) ------------------------------


def _country(code) -> str:
    return str(countries.name(code)) if code else ""


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
    Column(_("Country"), "learner__learner_profile__country", _country),
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
