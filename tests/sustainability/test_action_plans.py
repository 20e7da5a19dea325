"""The long-term action plans: who reads and writes them, the actions' bad input, recoverable
deletes, marking done, the one overdue reminder, the export and the demo."""

import io
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from netw import tasks as netw_tasks
from netw.notifications.models import Notification
from providers.models import Network
from sustainability import demo
from sustainability.models import ActionPlan, PlanAction
from tests.factories import MembershipFactory, UserFactory
from tests.sustainability.factories import ActionPlanFactory, PlanActionFactory

pytestmark = pytest.mark.django_db
BRUSSELS = ZoneInfo("Europe/Brussels")


@pytest.fixture
def network_a(partner_a):
    return Network.objects.create(name="Rede de teste", level="national", country="PT",
                                  owner_partner=partner_a, representing_partner=partner_a)


@pytest.fixture
def plan(network_a, partner_a):
    return ActionPlanFactory(owner_partner=partner_a, network=network_a,
                             title="Plan of the Portuguese network")


def _action_data(**overrides):
    data = {"description": "Meet the ministry", "owner": "", "partner": "",
            "starts_on": "2030-01-10", "due_on": "2030-03-31", "status": "planned",
            "progress": "0"}
    return {**data, **overrides}


# --- Who reads and who writes --------------------------------------------------------------------


def test_visitors_are_asked_to_log_in_to_read_the_plans(client, plan):
    for name, args in (("actionplan_list", []), ("actionplan_detail", [plan.pk])):
        response = client.get(reverse(f"sustainability:{name}", args=args))
        assert response.status_code == 302 and "/accounts/login/" in response.url


def test_every_partners_staff_reads_every_plan_but_only_its_partner_writes_it(
        client, plan, outsider):
    PlanActionFactory(plan=plan, description="Share the park maintenance practice")
    client.force_login(outsider)
    page = client.get(plan.get_absolute_url()).content.decode()
    assert "Share the park maintenance practice" in page
    assert reverse("sustainability:actionplan_edit", args=[plan.pk]) not in page
    assert client.get(reverse("sustainability:actionplan_edit", args=[plan.pk])
                      ).status_code == 403
    response = client.post(reverse("sustainability:planaction_create", args=[plan.pk]),
                           _action_data())
    assert response.status_code == 403
    assert not PlanAction.objects.filter(description="Meet the ministry").exists()


def test_a_learner_without_a_partner_sees_no_plan(client, plan):
    learner = UserFactory(email="learner@example.org")
    client.force_login(learner)
    assert client.get(reverse("sustainability:actionplan_list")).status_code == 403
    assert client.get(plan.get_absolute_url()).status_code == 404


def test_a_member_writes_the_plan_of_the_network_their_partner_represents(
        client, owner, network_a, partner_a):
    client.force_login(owner)
    response = client.post(reverse("sustainability:actionplan_create"),
                           {"title": "Our network's plan", "network": network_a.pk,
                            "owner_partner": partner_a.pk})
    plan = ActionPlan.objects.get(title="Our network's plan")
    assert response.status_code == 302 and response.url == plan.get_absolute_url()
    assert plan.owner_partner == partner_a and plan.created_by == owner
    response = client.post(reverse("sustainability:planaction_create", args=[plan.pk]),
                           _action_data(owner=owner.pk))
    assert response.status_code == 302
    assert plan.actions.get().owner == owner


def test_a_member_cannot_write_the_plan_of_a_network_another_partner_represents(
        client, outsider, network_a, partner_b):
    client.force_login(outsider)
    response = client.post(reverse("sustainability:actionplan_create"),
                           {"title": "Not ours", "network": network_a.pk,
                            "owner_partner": partner_b.pk})
    assert response.status_code == 200
    assert "its plan is theirs to write" in response.context["form"].errors["network"][0]
    assert not ActionPlan.objects.exists()


def test_a_network_with_a_plan_is_not_offered_again_and_a_partner_keeps_one_plan_of_its_own(
        client, owner, plan, partner_a):
    client.force_login(owner)
    form = client.get(reverse("sustainability:actionplan_create")).context["form"]
    assert plan.network not in form.fields["network"].queryset
    ActionPlanFactory(owner_partner=partner_a, title="A3S's own plan")
    response = client.post(reverse("sustainability:actionplan_create"),
                           {"title": "A second own plan", "owner_partner": partner_a.pk})
    assert "already has a plan without a network" in response.context["form"].errors[
        "network"][0]


def test_the_wp3_lead_and_the_coordinator_write_any_partners_plan(
        client, plan, wp3_lead, coordinator, network_a):
    for person in (wp3_lead, coordinator):
        client.force_login(person)
        response = client.post(reverse("sustainability:planaction_create", args=[plan.pk]),
                               _action_data(description=f"Action by {person.email}",
                                            partner=plan.owner_partner_id))
        assert response.status_code == 302, person
    assert plan.actions.count() == 2
    # The WP3 lead starts a network's plan for the partner that represents it.
    network_a.wp3_action_plan.delete()
    client.force_login(wp3_lead)
    client.post(reverse("sustainability:actionplan_create"),
                {"title": "Started by the WP3 lead", "network": network_a.pk,
                 "owner_partner": wp3_lead.memberships.get().partner_id})
    assert ActionPlan.objects.get(network=network_a).owner_partner == network_a.representing_partner


def test_a_wp1_lead_is_like_any_other_partners_member(client, plan, lead):
    client.force_login(lead)
    assert client.get(plan.get_absolute_url()).status_code == 200
    assert client.get(reverse("sustainability:actionplan_edit", args=[plan.pk])
                      ).status_code == 403


# --- Bad input -----------------------------------------------------------------------------------


def test_an_action_due_before_it_starts_is_refused_at_the_due_date(client, owner, plan):
    client.force_login(owner)
    response = client.post(reverse("sustainability:planaction_create", args=[plan.pk]),
                           _action_data(owner=owner.pk, starts_on="2030-05-01",
                                        due_on="2030-04-01"))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["due_on"] and "cannot be due before it starts" in errors["due_on"][0]
    page = response.content.decode()
    assert 'value="Meet the ministry"' in page  # nothing typed is lost
    assert not PlanAction.objects.exists()


@pytest.mark.parametrize("progress", ["101", "-1", "abc"])
def test_progress_outside_0_to_100_is_refused(client, owner, plan, progress):
    client.force_login(owner)
    response = client.post(reverse("sustainability:planaction_create", args=[plan.pk]),
                           _action_data(owner=owner.pk, progress=progress))
    assert list(response.context["form"].errors) == ["progress"]


def test_an_action_needs_an_owner_among_the_partners_active_members(client, owner, plan):
    client.force_login(owner)
    response = client.post(reverse("sustainability:planaction_create", args=[plan.pk]),
                           _action_data())
    assert "Name a person or a partner" in response.context["form"].errors["owner"][0]
    learner = UserFactory(email="learner@example.org")
    gone = MembershipFactory(partner=plan.owner_partner,
                             user=UserFactory(email="gone@a3s.example.org", is_active=False)).user
    form = client.get(reverse("sustainability:planaction_create", args=[plan.pk])
                      ).context["form"]
    people = set(form.fields["owner"].queryset)
    assert owner in people and learner not in people and gone not in people
    for stranger in (learner, gone):
        response = client.post(reverse("sustainability:planaction_create", args=[plan.pk]),
                               _action_data(owner=stranger.pk))
        assert "owner" in response.context["form"].errors
    assert not PlanAction.objects.exists()


def test_editing_another_partners_action_is_refused(client, outsider, plan):
    action = PlanActionFactory(plan=plan)
    client.force_login(outsider)
    url = reverse("sustainability:planaction_edit", args=[action.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, _action_data(partner=plan.owner_partner_id)).status_code == 403
    assert client.post(reverse("sustainability:planaction_delete", args=[action.pk])
                       ).status_code == 403
    action.refresh_from_db()
    assert action.description != "Meet the ministry" and action.deleted_at is None


# --- Deleting, history, marking done -------------------------------------------------------------


def test_a_deleted_action_is_hidden_kept_in_history_and_restored(client, owner, plan):
    action = PlanActionFactory(plan=plan, description="Draft the fee scale")
    client.force_login(owner)
    client.post(reverse("sustainability:planaction_delete", args=[action.pk]))
    assert not PlanAction.objects.filter(pk=action.pk).exists()
    page = client.get(plan.get_absolute_url()).content.decode()
    assert "Deleted actions" in page and "Draft the fee scale" in page
    assert PlanAction.history.filter(id=action.pk, deleted_at__isnull=False,
                                     history_user=owner).exists()
    client.post(reverse("sustainability:planaction_restore", args=[action.pk]))
    assert PlanAction.objects.filter(pk=action.pk).exists()


def test_an_edit_keeps_the_previous_version(client, owner, plan):
    action = PlanActionFactory(plan=plan, description="First wording", progress=10)
    client.force_login(owner)
    client.post(reverse("sustainability:planaction_edit", args=[action.pk]),
                _action_data(description="Second wording", partner=plan.owner_partner_id,
                             progress="40"))
    assert list(PlanAction.history.filter(id=action.pk).order_by("history_date")
                .values_list("description", flat=True)) == ["First wording", "Second wording"]


def test_the_person_owning_an_action_marks_it_done_even_from_another_partner(
        client, outsider, plan):
    action = PlanActionFactory(plan=plan, owner=outsider)
    client.force_login(outsider)
    back = reverse("netw:my_actions")
    response = client.post(reverse("sustainability:planaction_done", args=[action.pk]),
                           {"done": "1", "next": back})
    assert response.status_code == 302 and response.url == back
    action.refresh_from_db()
    assert action.status == "done" and action.done_at is not None and action.progress == 100
    client.post(reverse("sustainability:planaction_done", args=[action.pk]), {"done": "0"})
    action.refresh_from_db()
    assert action.status == "in_progress" and action.done_at is None


def test_a_member_of_another_partner_cannot_mark_a_partners_action_done(client, outsider, plan):
    action = PlanActionFactory(plan=plan)
    client.force_login(outsider)
    assert client.post(reverse("sustainability:planaction_done", args=[action.pk])
                       ).status_code == 403


def test_the_plan_page_says_in_words_which_actions_are_overdue_and_how_far_each_is(
        client, owner, plan):
    PlanActionFactory(plan=plan, description="Late one", progress=40,
                      due_on=timezone.localdate() - timedelta(days=2))
    PlanActionFactory(plan=plan, description="On time", progress=0)
    client.force_login(owner)
    page = client.get(plan.get_absolute_url()).content.decode()
    assert "1 overdue" in page and "<strong class=\"overdue\">Overdue</strong>" in page
    assert '<progress id="progress-' in page and 'value="40"' in page and "40 %" in page


# --- The overdue reminder ------------------------------------------------------------------------


def _morning(day: date):
    return time_machine.travel(datetime(day.year, day.month, day.day, 8, tzinfo=BRUSSELS),
                               tick=False)


def _run(capture):
    with capture(execute=True):
        netw_tasks.queue_action_reminders.delay()


def test_an_overdue_action_is_reminded_once_to_its_owner(
        plan, colleague, django_capture_on_commit_callbacks):
    PlanActionFactory(plan=plan, owner=colleague, description="Send the fee proposal",
                      starts_on=date(2026, 6, 1), due_on=date(2026, 7, 1))
    with _morning(date(2026, 7, 1)):
        _run(django_capture_on_commit_callbacks)
    assert not Notification.objects.exists()  # due today: not overdue yet
    for day in (2, 3, 10, 20):
        with _morning(date(2026, 7, day)):
            _run(django_capture_on_commit_callbacks)
    reminders = Notification.objects.filter(kind="plan_action_overdue")
    assert [n.recipient for n in reminders] == [colleague]
    assert [m.to for m in mail.outbox] == [[colleague.email]]
    assert "Send the fee proposal" in mail.outbox[0].subject
    assert reminders[0].url.endswith(f"#action-{PlanAction.objects.get().pk}")


def test_a_partners_action_reminds_its_members_and_a_new_due_date_reminds_again(
        client, plan, owner, colleague, outsider, django_capture_on_commit_callbacks):
    action = PlanActionFactory(plan=plan, starts_on=date(2026, 6, 1), due_on=date(2026, 7, 1))
    with _morning(date(2026, 7, 5)):
        _run(django_capture_on_commit_callbacks)
        netw_tasks.send_action_reminder("plan_action", action.pk, True)  # a retry: nothing
    assert {n.recipient for n in Notification.objects.all()} == {owner, colleague}
    with _morning(date(2026, 7, 6)):
        client.force_login(owner)
        client.post(reverse("sustainability:planaction_edit", args=[action.pk]), _action_data(
            description=action.description, partner=plan.owner_partner_id,
            starts_on="2026-06-01", due_on="2026-07-31"))
    with _morning(date(2026, 8, 2)):
        _run(django_capture_on_commit_callbacks)
    assert Notification.objects.count() == 4


def test_done_dropped_and_deleted_actions_are_not_reminded(
        plan, owner, django_capture_on_commit_callbacks):
    from sustainability.services import plan_action_delete

    for status in ("done", "dropped"):
        PlanActionFactory(plan=plan, status=status, starts_on=date(2026, 6, 1),
                          due_on=date(2026, 7, 1))
    deleted = PlanActionFactory(plan=plan, starts_on=date(2026, 6, 1), due_on=date(2026, 7, 1))
    plan_action_delete(action=deleted, by=owner)
    with _morning(date(2026, 7, 5)):
        _run(django_capture_on_commit_callbacks)
    assert not Notification.objects.exists()


# --- Overdue, attention, export, demo ------------------------------------------------------------


def test_the_overdue_filter_of_the_actions_list_counts_the_open_actions_past_due(
        client, plan, owner):
    PlanActionFactory(plan=plan, due_on=timezone.localdate() - timedelta(days=1),
                      starts_on=timezone.localdate() - timedelta(days=9))
    PlanActionFactory(plan=plan, due_on=timezone.localdate() - timedelta(days=1),
                      starts_on=timezone.localdate() - timedelta(days=9), status="done")
    PlanActionFactory(plan=plan)
    client.force_login(owner)
    assert client.get(reverse("sustainability:planaction_list") + "?overdue=on"
                      ).context["count"] == 1


def test_my_overdue_plan_actions_wait_for_me_on_my_home(client, plan, owner, outsider):
    PlanActionFactory(plan=plan, owner=owner, due_on=timezone.localdate() - timedelta(days=1),
                      starts_on=timezone.localdate() - timedelta(days=9))
    client.force_login(owner)
    page = client.get(reverse("netw:my_home")).content.decode()
    assert "1 action of a long-term plan is overdue for you" in page
    client.force_login(outsider)
    assert "long-term plan is overdue" not in client.get(reverse("netw:my_home")
                                                         ).content.decode()


def test_the_plan_actions_export_follows_the_lists_filters(plan, owner):
    from netw.exports import registry

    PlanActionFactory(plan=plan, description="Planned one")
    PlanActionFactory(plan=plan, description="Done one", status="done")
    export = registry.get("plan_actions")
    rows = list(export.rows(owner, {"status": ["done"]}))
    assert [row[3] for row in rows] == ["Done one"]
    assert rows[0][0] == "Plan of the Portuguese network" and rows[0][8] == "done"
    assert export.count(owner, {}) == 2
    assert export.count(UserFactory(email="learner@example.org"), {}) == 0


def test_the_demo_gives_each_focus_country_network_a_plan_with_an_overdue_action(partners):
    from tests.factories import UserFactory as People

    for slug in ("galileo-progetti", "cdi-macedonia", "a3s", "idc-serbia", "asse"):
        MembershipFactory(partner=partners[slug], user=People())
    for acronym, slug in (("MSZVH", "galileo-progetti"), ("МСП", "cdi-macedonia"),
                          ("RPEI", "a3s"), ("KSES", "idc-serbia"), ("SSPS", "asse")):
        Network.objects.create(name=f"Demo {acronym}", acronym=acronym, level="national",
                               owner_partner=partners[slug],
                               representing_partner=partners[slug])
    demo.seed_action_plans(io.StringIO())
    demo.seed_action_plans(io.StringIO())  # again: nothing new
    plans = ActionPlan.objects.all()
    assert plans.count() == 5
    for plan in plans:
        assert plan.owner_partner == plan.network.representing_partner
        assert 3 <= plan.actions.count() <= 5
        assert plan.actions.overdue().exists()
