"""WP1's part of everyone's actions (see netw/actions.py): the follow-up actions of sessions.

Their reminders: on the due date, and every week while overdue (the core's pipeline).
"""

from __future__ import annotations

from datetime import timedelta

from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from netw.actions import ActionRow, ActionSource
from peersessions.models import FollowUpAction, Session


class FollowUpActions(ActionSource):
    kind = "session_action"
    label = _("Follow-up action")
    model = FollowUpAction
    due_reminder_field = "due_reminder_sent_at"
    overdue_reminder_field = "overdue_reminder_sent_at"
    overdue_reminder_every = timedelta(days=7)

    def rows(self, user, *, open_only=False, limit=None) -> list[ActionRow]:
        actions = FollowUpAction.objects.filter(owner=user)
        if open_only:
            actions = actions.open()
        actions = (actions.select_related("session").only(
            "pk", "description", "due_on", "done_at", "session__id", "session__title")
            .order_by(F("done_at").desc(nulls_first=True), "due_on", "pk"))
        if limit is not None:
            actions = actions[:limit]
        return [ActionRow(
            source_kind=self.kind, pk=action.pk, title=action.description, kind=str(self.label),
            context=action.session.title,
            context_url=reverse("peersessions:session_actions", args=[action.session_id]),
            due_on=action.due_on, done=action.done_at is not None, done_at=action.done_at,
            done_url=reverse("peersessions:action_done", args=[action.pk]),
        ) for action in actions]

    def remindable(self):
        return FollowUpAction.objects.open().exclude(session__status=Session.Status.CANCELLED)

    def send_reminder(self, action, *, overdue: bool) -> None:
        from peersessions import services

        services.action_remind(action=action, overdue=overdue)


ACTION_SOURCES = [FollowUpActions()]
