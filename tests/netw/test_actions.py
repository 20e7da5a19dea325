"""Everyone's actions in one place (netw/actions.py): every app's sources, one query each."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from netw import actions
from tests.peersessions.factories import FollowUpActionFactory, SessionFactory
from tests.sustainability.factories import ActionPlanFactory, PlanActionFactory

pytestmark = pytest.mark.django_db


def _days(n):
    return timezone.localdate() + timedelta(days=n)


@pytest.fixture
def plan(partner_a):
    return ActionPlanFactory(owner_partner=partner_a, title="Plan of A")


@pytest.fixture
def session(partner_a, owner):
    return SessionFactory(owner_partner=partner_a, created_by=owner, title="Session on fees")


def test_the_sessions_and_the_plans_are_action_sources():
    assert {source.kind for source in actions.all_sources()} >= {"session_action", "plan_action"}


def test_my_actions_lists_both_kinds_open_by_due_date_then_done(
        client, owner, colleague, outsider, plan, session):
    FollowUpActionFactory(session=session, owner=owner, description="Session: due in 10",
                          due_on=_days(10))
    FollowUpActionFactory(session=session, owner=owner, description="Session: done",
                          done_at=timezone.now())
    FollowUpActionFactory(session=session, owner=colleague, description="Colleague's own")
    PlanActionFactory(plan=plan, owner=owner, description="Plan: overdue",
                      starts_on=_days(-30), due_on=_days(-2))
    PlanActionFactory(plan=plan, description="Plan: the partner's", due_on=_days(20))
    PlanActionFactory(plan=plan, owner=colleague, description="Plan: colleague's")
    PlanActionFactory(plan=ActionPlanFactory(owner_partner=outsider.memberships.get().partner),
                      description="Plan: another partner's")
    client.force_login(owner)
    page = client.get(reverse("netw:my_actions")).content.decode()
    order = ["Plan: overdue", "Session: due in 10", "Plan: the partner&#x27;s", "Session: done"]
    positions = [page.index(text) for text in order]
    assert positions == sorted(positions)
    for other in ("Colleague&#x27;s own", "Plan: colleague&#x27;s", "another partner"):
        assert other not in page
    assert "For your partner, A3S" in page
    assert "3 open actions." in page and "1 of them is overdue." in page
    assert "Session on fees" in page and "Plan of A" in page
    # Each row can be marked done from here.
    assert page.count('name="done" value="1"') == 3


def test_the_old_address_of_my_follow_up_actions_leads_here(client, owner):
    client.force_login(owner)
    response = client.get(reverse("peersessions:my_actions"))
    assert response.status_code == 301 and response.url == reverse("netw:my_actions")


def test_visitors_are_asked_to_log_in(client):
    response = client.get(reverse("netw:my_actions"))
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_the_home_panel_shows_the_most_pressing_actions_of_every_kind(
        client, owner, plan, session):
    FollowUpActionFactory(session=session, owner=owner, description="From the session",
                          due_on=_days(3))
    PlanActionFactory(plan=plan, owner=owner, description="From the plan", due_on=_days(1))
    for n in range(5):
        PlanActionFactory(plan=plan, owner=owner, description=f"Later {n}", due_on=_days(40 + n))
    client.force_login(owner)
    page = client.get(reverse("netw:my_home")).content.decode()
    assert page.index("From the plan") < page.index("From the session")
    assert "Later 2" in page and "Later 3" not in page
    assert "the five most pressing are shown here" in page


def _create(owner, plan, session, n):
    for k in range(n):
        FollowUpActionFactory(session=session, owner=owner, description=f"Follow-up {n}-{k}",
                              due_on=_days(k - 3), done_at=timezone.now() if k % 3 == 0 else None)
        PlanActionFactory(plan=plan, owner=owner, description=f"Mine {n}-{k}",
                          starts_on=_days(-60), due_on=_days(k - 5),
                          status="done" if k % 4 == 0 else "planned")
        PlanActionFactory(plan=plan, description=f"Partner's {n}-{k}", starts_on=_days(-60),
                          due_on=_days(k))


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", ["netw:my_actions", "netw:my_home"])
def test_my_actions_cost_the_same_queries_with_ten_times_the_rows(
        client, owner, plan, session, name):
    client.force_login(owner)
    url = reverse(name)
    _create(owner, plan, session, 3)
    _queries(client, url)  # warm the per-process caches (content types, figures)
    small = _queries(client, url)
    _create(owner, plan, session, 30)
    _queries(client, url)  # the writes retired the cached figures (netw.dataversion)
    assert _queries(client, url) == small
    assert _queries(client, url + "?page=2") == small
