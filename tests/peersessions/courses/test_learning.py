"""The MOOC for visitors and learners: catalogue, course and lesson pages, enrolling, progress,
quizzes, completion and certificates."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from netw.notifications.models import Notification
from netw.workflow import Status
from peersessions.courses import learner_services as services
from peersessions.models import Certificate, Enrolment, LessonProgress, QuizAttempt
from tests.peersessions.courses.learner_factories import (
    CourseFactory,
    EnrolmentFactory,
    LearnerFactory,
    LessonFactory,
    short_course,
)

pytestmark = pytest.mark.django_db


def _lesson_url(parts, key):
    return reverse("peersessions:lesson_detail", args=[parts["course"].slug, parts[key].pk])


def _complete(client, parts, enrolment, nonce="nonce-of-the-first-form-0001"):
    client.post(reverse("peersessions:lesson_done",
                        args=[parts["course"].slug, parts["first"].pk]))
    return client.post(reverse("peersessions:lesson_quiz",
                               args=[parts["course"].slug, parts["second"].pk]),
                       {"nonce": nonce, f"q{parts['question'].pk}": parts["good"].pk})


# --- Catalogue and course page -----------------------------------------------------------------


def test_the_catalogue_lists_published_courses_only(client, course_parts):
    draft = CourseFactory(title="A draft course", status=Status.DRAFT)
    response = client.get(reverse("peersessions:course_list"))
    assert response.status_code == 200
    assert course_parts["course"].title in response.text
    assert draft.title not in response.text


def test_the_catalogue_filters_by_level_and_search(client, course_parts):
    CourseFactory(title="Advocacy for advanced people", level="advanced")
    response = client.get(reverse("peersessions:course_list"), {"level": "advanced"})
    assert "Advocacy for advanced people" in response.text
    assert course_parts["course"].title not in response.text
    response = client.get(reverse("peersessions:course_list"), {"q": "advocacy"})
    assert "Advocacy for advanced people" in response.text


def test_a_visitor_sees_the_syllabus_and_may_read_only_the_first_lesson(client, course_parts):
    response = client.get(course_parts["course"].get_absolute_url())
    assert response.status_code == 200
    assert "What a network is" in response.text and "What members get" in response.text
    first = client.get(_lesson_url(course_parts, "first"))
    assert first.status_code == 200
    assert "<strong>its members</strong>" in first.text  # the sanitised Markdown
    second = client.get(_lesson_url(course_parts, "second"))
    assert second.status_code == 302 and second.url.startswith(reverse("account_login"))


def test_a_logged_in_person_not_enrolled_is_sent_to_the_course_page(client, course_parts,
                                                                   learner):
    client.force_login(learner)
    response = client.get(_lesson_url(course_parts, "second"))
    assert response.status_code == 302
    assert response.url == course_parts["course"].get_absolute_url()


# --- Enrolling ---------------------------------------------------------------------------------


def test_an_unverified_learner_is_told_to_confirm_the_address_before_enrolling(client,
                                                                             course_parts):
    unverified = LearnerFactory(email_address=False)
    client.force_login(unverified)
    response = client.post(reverse("peersessions:course_enrol",
                                   args=[course_parts["course"].slug]), follow=True)
    assert not Enrolment.objects.filter(learner=unverified).exists()
    assert "Confirm your e-mail address before you enrol" in response.text


def test_a_verified_learner_enrols_once_and_is_welcomed(client, course_parts, learner,
                                                        django_capture_on_commit_callbacks):
    client.force_login(learner)
    url = reverse("peersessions:course_enrol", args=[course_parts["course"].slug])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
        client.post(url)
    assert response.status_code == 302
    assert Enrolment.objects.filter(learner=learner).count() == 1
    assert Notification.objects.filter(recipient=learner, kind="course_enrolled").count() == 1


def test_a_partner_member_may_enrol_too(client, course_parts, outsider):
    client.force_login(outsider)
    client.post(reverse("peersessions:course_enrol", args=[course_parts["course"].slug]))
    assert Enrolment.objects.filter(learner=outsider).exists()


# --- Progress ----------------------------------------------------------------------------------


def test_marking_a_lesson_done_is_one_write_and_idempotent(client, course_parts, enrolment):
    client.force_login(enrolment.learner)
    url = reverse("peersessions:lesson_done",
                  args=[course_parts["course"].slug, course_parts["first"].pk])
    with CaptureQueriesContext(connection) as queries:
        client.post(url)
    writes = [q["sql"] for q in queries.captured_queries
              if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
              and "django_session" not in q["sql"]]
    assert len(writes) == 1 and "peersessions_lessonprogress" in writes[0]
    client.post(url)
    assert LessonProgress.objects.filter(enrolment=enrolment).count() == 1


def test_the_course_page_shows_progress_per_module_and_resumes_where_the_learner_left(
        client, course_parts, enrolment):
    client.force_login(enrolment.learner)
    client.get(_lesson_url(course_parts, "second"))
    enrolment.refresh_from_db()
    assert enrolment.last_lesson == course_parts["second"]
    response = client.get(course_parts["course"].get_absolute_url())
    assert "0 of 2 lessons done" in response.text
    assert _lesson_url(course_parts, "second") in response.text


# --- Quizzes and completion --------------------------------------------------------------------


def test_a_wrong_answer_shows_its_feedback_and_does_not_pass(client, course_parts, enrolment):
    client.force_login(enrolment.learner)
    client.post(reverse("peersessions:lesson_quiz",
                        args=[course_parts["course"].slug, course_parts["second"].pk]),
                {"nonce": "a-nonce-of-sixteen-chars", f"q{course_parts['question'].pk}":
                 course_parts["bad"].pk})
    attempt = QuizAttempt.objects.get(enrolment=enrolment)
    assert not attempt.passed and attempt.score == 0
    page = client.get(_lesson_url(course_parts, "second"))
    assert "No: think of the people." in page.text
    assert "Try again" in page.text


def test_the_same_quiz_form_sent_twice_counts_once(client, course_parts, enrolment):
    client.force_login(enrolment.learner)
    url = reverse("peersessions:lesson_quiz",
                  args=[course_parts["course"].slug, course_parts["second"].pk])
    data = {"nonce": "the-same-form-in-two-tabs", f"q{course_parts['question'].pk}":
            course_parts["bad"].pk}
    client.post(url, data)
    client.post(url, data)
    assert QuizAttempt.objects.filter(enrolment=enrolment).count() == 1


def test_completing_every_lesson_and_quiz_issues_a_certificate_and_tells_the_learner(
        client, course_parts, enrolment, django_capture_on_commit_callbacks):
    client.force_login(enrolment.learner)
    with django_capture_on_commit_callbacks(execute=True):
        _complete(client, course_parts, enrolment)
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None
    certificate = Certificate.objects.get(enrolment=enrolment)
    assert certificate.learner_name == "Ana Learner"
    assert certificate.course_title == course_parts["course"].title
    assert certificate.country == "PT"
    assert Notification.objects.filter(recipient=enrolment.learner,
                                       kind="certificate_ready").exists()


def test_a_lesson_not_done_keeps_the_certificate_back(client, course_parts, enrolment):
    client.force_login(enrolment.learner)
    client.post(reverse("peersessions:lesson_quiz",
                        args=[course_parts["course"].slug, course_parts["second"].pk]),
                {"nonce": "only-the-quiz-was-passed", f"q{course_parts['question'].pk}":
                 course_parts["good"].pk})
    assert not Certificate.objects.filter(enrolment=enrolment).exists()


def test_a_lesson_removed_after_completion_keeps_progress_and_certificate_valid(
        client, course_parts, enrolment):
    client.force_login(enrolment.learner)
    _complete(client, course_parts, enrolment)
    certificate = Certificate.objects.get(enrolment=enrolment)
    course_parts["first"].removed_at = timezone.now()
    course_parts["first"].save()
    assert LessonProgress.objects.filter(enrolment=enrolment).count() == 2
    response = client.get(certificate.get_absolute_url())
    assert "This certificate is valid" in response.text
    # A newcomer completes the course without the removed lesson.
    other = EnrolmentFactory(course=course_parts["course"])
    client.force_login(other.learner)
    client.post(reverse("peersessions:lesson_quiz",
                        args=[course_parts["course"].slug, course_parts["second"].pk]),
                {"nonce": "the-newcomer-s-quiz-form", f"q{course_parts['question'].pk}":
                 course_parts["good"].pk})
    assert Certificate.objects.filter(enrolment=other).exists()


def test_an_unpublished_course_stays_open_to_its_learners_and_leaves_the_catalogue(
        client, course_parts, enrolment):
    course = course_parts["course"]
    course.status = Status.DRAFT
    course.save()
    # The learners' page of the course (a draft's get_absolute_url is its authors' page).
    page = reverse("peersessions:course_detail", args=[course.slug])
    assert course.title not in client.get(reverse("peersessions:course_list")).text
    assert client.get(page).status_code == 404
    client.force_login(enrolment.learner)
    assert client.get(page).status_code == 200
    assert client.get(_lesson_url(course_parts, "second")).status_code == 200
    newcomer = LearnerFactory()
    client.force_login(newcomer)
    assert client.get(page).status_code == 404


# --- Certificates and badges -------------------------------------------------------------------


@pytest.fixture
def certificate(client, course_parts, enrolment):
    client.force_login(enrolment.learner)
    _complete(client, course_parts, enrolment)
    client.logout()
    return Certificate.objects.get(enrolment=enrolment)


def test_anyone_may_verify_a_certificate_and_a_forged_code_is_404(client, certificate):
    response = client.get(certificate.get_absolute_url())
    assert response.status_code == 200 and "Ana Learner" in response.text
    assert client.get(reverse("peersessions:certificate_verify",
                              args=["forged-code-123"])).status_code == 404
    assert client.get(reverse("peersessions:certificate_verify",
                              args=["x" * 300])).status_code == 404


def test_the_certificate_pdf_is_a_pdf(client, certificate):
    response = client.get(reverse("peersessions:certificate_pdf", args=[certificate.code]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_the_open_badge_assertion_and_its_baked_image(client, certificate):
    from io import BytesIO

    from PIL import Image

    assertion = client.get(reverse("peersessions:badge_assertion", args=[certificate.code]))
    data = assertion.json()
    assert data["type"] == "Assertion" and data["verification"] == {"type": "HostedBadge"}
    assert data["recipient"]["identity"].startswith("sha256$")
    badge = client.get(data["badge"].removeprefix("http://127.0.0.1:8000")).json()
    assert badge["type"] == "BadgeClass"
    assert client.get(reverse("peersessions:badge_issuer")).json()["type"] == "Issuer"
    png = client.get(reverse("peersessions:badge_baked", args=[certificate.code])).content
    baked = Image.open(BytesIO(png)).text["openbadges"]
    assert certificate.code in baked


def test_the_wp1_lead_revokes_a_certificate_with_a_reason(client, certificate, lead):
    client.force_login(lead)
    url = reverse("peersessions:certificate_revoke", args=[certificate.code])
    assert client.post(url, {"reason": ""}).status_code == 400
    client.post(url, {"reason": "Issued by mistake."})
    certificate.refresh_from_db()
    assert certificate.is_revoked and certificate.revoked_by == lead
    client.logout()
    assert "was revoked" in client.get(certificate.get_absolute_url()).text
    assert client.get(reverse("peersessions:badge_assertion",
                              args=[certificate.code])).status_code == 410


def test_a_learner_may_not_revoke_a_certificate(client, certificate, learner):
    client.force_login(learner)
    response = client.post(reverse("peersessions:certificate_revoke", args=[certificate.code]),
                           {"reason": "mine"})
    assert response.status_code == 403


# --- Reminders and counts ----------------------------------------------------------------------


def test_a_learner_without_progress_for_two_weeks_is_reminded_once(
        enrolment, django_capture_on_commit_callbacks):
    from peersessions.tasks import queue_learner_reminders

    Enrolment.objects.filter(pk=enrolment.pk).update(
        last_activity_at=timezone.now() - timedelta(days=15))
    with django_capture_on_commit_callbacks(execute=True):
        assert queue_learner_reminders() == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert queue_learner_reminders() == 0
    assert Notification.objects.filter(recipient=enrolment.learner,
                                       kind="course_reminder").count() == 1


def test_a_learner_who_turned_reminders_off_is_not_reminded(enrolment):
    enrolment.learner.learner_profile.progress_reminders = False
    enrolment.learner.learner_profile.save()
    Enrolment.objects.filter(pk=enrolment.pk).update(
        last_activity_at=timezone.now() - timedelta(days=15))
    assert not services.enrolments_to_remind().exists()


def test_completions_count_for_the_provider_and_per_country(client, course_parts, partners):
    from tests.factories import ProviderFactory

    provider = ProviderFactory(owner_partner=partners["a3s"], verification="verified")
    learner = LearnerFactory()
    learner.learner_profile.provider = provider
    learner.learner_profile.save()
    enrolment = EnrolmentFactory(course=course_parts["course"], learner=learner)
    client.force_login(learner)
    _complete(client, course_parts, enrolment)
    assert services.completions_for_provider(provider) == 1
    assert services.completions_per_country() == {"PT": 1}
    client.logout()
    page = client.get(provider.get_absolute_url())
    assert "1 course of the Net-Works MOOC completed by its staff." in page.text


def test_the_learner_page_lists_courses_and_saves_the_profile(client, enrolment):
    client.force_login(enrolment.learner)
    response = client.get(reverse("peersessions:my_learning"))
    assert enrolment.course.title in response.text
    client.post(reverse("peersessions:my_learning"),
                {"display_name": "Ana M. Learner", "organisation": "A small provider",
                 "country": "HU"})
    profile = enrolment.learner.learner_profile
    profile.refresh_from_db()
    assert profile.display_name == "Ana M. Learner" and not profile.progress_reminders


def test_the_catalogue_course_and_lesson_pages_issue_a_fixed_number_of_queries(
        client, django_assert_max_num_queries, partners):
    parts = short_course()
    LessonFactory(module=parts["module"], position=3)

    def counts():
        found = []
        for url in (reverse("peersessions:course_list"), parts["course"].get_absolute_url(),
                    _lesson_url(parts, "first")):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            found.append(len(queries))
        return found

    before = counts()
    for _ in range(10):
        EnrolmentFactory(course=parts["course"])
        short_course()
    assert counts() == before
