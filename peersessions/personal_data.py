"""WP1's part of "Your data": sessions, feedback, follow-up actions, and the MOOC.

Closing an account removes the learner profile (the name on certificates, the organisation) and
withdraws the certificates issued to the person: a certificate is their own personal data, so
its verification page then says it was withdrawn and no longer shows their name. Enrolments,
progress and feedback stay, attached to the anonymised account (the course's figures keep them).
"""

from __future__ import annotations

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from netw.personal_data import Field, Section, records_section, section
from peersessions.courses.models import (
    Certificate,
    Course,
    Enrolment,
    LearnerProfile,
    QuizAttempt,
)
from peersessions.models import Feedback, FollowUpAction, KeyLearning, Participant, Session

# Stored on withdrawn certificates in place of the holder's name (the records keep no trace of it).
FORMER_HOLDER = "Former member"


def personal_data(user) -> list[Section]:
    return [
        section("peersessions.sessions", _("Peer-to-peer sessions you were invited to"),
                Participant.objects.filter(user=user).select_related("session")
                .order_by("-session__starts_at", "-pk"), [
                    Field("session", _("Session"), lambda p: p.session.title),
                    Field("starts_at", _("Starts at"), lambda p: p.session.starts_at),
                    Field("answer", _("Answer"), lambda p: p.get_rsvp_display()),
                    Field("attended", _("Attended"), lambda p: p.attended),
                ]),
        section("peersessions.facilitated", _("Sessions you facilitated"),
                Session.objects.filter(facilitators=user).order_by("-starts_at", "-pk"), [
                    Field("session", _("Session"), lambda s: s.title),
                    Field("starts_at", _("Starts at"), lambda s: s.starts_at),
                ]),
        records_section("peersessions.records",
                        _("Sessions and courses you created or last edited"),
                        [Session.objects.all(), Course.objects.all()], user),
        section("peersessions.feedback", _("Your feedback on sessions"),
                Feedback.objects.filter(user=user).select_related("session")
                .order_by("-created_at", "-pk"), [
                    Field("session", _("Session"), lambda f: f.session.title),
                    Field("usefulness", _("Usefulness"), lambda f: f.usefulness),
                    Field("comment", _("Comment"), lambda f: f.comment),
                    Field("created_at", _("Date"), lambda f: f.created_at),
                ]),
        section("peersessions.key_learnings", _("Key learnings you wrote"),
                KeyLearning.objects.filter(created_by=user).select_related("session")
                .order_by("-created_at", "-pk"), [
                    Field("session", _("Session"), lambda k: k.session.title),
                    Field("text", _("Key learning"), lambda k: k.text),
                    Field("created_at", _("Date"), lambda k: k.created_at),
                ]),
        section("peersessions.actions", _("Follow-up actions you own"),
                FollowUpAction.objects.filter(owner=user).select_related("session")
                .order_by("-due_on", "-pk"), [
                    Field("action", _("Action"), lambda a: a.description),
                    Field("session", _("Session"), lambda a: a.session.title),
                    Field("due_on", _("Due on"), lambda a: a.due_on),
                    Field("done_at", _("Done at"), lambda a: a.done_at),
                ]),
        section("peersessions.learner_profile", _("Your learner profile"),
                LearnerProfile.objects.filter(user=user).select_related("provider", "network"), [
                    Field("display_name", _("Name on certificates"), lambda p: p.display_name),
                    Field("organisation", _("Organisation"),
                          lambda p: p.provider or p.network or p.organisation),
                    Field("country", _("Country"), lambda p: p.country.name),
                    Field("progress_reminders", _("Progress reminders"),
                          lambda p: p.progress_reminders),
                ]),
        section("peersessions.enrolments", _("Your courses and progress"),
                Enrolment.objects.filter(learner=user).select_related("course")
                .annotate(lessons_done=Count("progress")).order_by("-created_at", "-pk"), [
                    Field("course", _("Course"), lambda e: e.course.title),
                    Field("enrolled_at", _("Enrolled at"), lambda e: e.created_at),
                    Field("lessons_done", _("Lessons done"), lambda e: e.lessons_done),
                    Field("last_activity_at", _("Last activity"), lambda e: e.last_activity_at),
                    Field("completed_at", _("Completed at"), lambda e: e.completed_at),
                ]),
        section("peersessions.quiz_attempts", _("Your quiz results"),
                QuizAttempt.objects.filter(enrolment__learner=user)
                .select_related("lesson").order_by("-created_at", "-pk"), [
                    Field("lesson", _("Lesson"), lambda q: q.lesson.title),
                    Field("score", _("Score (%)"), lambda q: q.score),
                    Field("passed", _("Passed"), lambda q: q.passed),
                    Field("created_at", _("Date"), lambda q: q.created_at),
                ]),
        section("peersessions.certificates", _("Your certificates"),
                Certificate.objects.filter(enrolment__learner=user).order_by("-issued_at", "-pk"),
                [
                    Field("course", _("Course"), lambda c: c.course_title),
                    Field("name", _("Name on the certificate"), lambda c: c.learner_name),
                    Field("issued_at", _("Issued at"), lambda c: c.issued_at),
                    Field("code", _("Verification code"), lambda c: c.code),
                    Field("revoked_at", _("Withdrawn at"), lambda c: c.revoked_at),
                ]),
    ]


def erase_personal_data(user) -> None:
    LearnerProfile.objects.filter(user=user).delete()
    certificates = Certificate.objects.filter(enrolment__learner=user)
    ids = list(certificates.values_list("pk", flat=True))
    if ids:
        certificates.filter(revoked_at__isnull=True).update(
            revoked_at=timezone.now(), revoked_reason="The holder closed their account.")
        certificates.update(learner_name=FORMER_HOLDER)
        # The certificates' history copied the name too.
        Certificate.history.filter(id__in=ids).update(learner_name=FORMER_HOLDER)
