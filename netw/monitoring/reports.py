"""The period report for the funder: the indicators (:mod:`netw.monitoring.indicators`) read for
one reporting period, or to date, against their targets, per work package, then side by side per
partner and per country, then each app's detailed tables. A PDF to read and an XLSX with the same
tables, built from one :func:`build` so that both carry the same numbers.

Registered with the exports (``netw.exports.lists`` imports this module), so it is asked for on
"My exports" with its period, made in the background in the asker's language, and kept like any
export.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import Max, Min
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from netw.exports.registry import Report, Sheet, register
from netw.forms import FOCUS_COUNTRIES
from netw.monitoring import indicators
from netw.monitoring.indicators import AVERAGE, Indicator
from netw.workpackages import WorkPackage

# --- The report's parameter: its period ----------------------------------------------------------


class PeriodForm(forms.Form):
    period = forms.ModelChoiceField(queryset=None, required=False, label=_("Reporting period"),
                                    empty_label=_("To date"))

    def __init__(self, *args, **kwargs):
        from netw.monitoring.models import ReportingPeriod

        super().__init__(*args, **kwargs)
        self.fields["period"].queryset = ReportingPeriod.objects.all()


@dataclass(frozen=True)
class PeriodParameters:
    """What the exports registry asks of a report's ``filterset``: a form bound to the filters
    (it names them on "My exports": "Reporting period: Interim report")."""

    form: PeriodForm


def period_parameters(user, filters) -> PeriodParameters:
    data = {key: values[0] for key, values in (filters or {}).items() if values}
    return PeriodParameters(PeriodForm(data, auto_id="id_period_report_%s"))


def period_of(filters):
    """The ReportingPeriod the filters name, or ``None`` for to date. A period deleted since the
    report was asked for is an error (the export fails and says so), not silently "to date"."""
    from netw.monitoring.models import ReportingPeriod

    raw = ((filters or {}).get("period") or [""])[0]
    if not raw:
        return None
    period = ReportingPeriod.objects.filter(pk=raw).first() if str(raw).isdigit() else None
    if period is None:
        raise ValueError("The reporting period of this report no longer exists.")
    return period


# --- What the report holds ---------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One indicator read for the period against its project target."""

    code: str
    label: str
    value: Any  # None: an average without any rating
    target: Decimal | None
    percent: int | None
    status: str | None  # a monitoring Status, None without a target

    @property
    def status_label(self) -> str:
        from netw.monitoring.models import Status

        if self.status is None:
            return gettext("no target set")
        return str(Status(self.status).label)


@dataclass(frozen=True)
class Table:
    title: str
    columns: list[str]
    rows: list[list]
    caption: str = ""


@dataclass(frozen=True)
class Section:
    """One work package: its indicators, then per partner and per country."""

    title: str
    short: str  # "WP1", for the sheet names
    lines: list[Line]
    partners: Table | None
    countries: Table | None


@dataclass(frozen=True)
class PeriodReport:
    period: Any  # a ReportingPeriod, or None for to date
    starts_on: datetime.date | None
    ends_on: datetime.date | None
    elapsed: float
    sections: list[Section]
    app_tables: list  # netw.dashboard.ReportTable, to date
    computed_at: datetime.datetime


def number(value):
    """A target or a figure as people write it: 12, not 12.00; an average as it was rounded."""
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    return value


def _zero(indicator: Indicator):
    return None if indicator.measure == AVERAGE else 0


def _project_span() -> tuple[datetime.date | None, datetime.date | None]:
    from netw.monitoring.models import ReportingPeriod

    found = ReportingPeriod.objects.aggregate(first=Min("starts_on"), last=Max("ends_on"))
    return found["first"], found["last"]


def _elapsed(period) -> float:
    """The share of the time gone by: of the period, or, to date, of the project (its reporting
    periods end to end; all of it when none is set)."""
    if period is not None:
        return period.elapsed_share()
    first, last = _project_span()
    if first is None or last is None:
        return 1.0
    today = timezone.localdate()
    days = (last - first).days + 1
    return max(0.0, min(1.0, ((min(today, last) - first).days + 1) / days))


def _country_rows(wp_indicators: list[Indicator], snapshot) -> list[str]:
    """The five focus countries always, then every other country with records, by name."""
    found = {code for i in wp_indicators for code in snapshot[i.code].countries}
    others = sorted(found - set(FOCUS_COUNTRIES), key=lambda code: str(countries.name(code)))
    return [*FOCUS_COUNTRIES, *others]


def build(user, filters) -> PeriodReport:
    """The report's content for ``filters`` (its period): one snapshot of every indicator (a
    fixed number of queries), the project targets of that period, the partners."""
    from netw import dashboard
    from netw.monitoring.models import Target, progress_percent, status_of
    from providers.models import Partner

    period = period_of(filters)
    snapshot = indicators.snapshot(period)
    elapsed = _elapsed(period)
    targets = {t.indicator: t.value for t in
               Target.objects.for_period(period).filter(scope=Target.Scope.PROJECT)}
    partners = list(Partner.objects.order_by("short_name"))
    partner_heading, country_heading = gettext("Partner"), gettext("Country")

    sections = []
    for wp in WorkPackage:
        wp_indicators = indicators.of_work_package(wp)
        if not wp_indicators:
            continue
        lines = []
        for indicator in wp_indicators:
            value = snapshot.total(indicator.code)
            target = targets.get(indicator.code)
            lines.append(Line(
                indicator.code, str(indicator.label), number(value), target,
                progress_percent(value, target),
                status_of(value, target, elapsed=elapsed,
                          average=indicator.measure == AVERAGE)))
        per_partner = [i for i in wp_indicators if i.partner_field]
        per_country = [i for i in wp_indicators if i.country_field]
        partner_table = Table(
            gettext("%(work_package)s: per partner") % {"work_package": wp.label},
            [partner_heading, *(str(i.label) for i in per_partner)],
            [[p.short_name, *(number(snapshot[i.code].partners.get(p.pk, _zero(i)))
                              for i in per_partner)] for p in partners],
        ) if per_partner else None
        country_table = Table(
            gettext("%(work_package)s: per country") % {"work_package": wp.label},
            [country_heading, *(str(i.label) for i in per_country)],
            [[str(countries.name(code)), *(number(snapshot[i.code].countries.get(code, _zero(i)))
                                           for i in per_country)]
             for code in _country_rows(per_country, snapshot)],
        ) if per_country else None
        sections.append(Section(str(wp.label), f"WP{wp.value}", lines, partner_table,
                                country_table))

    return PeriodReport(
        period=period,
        starts_on=period.starts_on if period else None,
        ends_on=period.ends_on if period else None,
        elapsed=elapsed, sections=sections,
        app_tables=dashboard.report_tables(), computed_at=snapshot.computed_at)


def period_report(user, filters) -> dict:
    """The PDF's context."""
    data = build(user, filters)
    return {"data": data, "span": describe_span(data),
            "elapsed_percent": round(data.elapsed * 100)}


def _indicator_headers() -> list[str]:
    return [gettext("Indicator"), gettext("Value"), gettext("Target"),
            gettext("Percentage reached"), gettext("Status")]


def period_tables(user, filters) -> list[Sheet]:
    """The XLSX: each table of the PDF on a sheet of its own, the same numbers."""
    data = build(user, filters)
    sheets: list[Sheet] = []
    for section in data.sections:
        sheets.append((
            gettext("%(wp)s indicators") % {"wp": section.short}, _indicator_headers(),
            [(line.label, line.value, number(line.target), line.percent, line.status_label)
             for line in section.lines]))
        if section.partners:
            sheets.append((gettext("%(wp)s per partner") % {"wp": section.short},
                           section.partners.columns, [tuple(r) for r in section.partners.rows]))
        if section.countries:
            sheets.append((gettext("%(wp)s per country") % {"wp": section.short},
                           section.countries.columns, [tuple(r) for r in section.countries.rows]))
    for table in data.app_tables:
        sheets.append((str(table.title), [str(c) for c in table.columns],
                       [tuple(row) for row in table.rows]))
    return sheets


def describe_span(data: PeriodReport) -> str:
    if data.period is None:
        return gettext("To date")
    return gettext("%(name)s, %(starts)s – %(ends)s") % {
        "name": data.period.name, "starts": date_format(data.starts_on),
        "ends": date_format(data.ends_on)}


register(Report(
    name="period_report",
    label=_("Period report"),
    description=_("The indicators of a reporting period (or to date) against their targets, per "
                  "work package, partner and country, for the funder; as a PDF or an Excel "
                  "file."),
    template="exports/reports/period_report.html",
    context=period_report,
    formats=("pdf", "xlsx"),
    filterset=period_parameters,
    tables=period_tables,
))
