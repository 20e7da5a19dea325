"""What the WP1 leads, the coordinators and a course's authors learn about its learners:
aggregates only (no names), each in a fixed number of queries whatever the number of learners.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django_countries import countries

from peersessions.models import (
    Choice,
    Course,
    Enrolment,
    Lesson,
    LessonProgress,
    Question,
    QuizAttempt,
)

TOP_FAILED = 10
TOP_PROVIDERS = 20


@dataclass(frozen=True)
class LessonReach:
    lesson: Lesson
    done: int  # learners who completed it
    share: int  # percentage of the enrolled learners


@dataclass(frozen=True)
class FailedQuestion:
    question: Question
    answered: int
    failed: int

    @property
    def share(self) -> int:
        return round(100 * self.failed / self.answered) if self.answered else 0


def course_statistics(course: Course) -> dict:
    """Enrolments, completions, how many learners did each lesson (drop-off), the quiz questions
    most often failed, and completions per country and per provider."""
    enrolments = Enrolment.objects.filter(course=course)
    totals = enrolments.aggregate(enrolled=Count("pk"),
                                  completed=Count("pk", filter=Q(completed_at__isnull=False)))
    lessons = list(Lesson.objects.filter(module__course=course, removed_at__isnull=True,
                                         module__removed_at__isnull=True)
                   .select_related("module")
                   .order_by("module__position", "module__pk", "position", "pk"))
    done = dict(LessonProgress.objects.filter(enrolment__course=course)
                .order_by().values("lesson").annotate(n=Count("pk"))
                .values_list("lesson", "n"))
    enrolled = totals["enrolled"]
    reach = [LessonReach(lesson, done.get(lesson.pk, 0),
                         round(100 * done.get(lesson.pk, 0) / enrolled) if enrolled else 0)
             for lesson in lessons]
    completed = enrolments.filter(completed_at__isnull=False).order_by()
    by_country = [(str(countries.name(code)) if code else "", n) for code, n in (
        completed.values("learner__learner_profile__country")
        .annotate(n=Count("pk")).order_by("-n", "learner__learner_profile__country")
        .values_list("learner__learner_profile__country", "n"))]
    by_provider = list(
        completed.filter(learner__learner_profile__provider__isnull=False)
        .values("learner__learner_profile__provider__name")
        .annotate(n=Count("pk")).order_by("-n", "learner__learner_profile__provider__name")
        .values_list("learner__learner_profile__provider__name", "n")[:TOP_PROVIDERS])
    return {**totals, "lessons": reach, "failed_questions": failed_questions(course),
            "by_country": by_country, "by_provider": by_provider}


def failed_questions(course: Course, limit: int = TOP_FAILED) -> list[FailedQuestion]:
    """The questions most often answered wrongly, read from the attempts' answers (question id →
    chosen answer ids): two queries, the attempts streamed."""
    correct: dict[str, set[int]] = {}
    for question_id, choice_id, is_correct in Choice.objects.filter(
            question__lesson__module__course=course).values_list("question_id", "pk",
                                                                 "is_correct"):
        answers = correct.setdefault(str(question_id), set())
        if is_correct:
            answers.add(choice_id)
    answered: dict[str, int] = {}
    failed: dict[str, int] = {}
    for answers in (QuizAttempt.objects.filter(enrolment__course=course).order_by()
                    .values_list("answers", flat=True).iterator(chunk_size=2000)):
        for question_id, chosen in (answers or {}).items():
            if question_id not in correct:
                continue
            answered[question_id] = answered.get(question_id, 0) + 1
            chosen_ids = {int(c) for c in (chosen if isinstance(chosen, list) else [chosen])
                          if str(c).isdigit()}
            if chosen_ids != correct[question_id]:
                failed[question_id] = failed.get(question_id, 0) + 1
    worst = sorted((key for key in failed), key=lambda k: (-failed[k], int(k)))[:limit]
    questions = Question.objects.in_bulk([int(k) for k in worst])
    return [FailedQuestion(questions[int(k)], answered[k], failed[k]) for k in worst
            if int(k) in questions]


def courses_overview(courses: QuerySet) -> QuerySet:
    """Each course with its enrolments and completions (one query for the page)."""
    return courses.annotate(
        enrolled=Count("enrolments", distinct=True),
        completed=Count("enrolments", distinct=True,
                        filter=Q(enrolments__completed_at__isnull=False)),
    ).select_related("owner_partner")


def mooc_totals() -> dict:
    """The MOOC at a glance: courses published, enrolments, completions (three queries)."""
    return {
        "published": Course.objects.published().count(),
        **Enrolment.objects.aggregate(
            enrolments=Count("pk"),
            completions=Count("pk", filter=Q(completed_at__isnull=False))),
    }
