"""Notifications through the real Redis broker and a real worker (tests/broker_worker.py)."""

import time
from datetime import timedelta
from unittest import mock

import pytest
from django.db import transaction
from django.utils import timezone

from netw.notifications import services
from netw.notifications.models import Notification
from tests.broker_worker import wait_for

pytestmark = pytest.mark.broker


def _sent(pk):
    return Notification.objects.get(pk=pk).email_status == "sent"


def test_a_notification_is_emailed_by_the_worker(live_worker, owner):
    _redis, worker = live_worker
    with transaction.atomic():
        (n,) = services.notify(recipients=[owner], kind="test",
                               template="netw/emails/test_notice", context={"thing": "A"})
    wait_for(lambda: _sent(n.pk), timeout=60, what="the e-mail")
    mails = list(worker.mail_dir.iterdir())
    assert any("Notice about A" in p.read_text() for p in mails)


def test_notifications_saved_while_the_broker_is_down_go_out_once_it_is_back(live_worker,
                                                                              owner):
    redis, worker = live_worker
    redis.stop()
    try:
        with transaction.atomic():
            created = services.notify(recipients=[owner], kind="test",
                                      template="netw/emails/test_notice",
                                      context={"thing": "during the outage"})
    finally:
        redis.start()
    # The record was saved; the e-mail is waiting in the outbox.
    (n,) = created
    assert Notification.objects.get(pk=n.pk).email_status == "pending"
    # The periodic sweeper (beat, every minute) queues it again once the broker is back.
    assert services.outbox_sweep(now=timezone.now() + timedelta(minutes=2)) == 1
    wait_for(lambda: _sent(n.pk), timeout=90, what="the e-mail after the outage")
    n.refresh_from_db()
    assert n.attempts == 1
    sent = [p for p in worker.mail_dir.iterdir() if "during the outage" in p.read_text()]
    assert len(sent) == 1


class _ConnectCounter:
    """Counts the sockets opened towards Redis (every redis-py connection attempt)."""

    def __init__(self):
        self.count = 0

    def __enter__(self):
        import redis.connection

        original = redis.connection.Connection._connect

        def counting(conn, *args, **kwargs):
            self.count += 1
            return original(conn, *args, **kwargs)

        self._patch = mock.patch.object(redis.connection.Connection, "_connect", counting)
        self._patch.start()
        return self

    def __exit__(self, *exc):
        self._patch.stop()


def test_several_notifications_in_one_request_with_the_broker_down_cost_one_attempt(
        live_worker, owner, colleague):
    redis, worker = live_worker
    redis.stop()
    started = time.monotonic()
    try:
        with _ConnectCounter() as connects, transaction.atomic():
            created = []
            for thing in ("first", "second", "third"):
                created += services.notify(recipients=[owner, colleague], kind="test",
                                           template="netw/emails/test_notice",
                                           context={"thing": f"outage {thing}"})
        elapsed = time.monotonic() - started
    finally:
        redis.start()
    assert len(created) == 6
    print(f"broker down: {len(created)} notifications, {connects.count} connection attempts, "
          f"{elapsed:.2f} s")
    # One short publish attempt for the whole transaction, not one per notification, and no
    # result backend that reconnects in a loop.
    assert connects.count <= 2, connects.count
    assert all(Notification.objects.get(pk=n.pk).email_status == "pending" for n in created)

    assert services.outbox_sweep(now=timezone.now() + timedelta(minutes=2)) == 6
    wait_for(lambda: all(_sent(n.pk) for n in created), timeout=90,
             what="the e-mails after the outage")
    for thing in ("first", "second", "third"):
        sent = [p for p in worker.mail_dir.iterdir() if f"outage {thing}" in p.read_text()]
        assert len(sent) == 2, thing
    assert all(Notification.objects.get(pk=n.pk).attempts == 1 for n in created)


def test_an_invitation_made_while_the_broker_is_down_goes_out_once_it_is_back(
        live_worker, client, coordinator, partner_a):
    from django.urls import reverse

    from netw.models import Invitation

    redis, worker = live_worker
    client.force_login(coordinator)
    redis.stop()
    try:
        response = client.post(reverse("netw:invitation_list"), {
            "email": "during.outage@example.org", "partner": partner_a.pk, "role": "member",
            "language": "en"})
    finally:
        redis.start()
    assert response.status_code == 302  # the coordinator's request succeeded
    assert Invitation.objects.get(email="during.outage@example.org").sent_at is not None
    (row,) = Notification.objects.filter(kind="invitation", email="during.outage@example.org")
    assert row.email_status == "pending"

    assert services.outbox_sweep(now=timezone.now() + timedelta(minutes=2)) == 1
    wait_for(lambda: _sent(row.pk), timeout=90, what="the invitation after the outage")
    sent = [p for p in worker.mail_dir.iterdir()
            if "during.outage@example.org" in p.read_text() and "/invite/" in p.read_text()]
    assert len(sent) == 1
