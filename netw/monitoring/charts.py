"""The dashboard's trend chart: one bar per quarter, drawn on the server as inline SVG (no
script), with the same figures in a table next to it (templates/monitoring/includes/)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

PLOT_HEIGHT = 160
BAR_WIDTH = 48
BAR_GAP = 10
AXIS_ROOM = 40  # left: the scale's figures
TOP_ROOM = 20  # above the highest bar: its figure
LABEL_ROOM = 24  # under the bars: the quarter


@dataclass(frozen=True)
class QuarterBar:
    label: str
    value: str
    x: float
    y: float
    width: float
    height: float

    @property
    def text_x(self) -> float:
        return self.x + self.width / 2

    @property
    def value_y(self) -> float:
        return self.y - 4


@dataclass(frozen=True)
class QuarterChart:
    width: int
    height: int
    bars: list[QuarterBar]
    ticks: list[tuple[float, str]]  # y position, value
    baseline: float
    label_y: float


def quarter_label(day: datetime.date) -> str:
    return _("Q%(quarter)s %(year)s") % {"quarter": (day.month - 1) // 3 + 1, "year": day.year}


def _nice_ceiling(value: float) -> float:
    """The smallest 1, 2 or 5 times a power of ten at least ``value`` (the axis maximum)."""
    step = 1.0
    while step * 10 < value:
        step *= 10
    for m in (1, 2, 5, 10):
        if m * step >= value:
            return m * step
    return 10 * step


def _figure(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return str(value)


def quarter_chart(quarters: list[tuple[datetime.date, object]]) -> QuarterChart | None:
    """Vertical bars, one per quarter with records, on one scale; None without any."""
    if not quarters:
        return None
    top = _nice_ceiling(max([1.0] + [float(v or 0) for _day, v in quarters]))
    baseline = TOP_ROOM + PLOT_HEIGHT
    bars = []
    for i, (day, v) in enumerate(quarters):
        height = PLOT_HEIGHT * float(v or 0) / top
        x = AXIS_ROOM + BAR_GAP + i * (BAR_WIDTH + BAR_GAP)
        bars.append(QuarterBar(quarter_label(day), _figure(v), x, baseline - height, BAR_WIDTH,
                               height))
    divisions = next((d for d in (4, 5, 2) if (top / d) == int(top / d)), 1) if top >= 2 else 1
    ticks = []
    for i in range(divisions + 1):
        tick = top * i / divisions
        ticks.append((baseline - PLOT_HEIGHT * i / divisions,
                      str(int(tick)) if tick == int(tick) else f"{tick:g}"))
    width = AXIS_ROOM + BAR_GAP + len(bars) * (BAR_WIDTH + BAR_GAP)
    return QuarterChart(width=max(width, 200), height=baseline + LABEL_ROOM, bars=bars,
                        ticks=ticks, baseline=baseline, label_y=baseline + 16)
