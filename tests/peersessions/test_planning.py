"""Planning a session: the form's checks, invitations with their .ics, changes and cancellation."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from netw.events.ics import event_uid
from netw.notifications.models import Notification
from peersessions.models import Participant, Session, Topic
from tests.factories import MembershipFactory
from tests.peersessions.factories import ParticipantFactory, SessionFactory

pytestmark = pytest.mark.django_db
BRUSSELS = ZoneInfo("Europe/Brussels")


def _form_data(partners, **overrides):
    start = (timezone.now() + timedelta(days=10)).astimezone(BRUSSELS).replace(
        hour=10, minute=0, second=0, microsecond=0)
    data = {
        "title": "How a network keeps its members",
        "topic": Topic.objects.get(slug="core-drivers").pk,
        "owner_partner": partners["a3s"].pk,
        "language": "en",
        "format": "online",
        "meeting_url": "https://meet.example.org/a3s",
        "timezone": "Europe/Brussels",
        "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "agenda": "Welcome\nExchange",
        "invited_partners": [partners["idc-serbia"].pk],
    }
    data.update(overrides)
    return data


def _post(client, user, data, url=None, schedule=True):
    client.force_login(user)
    if schedule:
        data = {**data, "schedule": "1"}
    with_callbacks = url or reverse("peersessions:session_create")
    return client.post(with_callbacks, data)


def test_member_schedules_a_session_and_invitees_get_an_ics(
        client, partners, owner, outsider, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, owner, _form_data(partners))
    assert response.status_code == 302
    session = Session.objects.get()
    assert session.status == Session.Status.SCHEDULED
    assert session.owner_partner == partners["a3s"]
    assert session.created_by == owner
    assert session.local_starts_at.hour == 10
    assert list(session.participants.values_list("user", flat=True)) == [outsider.pk]
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [outsider.email]
    assert "How a network keeps its members" in message.subject
    (name, content, mimetype), = message.attachments
    cal = icalendar.Calendar.from_ical(content)
    assert cal["METHOD"] == "REQUEST"
    event = cal.walk("VEVENT")[0]
    assert str(event["UID"]) == event_uid("session", session.pk)
    assert event["DTSTART"].dt == session.starts_at
    assert event["DTSTART"].params["TZID"] == "Europe/Brussels"
    assert cal.walk("VTIMEZONE")
    assert f"mailto:{outsider.email}" in str(event["ATTENDEE"])


def test_saving_as_draft_invites_nobody(client, partners, owner,
                                        django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _post(client, owner, _form_data(partners), schedule=False)
    session = Session.objects.get()
    assert session.status == Session.Status.DRAFT
    assert mail.outbox == []
    assert session.participants.filter(invited_at__isnull=False).count() == 0


def test_end_before_start_is_refused(client, partners, owner):
    data = _form_data(partners)
    data["ends_at"], data["starts_at"] = data["starts_at"], data["ends_at"]
    response = _post(client, owner, data)
    assert response.status_code == 200
    assert "must end after it starts" in response.content.decode()
    assert not Session.objects.exists()


def test_a_session_in_the_past_cannot_be_scheduled(client, partners, owner):
    past = (timezone.now() - timedelta(days=2)).astimezone(BRUSSELS)
    data = _form_data(partners, starts_at=past.strftime("%Y-%m-%dT%H:%M"),
                      ends_at=(past + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"))
    response = _post(client, owner, data)
    assert response.status_code == 200
    assert "in the past" in response.content.decode()
    assert not Session.objects.exists()


def test_a_past_draft_cannot_be_scheduled_later(client, partners, owner):
    start = timezone.now() - timedelta(hours=3)
    draft = SessionFactory(status=Session.Status.DRAFT, starts_at=start,
                           ends_at=start + timedelta(hours=1))
    client.force_login(owner)
    response = client.post(reverse("peersessions:session_schedule", args=[draft.pk]),
                           follow=True)
    assert "already started" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Session.Status.DRAFT


def test_overlapping_sessions_of_the_same_host_warn_until_confirmed(client, partners, owner):
    data = _form_data(partners)
    start = datetime.strptime(data["starts_at"], "%Y-%m-%dT%H:%M").replace(tzinfo=BRUSSELS)
    existing = SessionFactory(owner_partner=partners["a3s"], title="Already planned",
                              starts_at=start + timedelta(minutes=30),
                              ends_at=start + timedelta(hours=3))
    response = _post(client, owner, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "already hosts 1 session" in page
    assert existing.get_absolute_url() in page
    assert Session.objects.count() == 1

    response = _post(client, owner, {**data, "confirm_overlap": "on"})
    assert response.status_code == 302
    assert Session.objects.count() == 2


def test_another_hosts_session_at_the_same_time_is_no_overlap(client, partners, owner):
    data = _form_data(partners)
    start = datetime.strptime(data["starts_at"], "%Y-%m-%dT%H:%M").replace(tzinfo=BRUSSELS)
    SessionFactory(owner_partner=partners["asse"], starts_at=start,
                   ends_at=start + timedelta(hours=2))
    assert _post(client, owner, data).status_code == 302


def test_a_time_skipped_by_the_spring_clock_change_is_refused(client, partners, owner):
    with time_machine.travel(datetime(2026, 3, 1, 9, tzinfo=BRUSSELS), tick=False):
        data = _form_data(partners, starts_at="2026-03-29T02:30", ends_at="2026-03-29T04:00")
        response = _post(client, owner, data)
    assert response.status_code == 200
    assert "does not exist in Europe/Brussels" in response.content.decode()


def test_a_time_repeated_by_the_autumn_clock_change_is_refused(client, partners, owner):
    with time_machine.travel(datetime(2026, 10, 1, 9, tzinfo=BRUSSELS), tick=False):
        data = _form_data(partners, starts_at="2026-10-25T02:30", ends_at="2026-10-25T04:00")
        response = _post(client, owner, data)
    assert response.status_code == 200
    assert "happens twice in Europe/Brussels" in response.content.decode()


def test_a_session_planned_in_winter_for_summer_keeps_its_wall_clock_time(
        client, partners, owner, outsider, django_capture_on_commit_callbacks):
    # Planned in February (UTC+1) for April (UTC+2): 10:00 in Brussels is 08:00 UTC.
    with time_machine.travel(datetime(2026, 2, 10, 9, tzinfo=BRUSSELS), tick=False), \
            django_capture_on_commit_callbacks(execute=True):
        response = _post(client, owner, _form_data(
            partners, starts_at="2026-04-14T10:00", ends_at="2026-04-14T12:00"))
    assert response.status_code == 302
    session = Session.objects.get()
    assert session.starts_at == datetime(2026, 4, 14, 8, tzinfo=ZoneInfo("UTC"))
    event = icalendar.Calendar.from_ical(mail.outbox[0].attachments[0][1]).walk("VEVENT")[0]
    assert event["DTSTART"].dt.hour == 10
    assert event["DTSTART"].dt.utcoffset() == timedelta(hours=2)
    # A viewer in Lisbon (UTC+1 in summer) reads 09:00.
    # The log-in of February has timed out since (a cache's own expiry does not travel in time:
    # the session is ended here rather than left to the cached copy's real-time expiry).
    client.logout()
    client.force_login(owner)
    client.cookies["netw_tz"] = "Europe/Lisbon"
    page = client.get(session.get_absolute_url()).content.decode()
    assert "09:00" in page and "Europe/Lisbon" in page


def test_member_cannot_edit_another_partners_session(client, partners, outsider):
    session = SessionFactory(owner_partner=partners["a3s"])
    client.force_login(outsider)
    assert client.get(reverse("peersessions:session_update", args=[session.pk])
                      ).status_code == 403
    response = client.post(reverse("peersessions:session_update", args=[session.pk]),
                           _form_data(partners, title="Hijacked"))
    assert response.status_code == 403
    session.refresh_from_db()
    assert session.title != "Hijacked"


def test_a_member_cannot_host_for_another_partner(client, partners, owner):
    response = _post(client, owner, _form_data(partners, owner_partner=partners["asse"].pk))
    assert response.status_code == 200
    assert not Session.objects.exists()


def test_changing_the_time_raises_the_sequence_and_tells_invitees(
        client, partners, owner, outsider, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _post(client, owner, _form_data(partners))
    session = Session.objects.get()
    mail.outbox.clear()
    later = session.local_starts_at + timedelta(days=1)
    data = _form_data(partners, starts_at=later.strftime("%Y-%m-%dT%H:%M"),
                      ends_at=(later + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"))
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, owner, data,
                         url=reverse("peersessions:session_update", args=[session.pk]),
                         schedule=False)
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.sequence == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject.endswith(f"Changed: {session.title}")
    event = icalendar.Calendar.from_ical(mail.outbox[0].attachments[0][1]).walk("VEVENT")[0]
    assert event["SEQUENCE"] == 1
    assert str(event["UID"]) == event_uid("session", session.pk)


def test_editing_only_the_agenda_sends_nothing(client, partners, owner,
                                               django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _post(client, owner, _form_data(partners))
    session = Session.objects.get()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _post(client, owner, _form_data(partners, agenda="A better agenda"),
              url=reverse("peersessions:session_update", args=[session.pk]), schedule=False)
    session.refresh_from_db()
    assert session.agenda == "A better agenda"
    assert session.sequence == 0
    assert mail.outbox == []
    assert session.history.count() == 2


def test_cancelling_sends_a_cancel_ics(client, partners, owner, outsider,
                                       django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _post(client, owner, _form_data(partners))
    session = Session.objects.get()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("peersessions:session_cancel", args=[session.pk]))
    session.refresh_from_db()
    assert session.status == Session.Status.CANCELLED
    cal = icalendar.Calendar.from_ical(mail.outbox[0].attachments[0][1])
    assert cal["METHOD"] == "CANCEL"
    event = cal.walk("VEVENT")[0]
    assert event["STATUS"] == "CANCELLED"
    assert event["SEQUENCE"] == 1


def test_inviting_a_partner_invites_each_of_its_members(
        client, partners, owner, django_capture_on_commit_callbacks):
    colleagues = [MembershipFactory(partner=partners["asse"]).user for _ in range(3)]
    person = MembershipFactory(partner=partners["isen"]).user
    with django_capture_on_commit_callbacks(execute=True):
        _post(client, owner, _form_data(partners, invited_partners=[partners["asse"].pk],
                                        invited_people=[person.pk]))
    session = Session.objects.get()
    invited = set(session.participants.values_list("user", flat=True))
    assert invited == {c.pk for c in colleagues} | {person.pk}
    assert Notification.objects.filter(kind="session_invitation").count() == 4


def test_invitee_answers_and_the_host_sees_the_answer(client, partners, owner, outsider):
    session = SessionFactory(owner_partner=partners["a3s"])
    ParticipantFactory(session=session, user=outsider)
    client.force_login(outsider)
    response = client.post(reverse("peersessions:session_rsvp", args=[session.pk]),
                           {"rsvp": "declined"})
    assert response.status_code == 302
    assert Participant.objects.get().rsvp == Participant.Rsvp.DECLINED
    # The invitee does not see the list of answers; the host does.
    assert "Invitations and attendance" not in client.get(
        session.get_absolute_url()).content.decode()
    client.force_login(owner)
    page = client.get(session.get_absolute_url()).content.decode()
    assert "Invitations and attendance" in page
    assert str(outsider) in page and "Not attending" in page


def test_someone_not_invited_cannot_answer(client, partners, owner):
    session = SessionFactory(owner_partner=partners["a3s"])
    client.force_login(owner)
    response = client.post(reverse("peersessions:session_rsvp", args=[session.pk]),
                           {"rsvp": "attending"})
    assert response.status_code == 403


def test_a_draft_is_hidden_from_other_partners_and_visitors(client, partners, outsider):
    draft = SessionFactory(status=Session.Status.DRAFT, is_public=True)
    assert client.get(draft.get_absolute_url()).status_code == 302  # log in first
    client.force_login(outsider)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert draft.title not in client.get(reverse("peersessions:session_list")).content.decode()


def test_visitors_see_public_sessions_only(client, partners):
    public = SessionFactory(is_public=True, title="Open to all")
    private = SessionFactory(is_public=False, title="Partners only")
    page = client.get(reverse("peersessions:session_list")).content.decode()
    assert public.title in page and private.title not in page
    assert client.get(private.get_absolute_url()).status_code == 302


def test_wp1_lead_sees_drafts_but_cannot_edit_them(client, partners, lead):
    draft = SessionFactory(status=Session.Status.DRAFT)
    client.force_login(lead)
    assert client.get(draft.get_absolute_url()).status_code == 200
    assert client.get(reverse("peersessions:session_update", args=[draft.pk])
                      ).status_code == 403


def test_visible_to_per_role(partners, owner, outsider, lead, coordinator):
    mine = SessionFactory(owner_partner=partners["a3s"], status=Session.Status.DRAFT)
    theirs_draft = SessionFactory(owner_partner=partners["asse"], status=Session.Status.DRAFT)
    announced = SessionFactory(owner_partner=partners["asse"])
    invited_draft = SessionFactory(owner_partner=partners["asse"], status=Session.Status.DRAFT)
    ParticipantFactory(session=invited_draft, user=outsider)

    def visible(user):
        return set(Session.objects.visible_to(user).values_list("pk", flat=True))

    assert visible(owner) == {mine.pk, announced.pk}
    assert visible(outsider) == {announced.pk, invited_draft.pk}
    assert visible(lead) == visible(coordinator) == {
        mine.pk, theirs_draft.pk, announced.pk, invited_draft.pk}


def test_the_list_counts_each_sessions_invitees_and_those_attending(client, owner, partners):
    busy = SessionFactory(title="Busy session")
    SessionFactory(title="Quiet session")
    for rsvp in ["attending", "attending", "declined", ""]:
        ParticipantFactory(session=busy, user=MembershipFactory(partner=partners["aff"]).user,
                           rsvp=rsvp)
    client.force_login(owner)
    html = client.get(reverse("peersessions:session_list")).content.decode()
    rows = {title: html[html.index(title):].split("</tr>")[0] for title in
            ["Busy session", "Quiet session"]}
    assert "4 (2 attending)" in rows["Busy session"]
    assert "0 (0 attending)" in rows["Quiet session"]
