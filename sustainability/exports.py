"""WP3's exports (found by netw/exports/registry.py through ``app_modules("exports")``).

--- Long-term action plans (wt-plans) ---
The plans' actions, filtered like their list page (sustainability:planaction_list), for every
partner's staff: the rows they see there.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from netw.exports.registry import Column, ExportList, register

from .models import PlanActionStatus


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
