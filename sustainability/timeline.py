"""The roadmap's timeline, laid out on the server and drawn by the template as inline SVG: the
phases as bars over the years, their milestones as markers (a shape per status, so colour is
never the only sign), and a line at today. The page's table of phases and milestones says the
same in words; the SVG is hidden from screen readers behind its title and description (as the
registry's country chart, providers/overview.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from .models import Milestone, RoadmapPhase

WIDTH = 960
SIDE = 16
PLOT = WIDTH - 2 * SIDE
AXIS_HEIGHT = 34
ROW = 48
BAR_HEIGHT = 16
MARKER = 7  # half the marker's size


@dataclass
class Marker:
    milestone: Milestone | None
    x: float
    y: float
    shape: str  # the milestone's shown status: planned, on_track, late, done, dropped

    @property
    def points(self) -> str:
        """The triangle of a late milestone."""
        m = MARKER
        return (f"{self.x:.1f},{self.y - m:.1f} {self.x + m:.1f},{self.y + m - 1:.1f} "
                f"{self.x - m:.1f},{self.y + m - 1:.1f}")

    @property
    def diamond(self) -> str:
        m = MARKER
        return (f"{self.x:.1f},{self.y - m:.1f} {self.x + m:.1f},{self.y:.1f} "
                f"{self.x:.1f},{self.y + m:.1f} {self.x - m:.1f},{self.y:.1f}")

    @property
    def left(self) -> float:
        return self.x - MARKER + 1

    @property
    def right(self) -> float:
        return self.x + MARKER - 1

    @property
    def top(self) -> float:
        return self.y - MARKER + 1

    @property
    def bottom(self) -> float:
        return self.y + MARKER - 1


@dataclass
class PhaseBar:
    phase: RoadmapPhase
    x: float
    width: float
    y: float
    label_x: float
    label_y: float
    label_anchor: str
    markers: list[Marker]


@dataclass
class YearTick:
    x: float
    label: int
    label_x: float


@dataclass
class Timeline:
    width: int
    height: int
    bars: list[PhaseBar]
    years: list[YearTick]
    today_x: float | None
    bar_height: int = BAR_HEIGHT

    @property
    def axis_y(self) -> int:
        return AXIS_HEIGHT - 8


def timeline(phases: Iterable[RoadmapPhase], *, today: dt.date) -> Timeline | None:
    """The layout of ``phases`` (their ``milestones`` already fetched, as the page shows them),
    whole years wide; None when there is nothing to draw."""
    phases = list(phases)
    if not phases:
        return None
    dates = [d for p in phases for d in (p.starts_on, p.ends_on)]
    dates += [m.due_on for p in phases for m in p.milestones.all()]
    start = dt.date(min(dates).year, 1, 1)
    end = dt.date(max(dates).year + 1, 1, 1)
    days = (end - start).days

    def x(day: dt.date) -> float:
        return SIDE + PLOT * (day - start).days / days

    bars = []
    for row, phase in enumerate(phases):
        top = AXIS_HEIGHT + row * ROW
        bar_y = top + 20
        left, right = x(phase.starts_on), x(phase.ends_on + dt.timedelta(days=1))
        # The title over the bar, kept inside the chart: right-aligned for a bar near the end.
        late_start = left > SIDE + PLOT * 0.6
        markers = [Marker(m, x(m.due_on), bar_y + BAR_HEIGHT / 2, m.shown_status)
                   for m in phase.milestones.all()]
        bars.append(PhaseBar(phase=phase, x=left, width=max(right - left, 2), y=bar_y,
                             label_x=right if late_start else left, label_y=top + 14,
                             label_anchor="end" if late_start else "start", markers=markers))
    years = [YearTick(x=x(dt.date(year, 1, 1)), label=year,
                      label_x=x(dt.date(year, 7, 1)))
             for year in range(start.year, end.year)]
    today_x = x(today) if start <= today < end else None
    return Timeline(width=WIDTH, height=AXIS_HEIGHT + len(phases) * ROW + 4, bars=bars,
                    years=years, today_x=today_x)


def legend() -> list[tuple[str, Marker]]:
    """Each status with its marker, drawn in a 16-pixel square for the chart's legend."""
    from .models import MilestoneStatus

    return [(status.label, Marker(milestone=None, x=8, y=8, shape=status.value))
            for status in MilestoneStatus]
