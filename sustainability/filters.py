from __future__ import annotations

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from netw.filters import (
    CountriesPresentMixin,
    ModelChoiceFilter,
    SearchLastMixin,
    all_countries,
    countries_focus_first,
)
from netw.languages import record_language_choices
from netw.translations import available_in
from netw.widgets import DateInput, QuickSelect
from providers.models import Partner
from providers.vocabulary import Level, SectorCode, TargetGroupCode

from .models import (
    ActionPlan,
    AddresseeType,
    Commitment,
    CommitmentStatus,
    FundingModel,
    GoodPractice,
    Milestone,
    MilestoneStatus,
    PlanAction,
    PlanActionStatus,
    Recommendation,
    UptakeStage,
    UptakeStep,
)


class GoodPracticeFilter(SearchLastMixin, CountriesPresentMixin, django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search", max_length=200,
                                  widget=forms.TextInput(attrs={"type": "search"}))
    funding_model = ModelChoiceFilter(label=_("Funding model"),
                                      queryset=FundingModel.objects.all(), to_field_name="code",
                                      empty_label=_("Any funding model"))
    country = django_filters.ChoiceFilter(label=_("Country"), choices=all_countries,
                                          empty_label=_("Any country"))
    level = django_filters.ChoiceFilter(label=_("Level"), choices=Level.choices,
                                        empty_label=_("Any level"))
    sector = django_filters.ChoiceFilter(
        label=_("Sector"), field_name="sectors__code", choices=SectorCode.choices,
        empty_label=_("Any sector"), distinct=True)
    target_group = django_filters.ChoiceFilter(
        label=_("Target group"), field_name="target_groups__code",
        choices=TargetGroupCode.choices, empty_label=_("Any target group"), distinct=True)
    # The partner that shared it, by its code (?partner=isen): the "shared by" links.
    partner = ModelChoiceFilter(label=_("Shared by"), field_name="owner_partner",
                                to_field_name="slug", queryset=Partner.objects.all(),
                                empty_label=_("Any partner"))
    # Written in it, or with a published translation into it.
    language = django_filters.ChoiceFilter(label=_("Written in"),
                                           choices=record_language_choices,
                                           empty_label=_("Any language"), method="in_language")

    class Meta:
        model = GoodPractice
        fields: list[str] = []

    def search(self, queryset, name, value):
        return queryset.search(value, limit=self.rank_limit)

    def in_language(self, queryset, name, value):
        return available_in(queryset, value)


# --- The roadmap and the commitments --------------------------------------------------------------


class MilestoneFilter(django_filters.FilterSet):
    """The roadmap's milestones by shown status (late whatever the stored status says) and by
    responsible partner."""

    status = django_filters.ChoiceFilter(label=_("Status"), choices=MilestoneStatus.choices,
                                         empty_label=_("Any status"), method="shown_as")
    partner = ModelChoiceFilter(label=_("Responsible partner"), field_name="owner_partner",
                                queryset=Partner.objects.all(), to_field_name="slug",
                                empty_label=_("Any partner"))

    class Meta:
        model = Milestone
        fields: list[str] = []

    def shown_as(self, queryset, name, value):
        return queryset.shown_as(value)


class CommitmentFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=CommitmentStatus.choices,
                                         empty_label=_("Any status"))
    partner = ModelChoiceFilter(label=_("Committed partner"), queryset=Partner.objects.all(),
                                to_field_name="slug", empty_label=_("Any partner"))
    late = django_filters.BooleanFilter(label=_("Late only"), method="only_late",
                                        widget=forms.CheckboxInput)

    class Meta:
        model = Commitment
        fields: list[str] = []

    def only_late(self, queryset, name, value):
        return queryset.late() if value else queryset
# --- Long-term action plans (wt-plans) -----------------------------------------------------------


class PlanActionFilter(django_filters.FilterSet):
    """All the plans' actions: by plan, owner partner (of the plan), status, overdue, due
    dates; the same filters narrow the export."""

    q = django_filters.CharFilter(label=_("Search"), field_name="description",
                                  lookup_expr="icontains", max_length=200,
                                  widget=forms.TextInput(attrs={"type": "search"}))
    plan = ModelChoiceFilter(label=_("Plan"), queryset=ActionPlan.objects.order_by("title"),
                             empty_label=_("Any plan"))
    partner = ModelChoiceFilter(label=_("Plan of partner"), field_name="plan__owner_partner",
                                queryset=Partner.objects.all(), empty_label=_("Any partner"))
    status = django_filters.ChoiceFilter(label=_("Status"), choices=PlanActionStatus.choices,
                                         empty_label=_("Any status"))
    overdue = django_filters.BooleanFilter(
        label=_("Overdue only"), method="filter_overdue",
        widget=forms.CheckboxInput)
    due_after = django_filters.DateFilter(label=_("Due from"), field_name="due_on",
                                          lookup_expr="gte",
                                          widget=DateInput())
    due_before = django_filters.DateFilter(label=_("Due until"), field_name="due_on",
                                           lookup_expr="lte",
                                           widget=DateInput())

    class Meta:
        model = PlanAction
        fields: list[str] = []

    def filter_overdue(self, queryset, name, value):
        return queryset.overdue() if value else queryset
# --- Policy recommendations and their uptake ------------------------------------------------------


class RecommendationFilter(SearchLastMixin, django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search", max_length=200,
                                  widget=forms.TextInput(attrs={"type": "search"}))
    level = django_filters.ChoiceFilter(label=_("Level"), choices=Level.choices,
                                        empty_label=_("Any level"))
    country = django_filters.ChoiceFilter(label=_("Country addressed"),
                                          choices=countries_focus_first, method="addressing",
                                          empty_label=_("Any country"), widget=QuickSelect)
    addressee = ModelChoiceFilter(label=_("Addressed to"), field_name="addressees",
                                  queryset=AddresseeType.objects.all(), to_field_name="code",
                                  empty_label=_("Anyone"), distinct=True)

    class Meta:
        model = Recommendation
        fields: list[str] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The focus countries, then the other countries the rows address (one query): a select
        # of every country in the world is long to read and slow to render.
        asked = self.data.get("country", "") if self.data else ""
        self.filters["country"].extra["choices"] = addressed_countries(
            self.queryset, keep=asked if isinstance(asked, str) else "")

    def search(self, queryset, name, value):
        return queryset.search(value, limit=self.rank_limit)

    def addressing(self, queryset, name, value: str):
        return queryset.addressing(value)


def addressed_countries(queryset, keep: str = "") -> list:
    """Choices: the five focus countries, then the other countries that the recommendations of
    ``queryset`` address (``keep`` too, when it is a country: a bookmarked list whose rows have
    gone says "none found", not "invalid")."""
    focus, _others = countries_focus_first()
    focus_codes = {code for code, _name in focus[1]}
    present: set[str] = set()
    for value in queryset.order_by().values_list("countries", flat=True).distinct():
        codes = value.split(",") if isinstance(value, str) else [str(c) for c in value or []]
        present.update(code for code in codes if code)
    if keep and keep in countries:
        present.add(keep)
    others = sorted(((code, countries.name(code)) for code in present - focus_codes),
                    key=lambda choice: str(choice[1]))
    return [focus, (_("Other countries"), others)] if others else [focus]


class UptakeStepFilter(CountriesPresentMixin, django_filters.FilterSet):
    """The uptake steps list (and its export): one recommendation, one country (among those
    with steps), one stage."""

    recommendation = ModelChoiceFilter(label=_("Recommendation"), to_field_name="slug",
                                       queryset=Recommendation.objects.published().originals(),
                                       empty_label=_("Any recommendation"), widget=QuickSelect)
    country = django_filters.ChoiceFilter(label=_("Country"), choices=all_countries,
                                          empty_label=_("Any country"))
    stage = django_filters.ChoiceFilter(label=_("Stage"), choices=UptakeStage.choices,
                                        empty_label=_("Any stage"))

    class Meta:
        model = UptakeStep
        fields: list[str] = []

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The recommendations this person may see (published: steps exist on those only).
        self.filters["recommendation"].queryset = (
            Recommendation.objects.published().originals().visible_to(user)
            .only("pk", "slug", "title")
            .order_by("title"))
