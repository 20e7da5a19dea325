"""Feedback after a session: invitees only, once each, rated 1 to 5; the host and WP1 leads read
the summary."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from peersessions import services
from peersessions.models import Feedback
from tests.peersessions.factories import FeedbackFactory, ParticipantFactory, SessionFactory

pytestmark = pytest.mark.django_db


def _url(session):
    return reverse("peersessions:session_feedback", args=[session.pk])


def test_invitee_gives_feedback_once(client, past_session, outsider):
    client.force_login(outsider)
    response = client.post(_url(past_session), {"usefulness": "4", "comment": "Useful",
                                                "language": "sr"})
    assert response.status_code == 302
    feedback = Feedback.objects.get()
    assert (feedback.user, feedback.usefulness, feedback.language) == (outsider, 4, "sr")
    again = client.post(_url(past_session), {"usefulness": "1", "comment": "", "language": "en"})
    assert again.status_code == 200
    assert Feedback.objects.get().usefulness == 4


@pytest.mark.parametrize("rating", ["0", "6", "-1", "five", ""])
def test_a_rating_outside_one_to_five_is_refused(client, past_session, outsider, rating):
    client.force_login(outsider)
    response = client.post(_url(past_session), {"usefulness": rating, "language": "en"})
    assert response.status_code == 200
    assert "field-invalid" in response.content.decode()
    assert not Feedback.objects.exists()


def test_the_database_refuses_a_rating_outside_one_to_five(past_session, outsider):
    with pytest.raises(IntegrityError), transaction.atomic():
        Feedback.objects.create(session=past_session, user=outsider, usefulness=6)


def test_the_service_refuses_a_rating_outside_one_to_five(past_session, outsider):
    with pytest.raises(ValidationError):
        services.feedback_give(session=past_session, user=outsider, usefulness=0, comment="",
                               language="en")


def test_someone_not_invited_cannot_give_feedback(client, past_session, colleague):
    client.force_login(colleague)  # a member of the host partner, but not invited
    response = client.post(_url(past_session), {"usefulness": "5", "language": "en"})
    assert response.status_code == 403
    with pytest.raises(PermissionDenied):
        services.feedback_give(session=past_session, user=colleague, usefulness=5, comment="",
                               language="en")
    assert not Feedback.objects.exists()


def test_feedback_waits_for_the_end_of_the_session(client, session, outsider):
    ParticipantFactory(session=session, user=outsider)
    client.force_login(outsider)
    assert client.get(_url(session)).status_code == 403
    with pytest.raises(ValidationError):
        services.feedback_give(session=session, user=outsider, usefulness=5, comment="",
                               language="en")


def test_no_feedback_on_a_cancelled_session(client, partners, outsider):
    start = timezone.now() - timedelta(days=1)
    cancelled = SessionFactory(status="cancelled", starts_at=start,
                               ends_at=start + timedelta(hours=1))
    ParticipantFactory(session=cancelled, user=outsider)
    client.force_login(outsider)
    assert client.get(_url(cancelled)).status_code == 403


def test_host_and_wp1_lead_see_the_summary_others_do_not(client, past_session, owner, lead,
                                                         outsider, colleague):
    FeedbackFactory(session=past_session, user=outsider, usefulness=5, comment="Great ideas")
    for user in (owner, colleague, lead):
        client.force_login(user)
        page = client.get(past_session.get_absolute_url()).content.decode()
        assert "Average usefulness 5.0 out of 5, from 1 answer." in page, user
        assert "Great ideas" in page
    client.force_login(outsider)
    page = client.get(past_session.get_absolute_url()).content.decode()
    assert "Average usefulness" not in page
    assert "you rated this session 5 out of 5" in page


def test_summary_counts_by_rating(past_session, outsider, owner):
    from tests.factories import UserFactory

    FeedbackFactory(session=past_session, user=outsider, usefulness=5)
    FeedbackFactory(session=past_session, user=UserFactory(), usefulness=3)
    summary = services.feedback_summary(session=past_session)
    assert summary["count"] == 2
    assert summary["average"] == 4
    assert dict(summary["distribution"]) == {5: 1, 4: 0, 3: 1, 2: 0, 1: 0}
