"""The core's own exportable lists (my notifications, the invitations) and the funder's activity
report. Each app declares its own in ``<app>/exports.py`` (the registry's: providers/exports.py)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from netw import roles
from netw.exports.registry import Column, ExportList, Report, register


def _notifications(user, filters):
    from netw.notifications.models import Notification

    qs = Notification.objects.for_user(user)
    if filters.get("unread") == ["1"]:
        qs = qs.unread()
    return qs.order_by("-created_at", "-pk")


def _invitations(user, filters):
    from netw.models import Invitation

    return Invitation.objects.visible_to(user).order_by("-created_at", "-pk")


register(ExportList(
    name="notifications",
    label=_("My notifications"),
    queryset=_notifications,
    can_export=lambda user: bool(getattr(user, "is_authenticated", False)),
    columns=[
        Column(_("Received"), "created_at"),
        Column(_("Subject"), "subject"),
        Column(_("Kind"), "kind"),
        Column(_("Read at"), "read_at"),
        Column(_("Link"), "url"),
    ],
))

register(ExportList(
    name="invitations",
    label=_("Invitations"),
    queryset=_invitations,
    can_export=roles.is_coordinator,
    columns=[
        Column(_("E-mail"), "email"),
        Column(_("Partner"), "partner__short_name"),
        Column(_("Role"), "role"),
        Column(_("Sent at"), "sent_at"),
        Column(_("Accepted at"), "accepted_at"),
        Column(_("Revoked at"), "revoked_at"),
        Column(_("Expires at"), "expires_at"),
    ],
))


def activity_report(user, filters) -> dict:
    """The project's activity to date, for the funder: the key figures, then each app's tables
    (``report_tables`` in ``<app>/dashboard.py``). Aggregates only: no names of people."""
    from netw import dashboard

    return {"figures": dashboard.by_section(dashboard.compute_figures()),
            "tables": dashboard.report_tables()}


register(Report(
    name="activity_report",
    label=_("Activity report"),
    description=_("The project to date, for the funder: key figures, the registry per country, "
                  "sessions per topic, methodologies, events held and dissemination."),
    template="exports/reports/activity_report.html",
    context=activity_report,
))

# The evidence packs of the deliverables register (a ZIP per deliverable).
import netw.monitoring.evidence_pack  # noqa: E402, F401
import netw.monitoring.reports  # noqa: E402, F401 - the period report, built on the indicators
