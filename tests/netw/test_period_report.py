"""The period report for the funder (issue #16): the indicators of one reporting period (or to
date) against their targets, per work package, partner and country, as a PDF and as an XLSX with
the same numbers, in the language of the person who asked."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from netw.exports import registry, services
from netw.exports.models import Export
from netw.monitoring import indicators
from netw.monitoring.models import ReportingPeriod, Target
from netw.monitoring.reports import build
from tests.factories import ProviderFactory
from tests.peersessions.factories import SessionFactory

pytestmark = pytest.mark.django_db


def _held(days_ago: int, **kwargs):
    ends = timezone.now() - timedelta(days=days_ago)
    return SessionFactory(starts_at=ends - timedelta(hours=2), ends_at=ends, **kwargs)


@pytest.fixture
def periods(partners):
    today = timezone.localdate()
    interim = ReportingPeriod.objects.create(
        name="Interim report", starts_on=today - timedelta(days=100),
        ends_on=today - timedelta(days=31))
    final = ReportingPeriod.objects.create(
        name="Final report", kind=ReportingPeriod.Kind.FINAL,
        starts_on=today - timedelta(days=30), ends_on=today + timedelta(days=60))
    later = ReportingPeriod.objects.create(
        name="Extension", kind=ReportingPeriod.Kind.OTHER,
        starts_on=today + timedelta(days=61), ends_on=today + timedelta(days=200))
    return {"interim": interim, "final": final, "later": later}


@pytest.fixture
def activity(partners, periods):
    _held(50)  # in the interim period, hosted by A3S
    _held(10, owner_partner=partners["idc-serbia"])  # in the final period
    _held(5)  # in the final period
    _held(300)  # before any period: counts to date only
    ProviderFactory(country="BE")  # registered today (final period): Belgium gets a row
    Target.objects.create(indicator="wp1.sessions_held", period=periods["interim"], value=2)
    Target.objects.create(indicator="wp1.sessions_held", period=None, value=3)
    Target.objects.create(indicator="wp1.providers_mapped", period=periods["later"], value=5)


def _filters(period):
    return {"period": [str(period.pk)]} if period else {}


def _lines(data) -> dict:
    return {line.code: line for section in data.sections for line in section.lines}


@pytest.mark.parametrize("which", ["interim", "final", "later", None])
def test_each_figure_is_the_indicators_value_for_the_period(owner, periods, activity, which):
    period = periods[which] if which else None
    lines = _lines(build(owner, _filters(period)))
    assert set(lines) == {i.code for i in indicators.all_indicators()}
    for indicator in indicators.all_indicators():
        expected = indicators.value(indicator, period)
        assert lines[indicator.code].value == expected, indicator.code


def test_sessions_are_counted_in_the_period_they_ended_in(owner, periods, activity):
    assert _lines(build(owner, _filters(periods["interim"])))["wp1.sessions_held"].value == 1
    assert _lines(build(owner, _filters(periods["final"])))["wp1.sessions_held"].value == 2
    assert _lines(build(owner, {}))["wp1.sessions_held"].value == 4


def test_a_period_is_read_against_its_own_targets_and_to_date_against_the_projects(
        owner, periods, activity):
    interim = _lines(build(owner, _filters(periods["interim"])))["wp1.sessions_held"]
    assert (interim.target, interim.percent, interim.status) == (Decimal(2), 50, "behind")
    assert interim.status_label == "behind"
    to_date = _lines(build(owner, {}))["wp1.sessions_held"]
    assert (to_date.target, to_date.percent, to_date.status) == (Decimal(3), 100, "done")
    untargeted = _lines(build(owner, {}))["wp1.networks_mapped"]
    assert untargeted.target is None and untargeted.status_label == "no target set"


def test_an_empty_period_reads_zeros_not_an_error(owner, periods, activity):
    lines = _lines(build(owner, _filters(periods["later"])))
    counts = [i for i in indicators.all_indicators() if i.measure != indicators.AVERAGE]
    assert all(lines[i.code].value == 0 for i in counts)
    averages = [i for i in indicators.all_indicators() if i.measure == indicators.AVERAGE]
    assert all(lines[i.code].value is None for i in averages)
    mapped = lines["wp1.providers_mapped"]
    assert (mapped.percent, mapped.status) == (0, "on_track")  # the period has not begun


def test_partners_and_countries_stand_side_by_side(owner, partners, periods, activity):
    wp1 = build(owner, _filters(periods["final"])).sections[0]
    header = wp1.partners.columns
    sessions = header.index("Peer sessions held")
    rows = {row[0]: row for row in wp1.partners.rows}
    assert len(rows) == len(partners)
    assert rows["A3S"][sessions] == 1 and rows["IDC Serbia"][sessions] == 1
    assert rows["ENSIE"][sessions] == 0
    countries = [row[0] for row in wp1.countries.rows]
    assert countries[:5] == ["Hungary", "North Macedonia", "Portugal", "Serbia", "Slovakia"]
    assert "Belgium" in countries
    assert "Belgium" not in [row[0] for row in
                             build(owner, _filters(periods["interim"])).sections[0].countries.rows]


def _html(user, filters):
    return services.report_html(registry.get("period_report"), user, filters)[1]


def test_the_pdf_shows_the_period_targets_and_statuses_with_the_eu_emblem_and_disclaimer(
        owner, periods, activity):
    html = _html(owner, _filters(periods["interim"]))
    assert "Interim report" in html
    assert "Peer sessions held" in html and "Behind" in html and "50 %" in html
    assert "eu-emblem.svg" in html and "Co-funded by the European Union" in html
    assert "Views and opinions expressed are however those of the author(s) only" in html
    assert "whatever the period of this report" in html  # the apps' tables are to date


def test_the_activity_report_keeps_the_eu_emblem_and_disclaimer(owner, partners):
    html = services.report_html(registry.get("activity_report"), owner, {})[1]
    assert "eu-emblem.svg" in html and "Views and opinions expressed" in html


def test_the_report_is_written_in_the_language_of_the_person_who_asks(owner, periods, activity):
    owner.language = "fr"
    owner.save(update_fields=["language"])
    html = _html(owner, _filters(periods["interim"]))
    assert '<html lang="fr">' in html
    assert "Cofinancé par l" in html and "Langue" in html and "Partenaire" in html


def _export(user, filters, format, capture):
    with capture(execute=True):
        export, _created = services.export_request(user=user, list_name="period_report",
                                                   filters=filters, format=format)
    export.refresh_from_db()
    assert export.status == "done", export.error
    return export


def test_the_period_report_is_made_as_a_pdf_named_after_its_period(
        owner, periods, activity, django_capture_on_commit_callbacks):
    export = _export(owner, _filters(periods["interim"]), "pdf",
                     django_capture_on_commit_callbacks)
    assert services.file_path(export.file_name).read_bytes().startswith(b"%PDF")
    assert export.described_filters() == [("Reporting period", "Interim report")]
    assert "interim-report" in export.download_filename()


def test_the_xlsx_has_a_sheet_per_table_with_the_same_numbers(
        owner, periods, activity, django_capture_on_commit_callbacks):
    from openpyxl import load_workbook

    from netw.monitoring.reports import period_tables

    filters = _filters(periods["interim"])
    export = _export(owner, filters, "xlsx", django_capture_on_commit_callbacks)
    workbook = load_workbook(services.file_path(export.file_name), read_only=True)
    tables = period_tables(owner, filters)
    assert len(workbook.sheetnames) == len(tables)
    assert workbook.sheetnames[:3] == ["WP1 indicators", "WP1 per partner", "WP1 per country"]
    sheet = workbook["WP1 indicators"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Indicator", "Value", "Target", "Percentage reached", "Status")
    sessions = next(row for row in rows if row[0] == "Peer sessions held")
    assert sessions == ("Peer sessions held", 1, 2, 50, "behind")
    data = build(owner, filters)
    for (title, headers, body), name in zip(tables, workbook.sheetnames, strict=True):
        got = list(workbook[name].iter_rows(values_only=True))
        assert list(got[0]) == [str(h) for h in headers], title
        assert len(got) - 1 == len(body), title
    partner_rows = list(workbook["WP1 per partner"].iter_rows(values_only=True))[1:]
    assert [list(r) for r in partner_rows] == [
        [None if v is None else v for v in row] for row in data.sections[0].partners.rows]


def test_my_exports_offers_the_period_choice_and_asks_for_the_chosen_period(
        client, owner, periods, activity):
    client.force_login(owner)
    page = client.get(reverse("exports:list")).content.decode()
    assert 'value="period_report"' in page
    assert "Interim report" in page and 'name="period"' in page
    assert 'value="xlsx"' in page
    client.post(reverse("exports:request"), {"list": "period_report", "format": "xlsx",
                                             "period": str(periods["interim"].pk)})
    export = Export.objects.get(requested_by=owner, list_name="period_report")
    assert export.filters == {"period": [str(periods["interim"].pk)]}
    assert export.format == "xlsx"
    page = client.get(reverse("exports:list")).content.decode()
    assert "Reporting period: Interim report" in page


def test_asking_to_date_leaves_the_period_out(client, owner, periods):
    client.force_login(owner)
    client.post(reverse("exports:request"), {"list": "period_report", "format": "pdf",
                                             "period": ""})
    assert Export.objects.get(requested_by=owner, list_name="period_report").filters == {}


def test_a_period_that_does_not_exist_is_refused(client, owner, periods):
    client.force_login(owner)
    response = client.post(reverse("exports:request"), {
        "list": "period_report", "format": "pdf", "period": "987654"}, follow=True)
    assert not Export.objects.filter(list_name="period_report").exists()
    assert "Select a valid choice" in response.content.decode()


def test_learners_cannot_ask_for_the_period_report(client, mooc_learner, periods):
    client.force_login(mooc_learner)
    response = client.post(reverse("exports:request"), {"list": "period_report",
                                                        "format": "pdf"})
    assert response.status_code == 403
    assert not Export.objects.filter(list_name="period_report").exists()
