"""Factories for the MOOC's records (the author side's pages create them in the app; tests make
them directly)."""

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
    Question,
)
from providers.models import Partner
from tests.factories import UserFactory


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Building a network {n}")
    slug = factory.Sequence(lambda n: f"building-a-network-{n}")
    summary = "How providers come together in a network and keep it going."
    outcomes = "Describe what a network offers its members\nPlan the first year of a network"
    estimated_hours = 3
    owner_partner = factory.LazyFunction(lambda: Partner.objects.get(slug="aff"))
    status = Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class CourseModuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CourseModule

    course = factory.SubFactory(CourseFactory)
    title = factory.Sequence(lambda n: f"Module {n}")
    position = factory.Sequence(lambda n: n)


class LessonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lesson

    module = factory.SubFactory(CourseModuleFactory)
    title = factory.Sequence(lambda n: f"Lesson {n}")
    position = factory.Sequence(lambda n: n)
    body = "A network is **its members**.\n\n- meet\n- share\n- speak with one voice"


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    lesson = factory.SubFactory(LessonFactory)
    text = factory.Sequence(lambda n: f"Question {n}?")
    position = factory.Sequence(lambda n: n)


class ChoiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Choice

    question = factory.SubFactory(QuestionFactory)
    text = factory.Sequence(lambda n: f"Answer {n}")
    position = factory.Sequence(lambda n: n)


def quiz(lesson, *, right="Members", wrong="Buildings"):
    """A one-question single-choice quiz: returns (question, right choice, wrong choice)."""
    question = QuestionFactory(lesson=lesson, text="What is a network made of?")
    good = ChoiceFactory(question=question, text=right, is_correct=True,
                         feedback="Yes: its members.")
    bad = ChoiceFactory(question=question, text=wrong, is_correct=False,
                        feedback="No: think of the people.")
    return question, good, bad


def short_course(**kwargs):
    """A published course: one module, two lessons, the second with a quiz."""
    course = CourseFactory(**kwargs)
    module = CourseModuleFactory(course=course, position=1, title="Why networks")
    first = LessonFactory(module=module, position=1, title="What a network is")
    second = LessonFactory(module=module, position=2, title="What members get")
    question, good, bad = quiz(second)
    return {"course": course, "module": module, "first": first, "second": second,
            "question": question, "good": good, "bad": bad}


class LearnerFactory(UserFactory):
    """A learner: a profile, no partner; the address confirmed unless
    ``email_address=False``."""

    @factory.post_generation
    def email_address(self, create, extracted, **kwargs):
        from allauth.account.models import EmailAddress

        if create:
            EmailAddress.objects.create(user=self, email=self.email, primary=True,
                                        verified=extracted is not False)
            self.save()

    @factory.post_generation
    def profile(self, create, extracted, **kwargs):
        if create:
            LearnerProfile.objects.create(user=self, display_name=self.get_full_name(),
                                          country=kwargs.get("country", "PT"))


class EnrolmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrolment

    course = factory.SubFactory(CourseFactory)
    learner = factory.SubFactory(LearnerFactory)
