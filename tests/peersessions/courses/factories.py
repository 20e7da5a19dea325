"""Factories of the MOOC's records (authoring side)."""

import factory
from django.utils import timezone

from netw.workflow import Status
from peersessions.models import (
    Choice,
    Course,
    CourseModule,
    Enrolment,
    LearnerProfile,
    Lesson,
    LessonProgress,
    Question,
    QuizAttempt,
)
from providers.models import Partner
from tests.factories import UserFactory


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course

    title = factory.Sequence(lambda n: f"Course {n}")
    slug = factory.Sequence(lambda n: f"course-{n}")
    owner_partner = factory.LazyFunction(lambda: Partner.objects.get(slug="a3s"))
    summary = "How networks of providers grow."
    outcomes = "Describe a network's services\nPlan a membership drive"
    estimated_hours = 4
    status = Status.DRAFT


class ModuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CourseModule

    course = factory.SubFactory(CourseFactory)
    title = factory.Sequence(lambda n: f"Module {n}")
    position = factory.Sequence(lambda n: n)


class LessonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lesson

    module = factory.SubFactory(ModuleFactory)
    title = factory.Sequence(lambda n: f"Lesson {n}")
    body = "Networks **grow** by the services they offer."
    position = factory.Sequence(lambda n: n)


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    lesson = factory.SubFactory(LessonFactory)
    text = "Why do providers join a network?"
    kind = "single"


class ChoiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Choice

    question = factory.SubFactory(QuestionFactory)
    text = factory.Sequence(lambda n: f"Answer {n}")
    is_correct = False


class LearnerFactory(UserFactory):
    """A MOOC learner: an account without any partner membership."""


class EnrolmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrolment

    course = factory.SubFactory(CourseFactory)
    learner = factory.SubFactory(LearnerFactory)


class LearnerProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LearnerProfile

    user = factory.SubFactory(LearnerFactory)
    display_name = "A. Learner"
    country = "PT"


class LessonProgressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LessonProgress

    enrolment = factory.SubFactory(EnrolmentFactory)
    lesson = factory.SubFactory(LessonFactory)
    completed_at = factory.LazyFunction(timezone.now)


class QuizAttemptFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuizAttempt

    enrolment = factory.SubFactory(EnrolmentFactory)
    lesson = factory.SubFactory(LessonFactory)
    nonce = factory.Sequence(lambda n: f"nonce-{n}")
    score = 0
    passed = False
    answers = factory.LazyFunction(dict)


def published_course(**kwargs) -> Course:
    """A published course with one module, one lesson and a single-answer question."""
    course = CourseFactory(status=Status.PUBLISHED, published_at=timezone.now(), **kwargs)
    lesson = LessonFactory(module=ModuleFactory(course=course))
    question = QuestionFactory(lesson=lesson)
    ChoiceFactory(question=question, text="For the services", is_correct=True,
                  feedback="Yes.")
    ChoiceFactory(question=question, text="For the statutes", feedback="Rarely.")
    return course
