"""The core's scheduled events (netw/events): one UID scheme across invitations and feeds, one
.ics builder robust to stored control characters, one reminder pipeline, sources discovered."""

from datetime import timedelta
from pathlib import Path

import icalendar
import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from methodologies import services as wp2
from methodologies.models import Roundtable
from netw.events import ics, reminders
from netw.events.services import feed_for
from netw.events.sources import EventQuery, all_sources, events_between
from netw.events.tasks import queue_event_reminders
from netw.notifications.models import Notification
from peersessions import services as wp1
from peersessions.models import Session, Topic
from tests.methodologies.factories import RoundtableFactory, StudyVisitFactory
from tests.peersessions.factories import ParticipantFactory, SessionFactory

pytestmark = pytest.mark.django_db
SITE = "https://portal.net-works.eu"


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = SITE
    cache.clear()  # feeds are cached per token


def _vevents(text) -> dict[str, icalendar.Event]:
    cal = icalendar.Calendar.from_ical(text)
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def _mailed(to) -> icalendar.Event:
    """The .ics attached to the last e-mail sent to ``to``."""
    message = [m for m in mail.outbox if m.to == [to.email]][-1]
    (_name, content, mimetype), = message.attachments
    assert mimetype.startswith("text/calendar")
    (event,) = _vevents(content).values()
    return event


def _feed(client, user) -> dict[str, icalendar.Event]:
    cache.clear()
    response = client.get(reverse("events:feed_user", args=[feed_for(user=user).token]))
    assert response.status_code == 200
    return _vevents(response.content)


def test_a_sessions_invitation_and_the_feed_carry_one_uid_and_an_update_raises_the_sequence(
        client, partners, owner, outsider, django_capture_on_commit_callbacks):
    start = (timezone.now() + timedelta(days=5)).replace(microsecond=0)
    session = Session(title="Advocacy clinic", topic=Topic.objects.get(slug="core-drivers"),
                      owner_partner=partners["a3s"], starts_at=start,
                      ends_at=start + timedelta(hours=2), meeting_url="https://meet.example.org/x")
    with django_capture_on_commit_callbacks(execute=True):
        wp1.session_save(session=session, by=owner, facilitators=[], invited_partners=[],
                         invited_people=[outsider], schedule=True)
    uid = f"session-{session.pk}@portal.net-works.eu"
    invitation = _mailed(outsider)
    assert str(invitation["UID"]) == uid
    feed = _feed(client, outsider)
    assert uid in feed
    assert feed[uid]["SEQUENCE"] == invitation["SEQUENCE"]

    session.starts_at += timedelta(hours=1)
    session.ends_at += timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        wp1.session_save(session=session, by=owner, facilitators=[], invited_partners=[],
                         invited_people=[outsider])
    update = _mailed(outsider)
    assert str(update["UID"]) == uid
    assert update["SEQUENCE"] > invitation["SEQUENCE"]
    assert _feed(client, outsider)[uid]["SEQUENCE"] == update["SEQUENCE"]


def test_a_roundtables_invitation_and_the_feed_carry_one_uid_and_an_update_raises_the_sequence(
        client, partners, owner, outsider, django_capture_on_commit_callbacks):
    roundtable = RoundtableFactory.build(owner_partner=partners["a3s"], title="Mentoring")
    with django_capture_on_commit_callbacks(execute=True):
        wp2.roundtable_save(roundtable=roundtable, by=owner, participants=[outsider])
    uid = f"roundtable-{roundtable.pk}@portal.net-works.eu"
    invitation = _mailed(outsider)
    assert str(invitation["UID"]) == uid
    feed = _feed(client, outsider)
    assert uid in feed and feed[uid]["SEQUENCE"] == invitation["SEQUENCE"]
    # The public feed and the page's download say the same.
    assert uid in _vevents(client.get(reverse("events:feed_public")).content)
    assert uid in _vevents(client.get(
        reverse("methodologies:roundtable_ics", args=[roundtable.pk])).content)

    roundtable = Roundtable.objects.get(pk=roundtable.pk)
    roundtable.location = "Porto"
    with django_capture_on_commit_callbacks(execute=True):
        wp2.roundtable_save(roundtable=roundtable, by=owner)
    update = _mailed(outsider)
    assert str(update["UID"]) == uid
    assert update["SEQUENCE"] > invitation["SEQUENCE"]
    assert _feed(client, outsider)[uid]["SEQUENCE"] == update["SEQUENCE"]


def test_the_uid_follows_the_site_address(settings):
    settings.SITE_URL = "http://127.0.0.1:8000"
    assert ics.event_uid("studyvisit", 7) == "studyvisit-7@127.0.0.1"


def test_stored_control_characters_do_not_break_any_calendar_file(
        client, partners, owner, outsider):
    title = "\x1b[0;31mRed alert\x07 session"
    session = SessionFactory(title=title, is_public=True, agenda="Ring\x07 the bell")
    ParticipantFactory(session=session, user=outsider)
    RoundtableFactory(title=title, description="Bell\x07")
    client.force_login(owner)
    texts = [
        client.get(reverse("peersessions:session_ics", args=[session.pk])).content.decode(),
        client.get(reverse("events:feed_public")).content.decode(),
        _feed_text(client, owner),
        ics.invitation_ics(_session_event(session), attendee=outsider),
    ]
    for text in texts:
        assert "\x1b" not in text and "\x07" not in text
        summaries = [str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(text)
                     .walk("VEVENT")]
        assert "[0;31mRed alert session" in summaries


def _feed_text(client, user) -> str:
    cache.clear()
    return client.get(reverse("events:feed_user", args=[feed_for(user=user).token])
                      ).content.decode()


def _session_event(session):
    from peersessions.calendar import SESSIONS

    return SESSIONS.event(session, show_link=True)


def test_each_apps_calendar_module_brings_its_sources():
    assert [source.kind for source in all_sources()] == [
        "session", "roundtable", "studyvisit", "expertmeeting"]


def test_the_core_names_no_app():
    core = Path(__file__).resolve().parents[2] / "netw" / "events"
    for path in core.glob("*.py"):
        text = path.read_text()
        for app in ("peersessions", "methodologies", "sustainability"):
            assert f"import {app}" not in text and f"from {app}" not in text, path
            assert f'"{app}.' not in text, path


def test_one_pipeline_reminds_sessions_roundtables_and_study_visits_once(
        partners, outsider, colleague, django_capture_on_commit_callbacks):
    soon = timezone.now() + timedelta(hours=12)
    session = SessionFactory(starts_at=soon, ends_at=soon + timedelta(hours=1))
    ParticipantFactory(session=session, user=outsider)
    RoundtableFactory(starts_at=soon, ends_at=soon + timedelta(hours=2)).participants.add(
        colleague)
    StudyVisitFactory(starts_at=soon, ends_at=soon + timedelta(days=1)).participants.add(
        outsider)
    later = timezone.now() + timedelta(days=3)
    RoundtableFactory(starts_at=later, ends_at=later + timedelta(hours=2)).participants.add(
        colleague)
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            queue_event_reminders()
    kinds = sorted(Notification.objects.values_list("kind", "recipient"))
    assert kinds == sorted([("session_reminder", outsider.pk),
                            ("roundtable_reminder", colleague.pk),
                            ("studyvisit_reminder", outsider.pk)])
    assert reminders.events_needing_reminder() == []


def test_a_cancelled_roundtable_is_not_reminded(partners, colleague):
    soon = timezone.now() + timedelta(hours=12)
    roundtable = RoundtableFactory(starts_at=soon, ends_at=soon + timedelta(hours=2),
                                   is_cancelled=True)
    roundtable.participants.add(colleague)
    assert reminders.events_needing_reminder() == []
    assert reminders.event_send_reminder(kind="roundtable", event_id=roundtable.pk) is False


def test_a_cancelled_roundtable_is_marked_so_in_every_calendar(client, partners):
    roundtable = RoundtableFactory(is_cancelled=True)
    (event,) = [e for e in events_between(EventQuery(
        user=None, start=timezone.now(), end=timezone.now() + timedelta(days=30),
        public_only=True)) if e.pk == roundtable.pk]
    assert event.cancelled
    cal = icalendar.Calendar.from_ical(ics.invitation_ics(event))
    assert cal["METHOD"] == "CANCEL"
    assert cal.walk("VEVENT")[0]["STATUS"] == "CANCELLED"
