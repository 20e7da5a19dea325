from django.core import mail

from netw.notifications.models import Notification
from netw.notifications.services import notify

ICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nEND:VCALENDAR\r\n"


def test_notify_writes_the_outbox_and_emails_after_commit(
    owner, colleague, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        created = notify(recipients=[owner, colleague, owner], kind="test", ics=ICS,
                         template="netw/emails/test_notice", context={"thing": "X"}, url="/x/")
    assert len(created) == 2
    assert len(mail.outbox) == 2
    assert mail.outbox[0].subject.endswith("Notice about X")
    assert mail.outbox[0].attachments[0][0] == "invite.ics"
    assert set(Notification.objects.values_list("email_status", flat=True)) == {"sent"}


def test_delivery_is_not_repeated_when_the_task_runs_twice(
        owner, django_capture_on_commit_callbacks):
    from netw.notifications.tasks import deliver_notification

    with django_capture_on_commit_callbacks(execute=True):
        (n,) = notify(recipients=[owner], kind="test", template="netw/emails/test_notice",
                      context={"thing": "Y"})
    deliver_notification(n.pk)
    assert len(mail.outbox) == 1


def test_nothing_is_sent_before_the_transaction_commits(owner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notify(recipients=[owner], kind="test", template="netw/emails/test_notice",
               context={"thing": "Z"})
    assert callbacks
    assert mail.outbox == []
    assert Notification.objects.get().email_status == "pending"
    for callback in callbacks:  # the commit
        callback()
    assert len(mail.outbox) == 1
