"""Work package 3's exportable lists (CSV, XLSX), filtered like their pages (see
netw/exports/registry.py; found through ``netw.discovery.app_modules("exports")``).

Each list is the page's own FilterSet over what the person may see (``visible_to``), so the file
holds the rows the page shows.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from netw.exports.registry import (
    Column,
    ExportList,
    choice_label,
    choice_labels,
    country_name,
    labels,
    query_dict,
    register,
    yes_no,
)
from netw.licences import licence_column
from providers.vocabulary import Level, SectorCode, TargetGroupCode

from .models import PlanActionStatus


@labels
def _country_names(value) -> str:
    """A multiple country field's stored codes ("HU,PT") as names."""
    codes = [code for code in str(value or "").split(",") if code]
    return ", ".join(str(countries.name(code)) for code in codes) or str(_("Europe-wide"))


# --- The roadmap and the commitments --------------------------------------------------------------


def _milestone_filterset(user, filters):
    from .filters import MilestoneFilter
    from .models import Milestone

    return MilestoneFilter(query_dict(filters), queryset=Milestone.objects.visible_to(user))


def _commitment_filterset(user, filters):
    from .filters import CommitmentFilter
    from .models import Commitment

    return CommitmentFilter(query_dict(filters), queryset=Commitment.objects.visible_to(user))


def _roadmap_milestones(user, filters):
    from django.db.models import Case, CharField, F, Q, Value, When
    from django.utils import timezone

    from .models import MILESTONE_CLOSED, Milestone, MilestoneStatus

    filterset = _milestone_filterset(user, filters)
    qs = filterset.qs if filterset.is_valid() else Milestone.objects.none()
    # The status the page shows: late once past due unless done or dropped.
    shown = Case(When(status__in=MILESTONE_CLOSED, then=F("status")),
                 When(Q(due_on__lt=timezone.localdate()) | Q(status=MilestoneStatus.LATE),
                      then=Value(MilestoneStatus.LATE.value)),
                 default=F("status"), output_field=CharField())
    return qs.annotate(shown_status_code=shown).order_by("phase__starts_on", "due_on", "pk")


def _roadmap_commitments(user, filters):
    from .models import Commitment

    filterset = _commitment_filterset(user, filters)
    qs = filterset.qs if filterset.is_valid() else Commitment.objects.none()
    return qs.order_by("due_on", "pk")


def _roadmap_lists() -> list[ExportList]:
    from .models import CommitmentStatus, MilestoneStatus

    return [
        ExportList(name="roadmap_milestones", label=_("Roadmap milestones"),
                   queryset=_roadmap_milestones, filterset=_milestone_filterset, columns=[
                       Column(_("Phase"), "phase__title"),
                       Column(_("Milestone"), "title"),
                       Column(_("Responsible partner"), "owner_partner__short_name"),
                       Column(_("Due on"), "due_on"),
                       Column(_("Status"), "shown_status_code",
                              choice_label(MilestoneStatus.choices)),
                       Column(_("Done on"), "done_on"),
                       Column(_("Public"), "is_public", yes_no),
                       Column(_("Recommendations"), "recommendations__title", many=True),
                   ]),
        ExportList(name="roadmap_commitments", label=_("Roadmap commitments"),
                   queryset=_roadmap_commitments, filterset=_commitment_filterset, columns=[
                       Column(_("Commitment"), "description"),
                       Column(_("Committed partner"), "partner__short_name"),
                       Column(_("Committed stakeholder"), "stakeholder__name"),
                       Column(_("Due on"), "due_on"),
                       Column(_("Status"), "status", choice_label(CommitmentStatus.choices)),
                       Column(_("Milestone"), "milestone__title"),
                       Column(_("Recorded by"), "owner_partner__short_name"),
                       Column(_("Confirmed at"), "confirmed_at"),
                       Column(_("Evidence (link)"), "evidence_link"),
                   ]),
    ]


for _entry in _roadmap_lists():
    register(_entry)


# --- Long-term action plans (wt-plans) -----------------------------------------------------------


@labels
def _status(value) -> str:
    return str(dict(PlanActionStatus.choices).get(value, value or ""))


def _plan_action_filterset(user, filters):
    from .filters import PlanActionFilter
    from .models import PlanAction

    base = PlanAction.objects.visible_to(user).order_by("plan__title", "due_on", "pk")
    return PlanActionFilter(query_dict(filters) or None, queryset=base)


def _plan_actions(user, filters):
    filterset = _plan_action_filterset(user, filters)
    base = filterset.queryset
    if not filterset.is_bound:
        return base
    return filterset.qs if filterset.is_valid() else base.none()


register(ExportList(
    name="plan_actions",
    label=_("Action plans' actions"),
    queryset=_plan_actions,
    filterset=_plan_action_filterset,
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
        Column(_("Public"), "is_public", yes_no),
        Column(_("Cancelled"), "is_cancelled", yes_no),
        Column(_("Experts' organisations"), "experts__organisation",
               lambda values: [v for v in values if v], many=True),
        Column(_("Conclusions"), "conclusions"),
    ],
))


# --- Policy recommendations and their uptake ------------------------------------------------------


def _recommendation_filterset(user, filters):
    from .filters import RecommendationFilter
    from .models import Recommendation

    return RecommendationFilter(query_dict(filters),
                                queryset=Recommendation.objects.published().originals())


def _uptake_step_filterset(user, filters):
    from .filters import UptakeStepFilter
    from .models import UptakeStep

    return UptakeStepFilter(query_dict(filters), user=user,
                            queryset=UptakeStep.objects.visible_to(user))


def _recommendations(user, filters):
    from .models import Recommendation

    filterset = _recommendation_filterset(user, filters)
    queryset = filterset.qs if filterset.is_valid() else Recommendation.objects.none()
    return queryset.order_by("title", "pk")


def _uptake_steps(user, filters):
    from .models import UptakeStep

    filterset = _uptake_step_filterset(user, filters)
    queryset = filterset.qs if filterset.is_valid() else UptakeStep.objects.none()
    return queryset.order_by("recommendation__title", "country", "date", "pk")


def _stage_label(value) -> str:
    from .models import UptakeStage

    return str(UptakeStage(value).label) if value else ""


register(ExportList(
    name="recommendations",
    label=_("Policy recommendations"),
    queryset=_recommendations,
    filterset=_recommendation_filterset,
    columns=[
        Column(_("Title"), "title"),
        Column(_("Summary"), "summary"),
        Column(_("Level"), "level", choice_label(Level.choices)),
        Column(_("Countries addressed"), "countries", _country_names),
        Column(_("Addressed to"), "addressees__name", lambda names: [gettext(n) for n in names],
               many=True),
        Column(_("Written by"), "owner_partner__short_name"),
        Column(_("Language"), "language"),
        Column(_("Published at"), "published_at"),
        Column(_("Address"), "slug"),
        licence_column(),
    ],
))

# Exports are for the partners' staff (member_or_coordinator, the default), who may see every
# stakeholder of the registry: the stakeholder's name is in the file.
register(ExportList(
    name="uptake_steps",
    label=_("Uptake of the policy recommendations"),
    queryset=_uptake_steps,
    filterset=_uptake_step_filterset,
    columns=[
        Column(_("Recommendation"), "recommendation__title"),
        Column(_("Country"), "country", lambda code: str(countries.name(code)) if code else ""),
        Column(_("Date"), "date"),
        Column(_("Stage"), "stage", _stage_label),
        Column(_("Stakeholder"), "stakeholder__name"),
        Column(_("Evidence (link)"), "evidence_link"),
        Column(_("Evidence (file)"), "evidence_file",
               lambda name: str(name).rsplit("/", 1)[-1] if name else ""),
        Column(_("Note"), "note"),
        Column(_("Reason for going back"), "reason"),
        Column(_("Recorded by partner"), "owner_partner__short_name"),
        Column(_("Recorded by"), "created_by__email"),
        Column(_("Recorded at"), "created_at"),
    ],
))


# --- Good practices --------------------------------------------------------------------------


def _good_practice_filterset(user, filters):
    from .filters import GoodPracticeFilter
    from .models import GoodPractice

    base = GoodPractice.objects.visible_to(user).published().originals()
    return GoodPracticeFilter(query_dict(filters) or None, queryset=base)


def good_practices(user, filters):
    """The rows of the repertoire's page for these filters (an invalid filter: none)."""
    filterset = _good_practice_filterset(user, filters)
    base = filterset.queryset
    if not filterset.is_bound:
        return base.order_by("-published_at", "title", "pk")
    if not filterset.is_valid():
        return base.none()
    qs = filterset.qs
    return qs if qs.query.order_by else qs.order_by("-published_at", "title", "pk")


def _practice_url(slug: str) -> str:
    return settings.SITE_URL + reverse("sustainability:goodpractice_detail", args=[slug])


register(ExportList(
    name="good_practices",
    label=_("Good practices"),
    queryset=good_practices,
    filterset=_good_practice_filterset,
    columns=[
        Column(_("Title"), "title"),
        Column(_("Page"), "slug", _practice_url),
        Column(_("Summary"), "summary"),
        Column(_("Funding model"), "funding_model__name",
               lambda name: gettext(name) if name else ""),
        Column(_("Country"), "country", country_name),
        Column(_("Level"), "level", choice_label(Level.choices)),
        Column(_("Organisation"), "organisation"),
        Column(_("Share of revenue (%)"), "revenue_share"),
        Column(_("Years running"), "years_running"),
        Column(_("Sectors"), "sectors__code", choice_labels(SectorCode.choices), many=True),
        Column(_("Target groups"), "target_groups__code", choice_labels(TargetGroupCode.choices),
               many=True),
        Column(_("Written in"), "language", choice_label(settings.LANGUAGES)),
        Column(_("Shared by"), "owner_partner__short_name"),
        Column(_("Published at"), "published_at"),
        licence_column(),
    ],
))
