"""Reporting periods and targets: what coordinators set, what partners read."""

import datetime

import pytest
from django.urls import reverse

from netw.monitoring import indicators
from netw.monitoring.forms import ReportingPeriodForm, TargetForm
from netw.monitoring.models import ReportingPeriod, Target

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def interim():
    return ReportingPeriod.objects.create(name="Interim report", starts_on=D(2025, 12, 1),
                                          ends_on=D(2026, 11, 30))


def period_form(user, instance=None, **data):
    values = {"name": "Final report", "kind": "final", "starts_on": "2026-12-01",
              "ends_on": "2027-11-30", **data}
    return ReportingPeriodForm(values, user=user, instance=instance)


def target_form(user, instance=None, **data):
    values = {"indicator": "wp1.sessions_held", "scope": "project", "partner": "",
              "country": "", "period": "", "value": "10", "note": "", **data}
    return TargetForm(values, user=user, instance=instance)


# --- Periods ---


def test_a_period_cannot_end_before_it_starts(coordinator):
    form = period_form(coordinator, starts_on="2027-01-01", ends_on="2026-12-31")
    assert not form.is_valid()
    assert form.errors["ends_on"] == ["A period ends on or after the day it starts."]


def test_an_overlapping_period_is_refused_naming_the_other(coordinator, interim):
    form = period_form(coordinator, starts_on="2026-11-01")
    assert not form.is_valid()
    assert "Interim report" in form.errors["starts_on"][0]


def test_adjacent_periods_are_fine(coordinator, interim):
    form = period_form(coordinator)
    assert form.is_valid(), form.errors
    form.save()
    assert ReportingPeriod.objects.count() == 2


def test_a_period_edited_keeps_its_dates_apart_from_itself(coordinator, interim):
    form = period_form(coordinator, instance=interim, name="Interim report",
                       starts_on="2025-12-01", ends_on="2026-10-31")
    assert form.is_valid(), form.errors


# --- Targets ---


@pytest.mark.parametrize("value", ["0", "-5"])
def test_a_target_is_more_than_zero(coordinator, partners, value):
    form = target_form(coordinator, value=value)
    assert not form.is_valid()
    assert form.errors["value"] == ["A target is more than zero."]


def test_a_target_per_country_is_refused_for_an_indicator_not_counted_per_country(
        coordinator, partners):
    form = target_form(coordinator, scope="country", country="PT")
    assert not form.is_valid()
    assert "scope" in form.errors
    assert not Target.objects.exists()


def test_a_target_per_country_where_the_indicator_is_counted_per_country(coordinator, partners):
    form = target_form(coordinator, indicator="wp1.providers_mapped", scope="country",
                       country="PT", partner=partners["aff"].pk)
    assert form.is_valid(), form.errors
    target = form.save()
    assert (target.country, target.partner) == ("PT", None)


def test_a_duplicate_target_is_named_on_the_indicator(coordinator, partners, interim):
    Target.objects.create(indicator="wp1.sessions_held", scope="partner",
                          partner=partners["aff"], period=interim, value=3)
    form = target_form(coordinator, scope="partner", partner=partners["aff"].pk,
                       period=interim.pk, value="4")
    assert not form.is_valid()
    assert "already has a target" in form.errors["indicator"][0]
    assert not form.non_field_errors()


def test_a_duplicate_project_target_without_a_period_is_refused(coordinator, partners):
    Target.objects.create(indicator="wp1.sessions_held", value=3)
    form = target_form(coordinator)
    assert not form.is_valid()
    assert "indicator" in form.errors


def test_the_indicators_are_grouped_by_work_package(coordinator, partners):
    choices = TargetForm(user=coordinator).fields["indicator"].choices
    groups = [label for label, options in choices if isinstance(options, list)]
    assert len(groups) == 3
    assert sum(len(options) for _, options in choices if isinstance(options, list)) == len(
        indicators.all_indicators())


# --- Pages and access ---


def test_a_coordinator_creates_and_edits_a_period_and_the_history_is_kept(client, coordinator):
    client.force_login(coordinator)
    response = client.post(reverse("monitoring:period_create"), {
        "name": "Interim report", "kind": "interim", "starts_on": "2025-12-01",
        "ends_on": "2026-11-30"})
    assert response.status_code == 302
    period = ReportingPeriod.objects.get()
    response = client.post(reverse("monitoring:period_edit", args=[period.pk]), {
        "name": "First report", "kind": "interim", "starts_on": "2025-12-01",
        "ends_on": "2026-11-30"})
    assert response.status_code == 302
    period.refresh_from_db()
    assert period.name == "First report"
    assert [h.name for h in period.history.order_by("history_date")] == [
        "Interim report", "First report"]


def test_a_coordinator_sets_and_edits_a_target(client, coordinator, partners, interim):
    client.force_login(coordinator)
    response = client.post(reverse("monitoring:target_create"), {
        "indicator": "wp1.sessions_held", "scope": "partner", "partner": partners["aff"].pk,
        "period": interim.pk, "value": "3"})
    assert response.status_code == 302
    target = Target.objects.get()
    response = client.post(reverse("monitoring:target_edit", args=[target.pk]), {
        "indicator": "wp1.sessions_held", "scope": "partner", "partner": partners["aff"].pk,
        "period": interim.pk, "value": "5"})
    assert response.status_code == 302
    assert [h.value for h in target.history.order_by("history_date")] == [3, 5]


def test_the_bad_value_is_shown_next_to_its_field(client, coordinator, partners):
    client.force_login(coordinator)
    response = client.post(reverse("monitoring:target_create"), {
        "indicator": "wp1.sessions_held", "scope": "project", "value": "0"})
    assert response.status_code == 200
    assert "A target is more than zero." in response.content.decode()
    assert not Target.objects.exists()


def test_deleting_a_period_says_how_many_targets_go_with_it(client, coordinator, partners,
                                                            interim):
    Target.objects.create(indicator="wp1.sessions_held", period=interim, value=3)
    Target.objects.create(indicator="wp1.stakeholders", period=interim, value=30)
    client.force_login(coordinator)
    url = reverse("monitoring:period_delete", args=[interim.pk])
    assert "2 targets are set for this period" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    assert not ReportingPeriod.objects.exists()
    assert not Target.objects.exists()
    assert ReportingPeriod.history.filter(history_type="-").count() == 1


def test_a_member_reads_but_cannot_edit(client, owner, partners, interim):
    target = Target.objects.create(indicator="wp1.sessions_held", period=interim, value=3)
    client.force_login(owner)
    assert client.get(reverse("monitoring:period_list")).status_code == 200
    response = client.get(reverse("monitoring:target_list"))
    assert response.status_code == 200
    assert "Peer sessions held" in response.content.decode()
    assert reverse("monitoring:target_edit", args=[target.pk]) not in response.content.decode()
    assert client.post(reverse("monitoring:target_edit", args=[target.pk]), {
        "indicator": "wp1.sessions_held", "scope": "project", "value": "9"}).status_code == 403
    assert client.post(reverse("monitoring:period_create"), {
        "name": "Final", "kind": "final", "starts_on": "2026-12-01",
        "ends_on": "2027-11-30"}).status_code == 403
    target.refresh_from_db()
    assert target.value == 3
    assert ReportingPeriod.objects.count() == 1


def test_a_visitor_is_sent_to_log_in(client, partners):
    response = client.get(reverse("monitoring:target_list"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_a_learner_is_refused(client, mooc_learner, interim):
    client.force_login(mooc_learner)
    assert client.get(reverse("monitoring:target_list")).status_code == 403
    assert client.get(reverse("monitoring:period_edit", args=[interim.pk])).status_code == 404


def test_coordinators_find_the_pages_in_the_menu_and_learners_do_not(
        client, coordinator, mooc_learner, partners):
    client.force_login(coordinator)
    home = client.get(reverse("netw:my_home")).content.decode()
    assert f'href="{reverse("monitoring:dashboard")}"' in home  # the main menu's Monitoring
    dashboard = client.get(reverse("monitoring:dashboard")).content.decode()
    assert reverse("monitoring:target_list") in dashboard  # the section's own menu
    assert reverse("monitoring:period_list") in dashboard
    assert reverse("deliverables:list") in dashboard
    client.force_login(mooc_learner)
    assert '/monitoring/' not in client.get(reverse("netw:my_home")).content.decode()


def test_the_target_list_queries_do_not_grow_with_the_targets(
        client, coordinator, partners, interim, django_assert_max_num_queries):
    client.force_login(coordinator)

    def add_targets(indicator):
        for partner in partners.values():
            Target.objects.create(indicator=indicator, scope="partner", partner=partner,
                                  period=interim, value=2)

    add_targets("wp1.sessions_held")
    client.get(reverse("monitoring:target_list"))  # warm the per-user caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("monitoring:target_list")).status_code == 200
    for indicator in ("wp1.stakeholders", "wp2.roundtables_held", "wp3.commitments"):
        add_targets(indicator)
    with django_assert_max_num_queries(len(few)):
        response = client.get(reverse("monitoring:target_list"))
    assert response.content.decode().count("/edit/") >= 4 * len(partners)
    with django_assert_max_num_queries(len(few)):
        assert client.get(reverse("monitoring:period_list")).status_code == 200


def test_the_demo_seeds_two_periods_and_a_target_per_indicator_once(partners):
    from io import StringIO

    from netw.monitoring.demo import seed

    seed(StringIO())
    seed(StringIO())
    assert list(ReportingPeriod.objects.values_list("name", flat=True)) == [
        "Interim report", "Final report"]
    project_wide = Target.objects.filter(scope="project", period=None)
    assert project_wide.count() == len(indicators.all_indicators())
    assert sorted(Target.objects.filter(scope="country").values_list("country", flat=True)) == [
        "HU", "MK", "PT", "RS", "SK"]
    assert Target.objects.filter(scope="partner").count() == 2
