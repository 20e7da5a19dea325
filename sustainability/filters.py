from __future__ import annotations

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from netw.filters import (
    CountriesPresentMixin,
    ModelChoiceFilter,
    all_countries,
    countries_focus_first,
)
from netw.widgets import QuickSelect
from providers.vocabulary import Level, SectorCode, TargetGroupCode

from .models import (
    AddresseeType,
    FundingModel,
    GoodPractice,
    Recommendation,
    UptakeStage,
    UptakeStep,
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


# --- Policy recommendations and their uptake ------------------------------------------------------


class RecommendationFilter(django_filters.FilterSet):
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

    def search(self, queryset, name, value):
        return queryset.search(value)

    def addressing(self, queryset, name, value):
        return queryset.addressing(value)


class UptakeStepFilter(django_filters.FilterSet):
    """The uptake steps list (and its export): one recommendation, one country, one stage."""

    recommendation = ModelChoiceFilter(label=_("Recommendation"), to_field_name="slug",
                                       queryset=Recommendation.objects.published(),
                                       empty_label=_("Any recommendation"), widget=QuickSelect)
    country = django_filters.ChoiceFilter(label=_("Country"), choices=countries_focus_first,
                                          empty_label=_("Any country"), widget=QuickSelect)
    stage = django_filters.ChoiceFilter(label=_("Stage"), choices=UptakeStage.choices,
                                        empty_label=_("Any stage"))

    class Meta:
        model = UptakeStep
        fields: list[str] = []

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The recommendations this person may see (published: steps exist on those only).
        self.filters["recommendation"].queryset = (
            Recommendation.objects.published().visible_to(user).only("pk", "slug", "title")
            .order_by("title"))
