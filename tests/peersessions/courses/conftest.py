import pytest

from tests.peersessions.courses.learner_factories import (
    EnrolmentFactory,
    LearnerFactory,
    short_course,
)


@pytest.fixture
def learner(partners):
    return LearnerFactory(email="learner@example.net", first_name="Ana", last_name="Learner")


@pytest.fixture
def course_parts(partners):
    return short_course()


@pytest.fixture
def enrolment(course_parts, learner):
    return EnrolmentFactory(course=course_parts["course"], learner=learner)
