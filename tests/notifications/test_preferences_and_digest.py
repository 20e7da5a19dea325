"""Each person chooses per kind: e-mailed at once, in the daily digest, or not e-mailed."""

from django.core import mail
from django.urls import reverse

from netw.notifications import kinds
from netw.notifications.models import Notification, NotificationPreference
from netw.notifications.services import notify
from netw.notifications.tasks import queue_daily_digests, send_digest

ICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nEND:VCALENDAR\r\n"


def _notify(users, kind="export_ready", thing="X", **kwargs):
    return notify(recipients=users, kind=kind, template="netw/emails/test_notice",
                  context={"thing": thing}, **kwargs)


def test_a_kind_is_emailed_according_to_each_persons_choice(
        owner, colleague, outsider, django_capture_on_commit_callbacks):
    NotificationPreference.objects.create(user=colleague, kind="export_ready", delivery="daily")
    NotificationPreference.objects.create(user=outsider, kind="export_ready", delivery="never")
    with django_capture_on_commit_callbacks(execute=True):
        _notify([owner, colleague, outsider])
    statuses = dict(Notification.objects.values_list("recipient__email", "email_status"))
    assert statuses == {owner.email: "sent", colleague.email: "digest", outsider.email: "skipped"}
    assert [m.to for m in mail.outbox] == [[owner.email]]


def test_a_kind_nobody_registered_is_still_emailed_immediately(owner,
                                                               django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _notify([owner], kind="made_up_kind")
    assert len(mail.outbox) == 1


def test_a_kinds_default_applies_without_a_choice(owner, django_capture_on_commit_callbacks):
    kinds.register("test_daily_kind", "Daily by default", kinds.Delivery.DAILY)
    with django_capture_on_commit_callbacks(execute=True):
        _notify([owner], kind="test_daily_kind")
    assert mail.outbox == []
    assert Notification.objects.get().email_status == "digest"


def test_the_daily_digest_gathers_the_kept_notifications_in_one_email(
        owner, colleague, django_capture_on_commit_callbacks):
    for user in (owner, colleague):
        NotificationPreference.objects.create(user=user, kind="export_ready", delivery="daily")
    with django_capture_on_commit_callbacks(execute=True):
        _notify([owner, colleague], thing="first", ics=ICS)
        _notify([owner], thing="second")
    assert queue_daily_digests() == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted([owner.email, colleague.email])
    owners = next(m for m in mail.outbox if m.to == [owner.email])
    assert "2 notifications" in owners.subject
    assert "first" in owners.body and "second" in owners.body
    assert owners.attachments[0][0] == "invite-1.ics"
    assert set(Notification.objects.values_list("email_status", flat=True)) == {"sent"}


def test_a_digest_is_sent_once_even_if_its_task_runs_twice(owner,
                                                          django_capture_on_commit_callbacks):
    NotificationPreference.objects.create(user=owner, kind="export_ready", delivery="daily")
    with django_capture_on_commit_callbacks(execute=True):
        _notify([owner])
    assert send_digest(owner.pk) == 1
    assert send_digest(owner.pk) == 0
    assert len(mail.outbox) == 1


def test_the_preferences_page_saves_a_choice_per_kind(client, owner):
    client.force_login(owner)
    page = client.get(reverse("notifications:preferences"))
    assert page.status_code == 200
    assert "An export you asked for is ready" in page.text
    data = {k.name: "immediately" for k in kinds.choosable()}
    data["export_ready"] = "never"
    response = client.post(reverse("notifications:preferences"), data)
    assert response.status_code == 302
    assert NotificationPreference.objects.get(user=owner, kind="export_ready").delivery == "never"


def test_the_preferences_page_shows_an_invalid_choice_next_to_the_field(client, owner):
    client.force_login(owner)
    response = client.post(reverse("notifications:preferences"), {"export_ready": "hourly"})
    assert response.status_code == 200
    assert "field-invalid" in response.text
    assert not NotificationPreference.objects.exists()
