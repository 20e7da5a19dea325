"""The monitoring dashboard (issue #16): every indicator against its targets, per work package,
partner, country and quarter, and the drill-down listing the records behind a figure.

Every figure on the dashboard comes from one :func:`indicators.snapshot` (a fixed number of
queries whatever the row count, cached under the data version); the drill-down lists
:func:`indicators.visible_records`, the records the person may see among those counted.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_countries import countries

from netw import roles
from netw.access import login_for_visitors, require
from netw.forms import FOCUS_COUNTRIES
from netw.monitoring import indicators
from netw.monitoring.charts import quarter_chart, quarter_label
from netw.monitoring.models import ReportingPeriod, Status, Target, progress_percent, status_of
from netw.pagination import paginate
from netw.workpackages import WorkPackage
from providers.models import Partner

PERM = "netw.view_monitoring"


# --- Reading the request -----------------------------------------------------------------------


def _period(request: HttpRequest, periods: list[ReportingPeriod] | None = None
            ) -> ReportingPeriod | None:
    """The period asked for in ``?period=`` (none: to date); an unknown one is a 404."""
    raw = request.GET.get("period", "").strip()
    if not raw:
        return None
    if not raw.isdigit():
        raise Http404("No such reporting period.")
    if periods is not None:
        found = next((p for p in periods if p.pk == int(raw)), None)
    else:
        found = ReportingPeriod.objects.visible_to(request.user).filter(pk=int(raw)).first()
    if found is None:
        raise Http404("No such reporting period.")
    return found


def _elapsed(period: ReportingPeriod | None, periods: list[ReportingPeriod]) -> float:
    """How much of the period has passed; to date, of the span of every period (1 without
    periods: the whole target is due)."""
    if period is not None:
        return period.elapsed_share()
    if not periods:
        return 1.0
    whole = ReportingPeriod(starts_on=min(p.starts_on for p in periods),
                            ends_on=max(p.ends_on for p in periods))
    return whole.elapsed_share()


def _shown(indicator: indicators.Indicator, value) -> str:
    """A figure as the page writes it: an average without ratings says so."""
    if value is None:
        return _("no rating yet")
    if isinstance(value, Decimal):
        return number_format(value, decimal_pos=indicator.decimals)
    return number_format(value)


def _target_text(target: Decimal) -> str:
    return number_format(target.normalize() if target == target.to_integral() else target)


# --- The dashboard -----------------------------------------------------------------------------


@dataclass
class Cell:
    """One figure against its target (a target may be absent: no status then)."""

    indicator: indicators.Indicator
    value: Any
    target: Decimal | None
    elapsed: float
    url: str = ""

    @property
    def text(self) -> str:
        return _shown(self.indicator, self.value)

    @property
    def target_text(self) -> str:
        return _target_text(self.target) if self.target is not None else ""

    @property
    def status(self) -> str | None:
        return status_of(self.value, self.target, elapsed=self.elapsed,
                         average=self.indicator.measure == indicators.AVERAGE)

    @property
    def status_label(self) -> str:
        return Status(self.status).label if self.status else ""

    @property
    def percent(self) -> int | None:
        return progress_percent(self.value, self.target)

    @property
    def progress_text(self) -> str:
        if self.target is None:
            return ""
        return _("%(value)s of %(target)s (%(percent)s %%)") % {
            "value": self.text, "target": self.target_text, "percent": self.percent or 0}

    @property
    def meter_value(self) -> str:
        """The <meter>'s value, capped at the target, with a dot whatever the language."""
        if self.value is None or self.target is None:
            return "0"
        return str(min(Decimal(self.value), self.target))

    @property
    def meter_max(self) -> str:
        return str(self.target) if self.target is not None else "1"


@dataclass
class IndicatorRow(Cell):
    anchor: str = ""


@dataclass
class Section:
    work_package: WorkPackage
    rows: list[IndicatorRow] = field(default_factory=list)


@dataclass
class GroupRow:
    """A partner's or a country's row of a side-by-side table."""

    key: Any
    name: str
    cells: list[Cell | None]


def _targets(period: ReportingPeriod | None) -> tuple[dict, dict, dict]:
    """The targets of the period (to date: those for the whole project), one query:
    project {code: value}, partner {(code, partner id): value}, country {(code, code): value}."""
    project, partner, country = {}, {}, {}
    for target in Target.objects.for_period(period):
        if target.scope == Target.Scope.PARTNER:
            partner[(target.indicator, target.partner_id)] = target.value
        elif target.scope == Target.Scope.COUNTRY:
            country[(target.indicator, str(target.country))] = target.value
        else:
            project[target.indicator] = target.value
    return project, partner, country


def _query(**params) -> str:
    kept = {k: v for k, v in params.items() if v not in (None, "")}
    return "?" + urlencode(kept) if kept else ""


@login_for_visitors
def dashboard(request: HttpRequest) -> HttpResponse:
    user = request.user
    require(user, PERM)
    periods = list(ReportingPeriod.objects.all())
    period = _period(request, periods)
    elapsed = _elapsed(period, periods)
    snap = indicators.snapshot(period)
    project_targets, partner_targets, country_targets = _targets(period)
    every = indicators.all_indicators()

    sections: list[Section] = []
    behind: list[IndicatorRow] = []
    for wp in WorkPackage:
        section = Section(wp)
        for ind in every:
            if ind.work_package != wp:
                continue
            row = IndicatorRow(ind, snap.total(ind.code), project_targets.get(ind.code), elapsed,
                               url=indicators.drilldown_url(ind, period),
                               anchor="ind-" + ind.code.replace(".", "-"))
            section.rows.append(row)
            if row.status == Status.BEHIND:
                behind.append(row)
        if section.rows:
            sections.append(section)

    # Partners side by side: coordinators see every partner, everyone else their own.
    all_partners = list(Partner.objects.order_by("short_name"))
    if roles.is_coordinator(user):
        partners = all_partners
    else:
        mine = roles.partner_ids(user)
        partners = [p for p in all_partners if p.pk in mine]
    partner_tables = []
    for section in sections:
        columns = [row.indicator for row in section.rows if row.indicator.partner_field]
        if not columns:
            continue
        rows = [GroupRow(p.pk, p.short_name, [
            Cell(ind, snap[ind.code].partners.get(p.pk, _empty(ind)),
                 partner_targets.get((ind.code, p.pk)), elapsed,
                 url=indicators.drilldown_url(ind, period, partner=p.pk))
            for ind in columns]) for p in partners]
        partner_tables.append({"work_package": section.work_package, "columns": columns,
                               "rows": rows})

    # Countries side by side: those with records, and the five focus countries always.
    country_columns = [ind for ind in every if ind.country_field]
    codes = set(FOCUS_COUNTRIES)
    for ind in country_columns:
        codes.update(code for code in snap[ind.code].countries if code)
    country_rows = sorted((GroupRow(code, countries.name(code) or code, [
        Cell(ind, snap[ind.code].countries.get(code, _empty(ind)),
             country_targets.get((ind.code, code)), elapsed,
             url=indicators.drilldown_url(ind, period, country=code))
        for ind in country_columns]) for code in codes), key=lambda r: str(r.name))

    # The trend of one indicator per quarter.
    trend = indicators.get(request.GET.get("trend", "")) or (every[0] if every else None)
    chart = None
    quarters = []
    if trend is not None:
        quarters = [(quarter_label(day), _shown(trend, v)) for day, v in snap[trend.code].quarters]
        chart = quarter_chart(snap[trend.code].quarters)

    return render(request, "monitoring/dashboard.html", {
        "periods": periods, "period": period, "snapshot": snap,
        "elapsed_percent": round(elapsed * 100),
        "sections": sections, "behind": behind,
        "partner_tables": partner_tables, "sees_all_partners": roles.is_coordinator(user),
        "country_columns": country_columns, "country_rows": country_rows,
        "indicators": every, "trend": trend, "chart": chart, "quarters": quarters,
    })


def _empty(indicator):
    return None if indicator.measure == indicators.AVERAGE else 0


# --- The drill-down ----------------------------------------------------------------------------


def _path_value(record, path: str):
    value = record
    for name in path.split("__"):
        if value is None:
            return None
        value = getattr(value, name, None)
    return value


def _relations(ind: indicators.Indicator) -> list[str]:
    """What each row reads across a relation: the indicator's own list, the partner, and the
    relations on the way to the date, the country and the measured field."""
    found = list(ind.related)
    if ind.partner_field:
        found.append(ind.partner_field)
    for path in (ind.date_field, ind.country_field or "", ind.field):
        if "__" in path:
            found.append(path.rsplit("__", 1)[0])
    return list(dict.fromkeys(found))


def _as_date(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


@login_for_visitors
def drilldown(request: HttpRequest, code: str) -> HttpResponse:
    user = request.user
    require(user, PERM)
    ind = indicators.get(code)
    if ind is None:
        raise Http404("No such indicator.")
    period = _period(request)
    partner = None
    raw_partner = request.GET.get("partner", "").strip()
    if raw_partner:
        if not raw_partner.isdigit():
            raise Http404("No such partner.")
        partner = Partner.objects.visible_to(request.user).filter(pk=int(raw_partner)).first()
        if partner is None:
            raise Http404("No such partner.")
        if not ind.partner_field:
            messages.info(request, _("This indicator is not counted per partner: every "
                                     "partner's records are listed."))
            partner = None
    country = request.GET.get("country", "").strip().upper()
    if country:
        if country not in dict(countries):
            raise Http404("No such country.")
        if not ind.country_field:
            messages.info(request, _("This indicator is not counted per country: every "
                                     "country's records are listed."))
            country = ""

    counted = indicators.scoped(ind, period, partner=partner, country=country).count()
    records = (indicators.visible_records(ind, user, period, partner=partner, country=country)
               .select_related(*_relations(ind))
               .order_by(f"-{ind.date_field}", "-pk"))
    page_obj = paginate(request, records)
    shown = page_obj.paginator.count
    rows = []
    for record in page_obj.object_list:
        text, url = indicators.describe(ind, record)
        found_partner = _path_value(record, ind.partner_field) if ind.partner_field else None
        found_country = _path_value(record, ind.country_field) if ind.country_field else None
        rows.append({
            "text": text, "url": url,
            "date": _as_date(_path_value(record, ind.date_field)),
            "partner": found_partner,
            "country": getattr(found_country, "name", found_country) or "",
            "value": (_shown(ind, _path_value(record, ind.field))
                      if ind.measure in (indicators.SUM, indicators.AVERAGE) else ""),
        })

    scope = []
    if partner is not None:
        scope.append(_("for %(partner)s") % {"partner": partner.short_name})
    if country:
        scope.append(_("in %(country)s") % {"country": countries.name(country)})
    if period is not None:
        scope.append(_("in %(period)s") % {"period": period.name})
    else:
        scope.append(_("to date"))
    heading = ngettext("%(count)s record behind ‘%(indicator)s’",
                       "%(count)s records behind ‘%(indicator)s’", shown) % {
        "count": number_format(shown), "indicator": ind.label}
    heading = " ".join([heading, *scope])
    figure = indicators.value(ind, period, partner=partner, country=country)
    return render(request, "monitoring/drilldown.html", {
        "indicator": ind, "period": period, "partner": partner, "country": country,
        "heading": heading, "page_obj": page_obj, "rows": rows,
        "hidden": max(0, counted - shown), "figure": _shown(ind, figure),
        "shows_value": ind.measure in (indicators.SUM, indicators.AVERAGE),
        "back_url": reverse("monitoring:dashboard") + _query(period=period.pk if period else ""),
    })
