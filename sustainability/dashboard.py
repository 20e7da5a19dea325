"""Work package 3's part of My home and the activity report (see netw/dashboard.py):
everything WP3 shows there appears together, under the work package's name. Its figures are its
indicators (sustainability/indicators.py), which the core shows on My home and the partner pages.

The hooks the core calls come first in this module; each concatenates what the functions listed
for it return, and puts the tables in the WP3 section. A part of WP3 adds
its own items by writing functions in its block below and appending them to these lists (never
by changing another part's functions):

    ATTENTION        fn(user) -> list[Attention]      what this person should act on
    REPORT_TABLES    fn() -> list[ReportTable]        the funder's activity report, in detail

For example, the parts that follow the good practices fill them with
``recommendation_attention`` (recommendations awaiting review; uptake by stage and country in
``recommendation_report_tables``), ``roadmap_attention`` (commitments awaiting confirmation) and
``plan_attention`` (the person's overdue plan actions). Each function counts with a fixed
number of queries, whatever the data (a count left as a QuerySet is counted with every other app's
in one query).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from django.db.models import Count, Max
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django_countries import countries

from netw import roles
from netw.dashboard import Attention, QuickAction, ReportTable
from netw.workflow import Status
from netw.workpackages import WorkPackage

from .models import (
    Commitment,
    GoodPractice,
    PlanAction,
    Recommendation,
    UptakeStage,
    UptakeStep,
)

SECTION = WorkPackage.SUSTAINABILITY.label

ATTENTION: list[Callable[..., list[Attention]]] = []
REPORT_TABLES: list[Callable[[], list[ReportTable]]] = []


# --- The hooks the core calls (netw/dashboard.py) ---------------------------------------------
# The parts below fill the lists when this module is imported, before the core calls these.


def _in_section(items: list) -> list:
    return [replace(item, section=SECTION) for item in items]


def attention(user) -> list[Attention]:
    return [item for source in ATTENTION for item in source(user)]


def report_tables() -> list[ReportTable]:
    return _in_section([t for source in REPORT_TABLES for t in source()])


# --- Good practices ---------------------------------------------------------------------------


def practice_attention(user) -> list[Attention]:
    workspace = reverse("sustainability:goodpractice_workspace")
    items = []
    items.append(Attention(
        ngettext_lazy("%(count)d good practice awaits your review",
                      "%(count)d good practices await your review", "count"),
        workspace, GoodPractice.objects.awaiting_review_by(user), urgent=True))
    partner_ids = roles.partner_ids(user)
    if partner_ids:
        items.append(Attention(
            ngettext_lazy("%(count)d of your partner's good practices is a draft",
                          "%(count)d of your partner's good practices are drafts", "count"),
            workspace, GoodPractice.objects.filter(owner_partner_id__in=partner_ids,
                                                   status=Status.DRAFT)))
    return items


def practice_report_tables() -> list[ReportTable]:
    """Published practices per country (one query)."""
    per_country = (GoodPractice.objects.published().originals().order_by().values("country")
                   .annotate(n=Count("pk")).values_list("country", "n"))
    rows = sorted(([str(countries.name(code)) if code else str(_("Europe-wide")), n]
                   for code, n in per_country), key=lambda row: row[0])
    return [ReportTable(_("Good practices published, by country"),
                        [_("Country"), _("Good practices")], rows,
                        empty=_("No good practice is published yet."))]


ATTENTION.append(practice_attention)
REPORT_TABLES.append(practice_report_tables)


# --- Long-term action plans -------------------------------------------------------------------


def plan_attention(user) -> list[Attention]:
    """My overdue plan actions (and my partner's that name no one), on "My actions"."""
    return [Attention(
        ngettext_lazy("%(count)d action of a long-term plan is overdue for you",
                      "%(count)d actions of the long-term plans are overdue for you", "count"),
        reverse("netw:my_actions"), PlanAction.objects.of_person(user).overdue(), urgent=True)]


ATTENTION.append(plan_attention)


# --- Policy recommendations and their uptake ------------------------------------------------------


def recommendation_attention(user) -> list[Attention]:
    workspace = reverse("sustainability:recommendation_workspace")
    return [Attention(
        ngettext_lazy("%(count)d policy recommendation awaits your review",
                      "%(count)d policy recommendations await your review", "count"),
        workspace, Recommendation.objects.awaiting_review_by(user), urgent=True)]


ATTENTION.append(recommendation_attention)


def recommendation_report_tables() -> list[ReportTable]:
    """The uptake of the published recommendations by country: per country, how many
    recommendations reached each stage at most (as the public matrix shows them). One query."""
    highest = (UptakeStep.objects.filter(recommendation__status=Status.PUBLISHED)
               .values("recommendation_id", "country").annotate(highest=Max("stage"))
               .order_by())
    per_country: dict[str, Counter] = {}
    for row in highest:
        per_country.setdefault(str(row["country"]), Counter())[row["highest"]] += 1
    rows = sorted(([str(countries.name(code)), *(stages.get(s, 0) for s in UptakeStage.values)]
                   for code, stages in per_country.items()), key=lambda row: row[0])
    return [ReportTable(
        _("Uptake of the policy recommendations, by country (highest stage reached)"),
        [_("Country"), *UptakeStage.labels], rows,
        empty=_("No uptake of a published recommendation is recorded yet."))]


REPORT_TABLES.append(recommendation_report_tables)


# --- The roadmap and the commitments --------------------------------------------------------------


def roadmap_attention(user) -> list[Attention]:
    """Commitments awaiting the WP3 lead's (or a coordinator's) confirmation."""
    if not user.has_perm("sustainability.add_milestone"):
        return []
    return [Attention(
        ngettext_lazy("%(count)d commitment awaits your confirmation",
                      "%(count)d commitments await your confirmation", "count"),
        reverse("sustainability:commitment_list"),
        Commitment.objects.filter(confirmed_at__isnull=True))]


ATTENTION.append(roadmap_attention)


def quick_actions(user) -> list[QuickAction]:
    """My home's "What you can do": the good practices."""
    found = []
    if user.has_perm("sustainability.add_goodpractice"):
        found.append(QuickAction(_("Share a good practice"),
                                 reverse("sustainability:goodpractice_create")))
    if user.has_perm("netw.review_item", GoodPractice):
        found.append(QuickAction(_("Review submitted good practices"),
                                 reverse("sustainability:goodpractice_workspace")))
    return found
