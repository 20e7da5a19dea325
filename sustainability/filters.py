from __future__ import annotations

import django_filters
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from netw.filters import CountriesPresentMixin, ModelChoiceFilter, all_countries
from providers.models import Partner
from providers.vocabulary import Level, SectorCode, TargetGroupCode

from .models import FundingModel, GoodPractice


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
    # The partner that shared it, by its code (?partner=isen): the "shared by" links.
    partner = ModelChoiceFilter(label=_("Shared by"), field_name="owner_partner",
                                to_field_name="slug", queryset=Partner.objects.all(),
                                empty_label=_("Any partner"))
    language = django_filters.ChoiceFilter(label=_("Written in"), choices=settings.LANGUAGES,
                                           empty_label=_("Any language"))

    class Meta:
        model = GoodPractice
        fields: list[str] = []

    def search(self, queryset, name, value):
        return queryset.search(value)
