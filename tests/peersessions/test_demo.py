import io

import pytest
from django.core.management import call_command

from peersessions.models import Feedback, KeyLearning, Session


@pytest.mark.django_db
def test_the_demo_seeds_a_year_of_sessions_once(partners):
    call_command("seed_demo", stdout=io.StringIO())
    sessions = Session.objects.all()
    assert sessions.count() == 24
    assert sessions.values("topic").distinct().count() == 5
    assert sessions.values("owner_partner").distinct().count() == 8
    assert sessions.held().exclude(minutes="").exists()
    assert sessions.upcoming().exists()
    assert KeyLearning.objects.exists() and Feedback.objects.exists()
    call_command("seed_demo", stdout=io.StringIO())
    assert Session.objects.count() == 24
