"""Expert meetings: scheduling, the experts and their invitations, the calendar and its feeds,
changes and cancellations, minutes, materials, figures, exports and who sees what."""

import datetime as dt

import icalendar
import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from netw.dashboard import project_figures
from netw.events.services import feed_for
from netw.events.sources import EventQuery, events_between
from netw.events.tasks import queue_event_reminders
from netw.monitoring import indicators
from netw.notifications.models import Notification
from sustainability.models import ExpertGuest, ExpertMeeting, MeetingMaterial
from sustainability.rules import can_see_meeting_link
from tests.factories import MembershipFactory, StakeholderFactory, UserFactory
from tests.sitemap import sitemap_text
from tests.sustainability.factories import (
    ExpertGuestFactory,
    ExpertMeetingFactory,
    MeetingMaterialFactory,
)

pytestmark = pytest.mark.django_db

LINK = "https://meet.example.org/a3s-experts"


def meeting_data(**changes):
    data = {"title": "Blended finance for WISEs", "language": "en",
            "starts_at": "2031-05-12T10:00", "ends_at": "2031-05-12T12:00",
            "timezone": "Europe/Lisbon", "location": "Lisbon", "online_url": LINK,
            "description": "", "agenda": "1. Loans\n2. Grants", "is_public": "on"}
    return {**data, **changes}


def _vevents(content) -> list:
    return list(icalendar.Calendar.from_ical(content).walk("VEVENT"))


@pytest.fixture
def participant(partners):
    return MembershipFactory(partner=partners["cdi-macedonia"],
                             user=UserFactory(email="participant@cdi.example.org")).user


# --- Scheduling and who may act ------------------------------------------------------------------


def test_a_member_schedules_a_meeting_and_the_participants_are_invited_with_an_ics(
        client, owner, participant, partner_a, django_capture_on_commit_callbacks):
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("sustainability:meeting_create"),
                               meeting_data(participants=[participant.pk]))
    meeting = ExpertMeeting.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("sustainability:meeting_experts", args=[meeting.pk])
    assert meeting.owner_partner == partner_a and meeting.created_by == owner
    assert meeting.starts_at.isoformat() == "2031-05-12T09:00:00+00:00"  # 10:00 in Lisbon
    assert [m.to for m in mail.outbox] == [["participant@cdi.example.org"]]
    ics = mail.outbox[0].attachments[0][1]
    assert "DTSTART;TZID=Europe/Lisbon:20310512T100000" in ics
    assert f"UID:expertmeeting-{meeting.pk}@" in ics and "SEQUENCE:0" in ics
    assert LINK in ics  # the people taking part need the link


def test_a_meeting_needs_a_place_or_a_link_and_an_end_after_its_start(client, owner):
    client.force_login(owner)
    response = client.post(reverse("sustainability:meeting_create"), meeting_data(
        location="", online_url="", ends_at="2031-05-12T09:00"))
    assert response.status_code == 200
    assert {"location", "ends_at"} <= set(response.context["form"].errors)
    assert not ExpertMeeting.objects.exists()


def test_the_wp3_lead_and_coordinators_change_any_meeting_other_partners_and_a_wp1_lead_not(
        client, partner_a, owner, outsider, lead, wp3_lead, coordinator):
    meeting = ExpertMeetingFactory(owner_partner=partner_a, is_public=False)
    edit = reverse("sustainability:meeting_edit", args=[meeting.pk])
    for user, status in ((owner, 200), (wp3_lead, 200), (coordinator, 200), (outsider, 403),
                         (lead, 403)):
        client.force_login(user)
        assert client.get(edit).status_code == status, user
    client.force_login(outsider)
    assert client.post(reverse("sustainability:meeting_cancel", args=[meeting.pk])
                       ).status_code == 403
    client.force_login(wp3_lead)
    response = client.post(reverse("sustainability:meeting_cancel", args=[meeting.pk]))
    meeting.refresh_from_db()
    assert response.status_code == 302 and meeting.is_cancelled
    # A cancelled meeting is no longer edited.
    assert client.get(edit).status_code == 403


def test_visitors_see_public_meetings_only_and_partners_see_them_all(client, owner, outsider):
    public = ExpertMeetingFactory(title="Open expert meeting")
    private = ExpertMeetingFactory(title="Partners-only expert meeting", is_public=False)
    html = client.get(reverse("sustainability:meeting_list")).content.decode()
    assert "Open expert meeting" in html and "Partners-only expert meeting" not in html
    assert client.get(private.get_absolute_url()).status_code == 404
    assert client.get(public.get_absolute_url()).status_code == 200
    for user in (owner, outsider):
        client.force_login(user)
        html = client.get(reverse("sustainability:meeting_list")).content.decode()
        assert "Partners-only expert meeting" in html
        assert client.get(private.get_absolute_url()).status_code == 200


def test_past_meetings_are_listed_apart_latest_first(client):
    now = timezone.now()
    ExpertMeetingFactory(title="Coming meeting")
    ExpertMeetingFactory(title="Older meeting", starts_at=now - dt.timedelta(days=60))
    ExpertMeetingFactory(title="Recent meeting", starts_at=now - dt.timedelta(days=6))
    upcoming = client.get(reverse("sustainability:meeting_list")).content.decode()
    assert "Coming meeting" in upcoming and "Recent meeting" not in upcoming
    past = client.get(reverse("sustainability:meeting_list") + "?when=past").content.decode()
    assert "Coming meeting" not in past
    assert past.index("Recent meeting") < past.index("Older meeting")


def test_visitors_read_the_experts_organisation_and_expertise_but_no_names(
        client, owner, partner_a):
    stakeholder = StakeholderFactory(name="Ministry of Demo Affairs", owner_partner=partner_a)
    meeting = ExpertMeetingFactory(conclusions="Buyers need **model clauses**.")
    ExpertGuestFactory(meeting=meeting, name="Ana Guestova", organisation="Demo Fund",
                       expertise="Impact investment", email="ana@example.org")
    ExpertGuestFactory(meeting=meeting, name="", stakeholder=stakeholder, organisation="",
                       expertise="ESF+ programmes")
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "Demo Fund" in html and "Impact investment" in html and "ESF+ programmes" in html
    assert "Ana Guestova" not in html and "ana@example.org" not in html
    assert "Ministry of Demo Affairs" not in html and "Public authority" in html
    assert "<strong>model clauses</strong>" in html
    client.force_login(owner)
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "Ana Guestova" in html and "Ministry of Demo Affairs" in html
    assert "ana@example.org" not in html  # addresses only on the experts page


def test_agenda_and_minutes_are_sanitised_markdown_and_minutes_are_for_the_partners(
        client, owner):
    meeting = ExpertMeetingFactory(
        agenda="**Funding** <script>alert(1)</script>",
        minutes="- Buyers lack examples <img src=x onerror=alert(1)>",
        starts_at=timezone.now() - dt.timedelta(days=2))
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "<strong>Funding</strong>" in html and "<script>alert(1)" not in html
    assert "Buyers lack examples" not in html
    client.force_login(owner)
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "Buyers lack examples" in html and "onerror" not in html


# --- The online link -----------------------------------------------------------------------------

# The people taking part, the owner partner, the WP3 leads and coordinators; never visitors, even
# for a public meeting.
MEETING_LINK = {"visitor": False, "owner": True, "colleague": True, "outsider": False,
                "participant": True, "lead": False, "wp3_lead": True, "coordinator": True}


@pytest.mark.parametrize("public", [True, False], ids=["public", "partners-only"])
@pytest.mark.parametrize("persona", MEETING_LINK)
def test_the_online_link_reaches_only_those_taking_part_the_owner_wp3_leads_coordinators(
        client, request, partners, participant, persona, public):
    meeting = ExpertMeetingFactory(owner_partner=partners["a3s"], is_public=public,
                                   online_url=LINK)
    meeting.participants.add(participant)
    sees = MEETING_LINK[persona]
    user = None if persona == "visitor" else request.getfixturevalue(persona)
    assert can_see_meeting_link(user, meeting) is sees
    if user is not None:
        client.force_login(user)
    page = client.get(meeting.get_absolute_url())
    download = client.get(reverse("sustainability:meeting_ics", args=[meeting.pk]))
    if user is None and not public:
        assert page.status_code == 404 and download.status_code == 404
        return
    assert (LINK in page.content.decode()) is sees
    location = str(_vevents(download.content)[0].get("LOCATION"))
    assert (LINK in location) is sees and "Lisbon, A3S office" in location
    if user is not None:
        cache.clear()
        feed = client.get(reverse("events:feed_user", args=[feed_for(user=user).token]))
        for event in _vevents(feed.content):
            assert (LINK in str(event.get("LOCATION"))) is sees


# --- The shared calendar --------------------------------------------------------------------------


def test_meetings_are_in_the_calendar_the_feeds_and_the_home_panel(
        client, owner, participant, outsider):
    public = ExpertMeetingFactory(title="Public expert meeting")
    public.participants.add(participant)
    private = ExpertMeetingFactory(title="Private expert meeting", is_public=False)
    # The public feed: public meetings, without their link.
    events = _vevents(client.get(reverse("events:feed_public")).content)
    assert [str(e["SUMMARY"]) for e in events] == ["Public expert meeting"]
    assert str(events[0]["UID"]).startswith(f"expertmeeting-{public.pk}@")
    assert LINK not in str(events[0].get("LOCATION"))
    # The calendar pages: the partners see both.
    client.force_login(outsider)
    html = client.get(reverse("events:calendar_list")).content.decode()
    assert "Public expert meeting" in html and "Private expert meeting" in html
    month = public.local_starts_at.strftime("%Y-%m")
    assert "Public expert meeting" in client.get(
        reverse("events:calendar_month") + f"?month={month}").content.decode()
    assert "Private expert meeting" not in client.get(
        reverse("events:calendar_list") + "?format=online").content.decode()
    # The private feed and the home panel: a participant's own meetings.
    cache.clear()
    feed = client.get(reverse("events:feed_user", args=[feed_for(user=participant).token]))
    assert [str(e["SUMMARY"]) for e in _vevents(feed.content)] == ["Public expert meeting"]
    now = timezone.now()
    mine = events_between(EventQuery(user=owner, start=now, end=now + dt.timedelta(days=30),
                                     mine=True))
    assert {e.title for e in mine} == {"Public expert meeting", "Private expert meeting"}
    # One .ics builder, one UID scheme: the download carries the feed's UID.
    download = client.get(reverse("sustainability:meeting_ics", args=[private.pk]))
    assert str(_vevents(download.content)[0]["UID"]).startswith(f"expertmeeting-{private.pk}@")


def test_participants_and_invited_experts_are_reminded_once_the_day_before(
        participant, django_capture_on_commit_callbacks):
    soon = ExpertMeetingFactory(starts_at=timezone.now() + dt.timedelta(hours=12))
    soon.participants.add(participant)
    ExpertGuestFactory(meeting=soon, email="guest@example.org", invited_at=timezone.now())
    ExpertGuestFactory(meeting=soon, email="")
    later = ExpertMeetingFactory(starts_at=timezone.now() + dt.timedelta(days=3))
    later.participants.add(participant)
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            queue_event_reminders()
    reminders = Notification.objects.filter(kind="expert_meeting_reminder")
    assert [n.recipient for n in reminders] == [participant]
    assert "BEGIN:VCALENDAR" in reminders.get().ics
    guest_mail = Notification.objects.filter(kind="expert_meeting_guest")
    assert [n.email for n in guest_mail] == ["guest@example.org"]


# --- Experts and their invitations ----------------------------------------------------------------


def test_a_guest_without_an_email_gets_no_invitation_and_one_with_an_email_gets_exactly_one(
        client, owner, django_capture_on_commit_callbacks):
    meeting = ExpertMeetingFactory()
    client.force_login(owner)
    experts = reverse("sustainability:meeting_experts", args=[meeting.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(experts, {"name": "Guest Without Mail",
                                         "organisation": "Demo Office", "expertise": "Tenders"})
    assert response.status_code == 302
    assert mail.outbox == [] and not Notification.objects.exists()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        client.post(experts, {"name": "Guest With Mail", "organisation": "Demo Fund",
                              "email": "guest@example.org"})
    assert callbacks  # sent after the commit, through the outbox
    assert [m.to for m in mail.outbox] == [["guest@example.org"]]
    assert mail.outbox[0].subject.endswith(f"Invitation: expert meeting {meeting.title} on "
                                           f"{meeting.local_starts_at:%-d %b %Y, %H:%M}")
    ics = mail.outbox[0].attachments[0][1]
    assert "METHOD:REQUEST" in ics and f"expertmeeting-{meeting.pk}@" in ics
    guests = {g.name: g for g in ExpertGuest.objects.all()}
    assert guests["Guest With Mail"].invited_at is not None
    assert guests["Guest Without Mail"].invited_at is None
    html = client.get(experts).content.decode()
    assert "None (no e-mail address)" in html and "Sent to guest@example.org" in html


def test_an_expert_comes_from_the_visible_registry_or_by_name(client, owner, partner_a):
    meeting = ExpertMeetingFactory()
    stakeholder = StakeholderFactory(owner_partner=partner_a)
    client.force_login(owner)
    experts = reverse("sustainability:meeting_experts", args=[meeting.pk])
    response = client.post(experts, {"name": "", "stakeholder": ""})
    assert response.status_code == 200 and "name" in response.context["form"].errors
    response = client.post(experts, {"stakeholder": stakeholder.pk, "expertise": "ESF+"})
    assert response.status_code == 302
    assert ExpertGuest.objects.get().stakeholder == stakeholder
    response = client.post(experts, {"stakeholder": "99999999"})
    assert "stakeholder" in response.context["form"].errors


def test_experts_are_not_invited_to_a_meeting_that_is_over(client, owner,
                                                           django_capture_on_commit_callbacks):
    meeting = ExpertMeetingFactory(starts_at=timezone.now() - dt.timedelta(days=3))
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("sustainability:meeting_experts", args=[meeting.pk]),
                    {"name": "Late Guest", "email": "late@example.org"})
    assert mail.outbox == [] and ExpertGuest.objects.get().invited_at is None


# --- Changes and cancellation ---------------------------------------------------------------------


def test_a_time_change_bumps_the_sequence_and_tells_participants_and_invited_experts(
        client, owner, participant, django_capture_on_commit_callbacks):
    client.force_login(owner)
    client.post(reverse("sustainability:meeting_create"),
                meeting_data(participants=[participant.pk]))
    meeting = ExpertMeeting.objects.get()
    ExpertGuestFactory(meeting=meeting, email="guest@example.org", invited_at=timezone.now())
    ExpertGuestFactory(meeting=meeting, email="")
    edit = reverse("sustainability:meeting_edit", args=[meeting.pk])
    client.post(edit, meeting_data(participants=[participant.pk], agenda="1. Loans only"))
    meeting.refresh_from_db()
    assert meeting.sequence == 0
    assert not Notification.objects.filter(kind="expert_meeting_changed").exists()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit, meeting_data(participants=[participant.pk],
                                       starts_at="2031-05-13T10:00", ends_at="2031-05-13T12:00"))
    meeting.refresh_from_db()
    assert meeting.sequence == 1 and meeting.reminded_at is None
    assert Notification.objects.filter(kind="expert_meeting_changed",
                                       recipient=participant).count() == 1
    assert sorted(m.to[0] for m in mail.outbox) == ["guest@example.org",
                                                    "participant@cdi.example.org"]
    for message in mail.outbox:
        ics = message.attachments[0][1]
        assert "SEQUENCE:1" in ics and "DTSTART;TZID=Europe/Lisbon:20310513T100000" in ics
    assert meeting.history.count() >= 3


def test_cancelling_tells_everyone_and_the_feeds_show_it_cancelled(
        client, owner, participant, django_capture_on_commit_callbacks):
    meeting = ExpertMeetingFactory(title="Meeting to cancel")
    meeting.participants.add(participant)
    ExpertGuestFactory(meeting=meeting, email="guest@example.org", invited_at=timezone.now())
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("sustainability:meeting_cancel", args=[meeting.pk]))
    meeting.refresh_from_db()
    assert response.status_code == 302 and meeting.is_cancelled and meeting.sequence == 1
    assert sorted(m.to[0] for m in mail.outbox) == ["guest@example.org",
                                                    "participant@cdi.example.org"]
    assert all("METHOD:CANCEL" in m.attachments[0][1] for m in mail.outbox)
    cache.clear()
    client.logout()
    event = _vevents(client.get(reverse("events:feed_public")).content)[0]
    assert str(event["STATUS"]) == "CANCELLED"
    assert "Cancelled" in client.get(meeting.get_absolute_url()).content.decode()
    # Cancelling twice tells nobody twice; a cancelled meeting cannot be cancelled again.
    client.force_login(owner)
    assert client.post(reverse("sustainability:meeting_cancel", args=[meeting.pk])
                       ).status_code == 403


# --- Minutes and materials ------------------------------------------------------------------------


def test_minutes_before_the_meeting_are_refused_with_a_message(client, owner):
    meeting = ExpertMeetingFactory()
    client.force_login(owner)
    minutes = reverse("sustainability:meeting_minutes", args=[meeting.pk])
    assert "has not started yet" in client.get(minutes).content.decode()
    response = client.post(minutes, {"minutes": "Too early", "conclusions": "None"})
    assert response.status_code == 200
    assert "has not started yet" in str(response.context["form"].non_field_errors())
    meeting.refresh_from_db()
    assert meeting.minutes == "" and meeting.conclusions == ""


def test_participants_record_minutes_and_conclusions_once_the_meeting_started(
        client, participant, outsider):
    meeting = ExpertMeetingFactory(starts_at=timezone.now() - dt.timedelta(hours=1))
    meeting.participants.add(participant)
    minutes = reverse("sustainability:meeting_minutes", args=[meeting.pk])
    client.force_login(outsider)
    assert client.post(minutes, {"minutes": "Not mine"}).status_code == 403
    client.force_login(participant)
    response = client.post(minutes, {"minutes": "- Buyers lack examples",
                                     "conclusions": "Model clauses are needed."})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.conclusions == "Model clauses are needed."
    assert meeting.updated_by == participant


def test_materials_are_uploaded_checked_and_served_to_the_partners_only(
        client, owner, outsider):
    meeting = ExpertMeetingFactory()
    client.force_login(owner)
    add = reverse("sustainability:meeting_material_add", args=[meeting.pk])
    fake = SimpleUploadedFile("slides.pdf", b"MZ\x90\x00 not a pdf")
    response = client.post(add, {"title": "Slides", "file": fake})
    assert response.status_code == 200 and "file" in response.context["form"].errors
    assert "file" in client.post(add, {"title": "Nothing"}).context["form"].errors
    response = client.post(add, {"title": "Notes", "file": SimpleUploadedFile(
        "notes.txt", b"What the experts said.\n")})
    assert response.status_code == 302
    client.post(add, {"title": "Background", "link": "https://example.org/paper.pdf"})
    material = MeetingMaterial.objects.get(title="Notes")
    download = reverse("sustainability:meeting_material_download",
                       args=[meeting.pk, material.pk])
    client.force_login(outsider)
    response = client.get(download)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"What the experts said.\n"
    assert response["Cache-Control"] == "private, no-store"
    client.logout()
    assert client.get(download).status_code == 404
    assert "Background" not in client.get(meeting.get_absolute_url()).content.decode()


def test_a_material_is_only_found_under_its_own_meeting(client, owner):
    material = MeetingMaterialFactory()
    other = ExpertMeetingFactory()
    client.force_login(owner)
    assert client.get(reverse("sustainability:meeting_material_download",
                              args=[other.pk, material.pk])).status_code == 404


# --- Figures, exports, lists that stay fast -------------------------------------------------------


def test_the_indicator_counts_the_meetings_held_for_the_partners(owner, partner_a):
    past = timezone.now() - dt.timedelta(days=10)
    held = ExpertMeetingFactory(starts_at=past, is_public=False)
    ExpertGuestFactory.create_batch(2, meeting=held)
    cancelled = ExpertMeetingFactory(starts_at=past)
    ExpertMeeting.objects.filter(pk=cancelled.pk).update(is_cancelled=True)
    ExpertGuestFactory(meeting=cancelled)
    ExpertGuestFactory(meeting=ExpertMeetingFactory())  # still to come
    cache.clear()  # the update above bypasses the data version
    meetings = indicators.get("wp3.expert_meetings_held")
    assert list(indicators.scoped(meetings)) == [held]
    assert indicators.value(meetings, partner=held.owner_partner) == 1
    figure = next(f for f in project_figures(owner) if f.label == "Expert meetings held")
    assert figure.value == 1
    assert figure.url == indicators.drilldown_url(meetings)
    assert not any(f.label == "Expert meetings held" for f in project_figures(AnonymousUser()))


def test_the_meetings_list_exports_what_the_person_sees(owner):
    from netw.exports.registry import get

    ExpertMeetingFactory(title="Public one")
    ExpertGuestFactory(meeting=ExpertMeetingFactory(title="Private one", is_public=False),
                       organisation="Demo Fund")
    export = get("expert_meetings")
    rows = list(export.rows(owner, {}))
    assert {r[3] for r in rows} == {"Public one", "Private one"}
    assert ["Demo Fund"] in [r[8] for r in rows]
    assert "Conclusions" in export.headers() and LINK not in str(rows)


def test_the_meetings_list_costs_the_same_queries_whatever_the_number_of_meetings(
        client, owner):
    client.force_login(owner)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("sustainability:meeting_list")).status_code == 200
        return len(queries)

    for _ in range(2):
        ExpertGuestFactory(meeting=ExpertMeetingFactory())
    count()  # the first page of a session also fills caches (unread notifications, …)
    small = count()
    for _ in range(25):
        ExpertGuestFactory(meeting=ExpertMeetingFactory(is_public=False))
    assert count() == small


def test_the_demo_seeds_a_past_and_a_coming_meeting_once(partners, client):
    import io

    from sustainability import demo

    StakeholderFactory(owner_partner=partners["isen"])
    demo.seed_meetings(io.StringIO())
    demo.seed_meetings(io.StringIO())
    past, coming = ExpertMeeting.objects.order_by("starts_at")
    assert past.has_ended and past.minutes and past.conclusions
    assert past.experts.filter(stakeholder__isnull=False).exists()
    assert past.experts.filter(stakeholder__isnull=True).count() == 2
    assert not coming.has_started and coming.location and coming.online_url
    assert client.get(past.get_absolute_url()).status_code == 200


def test_the_sitemap_lists_public_meetings_only(client):
    public = ExpertMeetingFactory()
    private = ExpertMeetingFactory(is_public=False)
    xml = sitemap_text(client)
    assert reverse("sustainability:meeting_list") in xml
    assert public.get_absolute_url() in xml and private.get_absolute_url() not in xml
