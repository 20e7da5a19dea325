"""Correcting and deleting a session's follow-up actions, and the minutes written in Markdown.

An action's due date may not be before its session; a wrong date can be corrected by the people
responsible for the action; a deleted action leaves the lists and the reminders but stays in its
history and can be restored. Minutes render as Markdown and wait for the session to start.
"""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from netw import actions as netw_actions
from netw import tasks as netw_tasks
from netw.notifications.models import Notification
from peersessions.forms import ActionForm, MinutesForm
from peersessions.models import FollowUpAction
from tests.peersessions.factories import FollowUpActionFactory, SessionFactory

pytestmark = pytest.mark.django_db
BRUSSELS = ZoneInfo("Europe/Brussels")


def _edit_data(action, **changes) -> dict:
    data = {"description": action.description, "owner": action.owner_id,
            "due_on": action.due_on.isoformat()}
    if action.done_at:
        data["done"] = "on"
    return {**data, **changes}


# --- The due date -------------------------------------------------------------------------------


def test_a_due_date_before_the_session_is_refused_next_to_the_field(client, past_session, owner):
    client.force_login(owner)
    url = reverse("peersessions:session_actions", args=[past_session.pk])
    response = client.post(url, {"description": "Send the survey", "owner": owner.pk,
                                 "due_on": "2020-01-01"})
    assert response.status_code == 200
    assert not FollowUpAction.objects.exists()
    form = response.context["form"]
    session_day = past_session.local_starts_at.date()
    # In the reader's date format (English: "1 Dec 2026"), next to the field.
    assert form.errors["due_on"] == [
        f"The due date cannot be before the session ({session_day:%-d %b %Y})."]
    assert 'id="id_due_on_error"' in response.content.decode() or \
        "id_due_on" in response.content.decode()


def test_the_session_day_itself_is_a_valid_due_date(past_session, owner):
    form = ActionForm({"description": "Write it up", "owner": owner.pk,
                       "due_on": past_session.local_starts_at.date().isoformat()},
                      session=past_session)
    assert form.is_valid(), form.errors


def test_correcting_a_past_due_date_means_the_action_is_no_longer_overdue(
        client, past_session, owner):
    action = FollowUpActionFactory(session=past_session, owner=owner, created_by=owner,
                                   due_on=past_session.local_starts_at.date())
    assert action.is_overdue
    client.force_login(owner)
    later = timezone.localdate() + timedelta(days=7)
    response = client.post(reverse("peersessions:action_update", args=[action.pk]),
                           _edit_data(action, due_on=later.isoformat()))
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.due_on == later and not action.is_overdue
    assert not any(row.overdue for row in netw_actions.actions_of(owner))
    assert action.history.count() == 2  # the edit is kept, the first date too
    assert action.history.earliest().due_on == past_session.local_starts_at.date()


def test_an_edit_also_refuses_a_due_date_before_the_session(client, past_session, owner):
    action = FollowUpActionFactory(session=past_session, owner=owner)
    client.force_login(owner)
    response = client.post(reverse("peersessions:action_update", args=[action.pk]),
                           _edit_data(action, due_on="2020-01-01"))
    assert response.status_code == 200 and "due_on" in response.context["form"].errors


def test_an_edit_changes_the_description_owner_and_status(client, past_session, owner,
                                                          colleague):
    action = FollowUpActionFactory(session=past_session, owner=owner)
    client.force_login(owner)
    client.post(reverse("peersessions:action_update", args=[action.pk]),
                _edit_data(action, description="Share the slides", owner=colleague.pk,
                           done="on"))
    action.refresh_from_db()
    assert (action.description, action.owner, action.done_at is not None) == (
        "Share the slides", colleague, True)


def test_the_owner_can_only_be_someone_who_can_be_named(client, past_session, owner,
                                                         django_user_model):
    stranger = django_user_model.objects.create_user(email="stranger@example.org", password="x")
    action = FollowUpActionFactory(session=past_session, owner=owner)
    client.force_login(owner)
    response = client.post(reverse("peersessions:action_update", args=[action.pk]),
                           _edit_data(action, owner=stranger.pk))
    assert response.status_code == 200 and "owner" in response.context["form"].errors


# --- Who may edit and delete --------------------------------------------------------------------


@pytest.mark.parametrize("who, status", [
    ("author", 200), ("action_owner", 200), ("coordinator", 200), ("colleague", 200),
    ("outsider", 403)])
def test_who_may_edit_an_action(client, past_session, owner, colleague, outsider, coordinator,
                                django_user_model, partners, who, status):
    from tests.factories import MembershipFactory  # noqa: PLC0415 - only this test needs it

    # The author and the owner are members of a third partner, invited to the session: only
    # their part in the action lets them change it.
    author = django_user_model.objects.create_user(email="author@ex.org", password="x")
    action_owner = django_user_model.objects.create_user(email="doer@ex.org", password="x")
    for person in (author, action_owner):
        MembershipFactory(user=person, partner=partners["aff"])
        past_session.participants.create(user=person)
    action = FollowUpActionFactory(session=past_session, owner=action_owner, created_by=author)
    people = {"author": author, "action_owner": action_owner, "coordinator": coordinator,
              "colleague": colleague, "outsider": outsider}
    client.force_login(people[who])
    for name in ("peersessions:action_update", "peersessions:action_delete"):
        assert client.get(reverse(name, args=[action.pk])).status_code == status, name


def test_member_b_cannot_edit_or_delete(client, past_session, outsider, owner):
    action = FollowUpActionFactory(session=past_session, owner=owner)
    client.force_login(outsider)  # invited to the session: sees it, may not change its actions
    update = client.post(reverse("peersessions:action_update", args=[action.pk]),
                         _edit_data(action, due_on="2030-01-01"))
    delete = client.post(reverse("peersessions:action_delete", args=[action.pk]))
    assert (update.status_code, delete.status_code) == (403, 403)
    action.refresh_from_db()
    assert action.due_on != date(2030, 1, 1) and not action.is_deleted


def test_actions_of_a_session_someone_may_not_see_are_not_found(client, partners, owner,
                                                                outsider):
    draft = SessionFactory(owner_partner=partners["a3s"], created_by=owner, status="draft")
    action = FollowUpActionFactory(session=draft, owner=owner)
    client.force_login(outsider)
    assert client.get(reverse("peersessions:action_update",
                              args=[action.pk])).status_code == 404


# --- Deleting and restoring ---------------------------------------------------------------------


def test_deleting_asks_first_and_deletes_only_by_post(client, past_session, owner):
    action = FollowUpActionFactory(session=past_session, owner=owner)
    client.force_login(owner)
    url = reverse("peersessions:action_delete", args=[action.pk])
    page = client.get(url)
    assert page.status_code == 200 and b'method="post"' in page.content
    assert FollowUpAction.objects.filter(pk=action.pk).exists()


def test_a_deleted_action_leaves_lists_and_my_actions_but_stays_in_history(
        client, past_session, owner):
    action = FollowUpActionFactory(session=past_session, owner=owner,
                                   description="Translate the guide")
    client.force_login(owner)
    response = client.post(reverse("peersessions:action_delete", args=[action.pk]))
    assert response.status_code == 302
    assert not FollowUpAction.objects.filter(pk=action.pk).exists()
    kept = FollowUpAction.all_objects.get(pk=action.pk)
    assert kept.deleted_by == owner and kept.history.latest().deleted_at is not None
    assert "Translate the guide" not in client.get(past_session.get_absolute_url()).content.decode()
    assert "Translate the guide" not in client.get(reverse("netw:my_actions")).content.decode()
    assert netw_actions.actions_of(owner) == []
    # No longer found by its pages either.
    assert client.get(reverse("peersessions:action_update", args=[action.pk])).status_code == 404


def test_a_deleted_action_can_be_restored_from_the_sessions_actions(client, past_session, owner,
                                                                    outsider):
    action = FollowUpActionFactory(session=past_session, owner=owner,
                                   description="Translate the guide")
    client.force_login(owner)
    client.post(reverse("peersessions:action_delete", args=[action.pk]))
    page = client.get(reverse("peersessions:session_actions", args=[past_session.pk]))
    assert "Deleted follow-up actions" in page.content.decode()
    restore = reverse("peersessions:action_restore", args=[action.pk])
    client.force_login(outsider)
    assert client.post(restore).status_code == 403
    client.force_login(owner)
    assert client.post(restore).status_code == 302
    assert FollowUpAction.objects.filter(pk=action.pk).exists()
    assert [h.history_type for h in action.history.order_by("history_date")] == ["+", "~", "~"]


# --- Reminders ----------------------------------------------------------------------------------

START = datetime(2026, 6, 10, 10, tzinfo=BRUSSELS)


@pytest.fixture
def june_session(partners, owner):
    return SessionFactory(owner_partner=partners["a3s"], created_by=owner, starts_at=START,
                          ends_at=START + timedelta(hours=2))


def _queue_reminders(capture):
    with capture(execute=True):
        netw_tasks.queue_action_reminders.delay()


def test_a_deleted_action_is_never_reminded(june_session, owner,
                                            django_capture_on_commit_callbacks):
    from peersessions import services

    action = FollowUpActionFactory(session=june_session, owner=owner, due_on=date(2026, 7, 1))
    services.action_delete(action=action, by=owner)
    for day in (1, 2, 9):
        with time_machine.travel(datetime(2026, 7, day, 8, tzinfo=BRUSSELS), tick=False):
            _queue_reminders(django_capture_on_commit_callbacks)
    assert not Notification.objects.exists()


def test_a_date_corrected_into_the_future_stops_the_overdue_reminders_and_is_due_again(
        client, june_session, owner, django_capture_on_commit_callbacks):
    action = FollowUpActionFactory(session=june_session, owner=owner, due_on=date(2026, 7, 1))
    with time_machine.travel(datetime(2026, 7, 1, 8, tzinfo=BRUSSELS), tick=False):
        _queue_reminders(django_capture_on_commit_callbacks)  # due today
    with time_machine.travel(datetime(2026, 7, 2, 8, tzinfo=BRUSSELS), tick=False):
        _queue_reminders(django_capture_on_commit_callbacks)  # overdue
        client.force_login(owner)
        response = client.post(reverse("peersessions:action_update", args=[action.pk]),
                               _edit_data(action, due_on="2026-07-20"))
        assert response.status_code == 302
    for day in (9, 10, 16):
        with time_machine.travel(datetime(2026, 7, day, 8, tzinfo=BRUSSELS), tick=False):
            _queue_reminders(django_capture_on_commit_callbacks)
    kinds = list(Notification.objects.order_by("pk").values_list("kind", flat=True))
    assert kinds == ["action_due", "action_overdue"]  # no overdue reminder after the correction
    with time_machine.travel(datetime(2026, 7, 20, 8, tzinfo=BRUSSELS), tick=False):
        _queue_reminders(django_capture_on_commit_callbacks)
    kinds = list(Notification.objects.order_by("pk").values_list("kind", flat=True))
    assert kinds == ["action_due", "action_overdue", "action_due"]  # due on the new date


# --- Minutes ------------------------------------------------------------------------------------


def test_minutes_render_markdown_and_scripts_are_sanitised(client, past_session, owner):
    client.force_login(owner)
    client.post(reverse("peersessions:session_minutes", args=[past_session.pk]),
                {"minutes": "**Decisions**\n\n- one\n\n<script>alert(1)</script>"})
    page = client.get(past_session.get_absolute_url()).content.decode()
    assert "<strong>Decisions</strong>" in page and "<li>one</li>" in page
    assert "**Decisions**" not in page
    assert "<script>alert(1)" not in page


def test_the_minutes_page_shows_the_markdown_hint(client, past_session, owner):
    client.force_login(owner)
    page = client.get(reverse("peersessions:session_minutes", args=[past_session.pk]))
    assert "Long texts accept Markdown: **bold**" in page.content.decode()


def test_minutes_are_refused_before_the_session_starts(client, session, owner):
    client.force_login(owner)
    assert "Write the minutes" not in client.get(session.get_absolute_url()).content.decode()
    url = reverse("peersessions:session_minutes", args=[session.pk])
    page = client.get(url).content.decode()
    assert "has not started yet" in page and 'name="minutes"' not in page
    client.post(url, {"minutes": "Written ahead"})
    session.refresh_from_db()
    assert session.minutes == ""
    form = MinutesForm({"minutes": "Written ahead"}, instance=session)
    assert not form.is_valid()
    assert form.errors["minutes"][0].startswith(
        "Minutes can only be written once the session has started")


def test_the_session_page_offers_editing_to_those_who_may_edit_only(client, past_session, owner,
                                                                     outsider):
    action = FollowUpActionFactory(session=past_session, owner=owner)
    edit = reverse("peersessions:action_update", args=[action.pk])
    client.force_login(owner)
    assert edit in client.get(past_session.get_absolute_url()).content.decode()
    assert edit in client.get(reverse("peersessions:session_actions",
                                      args=[past_session.pk])).content.decode()
    client.force_login(outsider)
    assert edit not in client.get(past_session.get_absolute_url()).content.decode()


def test_a_refused_edit_still_names_the_action_as_saved(client, past_session, owner):
    action = FollowUpActionFactory(session=past_session, owner=owner, description="Send slides")
    client.force_login(owner)
    response = client.post(reverse("peersessions:action_update", args=[action.pk]),
                           _edit_data(action, description="Renamed", due_on="2020-01-01"))
    assert "Edit the action “Send slides”" in response.content.decode()
    action.refresh_from_db()
    assert action.description == "Send slides"
