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
