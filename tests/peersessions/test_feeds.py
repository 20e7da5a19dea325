"""iCalendar: the .ics of a session, each person's private feed and the public feed."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from netw.events import services
from netw.events.ics import event_uid
from netw.events.sources import all_sources
from peersessions.models import Participant, Session, Topic
from tests.peersessions.factories import ParticipantFactory, SessionFactory

pytestmark = pytest.mark.django_db


def _parse(response) -> icalendar.Calendar:
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def test_session_ics_carries_its_zone_and_a_stable_uid(client, partners):
    start = datetime(2027, 3, 29, 10, tzinfo=ZoneInfo("Europe/Lisbon"))
    session = SessionFactory(is_public=True, timezone="Europe/Lisbon", starts_at=start,
                             ends_at=start + timedelta(hours=2))
    cal = _parse(client.get(reverse("peersessions:session_ics", args=[session.pk])))
    event = cal.walk("VEVENT")[0]
    assert event["DTSTART"].params["TZID"] == "Europe/Lisbon"
    assert event["DTSTART"].dt == start
    assert str(event["UID"]) == event_uid("session", session.pk)
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Lisbon"]
    again = _parse(client.get(reverse("peersessions:session_ics", args=[session.pk])))
    assert str(again.walk("VEVENT")[0]["UID"]) == event_uid("session", session.pk)


def test_a_wrong_feed_token_is_not_found(client, owner):
    services.feed_for(user=owner)
    assert client.get(reverse("events:feed_user", args=["not-the-token"])
                      ).status_code == 404


def test_resetting_the_token_retires_the_old_address(client, owner):
    old = services.feed_for(user=owner).token
    client.force_login(owner)
    assert client.get(reverse("events:feed_settings")).status_code == 200
    client.post(reverse("events:feed_reset"))
    new = services.feed_for(user=owner).token
    assert new != old
    client.logout()
    assert client.get(reverse("events:feed_user", args=[old])).status_code == 404
    assert client.get(reverse("events:feed_user", args=[new])).status_code == 200


def test_the_feed_of_an_inactive_user_is_not_found(client, owner):
    token = services.feed_for(user=owner).token
    owner.is_active = False
    owner.save()
    assert client.get(reverse("events:feed_user", args=[token])).status_code == 404


def test_a_persons_feed_lists_their_own_events_only(client, partners, owner, outsider):
    hosted = SessionFactory(owner_partner=partners["a3s"], title="Hosted by my partner")
    invited = SessionFactory(owner_partner=partners["asse"], title="Invited")
    ParticipantFactory(session=invited, user=outsider)
    declined = SessionFactory(owner_partner=partners["asse"], title="Declined")
    ParticipantFactory(session=declined, user=outsider, rsvp=Participant.Rsvp.DECLINED)
    SessionFactory(owner_partner=partners["asse"], title="Not mine")
    SessionFactory(owner_partner=partners["idc-serbia"], status=Session.Status.DRAFT,
                   title="My partner's draft")
    token = services.feed_for(user=outsider).token
    cal = _parse(client.get(reverse("events:feed_user", args=[token])))
    titles = {str(e["SUMMARY"]) for e in cal.walk("VEVENT")}
    assert titles == {"Invited"}
    owner_token = services.feed_for(user=owner).token
    cal = _parse(client.get(reverse("events:feed_user", args=[owner_token])))
    assert {str(e["SUMMARY"]) for e in cal.walk("VEVENT")} == {hosted.title}


def test_the_public_feed_lists_public_announced_events(client, partners):
    SessionFactory(is_public=True, title="Public")
    SessionFactory(is_public=False, title="Private")
    SessionFactory(is_public=True, status=Session.Status.DRAFT, title="Public draft")
    cancelled = SessionFactory(is_public=True, status=Session.Status.CANCELLED,
                               title="Public but cancelled", sequence=1)
    cal = _parse(client.get(reverse("events:feed_public")))
    events = {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}
    assert set(events) == {"Public", cancelled.title}
    assert events[cancelled.title]["STATUS"] == "CANCELLED"


def _many_sessions(partners, user, n):
    start = timezone.now() + timedelta(days=1)
    topic = Topic.objects.first()
    sessions = [Session(owner_partner=partners["a3s"], title=f"S{i}", topic=topic,
                        starts_at=start + timedelta(hours=3 * i),
                        ends_at=start + timedelta(hours=3 * i + 1),
                        timezone=["Europe/Brussels", "Europe/Lisbon", "Europe/Skopje"][i % 3],
                        status=Session.Status.SCHEDULED)
                for i in range(n)]
    Session.objects.bulk_create(sessions)


@pytest.mark.parametrize("n", [5, 500])
def test_a_feed_with_many_events_renders_without_per_event_queries(
        client, partners, owner, django_assert_max_num_queries, n):
    _many_sessions(partners, owner, n)
    token = services.feed_for(user=owner).token
    # The token, the owner's memberships, then one query per event source.
    with django_assert_max_num_queries(2 + len(all_sources())):
        response = client.get(reverse("events:feed_user", args=[token]))
    cal = _parse(response)
    assert len(cal.walk("VEVENT")) == n
    assert {tz["TZID"] for tz in cal.walk("VTIMEZONE")} == {
        "Europe/Brussels", "Europe/Lisbon", "Europe/Skopje"}


def test_a_feed_is_rendered_once_per_interval_but_a_reset_token_fails_at_once(
        client, partners, owner, django_assert_max_num_queries):
    SessionFactory(owner_partner=partners["a3s"], title="First")
    token = services.feed_for(user=owner).token
    url = reverse("events:feed_user", args=[token])
    assert "First" in client.get(url).content.decode()
    SessionFactory(owner_partner=partners["a3s"], title="Second")
    with django_assert_max_num_queries(1):  # the token only
        assert "Second" not in client.get(url).content.decode()
    services.feed_reset(user=owner)
    assert client.get(url).status_code == 404


# --- The meeting link of a partner's non-public session (issue #10) ---------------------------

LINK = "https://meet.example.org/a3s-private-room"
# Who may see the link: the people in the meeting, the host partner, WP1 leads, coordinators.
LINK_AUDIENCE = {"visitor": False, "owner": True, "colleague": True, "outsider": False,
                 "invited_outsider": True, "lead": True, "coordinator": True}


@pytest.fixture
def invited_outsider(partner_b):
    from tests.factories import MembershipFactory, UserFactory

    return MembershipFactory(partner=partner_b,
                             user=UserFactory(email="invited@idc.example.org")).user


@pytest.fixture
def private_session(partners, invited_outsider):
    session = SessionFactory(owner_partner=partners["a3s"], is_public=False,
                             format=Session.Format.HYBRID, place="A3S office, Bratislava",
                             meeting_url=LINK)
    ParticipantFactory(session=session, user=invited_outsider)
    return session


def _ics_locations(text) -> str:
    cal = icalendar.Calendar.from_ical(text)
    return " ".join(str(e.get("LOCATION", "")) for e in cal.walk("VEVENT"))


@pytest.mark.parametrize("persona", LINK_AUDIENCE)
def test_the_meeting_link_reaches_only_the_people_in_the_meeting_the_host_leads_and_coordinators(
        client, request, private_session, persona):
    from django.core.cache import cache

    from netw.events.sources import EventQuery, events_between

    sees = LINK_AUDIENCE[persona]
    user = None if persona == "visitor" else request.getfixturevalue(persona)
    if user is not None:
        client.force_login(user)
    page = client.get(private_session.get_absolute_url())
    download = client.get(reverse("peersessions:session_ics", args=[private_session.pk]))
    if user is None:  # a visitor does not even learn that the session exists
        assert page.status_code in (302, 404) and download.status_code in (302, 404)
        assert LINK not in page.content.decode() + download.content.decode()
        return
    assert page.status_code == 200 and download.status_code == 200
    assert (LINK in page.content.decode()) is sees
    assert (LINK in _ics_locations(download.content)) is sees
    assert "A3S office" in _ics_locations(download.content)  # the place is not a secret
    # The calendar's month and list views and the home panel read the same events.
    listed = [e for e in events_between(EventQuery(
        user=user, start=timezone.now(), end=timezone.now() + timedelta(days=30)))
        if e.source_kind == "session" and e.pk == private_session.pk]
    assert [e.online_url for e in listed] == [LINK if sees else ""]
    # The private feed lists the session to those it concerns, with the link.
    cache.clear()
    feed = client.get(reverse("events:feed_user",
                              args=[services.feed_for(user=user).token])).content
    if LINK in _ics_locations(feed):
        assert sees
    if persona in ("owner", "colleague", "invited_outsider"):
        assert LINK in _ics_locations(feed)


def test_a_public_sessions_link_is_public(client, partners):
    session = SessionFactory(is_public=True, meeting_url=LINK)
    assert LINK in client.get(session.get_absolute_url()).content.decode()
    assert LINK in _ics_locations(client.get(reverse("events:feed_public")).content)
