"""Work package 2's part of the logged-in home (see netw/dashboard.py)."""

from __future__ import annotations

from django.db.models import Count, Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries import countries

from methodologies.models import DisseminationActivity, Methodology, Roundtable, StudyVisit
from methodologies.vocabulary import ActivityKind
from netw import roles
from netw.dashboard import Attention, Figure, QuickAction, ReportTable
from netw.workflow import Status

REPORT_EVENTS = 200  # per kind: the report lists them all for years of a project


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
    # Translations are versions of a methodology, not more of them.
    methodologies = Methodology.objects.originals().aggregate(
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


def report_tables() -> list[ReportTable]:
    """Published methodologies per country, the events held, dissemination by type."""
    now = timezone.now()
    per_country = (Methodology.objects.originals().filter(status=Status.PUBLISHED).order_by()
                   .values("country").annotate(n=Count("pk")).values_list("country", "n"))
    methodology_rows = sorted(
        ([str(countries.name(code)) if code else str(_("Europe-wide")), n]
         for code, n in per_country), key=lambda row: row[0])
    events = [
        [event.starts_at.date(), kind, event.title]
        for kind, queryset in ((_("Roundtable"), Roundtable.objects.all()),
                               (_("Study visit"), StudyVisit.objects.all()))
        for event in queryset.filter(ends_at__lt=now).order_by("starts_at")
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


def partner_figures(partner) -> list[Figure]:
    owned = Methodology.objects.filter(owner_partner=partner).aggregate(
        published=Count("pk", filter=Q(status=Status.PUBLISHED)),
        submitted=Count("pk", filter=Q(status=Status.SUBMITTED)),
        drafts=Count("pk", filter=Q(status=Status.DRAFT)))
    reach = DisseminationActivity.objects.filter(owner_partner=partner).aggregate(
        activities=Count("pk"), people=Sum("people_reached"))
    return [
        Figure(_("Methodologies published"), owned["published"],
               reverse("methodologies:methodology_workspace"),
               _("%(submitted)d awaiting review, %(drafts)d drafts") % owned),
        Figure(_("Dissemination activities"), reach["activities"],
               reverse("methodologies:dissemination_list"),
               _("%(people)d people reached") % {"people": reach["people"] or 0}),
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
