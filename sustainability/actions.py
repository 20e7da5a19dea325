"""WP3's part of everyone's actions (see netw/actions.py): the actions of the long-term plans.

A person's plan actions are those that name them, and their partner's actions that name no one
(shown "for your partner": a partner-owned action is every member's until someone takes it). The
overdue reminder goes out once, when the action becomes overdue (the core's pipeline), to the
person, or to the owner partner's members; a new due date sends it again when that one passes.
"""

from __future__ import annotations

from django.db.models import Case, IntegerField, Value, When
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from netw.actions import ActionRow, ActionSource

from .models import OPEN_PLAN_STATUSES, PlanAction, PlanActionStatus


class PlanActions(ActionSource):
    kind = "plan_action"
    label = _("Plan action")
    model = PlanAction
    overdue_reminder_field = "overdue_reminder_sent_at"

    def rows(self, user, *, open_only=False, limit=None) -> list[ActionRow]:
        actions = PlanAction.objects.of_person(user)
        if open_only:
            actions = actions.open()
        actions = (actions.select_related("plan", "owner_partner").only(
            "pk", "description", "due_on", "done_at", "status", "owner_id",
            "plan__id", "plan__title", "owner_partner__short_name")
            .annotate(closed=Case(When(status__in=OPEN_PLAN_STATUSES, then=Value(0)),
                                  default=Value(1), output_field=IntegerField()))
            .order_by("closed", "due_on", "pk"))
        if limit is not None:
            actions = actions[:limit]
        statuses = dict(PlanActionStatus.choices)
        return [ActionRow(
            source_kind=self.kind, pk=action.pk, title=action.description, kind=str(self.label),
            context=action.plan.title, context_url=action.get_absolute_url(),
            due_on=action.due_on, done=not action.is_open, done_at=action.done_at,
            status=str(statuses[action.status]) if not action.is_open else "",
            done_url=reverse("sustainability:planaction_done", args=[action.pk])
            if action.status != PlanActionStatus.DROPPED else "",
            for_partner=action.owner_partner.short_name if action.owner_id is None else "",
        ) for action in actions]

    def remindable(self):
        return PlanAction.objects.open()

    def send_reminder(self, action, *, overdue: bool) -> None:
        from . import services

        services.plan_action_remind_overdue(action=action)


ACTION_SOURCES = [PlanActions()]
