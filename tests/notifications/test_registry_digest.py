"""Coordinators receive a weekly digest of what changed in the registry."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone

from netw.notifications.models import Notification
from netw.notifications.tasks import send_registry_weekly_digest


def test_coordinators_get_the_weeks_registry_changes(coordinator, owner, partners,
                                                     django_capture_on_commit_callbacks):
    partner = partners["a3s"]
    partner.city = "Lisboa"
    partner.save()
    with django_capture_on_commit_callbacks(execute=True):
        assert send_registry_weekly_digest() == 1
    (n,) = Notification.objects.all()
    assert n.recipient == coordinator
    assert "partners" in n.body.lower()
    assert "A3S" in n.body
    assert [m.to for m in mail.outbox] == [[coordinator.email]]


def test_changes_older_than_a_week_are_left_out(coordinator, partners):
    from netw.notifications.services import registry_changes

    type(partners["a3s"]).history.update(history_date=timezone.now() - timedelta(days=30))
    partners["a3s"].save()
    now = timezone.now()
    changes = registry_changes(since=now - timedelta(days=7), until=now + timedelta(seconds=1))
    partner_changes = next(c for c in changes if c["model"]._meta.model_name == "partner")
    assert partner_changes["changed"] == 1
    assert partner_changes["created"] == 0
