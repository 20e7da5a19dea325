"""WP1's lists exported (peersessions/exports.py): each file holds the rows its page shows to the
same person for the same filters, in columns a coordinator reporting to the funder can read."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from netw.exports import registry, services
from netw.exports.models import Export
from netw.workflow import Status
from peersessions.models import Participant, Session, Topic
from tests.peersessions.courses.factories import CourseFactory, EnrolmentFactory
from tests.peersessions.factories import (
    FeedbackFactory,
    FollowUpActionFactory,
    ParticipantFactory,
    SessionFactory,
)

SESSION_LISTS = ["sessions", "session_attendance", "session_feedback", "session_actions"]
LOGGED_IN = ["member_a", "member_b", "lead", "coordinator"]
FILTERS = [{}, {"format": ["in_person"]}, {"when": ["past"]}, {"topic": ["best-practices"]},
           {"partner": ["IGNORED"]}, {"q": ["Budget"]}]


def _rows(name, user, filters=None):
    entry = registry.get(name)
    headers = entry.headers()
    return [dict(zip(headers, row, strict=True)) for row in entry.rows(user, filters or {})]


@pytest.fixture
def world(partners, owner, colleague, outsider, lead):
    """Partner A's held public session (people, feedback, actions), its draft, its in-person
    session on best practices, and partner B's held session."""
    now = timezone.now()
    start = (now - timedelta(days=10)).replace(minute=0, second=0, microsecond=0)
    held = SessionFactory(title="Held at A", owner_partner=partners["a3s"], is_public=True,
                          starts_at=start, ends_at=start + timedelta(hours=2), created_by=owner,
                          minutes="We met.")
    held.facilitators.add(colleague)
    held.invited_partners.add(partners["idc-serbia"])
    ParticipantFactory(session=held, user=outsider, via_partner=partners["idc-serbia"],
                       rsvp=Participant.Rsvp.ATTENDING, attended=True)
    ParticipantFactory(session=held, user=lead, rsvp=Participant.Rsvp.DECLINED, attended=False)
    FeedbackFactory(session=held, user=outsider, usefulness=5, comment="Very concrete.")
    FeedbackFactory(session=held, user=lead, usefulness=2, comment="")
    FollowUpActionFactory(session=held, owner=outsider, description="Send the survey")
    gone = FollowUpActionFactory(session=held, owner=owner, description="Deleted one")
    gone.deleted_at = now
    gone.save()
    draft = SessionFactory(title="Draft of A", owner_partner=partners["a3s"],
                           status=Session.Status.DRAFT, agenda="Budget lines")
    FollowUpActionFactory(session=draft, owner=owner, description="Private follow-up")
    in_person = SessionFactory(title="Budget workshop", owner_partner=partners["a3s"],
                               format=Session.Format.IN_PERSON,
                               topic=Topic.objects.get(slug="best-practices"))
    b_start = start - timedelta(days=5)
    at_b = SessionFactory(title="Held at B", owner_partner=partners["idc-serbia"],
                          starts_at=b_start, ends_at=b_start + timedelta(hours=1),
                          timezone="Europe/Belgrade")
    ParticipantFactory(session=at_b, user=owner, rsvp=Participant.Rsvp.ATTENDING, attended=True)
    FeedbackFactory(session=at_b, user=owner, usefulness=3, comment="Good.")
    return {"held": held, "draft": draft, "in_person": in_person, "at_b": at_b}


def _page_sessions(client, user, filters):
    client.force_login(user)
    response = client.get(reverse("peersessions:session_list"), filters)
    assert response.status_code == 200
    return list(response.context["page_obj"].object_list)


def _fix_partner(filters, partners):
    if filters.get("partner") == ["IGNORED"]:
        return {"partner": [str(partners["idc-serbia"].pk)]}
    return filters


@pytest.mark.parametrize("filters", FILTERS)
def test_the_sessions_file_holds_the_sessions_the_list_shows(client, world, personas, partners,
                                                            filters):
    filters = _fix_partner(filters, partners)
    for persona in LOGGED_IN:
        user = personas[persona]
        shown = [s.title for s in _page_sessions(client, user, filters)]
        exported = [row["Session"] for row in _rows("sessions", user, filters)]
        assert exported == shown, (persona, filters)


def test_member_b_does_not_get_a_draft_of_partner_a_in_any_list(world, owner, outsider):
    for name in SESSION_LISTS:
        sessions_of_b = {row["Session"] for row in _rows(name, outsider)}
        assert "Draft of A" not in sessions_of_b, name
    assert "Draft of A" in {row["Session"] for row in _rows("sessions", owner)}
    assert "Private follow-up" in {row["Action"] for row in _rows("session_actions", owner)}


@pytest.mark.parametrize("name", [*SESSION_LISTS, "courses"])
def test_visitors_and_learners_may_not_export_wp1_lists(client, world, mooc_learner, name):
    from django.contrib.auth.models import AnonymousUser

    entry = registry.get(name)
    assert not entry.can_export(AnonymousUser())
    assert not entry.can_export(mooc_learner)
    client.force_login(mooc_learner)
    response = client.post(reverse("exports:request"), {"list": name, "format": "csv"})
    assert response.status_code == 403
    assert not Export.objects.exists()


def test_the_session_columns_hold_the_figures_a_report_needs(world, owner, outsider,
                                                            colleague):
    held = {row["Session"]: row for row in _rows("sessions", owner)}["Held at A"]
    assert held["Host partner"] == "A3S"
    assert held["Format"] == "Online" and held["Status"] == "Scheduled"
    assert held["Held"] == "yes" and held["Public"] == "yes"
    assert held["Time zone"] == "Europe/Brussels"
    # On the session's own clock, with its offset.
    local = timezone.localtime(world["held"].starts_at, world["held"].zone)
    assert held["Starts at (local time)"] == local.isoformat()
    assert held["Starts at (local time)"][-6:] in ("+01:00", "+02:00")
    assert held["Facilitators"] == str(colleague)
    assert held["Invited partners"] == world["at_b"].owner_partner.short_name
    assert (held["Invited people"], held["Answered attending"], held["Attended"]) == (2, 1, 1)
    assert (held["Feedback answers"], held["Average usefulness (1–5)"]) == (2, 3.5)
    assert held["Minutes"] == "yes" and held["Agenda"] == "yes"
    assert held["Follow-up actions"] == 1  # the deleted one is not counted
    assert held["Page"].endswith(reverse("peersessions:session_detail",
                                         args=[world["held"].pk]))
    # Member B sees partner A's session on the list, not its attendance nor its feedback.
    seen_by_b = {row["Session"]: row for row in _rows("sessions", outsider)}["Held at A"]
    assert (seen_by_b["Invited people"], seen_by_b["Answered attending"]) == (2, 1)
    assert seen_by_b["Attended"] is None and seen_by_b["Feedback answers"] is None
    assert seen_by_b["Average usefulness (1–5)"] == ""
    at_b = {row["Session"]: row for row in _rows("sessions", outsider)}["Held at B"]
    assert at_b["Attended"] == 1 and at_b["Average usefulness (1–5)"] == 3.0


def _detail(client, user, session):
    client.force_login(user)
    return client.get(reverse("peersessions:session_detail", args=[session.pk])).context


@pytest.mark.parametrize("persona", LOGGED_IN)
def test_attendance_holds_the_people_each_session_page_shows(client, world, personas, persona):
    user = personas[persona]
    expected = set()
    for session in Session.objects.visible_to(user):
        participants = _detail(client, user, session)["participants"]
        for p in participants or []:
            expected.add((session.title, str(p.user), p.get_rsvp_display(),
                          {None: "", True: "yes", False: "no"}[p.attended]))
    exported = {(r["Session"], r["Person"], r["Answer"], r["Attended"])
                for r in _rows("session_attendance", user)}
    assert exported == expected
    if persona == "member_b":  # invited to A's session, yet not shown who else came
        assert {r[0] for r in exported} == {"Held at B"}


@pytest.mark.parametrize("persona", LOGGED_IN)
def test_feedback_holds_what_each_session_page_shows(client, world, personas, persona):
    user = personas[persona]
    expected = set()
    for session in Session.objects.visible_to(user):
        context = _detail(client, user, session)
        for item in context["feedback_list"] or []:
            # The page names a person next to their comment only.
            expected.add((session.title, item.usefulness, item.comment,
                          str(item.user) if item.comment else ""))
    exported = {(r["Session"], r["Usefulness (1–5)"], r["Comment"], r["Person"])
                for r in _rows("session_feedback", user)}
    assert exported == expected


def test_a_rating_without_a_comment_stays_anonymous(world, owner, outsider):
    rows = {r["Usefulness (1–5)"]: r for r in _rows("session_feedback", owner)}
    assert rows[2]["Person"] == ""  # the lead's rating alone
    assert (rows[5]["Person"], rows[5]["Comment"]) == (str(outsider), "Very concrete.")


@pytest.mark.parametrize("persona", LOGGED_IN)
def test_actions_hold_each_session_pages_actions_without_the_deleted(client, world, personas,
                                                                    persona):
    user = personas[persona]
    expected = set()
    for session in Session.objects.visible_to(user):
        if user.has_perm("peersessions.view_session_details", session):
            expected |= {(session.title, a.description, str(a.owner), a.due_on)
                         for a in session.actions.all()}
    rows = _rows("session_actions", user)
    assert {(r["Session"], r["Action"], r["Owner"], r["Due on"]) for r in rows} == expected
    assert "Deleted one" not in {r["Action"] for r in rows}


def test_an_action_s_status_reads_open_overdue_or_done(world, owner):
    action = world["held"].actions.get()
    assert {r["Action"]: r["Status"] for r in _rows("session_actions", owner)}[
        "Send the survey"] == "Open"
    action.due_on = timezone.localdate() - timedelta(days=1)
    action.save()
    assert {r["Action"]: r["Status"] for r in _rows("session_actions", owner)}[
        "Send the survey"] == "Overdue"
    action.done_at = timezone.now()
    action.save()
    row = {r["Action"]: r for r in _rows("session_actions", owner)}["Send the survey"]
    assert row["Status"] == "Done" and row["Done at"]


def test_the_lists_filters_narrow_attendance_feedback_and_actions(world, coordinator,
                                                                 partners):
    only_b = {"partner": [str(partners["idc-serbia"].pk)]}
    assert {r["Session"] for r in _rows("session_attendance", coordinator, only_b)} == {
        "Held at B"}
    assert {r["Session"] for r in _rows("session_feedback", coordinator, only_b)} == {
        "Held at B"}
    assert _rows("session_actions", coordinator, only_b) == []


def test_my_exports_describe_the_filters_in_the_pages_words(world, owner, partners):
    filters = {"format": ["in_person"], "topic": ["best-practices"], "when": ["past"],
               "partner": [str(partners["a3s"].pk)]}
    for name in SESSION_LISTS:
        described = dict(registry.describe_filters(registry.get(name), owner, filters))
        assert described["Format"] == "In person"
        assert described["Topic"] == "Best practices"
        assert described["When"] == "Held"
        assert described["Host partner"] == str(partners["a3s"])


def test_a_sessions_file_is_written_through_the_exporter(client, world, owner,
                                                         django_capture_on_commit_callbacks):
    client.force_login(owner)
    for list_name, fmt in (("sessions", "csv"), ("session_attendance", "xlsx"),
                           ("session_feedback", "csv"), ("session_actions", "xlsx")):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("exports:request"),
                                   {"list": list_name, "format": fmt,
                                    "filters": "format=online"})
        assert response.status_code == 302
    exports = {e.list_name: e for e in Export.objects.all()}
    assert {e.status for e in exports.values()} == {"done"}
    text = services.file_path(exports["sessions"].file_name).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["Session", "Topic", "Format"]
    assert {r[0] for r in rows[1:]} == {"Held at A", "Draft of A", "Held at B"}
    assert exports["sessions"].described_filters() == [("Format", "Online")]
    assert exports["sessions"].download_filename().startswith("net-works-sessions-online-")


def test_the_session_list_carries_the_export_buttons_with_its_filters(client, world, owner,
                                                                    mooc_learner):
    url = reverse("peersessions:session_list") + "?format=online"
    assert "Export as" not in client.get(url).text
    client.force_login(mooc_learner)
    assert "Export as" not in client.get(url).text
    client.force_login(owner)
    page = client.get(url).text
    for name in SESSION_LISTS:
        assert f'name="list" value="{name}"' in page
    assert 'name="filters" value="format=online"' in page
    # The page's filters are shown, so the person sees what the export will hold.
    assert 'name="format"' in page and 'id="id_topic"' in page


# --- The MOOC's courses overview ------------------------------------------------------------


@pytest.fixture
def courses(partners):
    published = CourseFactory(title="Published course", status=Status.PUBLISHED,
                              published_at=timezone.now())
    EnrolmentFactory(course=published, completed_at=timezone.now())
    EnrolmentFactory(course=published)
    draft = CourseFactory(title="Draft of B", owner_partner=partners["idc-serbia"])
    return {"published": published, "draft": draft}


@pytest.mark.parametrize("persona", ["lead", "coordinator"])
def test_the_courses_file_holds_the_overview_s_rows(client, courses, personas, persona):
    user = personas[persona]
    client.force_login(user)
    response = client.get(reverse("peersessions:course_overview"))
    assert 'name="list" value="courses"' in response.text
    shown = [(c.title, c.owner_partner.short_name, c.enrolled, c.completed)
             for c in response.context["page_obj"]]
    rows = _rows("courses", user)
    assert [(r["Course"], r["Partner"], r["Enrolments"], r["Completions"])
            for r in rows] == shown
    published = {r["Course"]: r for r in rows}["Published course"]
    assert (published["Status"], published["Enrolments"], published["Completions"]) == (
        "Published", 2, 1)


def test_members_may_not_export_the_courses_overview(client, courses, owner, outsider):
    for user in (owner, outsider):
        assert not registry.get("courses").can_export(user)
        client.force_login(user)
        assert client.post(reverse("exports:request"),
                           {"list": "courses", "format": "csv"}).status_code == 403
