"""The learner's side of the MOOC: signing up, enrolling, progress, quizzes, completion and
certificates. Views call these with plain data; each writes what it must inside one transaction
and puts its e-mails in the outbox (netw.notifications) in that same transaction.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from netw.models import User
from netw.notifications.services import notify, notify_address

from .models import (
    Certificate,
    Course,
    Enrolment,
    LearnerProfile,
    Lesson,
    LessonProgress,
    Question,
    QuizAttempt,
)

logger = logging.getLogger(__name__)

REMINDER_AFTER = timedelta(days=14)


class EnrolmentRefused(Exception):
    """Why a person may not enrol now, in words fit for them."""


# --- Who is who --------------------------------------------------------------------------------


def email_verified(user) -> bool:
    """Whether the person proved their address: invitations prove it (netw.accounts), learners
    confirm it by the link of the sign-up e-mail."""
    if not getattr(user, "is_authenticated", False):
        return False
    return EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists()


def learner_name(user) -> str:
    profile = LearnerProfile.objects.filter(user=user).first()
    if profile and profile.display_name:
        return profile.display_name
    return user.get_full_name() or user.email


# --- Sign-up -----------------------------------------------------------------------------------


@dataclass
class SignupResult:
    user: User | None  # None when the address already had an account (told by e-mail only)


@transaction.atomic
def learner_signup(*, request: HttpRequest, email: str, password: str, display_name: str,
                   provider=None, network=None, organisation: str = "", country: str = "",
                   language: str = "en") -> SignupResult:
    """Create a learner account and send the confirmation link; or, for an address that already
    has an account, tell its owner by e-mail — the page answers the same in both cases, so the
    form never says which addresses have accounts here."""
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        notify_address(email=email, kind="account",
                       template="peersessions/courses/emails/signup_existing",
                       context={"site_url": settings.SITE_URL}, language=language)
        return SignupResult(user=None)
    first, _sep, last = display_name.strip().partition(" ")
    user = User.objects.create_user(email=email, password=password, first_name=first[:150],
                                    last_name=last[:150], language=language)
    LearnerProfile.objects.create(user=user, display_name=display_name.strip(),
                                  provider=provider, network=network,
                                  organisation=organisation, country=country)
    address = EmailAddress.objects.create(user=user, email=email, verified=False, primary=True)
    # allauth's confirmation (the HMAC link of account_confirm_email), e-mailed through the
    # portal's adapter, hence the outbox.
    address.send_confirmation(request, signup=True)
    return SignupResult(user=user)


def profile_save(*, user, display_name: str, provider=None, network=None,
                 organisation: str = "", country: str = "",
                 progress_reminders: bool = True) -> LearnerProfile:
    profile, _created = LearnerProfile.objects.update_or_create(
        user=user, defaults={"display_name": display_name, "provider": provider,
                             "network": network, "organisation": organisation,
                             "country": country, "progress_reminders": progress_reminders})
    return profile


# --- Enrolment ---------------------------------------------------------------------------------


def enrolment_for(*, user, course: Course) -> Enrolment | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Enrolment.objects.filter(course=course, learner=user).first()


def enrolment_create(*, user, course: Course) -> Enrolment:
    """Enrol a person with a confirmed address in a published course (once: a second call
    returns the first enrolment)."""
    existing = enrolment_for(user=user, course=course)
    if existing is not None:
        return existing
    if not course.is_published:
        raise EnrolmentRefused(_("This course is not open for enrolment."))
    if not email_verified(user):
        raise EnrolmentRefused(_("Confirm your e-mail address before you enrol: open the link "
                                 "we sent you, or ask for a new one below."))
    try:
        with transaction.atomic():
            enrolment = Enrolment.objects.create(course=course, learner=user)
            notify(recipients=[user], kind="course_enrolled",
                   template="peersessions/courses/emails/enrolled",
                   context={"course": course, "name": learner_name(user)},
                   url=course.get_absolute_url())
    except IntegrityError:  # the same person enrolling twice at once
        return Enrolment.objects.get(course=course, learner=user)
    return enrolment


def enrolment_visit(*, enrolment: Enrolment, lesson: Lesson) -> None:
    """Remember where the learner is (to resume there): one UPDATE, only when it moved."""
    if enrolment.last_lesson_id != lesson.pk:
        Enrolment.objects.filter(pk=enrolment.pk).update(last_lesson=lesson,
                                                         last_activity_at=timezone.now())
        enrolment.last_lesson = lesson


# --- Progress ----------------------------------------------------------------------------------


def lesson_complete(*, enrolment: Enrolment, lesson: Lesson) -> Certificate | None:
    """Record the lesson as done (one INSERT, ignored when already there), then issue the
    certificate if that was the last thing to do."""
    LessonProgress.objects.bulk_create([LessonProgress(enrolment=enrolment, lesson=lesson)],
                                       ignore_conflicts=True)
    return completion_check(enrolment=enrolment)


def requirements_left(*, enrolment: Enrolment) -> dict[str, int]:
    """What the learner has left: lessons not done and quizzes not passed, among the lessons
    the course has now (a lesson removed later no longer counts, either way)."""
    lessons = Lesson.objects.active().filter(module__course_id=enrolment.course_id)
    not_done = lessons.exclude(progress__enrolment=enrolment).count()
    quizzes = lessons.filter(questions__removed_at__isnull=True, questions__isnull=False
                             ).distinct()
    not_passed = quizzes.exclude(quiz_attempts__enrolment=enrolment,
                                 quiz_attempts__passed=True).count()
    return {"lessons": not_done, "quizzes": not_passed}


def completion_check(*, enrolment: Enrolment) -> Certificate | None:
    if enrolment.completed_at is not None:
        return Certificate.objects.filter(enrolment=enrolment).first()
    left = requirements_left(enrolment=enrolment)
    if left["lessons"] or left["quizzes"]:
        return None
    return certificate_issue(enrolment_id=enrolment.pk)


# --- Quizzes -----------------------------------------------------------------------------------


def quiz_questions(lesson: Lesson) -> list[Question]:
    return list(lesson.questions.filter(removed_at__isnull=True).prefetch_related("choices")
                .order_by("position", "pk"))


def quiz_score(questions: list[Question], answers: dict[str, list[int]]) -> int:
    """The percentage of questions answered exactly right (every correct answer, no other)."""
    if not questions:
        return 100
    right = 0
    for question in questions:
        correct = {c.pk for c in question.choices.all() if c.is_correct}
        if set(answers.get(str(question.pk), [])) == correct:
            right += 1
    return round(100 * right / len(questions))


def quiz_submit(*, enrolment: Enrolment, lesson: Lesson, nonce: str,
                answers: dict[str, list[int]]) -> QuizAttempt:
    """Record one attempt. The form's nonce makes the same form sent twice (two tabs, a double
    click) one attempt: the second finds the first."""
    questions = quiz_questions(lesson)
    score = quiz_score(questions, answers)
    passed = score >= lesson.pass_mark
    try:
        with transaction.atomic():
            attempt = QuizAttempt.objects.create(enrolment=enrolment, lesson=lesson, nonce=nonce,
                                                 score=score, passed=passed, answers=answers)
    except IntegrityError:
        return QuizAttempt.objects.get(enrolment=enrolment, lesson=lesson, nonce=nonce)
    Enrolment.objects.filter(pk=enrolment.pk).update(last_activity_at=timezone.now())
    if passed:
        lesson_complete(enrolment=enrolment, lesson=lesson)
    return attempt


# --- Certificates ------------------------------------------------------------------------------


def certificate_issue(*, enrolment_id: int) -> Certificate:
    """Mark the enrolment completed and issue its certificate, once; what it certifies is copied
    now. The learner is told by e-mail (outbox) that it is ready."""
    with transaction.atomic():
        enrolment = (Enrolment.objects.select_for_update(of=("self",))
                     .select_related("course", "learner").get(pk=enrolment_id))
        existing = Certificate.objects.filter(enrolment=enrolment).first()
        if existing is not None:
            return existing
        profile = LearnerProfile.objects.filter(user=enrolment.learner).first()
        now = timezone.now()
        enrolment.completed_at = now
        enrolment.save(update_fields=["completed_at", "updated_at"])
        certificate = Certificate.objects.create(
            enrolment=enrolment, learner_name=learner_name(enrolment.learner),
            course_title=enrolment.course.title, hours=enrolment.course.estimated_hours,
            issued_at=now,
            provider=profile.provider if profile else None,
            network=profile.network if profile else None,
            country=profile.country if profile else "")
        notify(recipients=[enrolment.learner], kind="certificate_ready",
               template="peersessions/courses/emails/certificate_ready",
               context={"certificate": certificate, "course": enrolment.course,
                        "verify_url": settings.SITE_URL + certificate.get_absolute_url()},
               url=certificate.get_absolute_url())
    return certificate


def certificate_revoke(*, certificate: Certificate, by, reason: str) -> Certificate:
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if certificate.revoked_at is None:
            certificate.revoked_at = timezone.now()
            certificate.revoked_by = by
            certificate.revoked_reason = reason
            certificate.save(update_fields=["revoked_at", "revoked_by", "revoked_reason",
                                            "updated_at"])
    return certificate


# --- Reminders ---------------------------------------------------------------------------------


def enrolments_to_remind():
    """Enrolments without progress for two weeks, not completed, never reminded, whose learner
    did not turn reminders off."""
    quiet_since = timezone.now() - REMINDER_AFTER
    return (Enrolment.objects.filter(completed_at__isnull=True, reminder_sent_at__isnull=True,
                                     last_activity_at__lt=quiet_since, learner__is_active=True)
            .exclude(learner__learner_profile__progress_reminders=False))


def enrolment_remind(*, enrolment_id: int) -> bool:
    """The gentle reminder, once per enrolment (``reminder_sent_at``): safe to run twice."""
    with transaction.atomic():
        enrolment = (enrolments_to_remind().select_for_update(of=("self",))
                     .select_related("course", "learner").filter(pk=enrolment_id).first())
        if enrolment is None:
            return False
        enrolment.reminder_sent_at = timezone.now()
        enrolment.save(update_fields=["reminder_sent_at", "updated_at"])
        url = (enrolment.last_lesson and _lesson_url(enrolment.course, enrolment.last_lesson_id)
               ) or enrolment.course.get_absolute_url()
        notify(recipients=[enrolment.learner], kind="course_reminder",
               template="peersessions/courses/emails/reminder",
               context={"course": enrolment.course, "name": learner_name(enrolment.learner)},
               url=url)
    return True


def _lesson_url(course: Course, lesson_id: int) -> str:
    from django.urls import reverse

    return reverse("peersessions:lesson_detail", args=[course.slug, lesson_id])


# --- Counts ------------------------------------------------------------------------------------


def completions_per_country() -> dict[str, int]:
    """Valid certificates per country of the learner at issue time (for the dashboards); one
    query. Learners who named no country count under ""."""
    rows = (Certificate.objects.valid().order_by().values("country")
            .annotate(n=Count("pk")).values_list("country", "n"))
    return {str(country): n for country, n in rows}


def completions_for_provider(provider) -> int:
    return Certificate.objects.valid().filter(provider=provider).count()


def completions_for_network(network) -> int:
    return Certificate.objects.valid().filter(network=network).count()



