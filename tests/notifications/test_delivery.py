"""E-mailing a notification: once, retried with back-off when the server refuses, then failed."""

import smtplib
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from netw.notifications import services
from netw.notifications.models import Notification
from netw.notifications.tasks import deliver_notification, sweep_outbox


def _pending(user, **kwargs):
    return Notification.objects.create(recipient=user, kind="test", subject="S", body="B",
                                       **kwargs)


def _refuse(*args, **kwargs):
    raise smtplib.SMTPRecipientsRefused({"x@example.org": (550, b"no")})


def test_a_refused_email_is_recorded_and_scheduled_again(owner):
    n = _pending(owner)
    with mock.patch("django.core.mail.EmailMessage.send", _refuse):
        outcome = services.notification_deliver(notification_id=n.pk)
    n.refresh_from_db()
    assert outcome.status == "retry" and outcome.retry_in > 0
    assert n.email_status == "pending"
    assert n.attempts == 1
    assert "SMTPRecipientsRefused" in n.last_error
    assert n.next_attempt_at > timezone.now()


def test_an_email_refused_every_time_ends_failed(owner, settings):
    settings.NOTIFICATIONS_EMAIL_MAX_ATTEMPTS = 3
    n = _pending(owner)
    with mock.patch("django.core.mail.EmailMessage.send", _refuse):
        outcomes = [services.notification_deliver(notification_id=n.pk).status for _ in range(4)]
    assert outcomes == ["retry", "retry", "failed", "nothing"]
    n.refresh_from_db()
    assert n.email_status == "failed"
    assert n.attempts == 3


def test_a_server_that_recovers_sends_the_email_once(owner):
    n = _pending(owner)
    with mock.patch("django.core.mail.EmailMessage.send", _refuse):
        services.notification_deliver(notification_id=n.pk)
    assert services.notification_deliver(notification_id=n.pk).status == "sent"
    assert services.notification_deliver(notification_id=n.pk).status == "nothing"
    assert len(mail.outbox) == 1
    n.refresh_from_db()
    assert (n.email_status, n.attempts, n.last_error) == ("sent", 2, "")


def test_an_error_that_is_not_transient_fails_at_once(owner):
    n = _pending(owner)
    with mock.patch("django.core.mail.EmailMessage.send", side_effect=ValueError("bad header")):
        assert services.notification_deliver(notification_id=n.pk).status == "failed"


def test_the_task_asks_celery_to_retry_with_the_back_off(owner, not_eager):
    from celery.exceptions import Retry

    n = _pending(owner)
    with mock.patch("django.core.mail.EmailMessage.send", _refuse), \
            mock.patch.object(deliver_notification, "retry", side_effect=Retry) as retry:
        with pytest.raises(Retry):
            deliver_notification.run(n.pk)
    assert retry.call_args.kwargs["countdown"] > 0


def test_back_off_doubles_and_stays_under_the_visibility_timeout(settings):
    delays = [services.retry_delay(a) for a in range(1, 12)]
    assert delays[1] > delays[0]
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert max(delays) <= settings.NOTIFICATIONS_RETRY_MAX_SECONDS < visibility


def test_an_inactive_recipient_is_not_emailed(owner):
    n = _pending(owner)
    owner.is_active = False
    owner.save()
    services.notification_deliver(notification_id=n.pk)
    n.refresh_from_db()
    assert n.email_status == "skipped"
    assert mail.outbox == []


def test_the_sweeper_queues_rows_the_broker_never_took(owner):
    old = _pending(owner)
    fresh = _pending(owner)
    waiting = _pending(owner, next_attempt_at=timezone.now() + timedelta(minutes=5))
    Notification.objects.filter(pk__in=[old.pk, waiting.pk]).update(
        created_at=timezone.now() - timedelta(minutes=5))
    assert sweep_outbox() == 1
    assert [m.to for m in mail.outbox] == [[owner.email]]
    assert Notification.objects.get(pk=old.pk).email_status == "sent"
    assert Notification.objects.get(pk=fresh.pk).email_status == "pending"
    assert Notification.objects.get(pk=waiting.pk).email_status == "pending"


def test_a_broker_down_at_commit_loses_nothing(owner, not_eager,
                                               django_capture_on_commit_callbacks):
    """The record and its notification are saved; the sweeper sends it once the broker is back."""
    from kombu.exceptions import OperationalError

    with mock.patch("netw.enqueue._publish",
                    side_effect=OperationalError("connection refused")), \
            django_capture_on_commit_callbacks(execute=True):
        services.notify(recipients=[owner], kind="test", template="netw/emails/test_notice",
                        context={"thing": "X"})
    n = Notification.objects.get()
    assert n.email_status == "pending"
    deliver_notification.app.conf.task_always_eager = True  # the broker is back
    later = timezone.now() + timedelta(minutes=2)
    assert services.outbox_sweep(now=later) == 1
    n.refresh_from_db()
    assert n.email_status == "sent"
    assert len(mail.outbox) == 1


def test_several_notifications_with_the_broker_down_cost_the_request_one_publish_attempt(
        owner, colleague, not_eager, django_capture_on_commit_callbacks):
    """A change that notifies several people tries the broker once, then leaves the rest of the
    transaction's publishes to the sweeper; each e-mail then goes out exactly once."""
    from kombu.exceptions import OperationalError

    with mock.patch("netw.enqueue._publish",
                    side_effect=OperationalError("connection refused")) as publish, \
            django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        for thing in ("first", "second", "third"):
            services.notify(recipients=[owner, colleague], kind="test",
                            template="netw/emails/test_notice", context={"thing": thing})
    assert publish.call_count == 1
    assert Notification.objects.email_pending().count() == 6

    deliver_notification.app.conf.task_always_eager = True  # the broker is back
    later = timezone.now() + timedelta(minutes=2)
    assert services.outbox_sweep(now=later) == 6
    assert services.outbox_sweep(now=later + timedelta(minutes=2)) == 0
    assert sorted((m.to[0], m.subject) for m in mail.outbox) == sorted(
        (user.email, f"[Net-Works] Notice about {thing}")
        for user in (owner, colleague) for thing in ("first", "second", "third"))


def test_a_coordinator_can_send_a_failed_notification_again(owner,
                                                            django_capture_on_commit_callbacks):
    n = _pending(owner, email_status="failed", attempts=6)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.notification_retry(notification_id=n.pk)
    n.refresh_from_db()
    assert n.email_status == "sent"


@pytest.mark.django_db(transaction=True)
def test_after_a_failed_publish_the_next_transaction_tries_the_broker_again(owner, not_eager):
    from kombu.exceptions import OperationalError

    from netw import enqueue

    with mock.patch("netw.enqueue._publish",
                    side_effect=OperationalError("connection refused")) as publish:
        for _ in range(2):
            with transaction.atomic():
                enqueue.after_commit(deliver_notification, 1)
                enqueue.after_commit(deliver_notification, 2)
    assert publish.call_count == 2  # one attempt per transaction, not one per task
