"""Work package 2's part of the logged-in home (see netw/dashboard.py)."""

from __future__ import annotations

from django.db.models import Count, Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from methodologies.models import DisseminationActivity, Methodology, Roundtable, StudyVisit
from netw import roles
from netw.dashboard import Attention, Figure
from netw.workflow import Status


def attention(user) -> list[Attention]:
    workspace = reverse("methodologies:methodology_workspace")
    items = []
    to_review = Methodology.objects.awaiting_review_by(user).count()
    items.append(Attention(
        ngettext("%(count)d methodology awaits your review",
                 "%(count)d methodologies await your review", to_review)
        % {"count": to_review}, workspace, to_review, urgent=True))
    partner_ids = roles.partner_ids(user)
    if partner_ids:
        drafts = Methodology.objects.filter(owner_partner_id__in=partner_ids,
                                            status=Status.DRAFT).count()
        items.append(Attention(
            ngettext("%(count)d of your partner's methodologies is a draft",
                     "%(count)d of your partner's methodologies are drafts", drafts)
            % {"count": drafts}, workspace, drafts))
    return items


def figures() -> list[Figure]:
    now = timezone.now()
    methodologies = Methodology.objects.aggregate(
        published=Count("pk", filter=Q(status=Status.PUBLISHED)),
        countries=Count("country", distinct=True, filter=Q(status=Status.PUBLISHED)))
    reach = DisseminationActivity.objects.aggregate(activities=Count("pk"),
                                                    people=Sum("people_reached"))
    return [
        Figure(_("Methodologies published"), methodologies["published"],
               reverse("methodologies:methodology_list"),
               _("from %(countries)d countries") % {"countries": methodologies["countries"]}),
        Figure(_("Roundtables held"), Roundtable.objects.filter(ends_at__lt=now).count(),
               reverse("methodologies:roundtable_list")),
        Figure(_("Study visits"), StudyVisit.objects.count(),
               reverse("methodologies:studyvisit_list")),
        Figure(_("People reached by dissemination"), reach["people"] or 0,
               reverse("methodologies:dissemination_list"),
               _("in %(activities)d activities") % {"activities": reach["activities"]}),
    ]
