"""The calendar: an accessible month table and a list, filters, the viewer's time zone, other
work packages' events plugged in, and bounded queries."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from netw.events import sources as registry
from netw.events.sources import CalendarEvent, EventSource
from peersessions.models import Session, Topic
from tests.factories import UserFactory
from tests.peersessions.factories import ParticipantFactory, SessionFactory

pytestmark = pytest.mark.django_db
BRUSSELS = ZoneInfo("Europe/Brussels")
NOW = datetime(2026, 5, 4, 9, 0, tzinfo=BRUSSELS)


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def _at(day, hour, **kwargs):
    start = datetime(2026, 5, day, hour, tzinfo=BRUSSELS)
    return SessionFactory(starts_at=start, ends_at=start + timedelta(hours=2), **kwargs)


def test_month_view_is_a_captioned_table_with_links(client, partners, owner):
    session = _at(12, 10, title="Advocacy clinic")
    client.force_login(owner)
    response = client.get(reverse("events:calendar_month") + "?month=2026-05")
    page = response.content.decode()
    assert "<caption" in page and "May 2026" in page
    assert page.count('<th scope="col">') == 7
    assert f'href="{session.get_absolute_url()}"' in page
    assert "10:00" in page
    assert "month=2026-04" in page and "month=2026-06" in page
    assert 'aria-current="date"' in page


def test_times_follow_the_zone_the_viewer_picks(client, partners, owner):
    _at(12, 10, title="Advocacy clinic")
    client.force_login(owner)
    response = client.post(reverse("events:calendar_timezone"),
                           {"tz": "Europe/Lisbon", "next": "/calendar/?month=2026-05"})
    assert response.status_code == 302 and response.url == "/calendar/?month=2026-05"
    page = client.get("/calendar/?month=2026-05").content.decode()
    assert "09:00" in page and "10:00" not in page
    assert "times in Europe/Lisbon" in page
    assert '<option value="Europe/Lisbon" selected>' in page


def test_an_unknown_zone_or_an_outside_redirect_is_ignored(client):
    response = client.post(reverse("events:calendar_timezone"),
                           {"tz": "Mars/Olympus", "next": "https://evil.example.com/"})
    assert response.url == reverse("events:calendar_month")
    assert "netw_tz" not in response.cookies


def test_a_late_evening_session_lands_on_the_next_day_far_east(client, partners, owner):
    _at(12, 20, title="Evening talk")
    client.force_login(owner)
    client.cookies["netw_tz"] = "Asia/Tokyo"
    page = client.get("/calendar/?month=2026-05").content.decode()
    assert "03:00" in page  # 20:00 in Brussels is 03:00 on the 13th in Tokyo


def test_filters_by_topic_partner_and_format(client, partners, owner):
    advocacy = Topic.objects.get(slug="advocacy-communication")
    a = _at(5, 10, title="Online advocacy", topic=advocacy, owner_partner=partners["asse"])
    b = _at(6, 10, title="In person drivers", format=Session.Format.IN_PERSON, place="Lisbon")
    client.force_login(owner)
    base = reverse("events:calendar_list")
    for query, shown, hidden in [
        ("topic=advocacy-communication", a, b),
        (f"partner={partners['a3s'].pk}", b, a),
        ("format=in_person", b, a),
    ]:
        page = client.get(f"{base}?{query}").content.decode()
        assert shown.title in page and hidden.title not in page, query


def test_list_view_shows_upcoming_then_past(client, partners, owner):
    _at(20, 10, title="Coming soon")
    _at(1, 10, title="Already held")
    client.force_login(owner)
    upcoming = client.get(reverse("events:calendar_list")).content.decode()
    assert "Coming soon" in upcoming and "Already held" not in upcoming
    past = client.get(reverse("events:calendar_list") + "?when=past").content.decode()
    assert "Already held" in past and "Coming soon" not in past


def test_visitors_see_only_public_events(client, partners):
    _at(12, 10, title="Public webinar", is_public=True)
    _at(13, 10, title="Partners only")
    page = client.get("/calendar/?month=2026-05").content.decode()
    assert "Public webinar" in page and "Partners only" not in page


def test_another_work_packages_events_plug_in(client, partners, owner, monkeypatch):
    class ExpertMeetings(EventSource):
        kind = "expertmeeting"

        def events(self, query):
            yield CalendarEvent(source_kind=self.kind, pk=1, title="Expert meeting on funding",
                                starts_at=datetime(2026, 5, 15, 14, tzinfo=BRUSSELS),
                                ends_at=datetime(2026, 5, 15, 16, tzinfo=BRUSSELS),
                                timezone="Europe/Rome", url="/expert-meetings/1/",
                                kind="Expert meeting")

    found = registry.all_sources()
    monkeypatch.setattr(registry, "all_sources", lambda: [*found, ExpertMeetings()])
    client.force_login(owner)
    page = client.get("/calendar/?month=2026-05").content.decode()
    assert "Expert meeting on funding" in page and 'href="/expert-meetings/1/"' in page


def _populate(partners, n, users=3):
    topics = list(Topic.objects.all())
    people = [UserFactory() for _ in range(users)]
    slugs = list(partners)
    for i in range(n):
        start = datetime(2026, 5, 1 + i % 28, 8 + i % 10, tzinfo=BRUSSELS)
        session = SessionFactory(starts_at=start, ends_at=start + timedelta(hours=1),
                                 topic=topics[i % len(topics)],
                                 owner_partner=partners[slugs[i % len(slugs)]])
        for person in people:
            ParticipantFactory(session=session, user=person)


@pytest.mark.parametrize("n", [3, 40])
@pytest.mark.parametrize("name", ["events:calendar_month", "events:calendar_list",
                                  "peersessions:session_list"])
def test_calendar_and_list_queries_do_not_grow_with_sessions(
        client, partners, owner, django_assert_max_num_queries, n, name):
    _populate(partners, n)
    client.force_login(owner)
    url = reverse(name) + ("?month=2026-05" if name.endswith("month") else "")
    client.get(url)  # warm the session and the memberships
    with django_assert_max_num_queries(14):
        response = client.get(url)
    assert response.status_code == 200


def test_wp2_roundtables_appear_in_the_calendar_and_their_participants_feeds(
        client, partners, owner, outsider):
    from netw.events import services

    Roundtable = pytest.importorskip("methodologies.models").Roundtable
    start = datetime(2026, 5, 21, 14, tzinfo=BRUSSELS)
    roundtable = Roundtable.objects.create(
        title="Roundtable on mentoring", theme="Mentoring", starts_at=start,
        ends_at=start + timedelta(hours=2), timezone="Europe/Rome", location="Rome",
        owner_partner=partners["galileo-progetti"], is_public=True)
    roundtable.participants.add(outsider)
    client.force_login(owner)
    page = client.get("/calendar/?month=2026-05").content.decode()
    assert "Roundtable on mentoring" in page and roundtable.get_absolute_url() in page
    token = services.feed_for(user=outsider).token
    feed = client.get(reverse("events:feed_user", args=[token])).content.decode()
    assert "Roundtable on mentoring" in feed and "TZID=Europe/Rome" in feed
    assert "Roundtable on mentoring" in client.get(
        reverse("events:feed_public")).content.decode()
    # A topic or format filter is something a roundtable cannot answer: it is left out.
    page = client.get("/calendar/?month=2026-05&format=online").content.decode()
    assert "Roundtable on mentoring" not in page


@pytest.mark.parametrize("n", [2, 40])
def test_the_session_page_queries_do_not_grow_with_participants(
        client, partners, owner, django_assert_max_num_queries, n):
    from tests.peersessions.factories import (
        FeedbackFactory,
        FollowUpActionFactory,
        KeyLearningFactory,
    )

    start = NOW - timedelta(days=1)
    session = SessionFactory(starts_at=start, ends_at=start + timedelta(hours=2))
    for _ in range(n):
        person = UserFactory()
        ParticipantFactory(session=session, user=person, attended=True)
        FeedbackFactory(session=session, user=person)
        KeyLearningFactory(session=session)
        FollowUpActionFactory(session=session, owner=person)
        session.facilitators.add(person)
    client.force_login(owner)
    client.get(session.get_absolute_url())
    with django_assert_max_num_queries(20):
        response = client.get(session.get_absolute_url())
    assert response.status_code == 200


@pytest.mark.parametrize("n", [2, 30])
def test_the_topic_page_queries_do_not_grow_with_sessions(
        client, partners, owner, django_assert_max_num_queries, n):
    from tests.peersessions.factories import KeyLearningFactory

    for i in range(n):
        start = NOW - timedelta(days=i + 1)
        KeyLearningFactory(session=SessionFactory(starts_at=start,
                                                  ends_at=start + timedelta(hours=1)))
    client.force_login(owner)
    url = reverse("peersessions:topic_detail", args=["core-drivers"])
    client.get(url)
    with django_assert_max_num_queries(14):
        assert client.get(url).status_code == 200


def test_the_list_pages_through_events_in_order(client, partners, owner):
    for i in range(30):
        start = NOW + timedelta(days=1, hours=i)
        SessionFactory(title=f"Event {i:02d}", starts_at=start, ends_at=start + timedelta(hours=1))
    client.force_login(owner)
    url = reverse("events:calendar_list")
    first = client.get(url).content.decode()
    assert "Event 00" in first and "Event 24" in first and "Event 25" not in first
    assert 'rel="next"' in first
    second = client.get(url + "?page=2").content.decode()
    assert "Event 25" in second and "Event 29" in second and "Event 24" not in second
    assert 'rel="next"' not in second and 'rel="prev"' in second
    past = client.get(url + "?when=past&page=abc").content.decode()
    assert "Event" not in past


def test_wp2_study_visits_appear_for_the_partners_involved_and_match_topics(
        client, partners, outsider, lead):
    from netw.events import services

    factories = pytest.importorskip("tests.methodologies.factories")
    start = datetime(2026, 5, 18, 9, tzinfo=BRUSSELS)
    visit = factories.StudyVisitFactory(title="Visit to Padova", starts_at=start,
                                        ends_at=start + timedelta(days=2),
                                        topics=["best-practices"])
    client.force_login(outsider)  # IDC Serbia represents the visiting network
    page = client.get("/calendar/?month=2026-05").content.decode()
    assert "Visit to Padova" in page and visit.get_absolute_url() in page
    assert "Visit to Padova" in client.get(
        "/calendar/?month=2026-05&topic=best-practices").content.decode()
    assert "Visit to Padova" not in client.get(
        "/calendar/?month=2026-05&topic=core-drivers").content.decode()
    token = services.feed_for(user=outsider).token
    assert "Visit to Padova" in client.get(
        reverse("events:feed_user", args=[token])).content.decode()
    client.force_login(lead)  # AFF is not involved and may not see it
    assert "Visit to Padova" not in client.get("/calendar/?month=2026-05").content.decode()


def test_a_logged_in_persons_zone_is_kept_on_their_profile(client, partners, owner):
    _at(12, 10, title="Advocacy clinic")
    client.force_login(owner)
    client.post(reverse("events:calendar_timezone"), {"tz": "Europe/Helsinki"})
    owner.refresh_from_db()
    assert owner.timezone == "Europe/Helsinki"
    client.cookies.pop("netw_tz")  # another device: no cookie, the profile's zone still applies
    page = client.get("/calendar/?month=2026-05").content.decode()
    assert "11:00" in page and "times in Europe/Helsinki" in page


def test_the_profile_zone_wins_over_a_cookie_and_applies_to_every_page(client, partners, owner):
    session = _at(12, 10, title="Advocacy clinic")
    owner.timezone = "Europe/Dublin"
    owner.save()
    client.force_login(owner)
    client.cookies["netw_tz"] = "Asia/Tokyo"
    page = client.get(session.get_absolute_url()).content.decode()
    assert "09:00" in page and "Europe/Dublin" in page
