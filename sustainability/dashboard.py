"""Work package 3's part of the logged-in home and the partner pages (see netw/dashboard.py)."""

from __future__ import annotations

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from netw import roles
from netw.dashboard import Attention, Figure
from netw.workflow import Status

from .models import GoodPractice


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
    return items


def figures() -> list[Figure]:
    practices = GoodPractice.objects.published().aggregate(
        published=Count("pk"), countries=Count("country", distinct=True))
    return [Figure(_("Good practices published"), practices["published"],
                   reverse("sustainability:goodpractice_list"),
                   _("from %(countries)d countries") % {"countries": practices["countries"]}),
            *meetings_figures()]


def partner_figures(partner) -> list[Figure]:
    counts = GoodPractice.objects.filter(owner_partner=partner).aggregate(
        published=Count("pk", filter=Q(status=Status.PUBLISHED)), total=Count("pk"))
    return [Figure(_("Good practices shared"), counts["published"],
                   reverse("sustainability:goodpractice_list"),
                   _("%(total)d including drafts") % {"total": counts["total"]})]


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
