"""The logged-in home's dashboard: what waits for me, and the project at a glance.

Each app adds its part in ``<app>/dashboard.py``:

    def attention(user) -> list[Attention]   # what this person should act on (a few counts)
    def panels(user) -> list[Panel]          # short lists of the person's own things
    def report_tables() -> list[ReportTable] # the funder's activity report (a PDF), in detail
    def quick_actions(user) -> list[QuickAction]  # "What you can do": links this person may use

Attention items are counted per request: an item whose ``count`` is a QuerySet (or a tuple of
them, added up) is counted together with every other app's in one query (:func:`count_together`),
its ``text`` a plural made with ``ngettext_lazy(singular, plural, "count")``. The project's
figures are its indicators (``<app>/indicators.py``, netw/monitoring): aggregates computed once and
cached until a record behind them changes.

A figure or a report table may name its ``section`` (a work package's name): My home, the
partner pages and the activity report show the figures and tables of one section together under
its heading, after those without a section.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import QuerySet
from django.utils.functional import Promise
from django.utils.translation import get_language

from netw.discovery import gather

FIGURES_TTL = 300


@dataclass(frozen=True)
class Attention:
    """Something to act on: "3 methodologies await your review"."""

    # Translated, with the count in it; or, while ``count`` is a query, the lazy plural that
    # ``% {"count": n}`` completes.
    text: str | Promise
    url: str
    count: int | QuerySet | tuple[QuerySet, ...]
    urgent: bool = False  # overdue, or others wait on it


@dataclass(frozen=True)
class Panel:
    """A short list drawn by its app's template: on the home page (``panels(user)`` in
    ``<app>/dashboard.py``), or on another app's record page (``<app>/panels.py``, e.g.
    ``provider_panels(provider, user)`` on the registry's provider page); shown with
    ``{% render_panel panel %}``."""

    template: str
    context: dict


@dataclass(frozen=True)
class Figure:
    """One of the project's key figures, the same number for everyone who is shown it.

    A figure counts what everyone may see (verified providers, published methodologies), so one
    cached list serves every person without carrying anyone's private counts. A figure about
    records only some people see (stakeholders, partners-only) names the permission in
    ``perm``: it is shown to those who have it, and its value must be what each of them finds
    on the list at ``url`` (every stakeholder, for every registry member).
    """

    label: str | Promise
    value: int | str
    url: str = ""
    detail: str | Promise = ""
    perm: str = ""
    section: str | Promise = ""  # a heading to group it under (a work package's name)


@dataclass(frozen=True)
class ReportTable:
    """One table of the activity report: a title, column headers and rows of cells."""

    title: str | Promise
    columns: list[str | Promise]
    rows: list[list]
    empty: str | Promise = ""  # what to say when there is no row
    section: str | Promise = ""  # a heading to group it under (a work package's name)


@dataclass(frozen=True)
class QuickAction:
    """One of the main things a person's role lets them do ("Register a provider"), listed on My
    home. An app returns only those the person has the permission for (its rules)."""

    label: str | Promise
    url: str


def _gather(hook: str, *args) -> list:
    """What every app's ``<app>/dashboard.py`` returns for ``hook``, in the apps' order."""
    return gather("dashboard", hook, *args)


def _querysets(item: Attention) -> tuple[QuerySet, ...]:
    if isinstance(item.count, int):
        return ()
    return item.count if isinstance(item.count, tuple) else (item.count,)


def attention_for(user) -> list[Attention]:
    """Every app's attention items that count something, urgent ones first: all the counts
    that are still queries in one query."""
    items = _gather("attention", user)
    counts = iter(count_together([qs for item in items for qs in _querysets(item)]))
    counted = []
    for item in items:
        if not isinstance(item.count, int):
            n = sum(next(counts) for _ in _querysets(item))
            item = replace(item, text=item.text % {"count": n}, count=n)
        if item.count:
            counted.append(item)
    return sorted(counted, key=lambda item: not item.urgent)


def count_together(querysets: list[QuerySet]) -> list[int]:
    """The row counts of ``querysets``, in their order, from one query of scalar subqueries
    (on the default database)."""
    parts, params, counts = [], [], []
    for qs in querysets:
        try:
            sql, qs_params = qs.order_by().values("pk").query.sql_with_params()
        except EmptyResultSet:  # .none(), or an empty ``__in``: nothing to ask
            counts.append(0)
            continue
        counts.append(None)
        # The SQL is Django's own compilation of the query; values travel as parameters.
        parts.append(f"(SELECT COUNT(*) FROM ({sql}) netw_counted_{len(parts)})")  # noqa: S608
        params.extend(qs_params)
    if parts:
        with connection.cursor() as cursor:
            cursor.execute("SELECT " + ", ".join(parts), params)
            found = iter(cursor.fetchone())
        counts = [next(found) if n is None else n for n in counts]
    return counts


ACTIONS_PANEL_SIZE = 5


def panels_for(user) -> list[Panel]:
    """Every app's panels, then the person's most pressing open actions of every app (the
    sources of netw/actions.py, as on "My actions")."""
    from django.utils import timezone

    from netw.actions import open_actions_of

    rows = open_actions_of(user, limit=ACTIONS_PANEL_SIZE + 1)
    return [*_gather("panels", user), Panel("netw/includes/home_actions.html", {
        "actions": rows[:ACTIONS_PANEL_SIZE], "more_actions": len(rows) > ACTIONS_PANEL_SIZE,
        "today": timezone.localdate()})]


def quick_actions_for(user) -> list[QuickAction]:
    """Every app's quick actions for ``user``, in the apps' order."""
    return _gather("quick_actions", user)


def compute_figures() -> list[Figure]:
    """The project's indicators to date (netw/monitoring), with their labels translated (they get
    cached): each figure is the one number the dashboard, the partner pages and the reports show
    for it, linked to the records behind it. A figure about records only the partners see names
    the permission ``netw.view_monitoring``."""
    from netw.monitoring import indicators
    from netw.workpackages import WorkPackage

    snapshot = indicators.snapshot()
    return [Figure(str(i.label), snapshot.total(i.code), indicators.drilldown_url(i),
                   "", "" if i.public else MONITORING_PERM, str(WorkPackage(i.work_package).label))
            for i in indicators.all_indicators()]


MONITORING_PERM = "netw.view_monitoring"


def project_figures(user) -> list[Figure]:
    """``compute_figures``, cached per language and data version (the same numbers for
    everyone, never one person's). The partners' staff see every figure, linked to the records
    behind it; anyone else only the public ones, linked to the public list that shows them."""
    from netw import dataversion
    from netw.monitoring import indicators

    figures = cache.get_or_set(
        f"netw:dashboard:figures:{dataversion.current()}:{get_language()}", compute_figures,
        FIGURES_TTL)
    if user.has_perm(MONITORING_PERM):
        return by_section(figures)
    shown = []
    for indicator, figure in zip(indicators.all_indicators(), figures, strict=True):
        if not figure.perm:
            url = indicator.public_url() if indicator.public_url else ""
            shown.append(Figure(figure.label, figure.value, url, figure.detail, "",
                                figure.section))
    return by_section(shown)


def partner_figures(partner) -> list[Figure]:
    """One partner's share of every indicator that has a partner column, to date (for its
    members and the coordinators: the partner page shows it to them only), linked to the
    records behind it."""
    from netw.monitoring import indicators
    from netw.workpackages import WorkPackage

    snapshot = indicators.snapshot()
    return by_section([
        Figure(str(i.label), snapshot[i.code].partners.get(partner.pk, i.clean_value(None)),
               indicators.drilldown_url(i, partner=partner), "", "",
               str(WorkPackage(i.work_package).label))
        for i in indicators.all_indicators() if i.partner_field])


def report_tables() -> list[ReportTable]:
    return by_section(_gather("report_tables"))


def by_section(items: list) -> list:
    """Figures or tables with those of one section next to each other (those without a section
    first), each app's order kept: the templates put a heading where the section changes."""
    order: dict[str, int] = {"": 0}
    for item in items:
        order.setdefault(str(item.section), len(order))
    return sorted(items, key=lambda item: order[str(item.section)])
