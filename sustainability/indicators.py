"""WP3's indicators: good practices, recommendations and their uptake, commitments, milestones."""

from __future__ import annotations

from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netw.monitoring.indicators import DISTINCT, Indicator
from netw.workflow import Status
from netw.workpackages import WorkPackage

from .models import (
    Commitment,
    CommitmentStatus,
    ExpertMeeting,
    GoodPractice,
    Milestone,
    MilestoneStatus,
    Recommendation,
    UptakeStep,
)


def indicators() -> list[Indicator]:
    wp = WorkPackage.SUSTAINABILITY
    return [
        Indicator(
            code="wp3.good_practices", work_package=wp, position=10,
            label=_("Good practices published"),
            definition=_("Financial-sustainability good practices that are published "
                         "(translations do not count again), by the day they were published, "
                         "the partner that wrote them and their country."),
            records=lambda: GoodPractice.objects.originals().filter(status=Status.PUBLISHED),
            date_field="published_at", country_field="country", related=("owner_partner",),
            public=True, public_url=lambda: reverse("sustainability:goodpractice_list"),
        ),
        Indicator(
            code="wp3.recommendations", work_package=wp, position=20,
            label=_("Policy recommendations published"),
            definition=_("Policy recommendations that are published (translations do not count "
                         "again), by the day they were published and the partner that wrote "
                         "them."),
            records=lambda: Recommendation.objects.originals().filter(status=Status.PUBLISHED),
            date_field="published_at", related=("owner_partner",), public=True,
            public_url=lambda: reverse("sustainability:recommendation_list"),
        ),
        Indicator(
            code="wp3.recommendations_taken_up", work_package=wp, position=30,
            label=_("Recommendations with uptake"),
            definition=_("Published recommendations with at least one recorded uptake step "
                         "(presented, discussed, endorsed or adopted), counted once each, by the "
                         "step's date, the partner that recorded it and the country."),
            records=lambda: UptakeStep.objects.filter(recommendation__status=Status.PUBLISHED),
            date_field="date", country_field="country", measure=DISTINCT,
            field="recommendation", related=("recommendation",),
            visible=lambda user: UptakeStep.objects.visible_to(user),
            describe=lambda s: (str(s), s.recommendation.get_absolute_url()),
            depends_on=(Recommendation,),
        ),
        Indicator(
            code="wp3.commitments", work_package=wp, position=40,
            label=_("Commitments confirmed"),
            definition=_("Commitments on the roadmap that the WP3 lead confirmed and that were "
                         "not dropped, by the day they were confirmed and the partner that "
                         "recorded them."),
            records=lambda: Commitment.objects.filter(confirmed_at__isnull=False).exclude(
                status=CommitmentStatus.DROPPED),
            date_field="confirmed_at", related=("owner_partner",),
        ),
        Indicator(
            code="wp3.expert_meetings_held", work_package=wp, position=35,
            label=_("Expert meetings held"),
            definition=_("Meetings with experts that have ended and were not cancelled, by the "
                         "day they ended and the partner that organised them."),
            records=lambda: ExpertMeeting.objects.filter(ends_at__lt=timezone.now(),
                                                         is_cancelled=False),
            date_field="ends_at", related=("owner_partner",),
        ),
        Indicator(
            code="wp3.milestones_on_time", work_package=wp, position=50,
            label=_("Milestones reached on time"),
            definition=_("Roadmap milestones done on or before their due date, by the day they "
                         "were done and the partner responsible for them."),
            records=lambda: Milestone.objects.filter(status=MilestoneStatus.DONE,
                                                     done_on__lte=F("due_on")),
            date_field="done_on", related=("owner_partner",),
        ),
    ]
