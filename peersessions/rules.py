"""Who may do what with peer-to-peer sessions, written once for views, templates and the admin.

Which sessions a person may *see* is ``Session.objects.visible_to(user)``; the predicates below
decide what they may *do* with one they can see.
"""

from __future__ import annotations

import rules
from django.utils import timezone

from netw.roles import is_coordinator, is_lead_of, is_owner_member, is_partner_member
from netw.translations import can_translate_item
from netw.workpackages import WorkPackage

is_wp1_lead = is_lead_of(WorkPackage.CAPACITY_BUILDING)


def _participant(user, session):
    """The user's participant row, read from a prefetch when the view made one."""
    if not getattr(user, "is_authenticated", False) or session is None:
        return None
    cache = getattr(session, "_my_participant", None)
    if cache is not None and cache[0] == user.pk:
        return cache[1]
    from peersessions.models import Participant

    found = Participant.objects.filter(session=session, user=user).first()
    session._my_participant = (user.pk, found)
    return found


@rules.predicate
def is_host_member(user, session) -> bool:
    return is_owner_member(user, session)


@rules.predicate
def is_facilitator(user, session) -> bool:
    if session is None or not getattr(user, "is_authenticated", False):
        return False
    if hasattr(session, "viewer_facilitates"):  # Session.objects.with_viewer_roles(user)
        return session.viewer_facilitates
    cache = getattr(session, "_prefetched_objects_cache", {})
    if "facilitators" in cache:
        return any(f.pk == user.pk for f in cache["facilitators"])
    return session.facilitators.filter(pk=user.pk).exists()


@rules.predicate
def is_invitee(user, session) -> bool:
    if session is not None and hasattr(session, "viewer_invited"):
        return session.viewer_invited  # Session.objects.with_viewer_roles(user)
    return _participant(user, session) is not None


@rules.predicate
def is_public_session(user, session) -> bool:
    return session is not None and session.is_public


@rules.predicate
def is_not_cancelled(user, session) -> bool:
    return session is not None and not session.is_cancelled


@rules.predicate
def is_announced(user, session) -> bool:
    return session is not None and not session.is_draft


@rules.predicate
def has_ended(user, session) -> bool:
    return session is not None and session.ends_at <= timezone.now()


@rules.predicate
def has_started(user, session) -> bool:
    return session is not None and session.starts_at <= timezone.now()


@rules.predicate
def has_not_ended(user, session) -> bool:
    return session is not None and session.ends_at > timezone.now()


@rules.predicate
def owns_action(user, action) -> bool:
    return action is not None and action.owner_id == getattr(user, "pk", None)


@rules.predicate
def wrote_action(user, action) -> bool:
    return (action is not None and action.created_by_id is not None
            and action.created_by_id == getattr(user, "pk", None))


@rules.predicate
def can_contribute_to_actions_session(user, action) -> bool:
    return action is not None and can_contribute(user, action.session)


# Changing the plan (title, time, invitations, cancelling): the host partner and coordinators.
can_change = is_coordinator | is_host_member
# Recording what happened (minutes, learnings, actions, attendance, materials): also facilitators.
can_contribute = can_change | is_facilitator
# Seeing who answered what, and the attendance list.
can_see_participants = can_contribute | is_wp1_lead
# Feedback summary: the host and WP1 leads (and coordinators, who see everything).
can_see_feedback = can_change | is_facilitator | is_wp1_lead
# Materials, minutes and learnings: anyone in the partnership, or invited, or facilitating.
can_see_details = is_partner_member | is_coordinator | is_invitee | is_facilitator
# The online meeting link: a public session's is public; otherwise only the people expected in
# the meeting (invitees, facilitators), its host partner, WP1 leads and coordinators. Used by the
# session page, its .ics and every feed (peersessions/calendar.py), so the link cannot leak
# through one of them.
can_see_meeting_link = (is_public_session | is_host_member | is_invitee | is_facilitator
                        | is_wp1_lead | is_coordinator)

rules.add_perm("peersessions.add_session", is_partner_member | is_coordinator)
rules.add_perm("peersessions.view_session_details", can_see_details)
rules.add_perm("peersessions.view_meeting_link", can_see_meeting_link)
rules.add_perm("peersessions.change_session", can_change)
rules.add_perm("peersessions.schedule_session", can_change & is_not_cancelled)
rules.add_perm("peersessions.cancel_session", can_change & is_announced & is_not_cancelled
               & has_not_ended)
rules.add_perm("peersessions.invite_to_session", can_change & is_not_cancelled)
rules.add_perm("peersessions.record_outcomes", can_contribute & is_not_cancelled)
rules.add_perm("peersessions.record_attendance", can_contribute & is_not_cancelled & has_started)
# Minutes record what happened: not before the session starts.
rules.add_perm("peersessions.record_minutes", can_contribute & is_not_cancelled & has_started)
rules.add_perm("peersessions.view_participants", can_see_participants)
rules.add_perm("peersessions.view_feedback_summary", can_see_feedback)
rules.add_perm("peersessions.answer_invitation",
               is_invitee & is_announced & is_not_cancelled & has_not_ended)
rules.add_perm("peersessions.give_feedback",
               is_invitee & is_announced & is_not_cancelled & has_ended)
rules.add_perm("peersessions.change_action", can_contribute_to_actions_session | owns_action)
# Correcting an action (its text, owner, date, status), deleting and restoring it: the people
# who may record a session's outcomes (its host partner, facilitators, coordinators), the
# action's owner and the person who added it.
can_edit_action = can_contribute_to_actions_session | owns_action | wrote_action
rules.add_perm("peersessions.edit_action", can_edit_action)
rules.add_perm("peersessions.delete_action", can_edit_action)
rules.add_perm("peersessions.restore_action", can_edit_action)
rules.add_perm("peersessions.add_topic", is_coordinator)
rules.add_perm("peersessions.change_topic", is_coordinator)


# --- The MOOC: authoring and the leads' side (peersessions/courses/) ---------------------------
# Courses follow the shared publish workflow (netw.workflow): members of the owner partner write
# them, WP1 leads and coordinators review and publish; who may *see* one is
# ``Course.objects.visible_to(user)``.

from netw.workflow import (  # noqa: E402
    can_edit_item,
    can_submit_item,
    is_item_reviewer,
    is_submitted_item,
)


@rules.predicate
def is_draft_course(user, course) -> bool:
    return course is not None and course.is_draft


# The authors' pages of a course: its partner's members, the WP1 leads and the coordinators.
can_author_course = can_edit_item | is_item_reviewer

rules.add_perm("peersessions.add_course", is_partner_member | is_coordinator)
rules.add_perm("peersessions.author_course", can_author_course)
rules.add_perm("peersessions.change_course", can_edit_item)
rules.add_perm("peersessions.submit_course", can_submit_item & is_draft_course)
rules.add_perm("peersessions.review_course", is_item_reviewer & is_submitted_item)
# Figures about learners (aggregates, no names): the course's authors and its reviewers.
rules.add_perm("peersessions.view_course_statistics", can_author_course)
# Every course's figures: the WP1 leads and the coordinators.
rules.add_perm("peersessions.view_course_overview", is_wp1_lead | is_coordinator)
rules.add_perm("peersessions.export_course_cartridge", can_author_course)
# Translations (netw/translations.py): a partner's staff translate a published course; its
# authors and the coordinators a draft too. Never a translation.
rules.add_perm("peersessions.translate_course", can_translate_item)


# --- The MOOC: the learner's side (peersessions/courses/learning.py) ----------------------------
# Which courses a person may see is ``Course.objects.visible_to(user)`` (published, or their
# partner's, or enrolled in). Reading past a course's first lesson needs an enrolment, or being
# one of the people who write and review the course.


@rules.predicate
def is_enrolled(user, course) -> bool:
    if course is None or not getattr(user, "is_authenticated", False):
        return False
    from peersessions.models import Enrolment

    return Enrolment.objects.filter(course=course, learner=user).exists()


@rules.predicate
def is_course_published(user, course) -> bool:
    return course is not None and course.is_published


can_preview_course = is_coordinator | is_wp1_lead | is_owner_member

rules.add_perm("peersessions.read_course_lessons", is_enrolled | can_preview_course)
rules.add_perm("peersessions.enrol_course", rules.is_authenticated & is_course_published)
rules.add_perm("peersessions.revoke_certificate", is_coordinator | is_wp1_lead)
