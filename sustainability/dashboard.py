"""Work package 3's part of My home, the partner pages and the activity report (see
netw/dashboard.py): everything WP3 shows there appears together, under the work package's name.

The hooks the core calls are at the end of this module; each concatenates what the functions
listed for it return, and puts the figures and tables in the WP3 section. A part of WP3 adds
its own figures by writing functions in its block below and appending them to these lists
(never by changing another part's functions):

    ATTENTION        fn(user) -> list[Attention]      what this person should act on
    FIGURES          fn() -> list[Figure]             project figures, the same for everyone
                                                      (cached: only what visitors may see, or
                                                      a ``perm`` on the figure)
    PARTNER_FIGURES  fn(partner) -> list[Figure]      one partner's work, drafts included
    REPORT_TABLES    fn() -> list[ReportTable]        the funder's activity report, in detail

For example, the parts that follow the good practices fill them with ``recommendation_figures``
(recommendations published; uptake by stage and country in ``recommendation_report_tables``),
``commitment_figures``, ``roadmap_figures`` (milestones late), ``meeting_figures`` and
``plan_figures`` (actions open and overdue). Each function counts with a fixed number of
queries, whatever the data.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries import countries

from netw import roles
from netw.dashboard import Attention, Figure, QuickAction, ReportTable
from netw.workflow import Status
from netw.workpackages import WorkPackage

from .models import (
    OPEN_PLAN_STATUSES,
    ActionPlan,
    Commitment,
    GoodPractice,
    Milestone,
    MilestoneStatus,
    PlanAction,
    Recommendation,
    UptakeStage,
    UptakeStep,
)

SECTION = WorkPackage.SUSTAINABILITY.label

ATTENTION: list[Callable[..., list[Attention]]] = []
FIGURES: list[Callable[[], list[Figure]]] = []
PARTNER_FIGURES: list[Callable[..., list[Figure]]] = []
REPORT_TABLES: list[Callable[[], list[ReportTable]]] = []


# --- The hooks the core calls (netw/dashboard.py) ---------------------------------------------
# The parts below fill the lists when this module is imported, before the core calls these.


def _in_section(items: list) -> list:
    return [replace(item, section=SECTION) for item in items]


def attention(user) -> list[Attention]:
    return [item for source in ATTENTION for item in source(user)]


def figures() -> list[Figure]:
    return _in_section([f for source in FIGURES for f in source()])


def partner_figures(partner) -> list[Figure]:
    return _in_section([f for source in PARTNER_FIGURES for f in source(partner)])


def report_tables() -> list[ReportTable]:
    return _in_section([t for source in REPORT_TABLES for t in source()])


# --- Good practices ---------------------------------------------------------------------------


def practice_attention(user) -> list[Attention]:
    workspace = reverse("sustainability:goodpractice_workspace")
    items = []
    to_review = GoodPractice.objects.awaiting_review_by(user).count()
    items.append(Attention(
        ngettext("%(count)d good practice awaits your review",
                 "%(count)d good practices await your review", to_review)
        % {"count": to_review}, workspace, to_review, urgent=True))
    partner_ids = roles.partner_ids(user)
    if partner_ids:
        drafts = GoodPractice.objects.filter(owner_partner_id__in=partner_ids,
                                             status=Status.DRAFT).count()
        items.append(Attention(
            ngettext("%(count)d of your partner's good practices is a draft",
                     "%(count)d of your partner's good practices are drafts", drafts)
            % {"count": drafts}, workspace, drafts))
    return items


def practice_figures() -> list[Figure]:
    # Translations are versions of a practice, not more of them.
    practices = GoodPractice.objects.published().originals().aggregate(
        published=Count("pk"), countries=Count("country", distinct=True))
    return [Figure(_("Good practices published"), practices["published"],
                   reverse("sustainability:goodpractice_list"),
                   _("from %(countries)d countries") % {"countries": practices["countries"]})]


def practice_partner_figures(partner) -> list[Figure]:
    counts = GoodPractice.objects.filter(owner_partner=partner).aggregate(
        published=Count("pk", filter=Q(status=Status.PUBLISHED)), total=Count("pk"))
    return [Figure(_("Good practices shared"), counts["published"],
                   reverse("sustainability:goodpractice_list") + f"?partner={partner.slug}",
                   _("%(total)d including drafts") % {"total": counts["total"]})]


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
FIGURES.append(practice_figures)
PARTNER_FIGURES.append(practice_partner_figures)
REPORT_TABLES.append(practice_report_tables)


# --- Long-term action plans -------------------------------------------------------------------


def plan_figures(partner=None) -> list[Figure]:
    """Plans and their open and overdue actions: the project's (partners' staff only, as the
    plans are), or one partner's plans. Two queries."""
    plans = ActionPlan.objects.all()
    actions = PlanAction.objects.all()
    if partner is not None:
        plans = plans.filter(owner_partner=partner)
        actions = actions.filter(plan__owner_partner=partner)
    counts = actions.aggregate(
        open=Count("pk", filter=Q(status__in=OPEN_PLAN_STATUSES)),
        overdue=Count("pk", filter=Q(status__in=OPEN_PLAN_STATUSES,
                                     due_on__lt=timezone.localdate())))
    url = reverse("sustainability:actionplan_list")
    actions_url = reverse("sustainability:planaction_list")
    if partner is not None:
        actions_url += f"?partner={partner.pk}"
    perm = "" if partner is not None else "sustainability.view_actionplan"
    return [
        Figure(_("Long-term action plans"), plans.count(), url,
               _("%(open)d open actions") % counts, perm=perm),
        Figure(_("Plan actions overdue"), counts["overdue"], actions_url + (
            "&" if "?" in actions_url else "?") + "overdue=on",
            _("of %(open)d open") % counts, perm=perm),
    ]


def plan_attention(user) -> list[Attention]:
    """My overdue plan actions (and my partner's that name no one), on "My actions"."""
    overdue = PlanAction.objects.of_person(user).overdue().count()
    return [Attention(
        ngettext("%(count)d action of a long-term plan is overdue for you",
                 "%(count)d actions of the long-term plans are overdue for you", overdue)
        % {"count": overdue}, reverse("netw:my_actions"), overdue, urgent=True)]


ATTENTION.append(plan_attention)
FIGURES.append(plan_figures)
PARTNER_FIGURES.append(plan_figures)


# --- Expert meetings --------------------------------------------------------------------------


def meetings_figures() -> list[Figure]:
    """Expert meetings held (over and not cancelled) and the experts met there. Partners-only
    meetings count too, so the figure is shown to the partners' staff, who find every one of
    them on the list (``perm``)."""
    from .models import ExpertGuest, ExpertMeeting

    held = ExpertMeeting.objects.held()
    count = held.count()
    experts = ExpertGuest.objects.filter(meeting__in=held).count()
    return [Figure(_("Expert meetings held"), count,
                   reverse("sustainability:meeting_list") + "?when=past",
                   ngettext("with %(count)d expert", "with %(count)d experts", experts)
                   % {"count": experts}, perm="sustainability.view_all_expertmeetings")]


FIGURES.append(meetings_figures)


# --- Policy recommendations and their uptake ------------------------------------------------------


def recommendation_attention(user) -> list[Attention]:
    workspace = reverse("sustainability:recommendation_workspace")
    to_review = Recommendation.objects.awaiting_review_by(user).count()
    return [Attention(
        ngettext("%(count)d policy recommendation awaits your review",
                 "%(count)d policy recommendations await your review", to_review)
        % {"count": to_review}, workspace, to_review, urgent=True)]


def recommendation_figures() -> list[Figure]:
    """The published recommendations, and how far they have come: per recommendation and
    country, the highest stage reached (what the public uptake matrix shows)."""
    published = Recommendation.objects.published().originals().count()
    reached = Counter(
        row["highest"] for row in UptakeStep.objects.filter(
            recommendation__status=Status.PUBLISHED)
        .values("recommendation_id", "country").annotate(highest=Max("stage")).order_by())
    matrix = reverse("sustainability:uptake_matrix")
    by_stage = "; ".join(
        f"{UptakeStage(stage).label}: {reached.get(stage, 0)}" for stage in UptakeStage.values)
    return [
        Figure(_("Policy recommendations published"), published,
               reverse("sustainability:recommendation_list")),
        Figure(_("Recommendations taken into a policy, programme or law"),
               reached.get(UptakeStage.ADOPTED, 0), matrix,
               _("Highest stage reached per recommendation and country — %(stages)s")
               % {"stages": by_stage}),
    ]


ATTENTION.append(recommendation_attention)
FIGURES.append(recommendation_figures)


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


def roadmap_figures(partner=None) -> list[Figure]:
    """Milestones done and late, commitments confirmed and late. For the project: what visitors
    see (public milestones of public phases, confirmed commitments), so one cached number suits
    everyone. For a partner (its page, for its members and the coordinators): the milestones it
    is responsible for and the commitments it made, unconfirmed ones counted apart."""
    today = timezone.localdate()
    if partner is None:
        milestones = Milestone.objects.filter(is_public=True, phase__is_public=True)
        commitments = Commitment.objects.confirmed()
    else:
        milestones = Milestone.objects.filter(owner_partner=partner)
        commitments = Commitment.objects.filter(partner=partner)
    m = milestones.aggregate(
        done=Count("pk", filter=Q(status=MilestoneStatus.DONE)),
        late=Count("pk", filter=Q(pk__in=Milestone.objects.late(today).values("pk"))),
        total=Count("pk"))
    c = commitments.aggregate(
        confirmed=Count("pk", filter=Q(confirmed_at__isnull=False)),
        late=Count("pk", filter=Q(pk__in=Commitment.objects.late(today).values("pk"))),
        total=Count("pk"))
    roadmap_url = reverse("sustainability:roadmap")
    commitments_url = reverse("sustainability:commitment_list")
    if partner is not None:
        commitments_url += f"?partner={partner.slug}"
    figures = [
        Figure(_("Roadmap milestones done"), m["done"], roadmap_url,
               _("of %(total)d; %(late)d late") % {"total": m["total"], "late": m["late"]}),
        Figure(_("Commitments confirmed"), c["confirmed"], commitments_url,
               _("%(late)d late") % {"late": c["late"]}),
    ]
    if partner is not None:
        figures[1] = Figure(
            _("Commitments confirmed"), c["confirmed"], commitments_url,
            _("%(late)d late; %(unconfirmed)d awaiting confirmation")
            % {"late": c["late"], "unconfirmed": c["total"] - c["confirmed"]})
    return figures


def roadmap_attention(user) -> list[Attention]:
    """Commitments awaiting the WP3 lead's (or a coordinator's) confirmation."""
    if not user.has_perm("sustainability.add_milestone"):
        return []
    waiting = Commitment.objects.filter(confirmed_at__isnull=True).count()
    return [Attention(
        ngettext("%(count)d commitment awaits your confirmation",
                 "%(count)d commitments await your confirmation", waiting)
        % {"count": waiting}, reverse("sustainability:commitment_list"), waiting)]


ATTENTION.append(roadmap_attention)
FIGURES.append(roadmap_figures)
PARTNER_FIGURES.append(roadmap_figures)


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
