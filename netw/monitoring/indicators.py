"""The project's indicators: each named figure defined once, computed by one function.

An app declares its indicators in ``<app>/indicators.py``::

    def indicators() -> list[Indicator]:
        return [Indicator(
            code="wp1.sessions_held", work_package=WorkPackage.CAPACITY_BUILDING,
            label=_("Peer sessions held"),
            definition=_("Scheduled sessions that have ended (drafts and cancelled ones do not "
                         "count), by the date they ended and the partner that hosted them."),
            records=lambda: Session.objects.held(),
            date_field="ends_at",
            visible=lambda user: Session.objects.visible_to(user),
        )]

``records`` are every record that counts, to date ("held" means held, "published" means
published); ``date_field`` places a record in a reporting period; ``partner_field`` and
``country_field`` (paths from the record) put it in a partner's or a country's column.
``measure`` says what the figure is: how many records (``count``), the sum or the average of
``field``, or how many distinct values of ``field`` there are (``distinct``: guidebook languages).

Everything that shows an indicator — the coordinators' dashboard, My home, the partner pages, the
activity and period reports, the exports and the open data — reads it through :func:`value`,
:func:`snapshot` or :func:`scoped` here, so one figure is the same number everywhere, and the
drill-down lists exactly the records it counted (``scoped``, narrowed to what the person may see).

The values are aggregates computed in the database: a snapshot of every indicator for a period
(total, per partner, per country, per quarter) costs a fixed number of queries whatever the row
count, and is cached under the data version (:mod:`netw.dataversion`), which any write to an
indicator's records bumps: a cached snapshot is never stale, and says when it was computed.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.cache import cache
from django.db import models
from django.db.models import Avg, Count, QuerySet, Sum
from django.db.models.functions import TruncQuarter
from django.utils import timezone
from django.utils.functional import Promise

from netw import dataversion
from netw.discovery import gather

COUNT, SUM, AVERAGE, DISTINCT = "count", "sum", "average", "distinct"
SNAPSHOT_TTL = 24 * 3600  # a safety net only: the data version keeps snapshots fresh


@dataclass(frozen=True)
class Indicator:
    code: str  # stable: targets and exports name it ("wp1.sessions_held")
    work_package: int  # a netw.workpackages.WorkPackage
    label: str | Promise
    definition: str | Promise  # what counts, from which records, in which states
    records: Callable[[], QuerySet]
    date_field: str
    partner_field: str | None = "owner_partner"
    country_field: str | None = None
    measure: str = COUNT
    field: str = ""  # what a sum, an average or a distinct count reads
    # The records a person may see (drill-down); the model's visible_to(user) when not given.
    visible: Callable[[Any], QuerySet] | None = None
    # Further models whose writes change the figure (the records' own model is always watched).
    depends_on: tuple[type[models.Model], ...] = ()
    position: int = 0
    decimals: int = 1  # an average's shown precision
    # How the drill-down names a record and where it links: (text, url). By default the
    # record's str() and get_absolute_url(); records about people name their event instead.
    describe: Callable[[Any], tuple[str, str]] | None = None
    # The relations the drill-down list reads for each record (select_related).
    related: tuple[str, ...] = ()
    # Its records are public, so anyone may be shown the figure (visitors and learners too),
    # linked to the public list at ``public_url`` that shows the same records.
    public: bool = False
    public_url: Callable[[], str] | None = None

    @property
    def model(self) -> type[models.Model]:
        return self.records().model

    @property
    def target_scopes(self) -> tuple[str, ...]:
        """Where a target makes sense: the project always, a partner and a country when the
        indicator has that column."""
        scopes = ["project"]
        if self.partner_field:
            scopes.append("partner")
        if self.country_field:
            scopes.append("country")
        return tuple(scopes)

    def aggregate(self):
        if self.measure == SUM:
            return Sum(self.field)
        if self.measure == AVERAGE:
            return Avg(self.field)
        if self.measure == DISTINCT:
            return Count(self.field, distinct=True)
        return Count("pk", distinct=True)

    def clean_value(self, raw) -> int | Decimal | None:
        """Zero for a count or a sum without records; an average without any is ``None`` (no
        rating yet is not a rating of zero)."""
        if self.measure == AVERAGE:
            if raw is None:
                return None
            return Decimal(str(raw)).quantize(Decimal(10) ** -(self.decimals or 1))
        return int(raw or 0)


# --- The registry ------------------------------------------------------------------------------


@functools.cache
def _registry() -> dict[str, Indicator]:
    found = sorted(gather("indicators", "indicators"),
                   key=lambda i: (i.work_package, i.position))
    return {indicator.code: indicator for indicator in found}


def all_indicators() -> list[Indicator]:
    return list(_registry().values())


def get(code: str) -> Indicator | None:
    return _registry().get(code)


def of_work_package(work_package: int) -> list[Indicator]:
    return [i for i in all_indicators() if i.work_package == int(work_package)]


def choices() -> list[tuple[str, str]]:
    return [(i.code, str(i.label)) for i in all_indicators()]


def watch_records() -> None:
    """Bump the data version whenever an indicator's records change (called once per process,
    when the apps are ready)."""
    for indicator in all_indicators():
        dataversion.watch(indicator.model)
        for model in indicator.depends_on:
            dataversion.watch(model)


# --- Periods -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """The dates a figure is read for, both included; ``None`` on a side leaves it open."""

    starts_on: datetime.date | None = None
    ends_on: datetime.date | None = None

    @property
    def key(self) -> str:
        return f"{self.starts_on or ''}..{self.ends_on or ''}"

    @classmethod
    def of(cls, period) -> Span:
        """A reporting period (anything with ``starts_on`` and ``ends_on``), or to date."""
        if period is None:
            return TO_DATE
        if isinstance(period, Span):
            return period
        return cls(period.starts_on, period.ends_on)


TO_DATE = Span()


def _field_of(model, path: str) -> models.Field:
    field = None
    for name in path.split("__"):
        field = model._meta.get_field(name)
        if field.is_relation:
            model = field.related_model
    return field


def _in_span(indicator: Indicator, span: Span) -> dict[str, Any]:
    """The lookups that keep the records dated within ``span``."""
    lookups: dict[str, Any] = {}
    if span.starts_on is None and span.ends_on is None:
        return lookups
    path = indicator.date_field
    if isinstance(_field_of(indicator.model, path), models.DateTimeField):
        zone = timezone.get_default_timezone()  # the project's calendar, not the viewer's

        def midnight(day):
            return datetime.datetime.combine(day, datetime.time.min, tzinfo=zone)

        if span.starts_on:
            lookups[f"{path}__gte"] = midnight(span.starts_on)
        if span.ends_on:
            lookups[f"{path}__lt"] = midnight(span.ends_on + datetime.timedelta(days=1))
    else:
        if span.starts_on:
            lookups[f"{path}__gte"] = span.starts_on
        if span.ends_on:
            lookups[f"{path}__lte"] = span.ends_on
    return lookups


# --- Computing ---------------------------------------------------------------------------------


def scoped(indicator: Indicator, period=None, *, partner=None, country: str = "") -> QuerySet:
    """The records the figure counts for ``period`` (a reporting period, a :class:`Span`, or
    ``None`` for to date), one partner and one country when given."""
    qs = indicator.records().filter(**_in_span(indicator, Span.of(period)))
    if partner is not None and indicator.partner_field:
        qs = qs.filter(**{indicator.partner_field: partner})
    if country and indicator.country_field:
        qs = qs.filter(**{indicator.country_field: country})
    return qs


def visible_records(indicator: Indicator, user, period=None, *, partner=None,
                    country: str = "") -> QuerySet:
    """The drill-down: the records behind the figure that ``user`` may see."""
    qs = scoped(indicator, period, partner=partner, country=country)
    mine = indicator.visible(user) if indicator.visible else \
        indicator.model._default_manager.visible_to(user)
    return qs.filter(pk__in=mine.values("pk"))


def describe(indicator: Indicator, record) -> tuple[str, str]:
    """(text, url) naming one record of the drill-down list."""
    if indicator.describe is not None:
        return indicator.describe(record)
    url = record.get_absolute_url() if hasattr(record, "get_absolute_url") else ""
    return str(record), url


def drilldown_url(indicator: Indicator, period=None, *, partner=None, country: str = "") -> str:
    """The page that lists the records behind the figure (for the partners' staff)."""
    from urllib.parse import urlencode

    from django.urls import reverse

    query = {}
    if period is not None and getattr(period, "pk", None):
        query["period"] = period.pk
    if partner is not None:
        query["partner"] = getattr(partner, "pk", partner)
    if country:
        query["country"] = country
    url = reverse("monitoring:drilldown", args=[indicator.code])
    return f"{url}?{urlencode(query)}" if query else url


def value(indicator: Indicator, period=None, *, partner=None, country: str = ""):
    """The figure: one aggregate query."""
    qs = scoped(indicator, period, partner=partner, country=country).order_by()
    return indicator.clean_value(qs.aggregate(v=indicator.aggregate())["v"])


def _grouped(indicator: Indicator, period, path: str) -> dict:
    qs = scoped(indicator, period).order_by().values(path).annotate(v=indicator.aggregate())
    return {key: indicator.clean_value(v) for key, v in qs.values_list(path, "v")
            if key not in (None, "")}


def by_partner(indicator: Indicator, period=None) -> dict[int, Any]:
    """Partner id → figure, one grouped query (partners without records are absent: zero)."""
    if not indicator.partner_field:
        return {}
    return _grouped(indicator, period, indicator.partner_field)


def by_country(indicator: Indicator, period=None) -> dict[str, Any]:
    """Country code → figure, one grouped query."""
    if not indicator.country_field:
        return {}
    return {str(k): v for k, v in _grouped(indicator, period, indicator.country_field).items()}


def by_quarter(indicator: Indicator, period=None) -> list[tuple[datetime.date, Any]]:
    """(first day of the quarter, figure) for each quarter with records, in order: the figure
    of the records dated in that quarter (not a running total)."""
    qs = (scoped(indicator, period).order_by()
          .annotate(quarter=TruncQuarter(indicator.date_field))
          .values("quarter").annotate(v=indicator.aggregate()).order_by("quarter"))
    rows = []
    for quarter, v in qs.values_list("quarter", "v"):
        if quarter is None:
            continue
        if isinstance(quarter, datetime.datetime):
            quarter = timezone.localtime(quarter, timezone.get_default_timezone()).date() \
                if timezone.is_aware(quarter) else quarter.date()
        rows.append((quarter, indicator.clean_value(v)))
    return rows


@dataclass(frozen=True)
class Reading:
    """One indicator read for a period: the total, per partner, per country, per quarter."""

    code: str
    total: Any
    partners: dict[int, Any]
    countries: dict[str, Any]
    quarters: list[tuple[datetime.date, Any]]


@dataclass(frozen=True)
class Snapshot:
    span: Span
    readings: dict[str, Reading]
    computed_at: datetime.datetime
    version: int

    def __getitem__(self, code: str) -> Reading:
        return self.readings[code]

    def total(self, code: str):
        return self.readings[code].total


def compute(period=None) -> Snapshot:
    """Every indicator for ``period``, computed now: four aggregate queries per indicator."""
    span = Span.of(period)
    version = dataversion.current()
    readings = {}
    for indicator in all_indicators():
        readings[indicator.code] = Reading(
            indicator.code, value(indicator, span), by_partner(indicator, span),
            by_country(indicator, span), by_quarter(indicator, span))
    return Snapshot(span, readings, timezone.now(), version)


def snapshot(period=None) -> Snapshot:
    """:func:`compute`, cached per period under the data version: computed again only after a
    record behind an indicator changed."""
    span = Span.of(period)
    key = f"netw:indicators:{dataversion.current()}:{span.key}"
    found = cache.get(key)
    if found is None:
        found = compute(span)
        cache.set(key, found, SNAPSHOT_TTL)
    return found
