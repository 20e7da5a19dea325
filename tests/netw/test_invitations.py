"""A coordinator invites a person by e-mail; the link works once, until it expires."""

import re
from unittest import mock

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from netw.accounts import services
from netw.models import Invitation, User
from netw.roles import Role
from providers.models import Membership
from tests.factories import InvitationFactory

pytestmark = pytest.mark.django_db


def _invite(client, coordinator, partner, email="new.person@example.org", role="member"):
    client.force_login(coordinator)
    return client.post(reverse("netw:invitation_list"), {
        "email": email, "partner": partner.pk, "role": role, "language": "en",
    })


def _link_path(message) -> str:
    url = re.search(r"https?://\S+/invite/\S+/", message.body).group(0)
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def test_coordinator_invitation_is_emailed_through_celery_after_commit(
    client, coordinator, partner_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = _invite(client, coordinator, partner_a)
    assert response.status_code == 302
    assert mail.outbox == [], "nothing is sent before the transaction commits"
    assert len(callbacks) == 1

    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["new.person@example.org"]
    assert "A3S" in message.subject
    assert "/invite/" in message.body
    invitation = Invitation.objects.get()
    assert invitation.sent_at is not None
    assert invitation.invited_by == coordinator


def test_sending_the_same_invitation_twice_sends_one_email(coordinator, partner_a,
                                                           django_capture_on_commit_callbacks):
    invitation = InvitationFactory(partner=partner_a, invited_by=coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.invitation_send(invitation_id=invitation.pk) is True
    with django_capture_on_commit_callbacks(execute=True):
        assert services.invitation_send(invitation_id=invitation.pk) is False
    assert len(mail.outbox) == 1


def test_invitee_sets_password_and_lands_on_home_with_partner_and_role(
    client, coordinator, partner_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, coordinator, partner_a, role="wp_lead")
    client.logout()
    path = _link_path(mail.outbox[0])

    page = client.get(path)
    assert page.status_code == 200
    assert b"A3S" in page.content

    response = client.post(path, {
        "first_name": "Inês", "last_name": "Costa", "language": "pt",
        "password1": "a-long-enough-passphrase", "password2": "a-long-enough-passphrase",
    }, follow=True)
    assert response.redirect_chain[-1][0] == reverse("netw:my_home")
    user = User.objects.get(email="new.person@example.org")
    assert user.language == "pt"
    assert Membership.objects.get(user=user).role == Role.WP_LEAD
    assert response.context["user"] == user


def test_invitation_link_works_only_once(client, partner_a):
    invitation = InvitationFactory(partner=partner_a)
    data = {"first_name": "A", "last_name": "B", "language": "en",
            "password1": "a-long-enough-passphrase", "password2": "a-long-enough-passphrase"}
    assert client.post(invitation.get_absolute_url(), data).status_code == 302
    client.logout()
    again = client.get(invitation.get_absolute_url())
    assert again.status_code == 404
    assert b"already been used" in again.content
    assert client.post(invitation.get_absolute_url(), data).status_code == 404
    assert User.objects.filter(email=invitation.email).count() == 1


def test_expired_invitation_is_refused_with_a_clear_message(client, partner_a):
    invitation = InvitationFactory(partner=partner_a)
    with time_machine.travel(timezone.now() + timezone.timedelta(days=15)):
        response = client.get(invitation.get_absolute_url())
    assert response.status_code == 404
    assert b"expired" in response.content


def test_revoked_invitation_is_refused(client, coordinator, partner_a):
    invitation = InvitationFactory(partner=partner_a)
    client.force_login(coordinator)
    client.post(reverse("netw:invitation_revoke", args=[invitation.pk]))
    client.logout()
    response = client.get(invitation.get_absolute_url())
    assert response.status_code == 404
    assert b"withdrawn" in response.content


def test_wrong_token_is_a_404_not_a_500(client, partners):
    response = client.get("/invite/not-a-real-token/")
    assert response.status_code == 404
    assert b"not valid" in response.content


def test_mismatched_or_weak_passwords_are_shown_next_to_the_field(client, partner_a):
    invitation = InvitationFactory(partner=partner_a)
    response = client.post(invitation.get_absolute_url(), {
        "first_name": "A", "last_name": "B", "language": "en",
        "password1": "12345", "password2": "54321",
    })
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["password2"]
    assert form.errors["password1"]
    assert not User.objects.filter(email=invitation.email).exists()


def test_inviting_an_existing_account_is_refused_next_to_the_email(
    client, coordinator, owner, partner_b
):
    response = _invite(client, coordinator, partner_b, email=owner.email.upper())
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert mail.outbox == []


def test_a_new_invitation_replaces_a_pending_one(coordinator, partner_a, partner_b):
    first = services.invitation_create(email="x@example.org", partner=partner_a, role="member",
                                       invited_by=coordinator)
    services.invitation_create(email="x@example.org", partner=partner_b, role="member",
                               invited_by=coordinator)
    first.refresh_from_db()
    assert not first.is_usable


@pytest.mark.parametrize("persona", ["owner", "lead"])
def test_only_coordinators_invite(client, request, persona, partner_a):
    client.force_login(request.getfixturevalue(persona))
    response = client.post(reverse("netw:invitation_list"), {
        "email": "sneaky@example.org", "partner": partner_a.pk, "role": "coordinator",
        "language": "en"})
    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_coordinator_invites_from_the_admin(client, partner_a, django_capture_on_commit_callbacks):
    admin = User.objects.create_superuser("root@example.org", "pw-for-admin-123")
    from allauth.mfa.totp.internal.auth import TOTP

    from netw.demo import DEMO_TOTP_SECRET
    TOTP.activate(admin, DEMO_TOTP_SECRET)
    client.force_login(admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/netw/invitation/add/", {
            "email": "from.admin@example.org", "partner": partner_a.pk, "role": "member",
            "language": "en"})
    assert response.status_code == 302
    assert Invitation.objects.get().email == "from.admin@example.org"
    assert len(mail.outbox) == 1


# --- A broker outage while inviting ------------------------------------------------------------


@pytest.fixture
def broker_down():
    """Tasks are published, not run in-process, and every publish fails (Redis is down)."""
    from kombu.exceptions import OperationalError

    from netw.celery import app

    app.conf.task_always_eager = False
    with mock.patch("netw.enqueue._publish",
                    side_effect=OperationalError("connection refused")) as publish:
        yield publish
    app.conf.task_always_eager = True


def test_an_invitation_made_while_the_broker_is_down_is_emailed_once_it_is_back(
        client, coordinator, partner_a, broker_down, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = _invite(client, coordinator, partner_a)
    assert response.status_code == 302  # the coordinator's request succeeds
    assert broker_down.call_count == 1
    assert mail.outbox == []
    invitation = Invitation.objects.get()
    assert invitation.sent_at is not None  # handed to the outbox, which keeps it

    broker_down.side_effect = None
    from netw.celery import app
    from netw.notifications.services import outbox_sweep

    app.conf.task_always_eager = True  # the broker is back
    later = timezone.now() + timezone.timedelta(minutes=2)
    assert outbox_sweep(now=later) == 1
    assert outbox_sweep(now=later + timezone.timedelta(minutes=2)) == 0
    assert [m.to for m in mail.outbox] == [["new.person@example.org"]]
    assert "/invite/" in mail.outbox[0].body


def test_an_invitation_email_is_no_ones_notification(client, coordinator, partner_a,
                                                     django_capture_on_commit_callbacks):
    from netw.notifications.models import Notification

    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, coordinator, partner_a)
    row = Notification.objects.get(kind="invitation")
    assert (row.recipient, row.email, row.email_status) == (None, "new.person@example.org",
                                                             "sent")
    assert not Notification.objects.for_user(coordinator).exists()
