"""Work package 3's exportable lists (CSV, XLSX), found by netw/exports/registry.py through
``netw.discovery.app_modules("exports")``."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from netw.exports.registry import Column, ExportList, register

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
