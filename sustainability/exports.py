"""Work package 3's exportable lists (CSV, XLSX), found by netw/exports/registry.py through
``netw.discovery.app_modules("exports")``.

Each list is what its page shows the person who asks, with the page's filters: the same
``visible_to(user)`` and the same FilterSet, so a file never holds a row the page hides.

The roadmap's milestones and commitments; the long-term plans' actions, filtered like their
list page (sustainability:planaction_list), for every partner's staff: the rows they see there.
"""

from __future__ import annotations

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from netw.exports.registry import Column, ExportList, register

from .models import PlanActionStatus


def _query(filters) -> QueryDict:
    data = QueryDict(mutable=True)
    for key, values in filters.items():
        data.setlist(key, values)
    return data


def _choice_label(choices):
    labels = dict(choices)
    return lambda value: str(labels.get(value, value or ""))


# --- The roadmap and the commitments --------------------------------------------------------------


def _roadmap_milestones(user, filters):
    from django.db.models import Case, CharField, F, Q, Value, When
    from django.utils import timezone

    from .filters import MilestoneFilter
    from .models import MILESTONE_CLOSED, Milestone, MilestoneStatus

    base = Milestone.objects.visible_to(user)
    filterset = MilestoneFilter(_query(filters), queryset=base)
    qs = filterset.qs if filterset.is_valid() else base.none()
    # The status the page shows: late once past due unless done or dropped.
    shown = Case(When(status__in=MILESTONE_CLOSED, then=F("status")),
                 When(Q(due_on__lt=timezone.localdate()) | Q(status=MilestoneStatus.LATE),
                      then=Value(MilestoneStatus.LATE.value)),
                 default=F("status"), output_field=CharField())
    return qs.annotate(shown_status_code=shown).order_by("phase__starts_on", "due_on", "pk")


def _roadmap_commitments(user, filters):
    from .filters import CommitmentFilter
    from .models import Commitment

    base = Commitment.objects.visible_to(user)
    filterset = CommitmentFilter(_query(filters), queryset=base)
    qs = filterset.qs if filterset.is_valid() else base.none()
    return qs.order_by("due_on", "pk")


def _yes_no(value) -> str:
    return str(_("yes")) if value else str(_("no"))


def _roadmap_lists() -> list[ExportList]:
    from .models import CommitmentStatus, MilestoneStatus

    return [
        ExportList(name="roadmap_milestones", label=_("Roadmap milestones"),
                   queryset=_roadmap_milestones, columns=[
                       Column(_("Phase"), "phase__title"),
                       Column(_("Milestone"), "title"),
                       Column(_("Responsible partner"), "owner_partner__short_name"),
                       Column(_("Due on"), "due_on"),
                       Column(_("Status"), "shown_status_code",
                              _choice_label(MilestoneStatus.choices)),
                       Column(_("Done on"), "done_on"),
                       Column(_("Public"), "is_public", _yes_no),
                       Column(_("Recommendations"), "recommendations__title", many=True),
                   ]),
        ExportList(name="roadmap_commitments", label=_("Roadmap commitments"),
                   queryset=_roadmap_commitments, columns=[
                       Column(_("Commitment"), "description"),
                       Column(_("Committed partner"), "partner__short_name"),
                       Column(_("Committed stakeholder"), "stakeholder__name"),
                       Column(_("Due on"), "due_on"),
                       Column(_("Status"), "status", _choice_label(CommitmentStatus.choices)),
                       Column(_("Milestone"), "milestone__title"),
                       Column(_("Recorded by"), "owner_partner__short_name"),
                       Column(_("Confirmed at"), "confirmed_at"),
                       Column(_("Evidence (link)"), "evidence_link"),
                   ]),
    ]


for _entry in _roadmap_lists():
    register(_entry)


# --- Long-term action plans (wt-plans) -----------------------------------------------------------


def _status(value) -> str:
    return str(dict(PlanActionStatus.choices).get(value, value or ""))


def _plan_actions(user, filters):
    from django.http import QueryDict

    from .filters import PlanActionFilter
    from .models import PlanAction

    data = QueryDict(mutable=True)
    for key, values in (filters or {}).items():
        data.setlist(key, values)
    base = PlanAction.objects.visible_to(user).order_by("plan__title", "due_on", "pk")
    filterset = PlanActionFilter(data or None, queryset=base)
    if not filterset.is_bound:
        return base
    return filterset.qs if filterset.is_valid() else base.none()


register(ExportList(
    name="plan_actions",
    label=_("Action plans' actions"),
    queryset=_plan_actions,
    columns=[
        Column(_("Plan"), "plan__title"),
        Column(_("Plan's partner"), "plan__owner_partner__short_name"),
        Column(_("Network"), "plan__network__name"),
        Column(_("Action"), "description"),
        Column(_("Owner (person)"), "owner__email"),
        Column(_("Owner (partner)"), "owner_partner__short_name"),
        Column(_("Starts on"), "starts_on"),
        Column(_("Due on"), "due_on"),
        Column(_("Status"), "status", _status),
        Column(_("Progress (%)"), "progress"),
        Column(_("Milestone"), "milestone__title"),
        Column(_("Recommendation"), "recommendation__title"),
        Column(_("Done at"), "done_at"),
    ],
))
