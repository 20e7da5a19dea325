"""Plain-text e-mails and stored notifications hold plain text; HTML is escaped once."""

import pytest
from django.core import mail
from django.urls import reverse

from netw.emails import render_email
from netw.notifications.models import Notification
from tests.methodologies.factories import MethodologyFactory
from tests.peersessions.factories import ParticipantFactory, SessionFactory

pytestmark = pytest.mark.django_db

TITLE = 'Roma & Sinti: it\'s "work" first'
ESCAPED_ONCE = "Roma &amp; Sinti: it&#x27;s &quot;work&quot; first"


def _html(message) -> str:
    return next(content for content, mimetype in message.alternatives
                if mimetype == "text/html")


def _assert_plain_and_escaped_once(message):
    assert TITLE in message.subject
    assert TITLE in message.body
    assert "&amp;" not in message.subject + message.body
    assert "&#x27;" not in message.subject + message.body
    html = _html(message)
    assert ESCAPED_ONCE in html
    assert "&amp;amp;" not in html and TITLE not in html


def test_a_review_request_names_the_title_as_written(
        client, owner, coordinator, django_capture_on_commit_callbacks):
    methodology = MethodologyFactory(title=TITLE, created_by=owner)
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("methodologies:methodology_submit",
                                       args=[methodology.slug]))
    assert response.status_code == 302
    stored = Notification.objects.get(recipient=coordinator,
                                      kind="workflow_review_requested")
    assert TITLE in stored.subject and TITLE in stored.body
    assert ESCAPED_ONCE in stored.html
    (message,) = [m for m in mail.outbox if m.to == [coordinator.email]]
    _assert_plain_and_escaped_once(message)

    client.force_login(coordinator)
    page = client.get(reverse("notifications:list")).content.decode()
    assert ESCAPED_ONCE in page
    assert "&amp;amp;" not in page


def test_a_session_invitation_names_the_title_as_written(
        owner, colleague, outsider, django_capture_on_commit_callbacks):
    from peersessions.models import Session
    from peersessions.services import session_schedule

    session = SessionFactory(title=TITLE, created_by=owner, status=Session.Status.DRAFT)
    for user in (colleague, outsider):
        ParticipantFactory(session=session, user=user, invited_at=None)
    with django_capture_on_commit_callbacks(execute=True):
        session_schedule(session=session, by=owner)
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        _assert_plain_and_escaped_once(message)


def test_an_invitation_names_the_partner_as_written(
        client, coordinator, partner_a, django_capture_on_commit_callbacks):
    partner_a.name = partner_a.short_name = TITLE
    partner_a.save()
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("netw:invitation_list"), {
            "email": "new.person@example.org", "partner": partner_a.pk, "role": "member",
            "language": "en"})
    (message,) = mail.outbox
    _assert_plain_and_escaped_once(message)


def test_the_renderer_escapes_only_the_html():
    subject, text, html = render_email("netw/emails/test_notice", {"thing": "<b>&</b>"})
    assert subject == "Notice about <b>&</b>"
    assert "<b>&</b>" in text
    assert "&lt;b&gt;&amp;&lt;/b&gt;" in html
