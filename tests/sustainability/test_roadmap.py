"""The sustainability roadmap: its public version, the timeline, drawing it, keeping its
milestones' statuses."""

import datetime as dt
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from netw.dashboard import project_figures
from netw.monitoring import indicators
from sustainability.models import Milestone, MilestoneStatus, PlanAction, RoadmapPhase
from tests.access import LOGIN, PERSONAS
from tests.sustainability.access_rows import ROADMAP_EXTRA_ROWS
from tests.sustainability.factories import (
    CommitmentFactory,
    MilestoneFactory,
    RoadmapPhaseFactory,
)

pytestmark = pytest.mark.django_db

ROADMAP = reverse("sustainability:roadmap")
TODAY = timezone.localdate()


def _page(client, user=None, query=""):
    if user is not None:
        client.force_login(user)
    response = client.get(ROADMAP + query)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def roadmap(partners):
    """A public phase with a public and a private milestone; a private phase with one."""
    public = RoadmapPhaseFactory(title="Public phase of the roadmap")
    private = RoadmapPhaseFactory(title="Phase still in the drawer", is_public=False)
    return {
        "public": public, "private": private,
        "shown": MilestoneFactory(phase=public, title="Charter signed in public"),
        "hidden": MilestoneFactory(phase=public, title="Milestone kept in house",
                                   is_public=False),
        "in_private": MilestoneFactory(phase=private, title="Milestone of the drawer"),
    }


def test_visitors_see_the_public_version_of_the_roadmap(client, roadmap):
    page = _page(client)
    assert "Public phase of the roadmap" in page and "Charter signed in public" in page
    for hidden in ("Phase still in the drawer", "Milestone kept in house",
                   "Milestone of the drawer"):
        assert hidden not in page


@pytest.mark.parametrize("persona", ["owner", "outsider", "lead", "coordinator", "wp3_lead"])
def test_the_partners_staff_see_the_whole_roadmap(client, roadmap, persona, request):
    page = _page(client, request.getfixturevalue(persona))
    for title in ("Phase still in the drawer", "Milestone kept in house",
                  "Milestone of the drawer"):
        assert title in page


def test_a_milestone_past_its_due_date_is_late_whatever_its_stored_status(client, roadmap):
    milestone = roadmap["shown"]
    Milestone.objects.filter(pk=milestone.pk).update(
        due_on=TODAY - dt.timedelta(days=2), status=MilestoneStatus.ON_TRACK)
    milestone.refresh_from_db()
    assert milestone.is_late and milestone.shown_status == MilestoneStatus.LATE
    page = _page(client)
    row = page[page.index(f'id="milestone-{milestone.pk}"'):]
    assert 'status-late">Late' in row[:3000]
    assert list(Milestone.objects.shown_as("late")) == [milestone]
    assert milestone not in Milestone.objects.shown_as("on_track")
    # Filtered by status, the page counts and lists it as late.
    assert "Charter signed in public" in _page(client, query="?status=late")
    assert "Charter signed in public" not in _page(client, query="?status=on_track")


def test_a_milestone_done_or_dropped_is_never_late(roadmap):
    for status in (MilestoneStatus.DONE, MilestoneStatus.DROPPED):
        Milestone.objects.filter(pk=roadmap["shown"].pk).update(
            due_on=TODAY - dt.timedelta(days=2), status=status)
        assert not Milestone.objects.get(pk=roadmap["shown"].pk).is_late
        assert not Milestone.objects.late().filter(pk=roadmap["shown"].pk).exists()


def test_the_timeline_is_an_svg_with_a_text_alternative(client, roadmap):
    page = _page(client)
    svg = re.search(r'<svg class="timeline" role="img" aria-labelledby="([^"]+)"', page)
    assert svg
    title_id, desc_id = svg.group(1).split()
    assert f'<title id="{title_id}">' in page and f'<desc id="{desc_id}">' in page
    assert "give the same content" in page
    # The drawing is hidden from screen readers; the same milestones are in a table.
    assert '<g aria-hidden="true">' in page
    assert re.search(r'<th scope="row">Charter signed in public', page)
    assert 'class="phase-bar"' in page and "today-line" in page


def test_the_timeline_is_left_out_when_the_roadmap_is_empty(client, partners):
    page = _page(client)
    assert 'class="timeline"' not in page and "The roadmap has no phase yet." in page


def test_visitors_see_confirmed_commitments_under_a_milestone_only(client, roadmap, owner):
    CommitmentFactory(milestone=roadmap["shown"], description="Unconfirmed pledge of A3S")
    CommitmentFactory(milestone=roadmap["shown"], description="Confirmed pledge of A3S",
                      confirmed_at=timezone.now())
    page = _page(client)
    assert "Confirmed pledge of A3S" in page and "Unconfirmed pledge of A3S" not in page
    assert "Unconfirmed pledge of A3S" in _page(client, owner)


def test_plan_actions_of_a_milestone_are_shown_to_the_partners_only(client, roadmap, owner,
                                                                   partner_a):
    from sustainability.models import ActionPlan

    plan = ActionPlan.objects.create(title="Plan of the network", owner_partner=partner_a)
    PlanAction.objects.create(plan=plan, description="Draft the membership fee scale",
                              owner_partner=partner_a, starts_on=TODAY, due_on=TODAY,
                              milestone=roadmap["shown"])
    assert "Draft the membership fee scale" not in _page(client)
    assert "Draft the membership fee scale" in _page(client, owner)


# --- Drawing the roadmap -------------------------------------------------------------------------


def _phase_data(**changes):
    return {"title": "Consolidation", "description": "", "starts_on": "2026-01-01",
            "ends_on": "2026-12-31", "is_public": "on", **changes}


def test_the_wp3_lead_adds_a_phase_and_a_milestone_for_another_partner(client, wp3_lead,
                                                                       partners):
    client.force_login(wp3_lead)
    response = client.post(reverse("sustainability:roadmapphase_create"), _phase_data())
    phase = RoadmapPhase.objects.get()
    assert response.status_code == 302 and phase.created_by == wp3_lead
    response = client.post(reverse("sustainability:milestone_create"), {
        "phase": phase.pk, "title": "Serbian network statutes adopted",
        "owner_partner": partners["idc-serbia"].pk, "due_on": "2026-06-30",
        "status": "planned", "is_public": "on"})
    assert response.status_code == 302, response.content.decode()[:2000]
    milestone = Milestone.objects.get()
    assert milestone.owner_partner == partners["idc-serbia"]
    assert milestone.history.count() == 1


def test_a_phase_ending_before_it_starts_is_refused_next_to_its_end(client, coordinator):
    client.force_login(coordinator)
    response = client.post(reverse("sustainability:roadmapphase_create"),
                           _phase_data(starts_on="2026-06-01", ends_on="2026-05-01"))
    assert response.status_code == 200
    assert "A phase cannot end before it starts" in str(response.context["form"].errors["ends_on"])
    assert not RoadmapPhase.objects.exists()
    assert 'value="Consolidation"' in response.content.decode()  # nothing lost


def test_a_milestone_due_before_its_phase_starts_is_refused_next_to_its_date(
        client, wp3_lead, partner_a):
    phase = RoadmapPhaseFactory(starts_on=dt.date(2026, 1, 1), ends_on=dt.date(2026, 12, 31))
    client.force_login(wp3_lead)
    response = client.post(reverse("sustainability:milestone_create"), {
        "phase": phase.pk, "title": "Too early", "owner_partner": partner_a.pk,
        "due_on": "2025-12-01", "status": "planned"})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "cannot be due before its phase starts" in str(errors["due_on"])
    assert "form-errors" in response.content.decode()
    assert not Milestone.objects.exists()


def test_a_phase_cannot_start_after_one_of_its_milestones(client, coordinator, roadmap):
    phase = roadmap["public"]
    client.force_login(coordinator)
    later = (roadmap["shown"].due_on + dt.timedelta(days=1)).isoformat()
    response = client.post(reverse("sustainability:roadmapphase_edit", args=[phase.pk]),
                           _phase_data(starts_on=later, ends_on=phase.ends_on.isoformat()))
    assert response.status_code == 200
    assert "before this start" in str(response.context["form"].errors["starts_on"])


def test_members_cannot_draw_the_roadmap(client, owner, roadmap):
    client.force_login(owner)
    assert client.get(reverse("sustainability:roadmapphase_create")).status_code == 403
    response = client.post(reverse("sustainability:milestone_edit",
                                   args=[roadmap["shown"].pk]), {"title": "Hijacked"})
    assert response.status_code == 403
    assert Milestone.objects.filter(title="Hijacked").count() == 0


def test_the_responsible_partner_updates_its_milestones_status(client, owner, roadmap):
    milestone = roadmap["shown"]
    client.force_login(owner)
    response = client.post(reverse("sustainability:milestone_status", args=[milestone.pk]),
                           {"status": "done", "done_on": ""})
    milestone.refresh_from_db()
    assert response.status_code == 302
    assert milestone.status == MilestoneStatus.DONE and milestone.done_on == TODAY
    assert milestone.updated_by == owner
    assert milestone.history.count() == 2


def test_another_partner_cannot_update_a_milestones_status(client, outsider, roadmap):
    client.force_login(outsider)
    response = client.post(reverse("sustainability:milestone_status",
                                   args=[roadmap["shown"].pk]), {"status": "done"})
    assert response.status_code == 403
    assert Milestone.objects.get(pk=roadmap["shown"].pk).status == MilestoneStatus.PLANNED


def test_a_milestone_cannot_be_done_in_the_future_nor_dated_unless_done(client, owner,
                                                                        roadmap):
    client.force_login(owner)
    url = reverse("sustainability:milestone_status", args=[roadmap["shown"].pk])
    tomorrow = (TODAY + dt.timedelta(days=1)).isoformat()
    response = client.post(url, {"status": "done", "done_on": tomorrow})
    assert "cannot be done in the future" in str(response.context["form"].errors["done_on"])
    response = client.post(url, {"status": "on_track", "done_on": TODAY.isoformat()})
    assert "Only a milestone done" in str(response.context["form"].errors["done_on"])


def test_a_milestone_with_commitments_is_dropped_not_deleted(client, wp3_lead, roadmap):
    milestone = roadmap["shown"]
    CommitmentFactory(milestone=milestone)
    client.force_login(wp3_lead)
    url = reverse("sustainability:milestone_delete", args=[milestone.pk])
    assert "Drop the milestone" in client.get(url).content.decode()
    client.post(url)
    assert Milestone.objects.filter(pk=milestone.pk).exists()
    client.post(url, {"drop": "1"})
    milestone.refresh_from_db()
    assert milestone.status == MilestoneStatus.DROPPED


def test_a_milestone_nothing_refers_to_is_deleted_and_its_history_kept(client, wp3_lead,
                                                                       roadmap):
    milestone = roadmap["hidden"]
    client.force_login(wp3_lead)
    response = client.post(reverse("sustainability:milestone_delete", args=[milestone.pk]))
    assert response.status_code == 302
    assert not Milestone.objects.filter(pk=milestone.pk).exists()
    deleted = Milestone.history.filter(id=milestone.pk, history_type="-").get()
    assert deleted.history_user == wp3_lead


def test_a_phase_with_milestones_cannot_be_deleted(client, coordinator, roadmap):
    client.force_login(coordinator)
    url = reverse("sustainability:roadmapphase_delete", args=[roadmap["private"].pk])
    assert "still has milestones" in client.get(url).content.decode()
    client.post(url)
    assert RoadmapPhase.objects.filter(pk=roadmap["private"].pk).exists()


# --- Figures -------------------------------------------------------------------------------------


def test_the_milestones_indicator_counts_those_done_on_time_for_the_partners(
        roadmap, partner_a, partner_b, owner):
    Milestone.objects.filter(pk__in=[roadmap["shown"].pk, roadmap["hidden"].pk]).update(
        status=MilestoneStatus.DONE, done_on=TODAY)
    # Done, but after its due date: not on time.
    Milestone.objects.filter(pk=roadmap["in_private"].pk).update(
        status=MilestoneStatus.DONE, due_on=TODAY - dt.timedelta(days=3), done_on=TODAY)
    MilestoneFactory(phase=roadmap["public"], due_on=TODAY - dt.timedelta(days=3),
                     title="Late and public")
    MilestoneFactory(phase=roadmap["public"], owner_partner=partner_b, done_on=TODAY,
                     status=MilestoneStatus.DONE)
    cache.clear()  # the updates above bypass the data version
    on_time = indicators.get("wp3.milestones_on_time")
    assert indicators.value(on_time) == 3
    assert indicators.value(on_time, partner=partner_a) == 2
    assert indicators.value(on_time, partner=partner_b) == 1
    # Private milestones count: the figure is for the partners' staff only.
    label = "Milestones reached on time"
    assert {f.label: f.value for f in project_figures(owner)}[label] == 3
    assert label not in {f.label for f in project_figures(AnonymousUser())}


# --- The access matrix's extra rows (a public milestone, a confirmed commitment) ---------------

CASES = [(name, persona) for name in ROADMAP_EXTRA_ROWS for persona in PERSONAS]


@pytest.mark.parametrize(("name", "persona"), CASES, ids=[f"{n}-{p}" for n, p in CASES])
def test_extra_access_rows(client, personas, partners, name, persona):
    from tests.sustainability.access_rows import objects as matrix_objects

    row = ROADMAP_EXTRA_ROWS[name]
    objects = matrix_objects(personas, partners)
    if personas[persona] is not None:
        client.force_login(personas[persona])
    response = getattr(client, row.method)(row.url(objects))
    expected = row.expect[persona]
    if expected == LOGIN:
        assert response.status_code == 302 and "login" in response.url
    else:
        assert response.status_code == expected, f"{name} {persona}"
