"""WP1 in Chromium: a member plans a session and invites a partner; the invitee answers; the host
sees the answer; the calendar and the feed show it; after the session the invitee gives feedback
and a WP1 lead reads the summary."""

import re
from datetime import timedelta

import icalendar
import pytest
from django.core import mail
from django.utils import timezone

from netw.roles import Role
from netw.topics import seed_topics
from peersessions.models import Participant, Session, Topic
from tests.e2e.conftest import login
from tests.factories import DEFAULT_PASSWORD, MembershipFactory, UserFactory
from tests.peersessions.factories import ParticipantFactory, SessionFactory


@pytest.fixture(autouse=True)
def _topics(transactional_db):
    seed_topics(Topic)  # the live server's tests flush the rows the migration made


def _person(partner, email, role=Role.MEMBER):
    return MembershipFactory(partner=partner, role=role,
                             user=UserFactory(email=email, first_name=email.split("@")[0])).user


def test_a_session_from_planning_to_feedback(page, partners, screenshot):
    host = _person(partners["a3s"], "host@a3s.example.org")
    guest = _person(partners["idc-serbia"], "guest@idc.example.org")
    lead = _person(partners["aff"], "lead@aff.example.org", Role.WP_LEAD)

    login(page, host.email, DEFAULT_PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Sessions").click()
    page.get_by_role("link", name="Plan a session").click()
    page.get_by_label("Title").fill("Advocacy with ministries")
    page.get_by_label("Topic").select_option(label="Advocacy and communication")
    start = timezone.localtime() + timedelta(days=3)
    page.get_by_label("Starts at").fill(start.strftime("%Y-%m-%dT10:00"))
    page.get_by_label("Ends at").fill(start.strftime("%Y-%m-%dT09:00"))  # before the start
    page.get_by_label("Meeting link").fill("https://meet.example.org/advocacy")
    page.get_by_label("IDC Serbia").check()
    page.get_by_role("button", name="Save and send invitations").click()
    # Next to the field, and again in the error summary at the top of the form.
    page.locator(".errorlist").get_by_text("The session must end after it starts.").wait_for()
    assert page.locator("[data-error-summary]").get_by_text(
        "The session must end after it starts.").is_visible()
    screenshot(page, "peersessions-form-errors")
    page.get_by_label("Ends at").fill(start.strftime("%Y-%m-%dT12:00"))
    page.get_by_role("button", name="Save and send invitations").click()
    page.get_by_text("scheduled and the invitations sent").wait_for()
    screenshot(page, "peersessions-session-host")

    session = Session.objects.get(title="Advocacy with ministries")
    assert session.status == Session.Status.SCHEDULED
    invitation = next(m for m in mail.outbox if m.to == [guest.email])
    cal = icalendar.Calendar.from_ical(invitation.attachments[0][1])
    assert cal.walk("VEVENT")[0]["DTSTART"].dt.hour == 10

    page.get_by_role("button", name="Log out").first.click()
    login(page, guest.email, DEFAULT_PASSWORD)
    page.goto(session.get_absolute_url())
    page.get_by_role("button", name="I will attend").click()
    page.get_by_text("your answer was recorded").wait_for()
    assert Participant.objects.get(session=session, user=guest).rsvp == "attending"
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Calendar").click()
    page.get_by_role("link", name="List").click()
    page.get_by_role("link", name="Advocacy with ministries").wait_for()
    screenshot(page, "peersessions-calendar-list-guest")
    # The calendar's own feed ("Subscribe"), not the public events' Atom link beside it.
    page.get_by_role("link", name="Subscribe", exact=True).click()
    feed_url = page.get_by_label("Feed address").input_value()
    feed = page.request.get(feed_url)
    assert feed.ok and "Advocacy with ministries" in feed.text()

    page.get_by_role("button", name="Log out").first.click()
    login(page, host.email, DEFAULT_PASSWORD)
    page.goto(session.get_absolute_url())
    table = page.get_by_role("table", name=re.compile("answers and attendance"))
    assert "Attending" in table.inner_text()

    # After a session: the invitee gives feedback, the WP1 lead reads it.
    start = timezone.now() - timedelta(days=1)
    held = SessionFactory(owner_partner=partners["a3s"], title="Held last week",
                          starts_at=start, ends_at=start + timedelta(hours=2))
    ParticipantFactory(session=held, user=guest)
    page.get_by_role("button", name="Log out").first.click()
    login(page, guest.email, DEFAULT_PASSWORD)
    page.goto(held.get_absolute_url())
    page.get_by_role("link", name="Give feedback on this session").click()
    page.get_by_label("How useful was the session?").select_option("4")
    page.get_by_label("Comment").fill("Concrete and well prepared.")
    page.get_by_role("button", name="Send feedback").click()
    page.get_by_text("Thank you for your feedback.").wait_for()
    page.get_by_role("button", name="Log out").first.click()
    login(page, lead.email, DEFAULT_PASSWORD)
    page.goto(held.get_absolute_url())
    page.get_by_text("Average usefulness 4.0 out of 5").wait_for()
    screenshot(page, "peersessions-feedback-lead")


def test_month_view_is_a_table_that_keyboard_users_can_leave(page, partners, screenshot):
    start = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
    SessionFactory(title="Public webinar", is_public=True, starts_at=start,
                   ends_at=start + timedelta(hours=1))
    page.goto("/calendar/")
    grid = page.get_by_role("table")
    assert grid.get_by_role("columnheader").count() == 7
    grid.get_by_role("link", name=re.compile("Public webinar")).click()
    page.get_by_role("heading", name="Public webinar").wait_for()
    page.go_back()
    page.get_by_role("link", name="Next month").click()
    assert "month=" in page.url
    screenshot(page, "peersessions-calendar-visitor")


def test_an_actions_due_date_is_corrected_with_the_keyboard(page, partners, screenshot):
    from peersessions.models import FollowUpAction
    from tests.peersessions.factories import FollowUpActionFactory

    host = _person(partners["a3s"], "host@a3s.example.org")
    start = timezone.now() - timedelta(days=3)
    held = SessionFactory(owner_partner=partners["a3s"], title="Held last week",
                          starts_at=start, ends_at=start + timedelta(hours=2))
    action = FollowUpActionFactory(session=held, owner=host, description="Send the survey",
                                   due_on=held.local_starts_at.date())
    login(page, host.email, DEFAULT_PASSWORD)
    page.goto(held.get_absolute_url())
    from django.urls import reverse

    page.locator(f'a[href="{reverse("peersessions:action_update", args=[action.pk])}"]').focus()
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Edit the action “Send the survey”").wait_for()
    due = page.get_by_label("Due on")
    due.focus()  # the day, then the month and the year (en-GB): typed, not picked
    page.keyboard.type("01012020")
    page.keyboard.press("Enter")
    page.locator(".errorlist").get_by_text("The due date cannot be before the session").wait_for()
    screenshot(page, "peersessions-action-date-error")
    # Day and month alike: typed the same whether the browser's field reads dd/mm or mm/dd.
    later = timezone.localdate().replace(year=timezone.localdate().year + 1, month=3, day=3)
    page.get_by_label("Due on").focus()
    for _ in range(2):  # back to the day, wherever the focus landed in the field
        page.keyboard.press("ArrowLeft")
    page.keyboard.type(later.strftime("%d%m%Y"))
    assert page.get_by_label("Due on").input_value() == later.isoformat()
    page.keyboard.press("Enter")
    page.get_by_text("The follow-up action was saved.").wait_for()
    action = FollowUpAction.objects.get(pk=action.pk)
    assert action.due_on == later and not action.is_overdue
