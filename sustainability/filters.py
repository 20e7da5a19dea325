from __future__ import annotations

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from netw.filters import CountriesPresentMixin, ModelChoiceFilter, all_countries
from providers.models import Partner
from providers.vocabulary import Level, SectorCode, TargetGroupCode

from .models import (
    ActionPlan,
    Commitment,
    CommitmentStatus,
    FundingModel,
    GoodPractice,
    Milestone,
    MilestoneStatus,
    PlanAction,
    PlanActionStatus,
)


class GoodPracticeFilter(CountriesPresentMixin, django_filters.FilterSet):
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

    class Meta:
        model = GoodPractice
        fields: list[str] = []

    def search(self, queryset, name, value):
        return queryset.search(value)


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
                                          widget=forms.DateInput(attrs={"type": "date"}))
    due_before = django_filters.DateFilter(label=_("Due until"), field_name="due_on",
                                           lookup_expr="lte",
                                           widget=forms.DateInput(attrs={"type": "date"}))

    class Meta:
        model = PlanAction
        fields: list[str] = []

    def filter_overdue(self, queryset, name, value):
        return queryset.overdue() if value else queryset
