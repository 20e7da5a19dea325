"""Work package 3's part of the logged-in home and the partner pages (see netw/dashboard.py)."""

from __future__ import annotations

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from netw import roles
from netw.dashboard import Attention, Figure
from netw.workflow import Status

from .models import (
    OPEN_PLAN_STATUSES,
    ActionPlan,
    Commitment,
    GoodPractice,
    Milestone,
    MilestoneStatus,
    PlanAction,
)


def attention(user) -> list[Attention]:
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
    items.extend(roadmap_attention(user))
    # --- Long-term action plans (wt-plans): my overdue plan actions (and my partner's that
    # name no one), on "My actions".
    overdue = PlanAction.objects.of_person(user).overdue().count()
    items.append(Attention(
        ngettext("%(count)d action of a long-term plan is overdue for you",
                 "%(count)d actions of the long-term plans are overdue for you", overdue)
        % {"count": overdue}, reverse("netw:my_actions"), overdue, urgent=True))
    return items


# --- Long-term action plans (wt-plans) -----------------------------------------------------------


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


def figures() -> list[Figure]:
    practices = GoodPractice.objects.published().aggregate(
        published=Count("pk"), countries=Count("country", distinct=True))
    return [Figure(_("Good practices published"), practices["published"],
                   reverse("sustainability:goodpractice_list"),
                   _("from %(countries)d countries") % {"countries": practices["countries"]}),
            *roadmap_figures(),
            *plan_figures()]


def partner_figures(partner) -> list[Figure]:
    counts = GoodPractice.objects.filter(owner_partner=partner).aggregate(
        published=Count("pk", filter=Q(status=Status.PUBLISHED)), total=Count("pk"))
    return [Figure(_("Good practices shared"), counts["published"],
                   reverse("sustainability:goodpractice_list"),
                   _("%(total)d including drafts") % {"total": counts["total"]}),
            *roadmap_figures(partner),
            *plan_figures(partner)]


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
