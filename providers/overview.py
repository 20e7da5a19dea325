"""The country overview: per country, how many providers, networks and stakeholders are mapped,
and at which levels — as rows for the table and as bars for the chart.

Counted by :func:`country_overview`, the one function behind the Countries page and its PDF
(providers/exports.py), from the records of the registry's indicators (providers/indicators.py:
verified providers, networks, stakeholders), so the page, its PDF, the coordinators' dashboard
and the reports give one number per country, whoever looks. Stakeholders are the partners'
working map: people who may not see them get no stakeholder figures at all (the page and the PDF
leave their columns and bars out). Three grouped queries, whatever the number of records or
countries.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from netw.geo.regions import FOCUS_COUNTRIES
from netw.monitoring import indicators
from providers.vocabulary import Level

LEVELS = list(Level)


@dataclass
class CountryRow:
    code: str  # "" for records of no country (Europe-wide)
    name: str
    providers: int = 0
    networks: dict[str, int] = field(default_factory=lambda: dict.fromkeys(Level.values, 0))
    stakeholders: dict[str, int] = field(default_factory=lambda: dict.fromkeys(Level.values, 0))

    @property
    def is_focus(self) -> bool:
        """One of the five countries the project serves: it has a coverage page by region."""
        return self.code in FOCUS_COUNTRIES

    @property
    def is_empty(self) -> bool:
        return not (self.providers or self.network_total or self.stakeholder_total)

    @property
    def network_total(self) -> int:
        return sum(self.networks.values())

    @property
    def stakeholder_total(self) -> int:
        return sum(self.stakeholders.values())

    @property
    def network_levels(self) -> list[int]:
        return [self.networks[level] for level in Level.values]

    @property
    def stakeholder_levels(self) -> list[int]:
        return [self.stakeholders[level] for level in Level.values]


def country_rows(user) -> list[CountryRow]:
    """One row per country with at least one record counted (stakeholders only for those who
    may see them), and one for each of the five focus countries even with none, by country
    name; Europe-wide last."""
    rows: dict[str, CountryRow] = {}

    def row(code: str) -> CountryRow:
        if code not in rows:
            rows[code] = CountryRow(code=code, name=str(countries.name(code)) if code
                                    else str(_("Europe-wide (no country)")))
        return rows[code]

    def counted(code: str):
        return indicators.scoped(indicators.get(code)).order_by()

    for found in counted("wp1.providers_mapped").values("country").annotate(n=Count("pk")):
        row(found["country"]).providers = found["n"]
    kinds = [("wp1.networks_mapped", "networks")]
    if user.has_perm("providers.view_stakeholder"):
        kinds.append(("wp1.stakeholders", "stakeholders"))
    for code, attribute in kinds:
        for found in counted(code).values("country", "level").annotate(n=Count("pk")):
            getattr(row(found["country"]), attribute)[found["level"]] = found["n"]
    for code in FOCUS_COUNTRIES:
        row(code)
    return sorted(rows.values(), key=lambda r: (r.code == "", r.name))


@dataclass
class CountryOverview:
    """What the Countries page and its PDF show, for one person."""

    rows: list[CountryRow]
    total: CountryRow
    with_stakeholders: bool  # only for people who may see stakeholders

    @property
    def series(self) -> tuple[str, ...]:
        return SERIES if self.with_stakeholders else SERIES[:2]


def country_overview(user) -> CountryOverview:
    """The one count of the registry per country: the page and the PDF both call it."""
    rows = country_rows(user)
    return CountryOverview(rows=rows, total=totals(rows),
                           with_stakeholders=user.has_perm("providers.view_stakeholder"))


def totals(rows: list[CountryRow]) -> CountryRow:
    total = CountryRow(code="", name=str(_("All countries")))
    for r in rows:
        total.providers += r.providers
        for level in Level.values:
            total.networks[level] += r.networks[level]
            total.stakeholders[level] += r.stakeholders[level]
    return total


# --- The chart ---------------------------------------------------------------------------------


@dataclass
class Bar:
    series: str  # providers, networks, stakeholders: the CSS class and the legend
    value: int
    x: float
    y: float
    width: float
    height: float

    @property
    def text_x(self) -> float:
        return self.x + self.width + 4

    @property
    def text_y(self) -> float:
        return self.y + self.height - 1


@dataclass
class ChartGroup:
    label: str
    label_y: float
    bars: list[Bar]


@dataclass
class Chart:
    width: int
    height: int
    label_width: int
    groups: list[ChartGroup]
    ticks: list[tuple[float, int]]  # x position, value

    @property
    def label_x(self) -> int:
        return self.label_width - 8


SERIES = ("providers", "networks", "stakeholders")
BAR_HEIGHT = 12
GROUP_GAP = 12
LABEL_WIDTH = 190
PLOT_WIDTH = 460
VALUE_ROOM = 40


def _nice_ceiling(value: int) -> int:
    """The smallest 1, 2 or 5 times a power of ten at least ``value`` (axis maximum)."""
    step = 1
    while True:
        for m in (1, 2, 5):
            if m * step >= value:
                return m * step
        step *= 10


def bar_chart(rows: list[CountryRow], series: tuple[str, ...] = SERIES) -> Chart:
    """Horizontal bars, one per series and country, on one scale; drawn by the template as
    inline SVG."""

    def values_of(r: CountryRow) -> tuple[int, ...]:
        every = {"providers": r.providers, "networks": r.network_total,
                 "stakeholders": r.stakeholder_total}
        return tuple(every[name] for name in series)

    top = _nice_ceiling(max([1] + [max(values_of(r)) for r in rows]))
    scale = PLOT_WIDTH / top
    groups = []
    y = 24.0
    for r in rows:
        bars = [Bar(name, value, LABEL_WIDTH, y + i * BAR_HEIGHT, value * scale, BAR_HEIGHT - 1)
                for i, (name, value) in enumerate(zip(series, values_of(r), strict=True))]
        groups.append(ChartGroup(label=r.name, label_y=y + len(series) / 2 * BAR_HEIGHT + 4,
                                 bars=bars))
        y += len(series) * BAR_HEIGHT + GROUP_GAP
    divisions = 5 if top % 5 == 0 else (2 if top % 2 == 0 else 1)
    ticks = [(LABEL_WIDTH + PLOT_WIDTH * i / divisions, top * i // divisions)
             for i in range(divisions + 1)]
    return Chart(width=LABEL_WIDTH + PLOT_WIDTH + VALUE_ROOM, height=int(y) + 4,
                 label_width=LABEL_WIDTH, groups=groups, ticks=ticks)
