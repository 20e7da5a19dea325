"""The monitoring dashboard and its drill-down (netw/monitoring/views.py): figures against targets
with a status in words, each partner's people see their own partner's row, the drill-down lists
exactly the records counted (those the person may see), and the page costs the same queries
whatever the number of records."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from netw.monitoring import indicators
from netw.monitoring.indicators import Indicator
from netw.monitoring.models import ReportingPeriod, Target
from netw.roles import is_coordinator, partner_ids
from netw.workpackages import WorkPackage
from providers.models import Provider
from providers.vocabulary import Verification
from tests.factories import NetworkFactory, ProviderFactory, StakeholderFactory

DASHBOARD = reverse("monitoring:dashboard")


def drilldown(code: str, **params) -> str:
    from urllib.parse import urlencode

    return reverse("monitoring:drilldown", args=[code]) + ("?" + urlencode(params) if params
                                                            else "")


@pytest.fixture
def period(db):
    """A period half gone: on track means half the target reached."""
    today = timezone.localdate()
    return ReportingPeriod.objects.create(name="Interim", starts_on=today - datetime.timedelta(
        days=49), ends_on=today + datetime.timedelta(days=50))


def rows_by_code(response) -> dict:
    return {row.indicator.code: row for section in response.context["sections"]
            for row in section.rows}


@pytest.mark.django_db
def test_statuses_against_the_targets_of_a_period(client, coordinator, period, partner_a):
    ProviderFactory.create_batch(2)
    NetworkFactory.create_batch(2)
    Target.objects.create(indicator="wp1.providers_mapped", period=period, value=2)
    Target.objects.create(indicator="wp1.networks_mapped", period=period, value=3)
    Target.objects.create(indicator="wp1.stakeholders", period=period, value=10)
    client.force_login(coordinator)

    response = client.get(DASHBOARD, {"period": period.pk})

    assert response.status_code == 200
    rows = rows_by_code(response)
    assert rows["wp1.providers_mapped"].status == "done"
    assert rows["wp1.networks_mapped"].status == "on_track"  # 2 of 3, half the period gone
    assert rows["wp1.stakeholders"].status == "behind"
    assert rows["wp1.sessions_held"].status is None  # no target, no status
    html = response.content.decode()
    assert "2 of 3 (66 %)" in html  # the progress in words, not colour alone
    assert "1 indicator behind:" in html
    assert 'href="#ind-wp1-stakeholders"' in html
    assert 'id="ind-wp1-stakeholders"' in html


@pytest.mark.django_db
def test_to_date_reads_the_whole_project_targets(client, coordinator, period):
    ProviderFactory()
    Target.objects.create(indicator="wp1.providers_mapped", period=period, value=1)
    Target.objects.create(indicator="wp1.providers_mapped", period=None, value=40)
    client.force_login(coordinator)

    row = rows_by_code(client.get(DASHBOARD))["wp1.providers_mapped"]

    assert row.target == 40
    assert row.value == 1


@pytest.mark.django_db
def test_a_period_without_records_shows_zero(client, coordinator):
    empty = ReportingPeriod.objects.create(name="Long ago", starts_on=datetime.date(2020, 1, 1),
                                           ends_on=datetime.date(2020, 6, 30))
    ProviderFactory()  # today: not in that period
    Target.objects.create(indicator="wp1.providers_mapped", period=empty, value=5)
    client.force_login(coordinator)

    response = client.get(DASHBOARD, {"period": empty.pk})

    assert response.status_code == 200
    rows = rows_by_code(response)
    assert rows["wp1.providers_mapped"].value == 0
    assert rows["wp1.providers_mapped"].status == "behind"
    assert rows["wp1.session_usefulness"].text == "no rating yet"
    assert "0 of 5 (0 %)" in response.content.decode()


@pytest.mark.django_db
def test_an_unknown_period_or_indicator_is_a_404(client, coordinator, partner_a):
    client.force_login(coordinator)
    assert client.get(DASHBOARD, {"period": "9999"}).status_code == 404
    assert client.get(DASHBOARD, {"period": "abc"}).status_code == 404
    assert client.get(drilldown("wp9.nothing")).status_code == 404
    assert client.get(drilldown("wp1.providers_mapped", partner="x")).status_code == 404
    assert client.get(drilldown("wp1.providers_mapped", partner="9999")).status_code == 404
    assert client.get(drilldown("wp1.providers_mapped", country="ZZ")).status_code == 404


def partner_rows(response) -> set[str]:
    return {row.name for table in response.context["partner_tables"] for row in table["rows"]}


@pytest.mark.django_db
def test_a_member_sees_their_own_partners_row_only(client, owner, lead, coordinator, partners,
                                                   partner_a):
    client.force_login(owner)
    assert partner_rows(client.get(DASHBOARD)) == {partner_a.short_name}

    client.force_login(lead)  # a WP lead is a member for the partners' rows
    assert partner_rows(client.get(DASHBOARD)) == {partners["aff"].short_name}

    client.force_login(coordinator)
    assert partner_rows(client.get(DASHBOARD)) == {p.short_name for p in partners.values()}


@pytest.mark.django_db
def test_partner_cells_show_the_partners_target_and_link_to_the_drilldown(
        client, coordinator, partner_a):
    ProviderFactory.create_batch(3)
    Target.objects.create(indicator="wp1.providers_mapped", scope="partner", partner=partner_a,
                          value=20)
    client.force_login(coordinator)

    html = client.get(DASHBOARD).content.decode()

    link = drilldown("wp1.providers_mapped", partner=partner_a.pk).replace("&", "&amp;")
    assert f'<a href="{link}">3 / 20</a>' in html


@pytest.mark.django_db
def test_focus_countries_always_have_a_row(client, owner):
    ProviderFactory(country="BE")
    client.force_login(owner)

    names = [row.key for row in client.get(DASHBOARD).context["country_rows"]]

    assert {"HU", "MK", "PT", "RS", "SK", "BE"} <= set(names)


@pytest.mark.django_db
def test_the_drilldown_lists_exactly_the_records_counted(client, coordinator, partner_a,
                                                         partner_b):
    ProviderFactory.create_batch(3, owner_partner=partner_a)
    ProviderFactory(owner_partner=partner_b)
    ProviderFactory(owner_partner=partner_a, verification=Verification.UNVERIFIED)
    client.force_login(coordinator)

    figure = client.get(DASHBOARD).context["snapshot"].readings["wp1.providers_mapped"]
    response = client.get(drilldown("wp1.providers_mapped"))
    for_a = client.get(drilldown("wp1.providers_mapped", partner=partner_a.pk))

    assert response.context["page_obj"].paginator.count == figure.total == 4
    assert for_a.context["page_obj"].paginator.count == figure.partners[partner_a.pk] == 3
    assert f"3 records behind ‘Providers mapped’ for {partner_a.short_name} to date" in \
        for_a.content.decode()
    assert "not shown to you" not in for_a.content.decode()


@pytest.fixture
def own_partner_only(monkeypatch):
    """An indicator whose records only their partner's people may see (none of the project's
    indicators hides counted records from the other partners today)."""
    private = Indicator(
        code="wp1.private_providers", work_package=WorkPackage.CAPACITY_BUILDING,
        label="Private providers", definition="Verified providers, seen by their partner only.",
        records=lambda: Provider.objects.filter(verification=Verification.VERIFIED),
        date_field="created_at", country_field="country",
        visible=lambda user: Provider.objects.all() if is_coordinator(user) else
        Provider.objects.filter(owner_partner_id__in=partner_ids(user)),
    )
    registry = {**indicators._registry(), private.code: private}
    monkeypatch.setattr(indicators, "_registry", lambda: registry)
    return private


@pytest.mark.django_db
def test_another_partners_drilldown_leaves_out_what_the_member_may_not_see(
        client, outsider, coordinator, partner_a, own_partner_only):
    ProviderFactory.create_batch(2, owner_partner=partner_a, name="Secret provider")
    client.force_login(outsider)  # member of partner B

    response = client.get(drilldown(own_partner_only.code, partner=partner_a.pk))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Secret provider" not in html
    assert response.context["page_obj"].paginator.count == 0
    assert "2 more are not shown to you." in html

    client.force_login(coordinator)
    assert client.get(drilldown(own_partner_only.code, partner=partner_a.pk)).context[
        "page_obj"].paginator.count == 2


@pytest.mark.django_db
def test_the_drilldown_of_a_period_keeps_to_its_dates(client, coordinator, partner_a):
    old = ReportingPeriod.objects.create(name="Long ago", starts_on=datetime.date(2020, 1, 1),
                                         ends_on=datetime.date(2020, 6, 30))
    ProviderFactory()
    client.force_login(coordinator)

    response = client.get(drilldown("wp1.providers_mapped", period=old.pk))

    assert response.context["page_obj"].paginator.count == 0
    assert "0 records behind ‘Providers mapped’ in Long ago" in response.content.decode()


def _queries(client, path) -> int:
    cache.clear()  # compute the snapshot afresh: its cost is what must not grow
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["coordinator", "owner"])
def test_the_query_count_does_not_grow_with_the_records(client, request, partner_a, partner_b,
                                                        period, persona):
    client.force_login(request.getfixturevalue(persona))
    Target.objects.create(indicator="wp1.providers_mapped", period=period, value=5)
    Target.objects.create(indicator="wp1.providers_mapped", scope="partner", partner=partner_a,
                          period=period, value=5)

    def add(n):
        for partner in (partner_a, partner_b):
            ProviderFactory.create_batch(n, owner_partner=partner)
            NetworkFactory.create_batch(n, owner_partner=partner, country="HU")
            StakeholderFactory.create_batch(n, owner_partner=partner, country="SK")

    add(1)
    client.get(DASHBOARD)  # the session's first request caches the person's access (netw.roles)
    few = {path: _queries(client, path) for path in (
        DASHBOARD, f"{DASHBOARD}?period={period.pk}", drilldown("wp1.providers_mapped"))}
    add(9)
    many = {path: _queries(client, path) for path in few}

    assert many == few
