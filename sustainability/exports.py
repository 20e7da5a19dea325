"""Work package 3's exportable lists (CSV, XLSX), found by netw/exports/registry.py through
``netw.discovery.app_modules("exports")``. Each list is filtered like its page and holds only the
rows the person sees there."""

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


# --- Expert meetings ------------------------------------------------------------------------------


def _yes_no(value) -> str:
    return str(_("yes") if value else _("no"))


def _meetings(user, filters):
    """The meetings this person sees, as on the list (``?when=past`` for the past ones only).
    No online link, no minutes, no expert's name or e-mail: the list's own columns."""
    from .models import ExpertMeeting

    visible = ExpertMeeting.objects.visible_to(user)
    when = (filters.get("when") or [""])[0]
    return visible.past() if when == "past" else visible.order_by("-starts_at", "-pk")


register(ExportList(
    name="expert_meetings",
    label=_("Expert meetings"),
    queryset=_meetings,
    columns=[
        Column(_("Starts at (UTC)"), "starts_at"),
        Column(_("Ends at (UTC)"), "ends_at"),
        Column(_("Time zone"), "timezone"),
        Column(_("Title"), "title"),
        Column(_("Place"), "location"),
        Column(_("Organised by"), "owner_partner__short_name"),
        Column(_("Public"), "is_public", _yes_no),
        Column(_("Cancelled"), "is_cancelled", _yes_no),
        Column(_("Experts' organisations"), "experts__organisation",
               lambda values: [v for v in values if v], many=True),
        Column(_("Conclusions"), "conclusions"),
    ],
))
