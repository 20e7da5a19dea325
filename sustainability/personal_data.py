"""WP3's part of "Your data": the records the person wrote, the actions they own, the expert
meetings they took part in. Everything here stays with the partners when an account is closed
(only the name goes)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from netw.personal_data import Field, Section, events_section, records_section, section
from sustainability.models import (
    ActionPlan,
    Commitment,
    ExpertMeeting,
    GoodPractice,
    Milestone,
    PlanAction,
    Recommendation,
    RoadmapPhase,
    UptakeStep,
)


def personal_data(user) -> list[Section]:
    return [
        records_section(
            "sustainability.records",
            _("Good practices, recommendations and plans you created or last edited"),
            [GoodPractice.objects.all(), Recommendation.objects.all(),
             UptakeStep.objects.select_related("recommendation"),
             RoadmapPhase.objects.all(), Milestone.objects.all(), Commitment.objects.all(),
             ActionPlan.objects.all(), ExpertMeeting.objects.all()], user),
        section("sustainability.plan_actions", _("Plan actions you own"),
                PlanAction.all_objects.filter(owner=user).select_related("plan")
                .order_by("-due_on", "-pk"), [
                    Field("action", _("Action"), lambda a: a.description),
                    Field("plan", _("Plan"), lambda a: a.plan),
                    Field("due_on", _("Due on"), lambda a: a.due_on),
                    Field("status", _("Status"), lambda a: a.get_status_display()),
                ]),
        events_section("sustainability.expert_meetings", _("Expert meetings you took part in"),
                       ExpertMeeting.objects.filter(participants=user)),
    ]
