from __future__ import annotations

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from netw.filters import CountriesPresentMixin, ModelChoiceFilter, all_countries
from netw.languages import record_language_choices
from netw.translations import available_in
from providers.models import Partner
from providers.vocabulary import SectorCode, TargetGroupCode

from .models import DisseminationActivity, Methodology
from .vocabulary import ActivityKind, Audience, LearningSetting


class MethodologyFilter(CountriesPresentMixin, django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search",
                                  widget=forms.TextInput(attrs={"type": "search"}))
    country = django_filters.ChoiceFilter(label=_("Country"), choices=all_countries,
                                          empty_label=_("Any country"))
    # Choices straight from the registry's vocabularies: no query, no per-row label lookups.
    target_group = django_filters.ChoiceFilter(
        label=_("Target group"), field_name="target_groups__code",
        choices=TargetGroupCode.choices, empty_label=_("Any target group"), distinct=True)
    sector = django_filters.ChoiceFilter(
        label=_("Sector"), field_name="sectors__code", choices=SectorCode.choices,
        empty_label=_("Any sector"), distinct=True)
    setting = django_filters.ChoiceFilter(label=_("Learning setting"),
                                          field_name="learning_setting",
                                          choices=LearningSetting.choices,
                                          empty_label=_("Any setting"))
    # Written in it, or with a published translation into it.
    language = django_filters.ChoiceFilter(label=_("Language"), choices=record_language_choices,
                                           empty_label=_("Any language"),
                                           method="in_language")

    class Meta:
        model = Methodology
        fields: list[str] = []

    def search(self, queryset, name, value):
        return queryset.search(value)

    def in_language(self, queryset, name, value):
        return available_in(queryset, value)


class DisseminationFilter(CountriesPresentMixin, django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(label=_("Type"), choices=ActivityKind.choices,
                                       empty_label=_("Any type"))
    audience = django_filters.ChoiceFilter(label=_("Audience"), choices=Audience.choices,
                                           empty_label=_("Any audience"))
    country = django_filters.ChoiceFilter(label=_("Country"), choices=all_countries,
                                          empty_label=_("Any country"))
    partner = ModelChoiceFilter(label=_("Partner"), field_name="owner_partner",
                                               queryset=Partner.objects.all(),
                                               to_field_name="slug", empty_label=_("Any partner"))
    date_from = django_filters.DateFilter(label=_("From"), field_name="date", lookup_expr="gte",
                                          widget=forms.DateInput(attrs={"type": "date"}))
    date_to = django_filters.DateFilter(label=_("To"), field_name="date", lookup_expr="lte",
                                        widget=forms.DateInput(attrs={"type": "date"}))

    class Meta:
        model = DisseminationActivity
        fields: list[str] = []
