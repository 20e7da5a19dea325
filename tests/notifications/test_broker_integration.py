"""Notifications through the real Redis broker and a real worker (tests/broker_worker.py)."""

from datetime import timedelta

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
