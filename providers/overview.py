"""The country overview: per country, how many providers, networks and stakeholders are mapped,
and at which levels — as rows for the table and as bars for the chart.

Three grouped queries, whatever the number of records or countries. Providers are counted as the
person sees them (visitors: verified ones). Networks are public. Stakeholders are counted for
everyone although only partners see their pages: a count names nobody.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from providers.models import Network, Provider, Stakeholder
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
    """One row per country with at least one record, by country name; Europe-wide last."""
    rows: dict[str, CountryRow] = {}

    def row(code: str) -> CountryRow:
        if code not in rows:
            rows[code] = CountryRow(code=code, name=str(countries.name(code)) if code
                                    else str(_("Europe-wide (no country)")))
        return rows[code]

    for found in (Provider.objects.visible_to(user).order_by().values("country")
                  .annotate(n=Count("pk"))):
        row(found["country"]).providers = found["n"]
    for model, attribute in ((Network, "networks"), (Stakeholder, "stakeholders")):
        for found in model.objects.order_by().values("country", "level").annotate(n=Count("pk")):
            getattr(row(found["country"]), attribute)[found["level"]] = found["n"]
    return sorted(rows.values(), key=lambda r: (r.code == "", r.name))


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


def bar_chart(rows: list[CountryRow]) -> Chart:
    """Horizontal bars, three per country, on one scale; drawn by the template as inline SVG."""
    top = _nice_ceiling(max([1] + [max(r.providers, r.network_total, r.stakeholder_total)
                                   for r in rows]))
    scale = PLOT_WIDTH / top
    groups = []
    y = 24.0
    for r in rows:
        values = (r.providers, r.network_total, r.stakeholder_total)
        bars = [Bar(series, value, LABEL_WIDTH, y + i * BAR_HEIGHT, value * scale, BAR_HEIGHT - 1)
                for i, (series, value) in enumerate(zip(SERIES, values, strict=True))]
        groups.append(ChartGroup(label=r.name, label_y=y + 1.5 * BAR_HEIGHT + 4, bars=bars))
        y += len(SERIES) * BAR_HEIGHT + GROUP_GAP
    divisions = 5 if top % 5 == 0 else (2 if top % 2 == 0 else 1)
    ticks = [(LABEL_WIDTH + PLOT_WIDTH * i / divisions, top * i // divisions)
             for i in range(divisions + 1)]
    return Chart(width=LABEL_WIDTH + PLOT_WIDTH + VALUE_ROOM, height=int(y) + 4,
                 label_width=LABEL_WIDTH, groups=groups, ticks=ticks)
