"""Reminders with a frozen clock: the day before a session, feedback requests after it, and
follow-up actions due or overdue. Each is sent once, however often the beat runs."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.core import mail

from netw import tasks as netw_tasks
from netw.events import tasks as event_tasks
from netw.notifications.models import Notification
from peersessions import tasks
from peersessions.models import Participant
from tests.peersessions.factories import (
    FeedbackFactory,
    FollowUpActionFactory,
    ParticipantFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db
BRUSSELS = ZoneInfo("Europe/Brussels")
START = datetime(2026, 6, 10, 10, tzinfo=BRUSSELS)


@pytest.fixture
def upcoming(partners, outsider, colleague):
    session = SessionFactory(starts_at=START, ends_at=START + timedelta(hours=2))
    ParticipantFactory(session=session, user=outsider)
    ParticipantFactory(session=session, user=colleague, rsvp=Participant.Rsvp.DECLINED)
    return session


def _run(task, capture):
    with capture(execute=True):
        task.delay()


def test_the_reminder_goes_out_the_day_before_and_only_once(
        upcoming, outsider, django_capture_on_commit_callbacks):
    with time_machine.travel(START - timedelta(days=2), tick=False):
        _run(event_tasks.queue_event_reminders, django_capture_on_commit_callbacks)
    assert Notification.objects.filter(kind="session_reminder").count() == 0

    with time_machine.travel(START - timedelta(hours=23), tick=False):
        _run(event_tasks.queue_event_reminders, django_capture_on_commit_callbacks)
        _run(event_tasks.queue_event_reminders, django_capture_on_commit_callbacks)
        event_tasks.send_event_reminder("session", upcoming.pk)  # a retried task sends none
    reminders = Notification.objects.filter(kind="session_reminder")
    assert [n.recipient for n in reminders] == [outsider]  # not the one who declined
    assert [m.to for m in mail.outbox] == [[outsider.email]]
    assert "Tomorrow:" in mail.outbox[0].subject
    assert "10:00" in mail.outbox[0].body  # in the session's zone
    upcoming.refresh_from_db()
    assert upcoming.reminder_sent_at is not None


def test_a_rescheduled_session_is_reminded_again(
        client, upcoming, owner, django_capture_on_commit_callbacks):
    from peersessions import services

    with time_machine.travel(START - timedelta(hours=20), tick=False):
        _run(event_tasks.queue_event_reminders, django_capture_on_commit_callbacks)
        upcoming.refresh_from_db()
        upcoming.starts_at += timedelta(days=7)
        upcoming.ends_at += timedelta(days=7)
        with django_capture_on_commit_callbacks(execute=True):
            services.session_save(session=upcoming, by=owner, facilitators=[],
                                  invited_partners=[], invited_people=[
                                      p.user for p in upcoming.participants.all()])
    upcoming.refresh_from_db()
    assert upcoming.reminder_sent_at is None
    with time_machine.travel(upcoming.starts_at - timedelta(hours=20), tick=False):
        _run(event_tasks.queue_event_reminders, django_capture_on_commit_callbacks)
    assert Notification.objects.filter(kind="session_reminder").count() == 2


def test_cancelled_sessions_are_not_reminded(upcoming, django_capture_on_commit_callbacks):
    upcoming.status = "cancelled"
    upcoming.save()
    with time_machine.travel(START - timedelta(hours=23), tick=False):
        _run(event_tasks.queue_event_reminders, django_capture_on_commit_callbacks)
    assert not Notification.objects.filter(kind="session_reminder").exists()


def test_feedback_is_requested_once_after_the_session(
        upcoming, outsider, django_capture_on_commit_callbacks):
    with time_machine.travel(START + timedelta(hours=3), tick=False):
        _run(tasks.queue_feedback_requests, django_capture_on_commit_callbacks)
        _run(tasks.queue_feedback_requests, django_capture_on_commit_callbacks)
    requests = Notification.objects.filter(kind="session_feedback_request")
    assert [n.recipient for n in requests] == [outsider]
    assert requests[0].url.endswith("/feedback/")


def test_people_who_already_answered_are_not_asked(upcoming, outsider,
                                                   django_capture_on_commit_callbacks):
    with time_machine.travel(START + timedelta(hours=2, minutes=30), tick=False):
        FeedbackFactory(session=upcoming, user=outsider)
        _run(tasks.queue_feedback_requests, django_capture_on_commit_callbacks)
    assert not Notification.objects.filter(kind="session_feedback_request").exists()


@pytest.fixture
def action(upcoming, outsider):
    return FollowUpActionFactory(session=upcoming, owner=outsider, due_on=date(2026, 7, 1))


def test_an_action_is_reminded_on_its_due_date_once(action, outsider,
                                                    django_capture_on_commit_callbacks):
    with time_machine.travel(datetime(2026, 6, 30, 8, tzinfo=BRUSSELS), tick=False):
        _run(netw_tasks.queue_action_reminders, django_capture_on_commit_callbacks)
    assert not Notification.objects.exists()
    with time_machine.travel(datetime(2026, 7, 1, 8, tzinfo=BRUSSELS), tick=False):
        _run(netw_tasks.queue_action_reminders, django_capture_on_commit_callbacks)
        _run(netw_tasks.queue_action_reminders, django_capture_on_commit_callbacks)
    assert list(Notification.objects.values_list("kind", "recipient")) == [
        ("action_due", outsider.pk)]


def test_an_overdue_action_is_reminded_each_week_until_done(action,
                                                            django_capture_on_commit_callbacks):
    def overdue_count():
        return Notification.objects.filter(kind="action_overdue").count()

    for day, expected in [(2, 1), (3, 1), (8, 1), (9, 2), (10, 2)]:
        with time_machine.travel(datetime(2026, 7, day, 8, tzinfo=BRUSSELS), tick=False):
            _run(netw_tasks.queue_action_reminders, django_capture_on_commit_callbacks)
        assert overdue_count() == expected, day
    action.done_at = datetime(2026, 7, 10, 9, tzinfo=BRUSSELS)
    action.save()
    with time_machine.travel(datetime(2026, 7, 20, 8, tzinfo=BRUSSELS), tick=False):
        _run(netw_tasks.queue_action_reminders, django_capture_on_commit_callbacks)
    assert overdue_count() == 2


def test_the_beat_schedule_runs_the_reminders():
    tasks_scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"peersessions.tasks.queue_feedback_requests",
            "netw.tasks.queue_action_reminders"} <= tasks_scheduled
