import io

import pytest
from django.core.management import call_command

from netw import roles
from peersessions.models import Certificate, Enrolment, LearnerProfile


@pytest.mark.django_db
def test_the_demo_seeds_learners_with_progress_and_one_certificate_once(partners):
    call_command("seed_demo", stdout=io.StringIO())
    learners = LearnerProfile.objects.filter(user__email__endswith="@demo.net-works.eu")
    assert learners.count() == 3
    assert all(roles.is_learner(profile.user) for profile in learners)
    assert Enrolment.objects.filter(learner__learner_profile__in=learners).count() == 3
    assert Certificate.objects.count() == 1
    call_command("seed_demo", stdout=io.StringIO())
    assert LearnerProfile.objects.filter(user__email__endswith="@demo.net-works.eu").count() == 3
    assert Certificate.objects.count() == 1
