"""The leads' figures about learners: enrolments, completions, drop-off per lesson, questions
most often failed, completions per country and provider; the same queries whatever the count."""

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from netw.dashboard import project_figures
from netw.monitoring import indicators
from peersessions.courses.statistics import course_statistics
from peersessions.models import Question
from tests.factories import ProviderFactory
from tests.peersessions.courses.factories import (
    EnrolmentFactory,
    LearnerProfileFactory,
    LessonFactory,
    LessonProgressFactory,
    QuizAttemptFactory,
    published_course,
)


def _learners(course, count, provider=None):
    lessons = list(course.modules.get().lessons.all())
    question = Question.objects.get(lesson__module__course=course)
    right, wrong = question.choices.order_by("-is_correct")
    for n in range(count):
        profile = LearnerProfileFactory(country="PT" if n % 2 else "RS", provider=provider)
        done = n % 3 == 0
        enrolment = EnrolmentFactory(course=course, learner=profile.user,
                                     completed_at=timezone.now() if done else None)
        LessonProgressFactory(enrolment=enrolment, lesson=lessons[0])
        QuizAttemptFactory(enrolment=enrolment, lesson=question.lesson,
                           answers={str(question.pk): [(right if done else wrong).pk]})


def test_the_statistics_count_enrolments_completions_and_the_hardest_questions(
        partners, owner):
    course = published_course()
    LessonFactory(module=course.modules.get(), title="Second lesson")
    provider = ProviderFactory(owner_partner=partners["a3s"], name="Social Bakery")
    _learners(course, 6, provider=provider)
    stats = course_statistics(course)
    assert stats["enrolled"] == 6 and stats["completed"] == 2
    assert [(row.lesson.title, row.done) for row in stats["lessons"]][1] == ("Second lesson", 0)
    assert stats["lessons"][0].done == 6 and stats["lessons"][0].share == 100
    failed = stats["failed_questions"][0]
    assert (failed.answered, failed.failed) == (6, 4)
    assert dict(stats["by_country"]) == {"Serbia": 1, "Portugal": 1}
    assert stats["by_provider"] == [("Social Bakery", 2)]


def test_the_statistics_page_takes_the_same_queries_for_few_and_many_learners(
        client, lead, partners):
    course = published_course()
    client.force_login(lead)
    url = reverse("peersessions:course_statistics", args=[course.slug])
    _learners(course, 2)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    _learners(course, 20)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(few) == len(many)


def test_the_overview_is_for_the_wp1_leads_and_coordinators(client, lead, owner, coordinator,
                                                            partners):
    published_course()
    url = reverse("peersessions:course_overview")
    client.force_login(owner)
    assert client.get(url).status_code == 403
    for person in (lead, coordinator):
        client.force_login(person)
        assert client.get(url).status_code == 200


def test_the_mooc_indicators_count_enrolments_and_completions_and_leads_see_the_courses(
        client, partners, lead):
    course = published_course()
    EnrolmentFactory(course=course, completed_at=timezone.now())
    EnrolmentFactory(course=course)
    assert indicators.value(indicators.get("wp1.mooc_enrolments")) == 2
    assert indicators.value(indicators.get("wp1.mooc_completions")) == 1
    # The partners' staff are shown them on My home (learners' figures are not public).
    figures = {f.label: f.value for f in project_figures(lead)}
    assert figures["MOOC enrolments"] == 2 and figures["MOOC completions"] == 1
    assert "MOOC enrolments" not in {f.label for f in project_figures(AnonymousUser())}
    # The courses published are counted on the leads' overview of the MOOC.
    client.force_login(lead)
    assert client.get(reverse("peersessions:course_overview")).context["totals"][
        "published"] == 1


def test_exports_of_enrolments_carry_e_mail_addresses_for_coordinators_only(
        partners, lead, coordinator):
    from netw.exports import registry

    course = published_course()
    EnrolmentFactory(course=course, learner=LearnerProfileFactory().user)
    plain = registry.get("course_enrolments")
    with_emails = registry.get("course_enrolments_with_emails")
    assert plain.can_export(lead) and not with_emails.can_export(lead)
    assert with_emails.can_export(coordinator)
    assert not any("mail" in h.lower() for h in plain.headers())
    rows = list(plain.rows(lead, {}))
    assert len(rows) == 1 and not any("@" in str(v) for v in rows[0])


def test_the_wp1_lead_is_told_a_course_awaits_review_and_a_member_is_not(partners, lead, owner):
    from netw.dashboard import attention_for
    from netw.workflow import Status
    from tests.peersessions.courses.factories import CourseFactory

    CourseFactory(status=Status.SUBMITTED)
    assert [(a.text, a.count) for a in attention_for(lead) if "course" in a.text] == [
        ("1 course awaits your review", 1)]
    assert not any("course" in a.text for a in attention_for(owner))
