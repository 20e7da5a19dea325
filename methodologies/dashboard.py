"""Work package 2's part of the logged-in home (see netw/dashboard.py); its figures are its
indicators (methodologies/indicators.py)."""

from __future__ import annotations

from django.db.models import Count, Sum
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django_countries import countries

from methodologies.models import DisseminationActivity, Methodology
from methodologies.vocabulary import ActivityKind
from netw import roles
from netw.dashboard import Attention, QuickAction, ReportTable
from netw.monitoring import indicators
from netw.workflow import Status

REPORT_EVENTS = 200  # per kind: the report lists them all for years of a project


def attention(user) -> list[Attention]:
    workspace = reverse("methodologies:methodology_workspace")
    items = []
    items.append(Attention(
        ngettext_lazy("%(count)d methodology awaits your review",
                      "%(count)d methodologies await your review", "count"),
        workspace, Methodology.objects.awaiting_review_by(user), urgent=True))
    partner_ids = roles.partner_ids(user)
    if partner_ids:
        items.append(Attention(
            ngettext_lazy("%(count)d of your partner's methodologies is a draft",
                          "%(count)d of your partner's methodologies are drafts", "count"),
            workspace, Methodology.objects.filter(owner_partner_id__in=partner_ids,
                                                  status=Status.DRAFT)))
    return items


def report_tables() -> list[ReportTable]:
    """Published methodologies per country, the events held, dissemination by type."""
    per_country = (Methodology.objects.originals().filter(status=Status.PUBLISHED).order_by()
                   .values("country").annotate(n=Count("pk")).values_list("country", "n"))
    methodology_rows = sorted(
        ([str(countries.name(code)) if code else str(_("Europe-wide")), n]
         for code, n in per_country), key=lambda row: row[0])
    events = [
        [event.starts_at.date(), kind, event.title]
        # What "held" means is the indicators' definition (methodologies/indicators.py).
        for kind, code in ((_("Roundtable"), "wp2.roundtables_held"),
                           (_("Study visit"), "wp2.study_visits_held"))
        for event in indicators.scoped(indicators.get(code)).order_by("starts_at")
        .only("title", "starts_at")[:REPORT_EVENTS]
    ]
    events.sort(key=lambda row: row[0])
    labels = dict(ActivityKind.choices)
    dissemination = [
        [str(labels.get(kind, kind)), n, people or 0]
        for kind, n, people in DisseminationActivity.objects.order_by("kind").values("kind")
        .annotate(n=Count("pk"), people=Sum("people_reached")).values_list("kind", "n", "people")
    ]
    return [
        ReportTable(_("Methodologies published, by country of origin"),
                    [_("Country"), _("Methodologies")], methodology_rows,
                    empty=_("No methodology is published yet.")),
        ReportTable(_("Roundtables and study visits held"), [_("Date"), _("Type"), _("Title")],
                    events, empty=_("None held yet.")),
        ReportTable(_("Communication and dissemination"),
                    [_("Type of activity"), _("Activities"), _("People reached")],
                    dissemination, empty=_("No activity recorded yet.")),
    ]


def quick_actions(user) -> list[QuickAction]:
    """My home's "What you can do": the methodology inventory."""
    found = []
    if user.has_perm("methodologies.add_methodology"):
        found.append(QuickAction(_("Describe a methodology"),
                                 reverse("methodologies:methodology_create")))
    if user.has_perm("netw.review_item", Methodology):
        found.append(QuickAction(_("Review submitted methodologies"),
                                 reverse("methodologies:methodology_workspace")))
    return found
