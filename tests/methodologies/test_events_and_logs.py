"""Roundtables (with .ics), publications through the workflow, the dissemination log."""

import csv
import io

import pytest
from django.core import mail
from django.urls import reverse

from methodologies.models import DisseminationActivity, Publication, Roundtable
from netw.notifications.models import Notification
from netw.workflow import Status
from tests.methodologies.factories import (
    DisseminationFactory,
    MethodologyFactory,
    PublicationFactory,
    RoundtableFactory,
)

pytestmark = pytest.mark.django_db


def roundtable_data(**changes):
    data = {"title": "Tutoring on the job", "theme": "Work tutors in social enterprises",
            "language": "en", "starts_at": "2026-05-12T10:00", "ends_at": "2026-05-12T13:00",
            "timezone": "Europe/Lisbon", "location": "Lisbon", "online_url": "",
            "description": "", "is_public": "on", "other_participants": "", "conclusions": ""}
    return {**data, **changes}


def test_scheduling_a_roundtable_invites_participants_with_an_ics_in_the_local_time_zone(
        client, owner, colleague, outsider, django_capture_on_commit_callbacks):
    client.force_login(owner)
    discussed = MethodologyFactory(status=Status.PUBLISHED)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("methodologies:roundtable_create"), roundtable_data(
            participants=[colleague.pk, outsider.pk], methodologies=[discussed.pk]))
    assert response.status_code == 302
    roundtable = Roundtable.objects.get()
    assert roundtable.starts_at.isoformat() == "2026-05-12T09:00:00+00:00"  # 10:00 in Lisbon
    assert set(roundtable.methodologies.all()) == {discussed}
    assert len(mail.outbox) == 2
    assert mail.outbox[0].subject.endswith("Roundtable: Tutoring on the job on 12 May 2026, 10:00")
    ics = mail.outbox[0].attachments[0][1]
    assert "DTSTART;TZID=Europe/Lisbon:20260512T100000" in ics
    assert "BEGIN:VTIMEZONE" in ics and "SEQUENCE:0" in ics


def test_changing_the_time_tells_everyone_and_bumps_the_sequence(client, owner, colleague):
    client.force_login(owner)
    client.post(reverse("methodologies:roundtable_create"),
                roundtable_data(participants=[colleague.pk]))
    roundtable = Roundtable.objects.get()
    client.post(reverse("methodologies:roundtable_edit", args=[roundtable.pk]),
                roundtable_data(participants=[colleague.pk], conclusions="Tutors need time."))
    assert Notification.objects.filter(kind="roundtable_changed").count() == 0
    client.post(reverse("methodologies:roundtable_edit", args=[roundtable.pk]),
                roundtable_data(participants=[colleague.pk], starts_at="2026-05-13T10:00",
                                ends_at="2026-05-13T12:00"))
    roundtable.refresh_from_db()
    assert roundtable.sequence == 1
    assert Notification.objects.filter(kind="roundtable_changed",
                                       recipient=colleague).count() == 1
    assert roundtable.history.count() == 3


def test_a_roundtable_needs_a_place_or_a_link_and_an_end_after_its_start(client, owner):
    client.force_login(owner)
    response = client.post(reverse("methodologies:roundtable_create"), roundtable_data(
        location="", ends_at="2026-05-12T09:00"))
    assert response.status_code == 200
    assert {"location", "ends_at"} <= set(response.context["form"].errors)


def test_private_roundtables_are_hidden_from_visitors_and_the_ics_is_downloadable(client):
    public = RoundtableFactory(title="Open roundtable")
    RoundtableFactory(title="Partners only", is_public=False)
    html = client.get(reverse("methodologies:roundtable_list")).content.decode()
    assert "Open roundtable" in html and "Partners only" not in html
    response = client.get(reverse("methodologies:roundtable_ics", args=[public.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    assert b"SUMMARY:Open roundtable" in response.content


def test_roundtables_share_the_calendar_shape():
    roundtable = RoundtableFactory()
    for name in ("title", "starts_at", "ends_at", "timezone", "location", "online_url"):
        assert hasattr(roundtable, name)
    assert roundtable.get_absolute_url() == f"/roundtables/{roundtable.pk}/"
    assert list(Roundtable.objects.visible_to(None).upcoming()) == [roundtable]


def test_a_publication_goes_through_the_workflow(client, owner, wp2_lead):
    publication = PublicationFactory(owner_partner=owner.memberships.get().partner,
                                     created_by=owner)
    client.force_login(owner)
    submit = reverse("methodologies:publication_submit", args=[publication.slug])
    response = client.post(submit, follow=True)
    assert "Upload the file in at least one language." in response.content.decode()
    publication.files.create(language="en", file="x.pdf", size=1)
    client.post(submit)
    publication.refresh_from_db()
    assert publication.status == Status.SUBMITTED
    client.force_login(wp2_lead)
    review = reverse("methodologies:publication_review", args=[publication.slug])
    client.post(review, {"decision": "publish", "comment": "", "confirm_public": "on"})
    publication.refresh_from_db()
    assert publication.is_published
    response = client.post(review, {"decision": "publish", "comment": "",
                                    "confirm_public": "on"}, follow=True)
    assert "already published" in response.content.decode()
    assert list(Publication.objects.published()) == [publication]


def test_coordinators_filter_and_export_the_dissemination_log(
        client, coordinator, partners, django_capture_on_commit_callbacks):
    from netw.exports import services as exports
    from netw.exports.models import Export

    DisseminationFactory(title="=HYPERLINK(\"http://evil\")", country="PT", people_reached=50)
    DisseminationFactory(title="Radio interview", country="RS", kind="article",
                         owner_partner=partners["idc-serbia"], people_reached=3000)
    client.force_login(coordinator)
    listing = client.get(reverse("methodologies:dissemination_list"), {"country": "RS"})
    assert listing.context["totals"] == {"activities": 1, "reached": 3000}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("exports:request"),
                    {"list": "dissemination", "format": "csv", "filters": "country=PT"})
    export = Export.objects.get()
    text = exports.file_path(export.file_name).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["Date", "Type", "Title"]
    assert len(rows) == 2
    assert rows[1][2].startswith("'=")  # a formula is exported as text


def test_members_record_activities_for_their_own_partner_only(client, owner, outsider):
    client.force_login(owner)
    response = client.post(reverse("methodologies:dissemination_create"), {
        "kind": "social", "date": "2026-04-02", "title": "Post about the guidebook",
        "channel": "LinkedIn", "audience": "providers", "people_reached": "800",
        "country": "PT", "link": "https://example.org/post", "notes": "", "language": "pt"})
    assert response.status_code == 302
    activity = DisseminationActivity.objects.get()
    assert activity.owner_partner.slug == "a3s"
    client.force_login(outsider)
    edit = reverse("methodologies:dissemination_edit", args=[activity.pk])
    assert client.get(edit).status_code == 403


def test_dissemination_list_queries_do_not_grow_with_rows(client, coordinator):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(coordinator)
    url = reverse("methodologies:dissemination_list")

    def count():
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        return len(captured)

    client.get(url)  # the first request of a session does its own bookkeeping
    DisseminationFactory.create_batch(10)
    small = count()
    DisseminationFactory.create_batch(90)
    assert count() == small


def test_participants_are_reminded_once_the_day_before(colleague,
                                                       django_capture_on_commit_callbacks):
    import datetime as dt

    from django.utils import timezone

    from netw.events.tasks import queue_event_reminders

    soon = RoundtableFactory(starts_at=timezone.now() + dt.timedelta(hours=12))
    soon.participants.add(colleague)
    RoundtableFactory(starts_at=timezone.now() + dt.timedelta(days=3)).participants.add(colleague)
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            queue_event_reminders()
    reminders = Notification.objects.filter(kind="roundtable_reminder")
    assert [n.recipient for n in reminders] == [colleague]
    assert "BEGIN:VCALENDAR" in reminders.get().ics


# --- The online link of a partner's non-public roundtable or study visit ----------------------

LINK = "https://meet.example.org/a3s-roundtable"
# The people taking part, the owner partner, WP2 leads and coordinators (as for WP1's sessions).
ROUNDTABLE_LINK = {"visitor": False, "owner": True, "colleague": True, "outsider": False,
                   "participant": True, "lead": False, "wp2_lead": True, "coordinator": True}


@pytest.fixture
def participant(partners):
    from tests.factories import MembershipFactory, UserFactory

    return MembershipFactory(partner=partners["cdi-macedonia"],
                             user=UserFactory(email="participant@cdi.example.org")).user


def _locations(content) -> str:
    import icalendar

    cal = icalendar.Calendar.from_ical(content)
    return " ".join(str(e.get("LOCATION", "")) for e in cal.walk("VEVENT"))


@pytest.mark.parametrize("persona", ROUNDTABLE_LINK)
def test_a_roundtables_online_link_reaches_only_those_taking_part_the_owner_leads_coordinators(
        client, request, partners, participant, persona):
    from django.core.cache import cache

    from netw.events.services import feed_for

    roundtable = RoundtableFactory(owner_partner=partners["a3s"], is_public=False,
                                   online_url=LINK)
    roundtable.participants.add(participant)
    sees = ROUNDTABLE_LINK[persona]
    user = None if persona == "visitor" else request.getfixturevalue(persona)
    if user is not None:
        client.force_login(user)
    page = client.get(roundtable.get_absolute_url())
    download = client.get(reverse("methodologies:roundtable_ics", args=[roundtable.pk]))
    if user is None:
        assert page.status_code == 404 and download.status_code == 404
        return
    assert (LINK in page.content.decode()) is sees
    assert (LINK in _locations(download.content)) is sees
    assert "Lisbon, A3S office" in _locations(download.content)
    cache.clear()
    feed = client.get(reverse("events:feed_user", args=[feed_for(user=user).token])).content
    if LINK in _locations(feed):
        assert sees
    if persona in ("owner", "participant"):
        assert LINK in _locations(feed)


def test_a_study_visits_online_link_is_for_the_partners_taking_part(client, partners, owner,
                                                                     outsider, wp2_lead):
    from tests.methodologies.factories import StudyVisitFactory

    # Organised by A3S; IDC Serbia's network visits Galileo Progetti's.
    visit = StudyVisitFactory(online_url=LINK)
    for user, sees in ((owner, True), (outsider, True), (wp2_lead, True)):
        client.force_login(user)
        assert (LINK in client.get(visit.get_absolute_url()).content.decode()) is sees
        assert (LINK in _locations(client.get(
            reverse("methodologies:studyvisit_ics", args=[visit.pk])).content)) is sees
