"""Work package 3's part of the logged-in home and the partner pages (see netw/dashboard.py)."""

from __future__ import annotations

from collections import Counter

from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from netw import roles
from netw.dashboard import Attention, Figure
from netw.workflow import Status

from .models import GoodPractice, Recommendation, UptakeStage, UptakeStep


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
    return items + recommendation_attention(user)


def figures() -> list[Figure]:
    practices = GoodPractice.objects.published().aggregate(
        published=Count("pk"), countries=Count("country", distinct=True))
    return [Figure(_("Good practices published"), practices["published"],
                   reverse("sustainability:goodpractice_list"),
                   _("from %(countries)d countries") % {"countries": practices["countries"]}),
            *recommendation_figures()]


def partner_figures(partner) -> list[Figure]:
    counts = GoodPractice.objects.filter(owner_partner=partner).aggregate(
        published=Count("pk", filter=Q(status=Status.PUBLISHED)), total=Count("pk"))
    return [Figure(_("Good practices shared"), counts["published"],
                   reverse("sustainability:goodpractice_list"),
                   _("%(total)d including drafts") % {"total": counts["total"]})]


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
    published = Recommendation.objects.published().count()
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
