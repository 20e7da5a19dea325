from __future__ import annotations

import django_filters
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from providers.models import Partner, Sector, TargetGroup

from .models import DisseminationActivity, Methodology
from .vocabulary import ActivityKind, Audience, LearningSetting


def _country_choices():
    return list(countries)


class MethodologyFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search",
                                  widget=forms.TextInput(attrs={"type": "search"}))
    country = django_filters.ChoiceFilter(label=_("Country"), choices=_country_choices,
                                          empty_label=_("Any country"))
    target_group = django_filters.ModelChoiceFilter(
        label=_("Target group"), field_name="target_groups", queryset=TargetGroup.objects.all(),
        empty_label=_("Any target group"), to_field_name="code")
    sector = django_filters.ModelChoiceFilter(
        label=_("Sector"), field_name="sectors", queryset=Sector.objects.all(),
        empty_label=_("Any sector"), to_field_name="code")
    setting = django_filters.ChoiceFilter(label=_("Learning setting"),
                                          field_name="learning_setting",
                                          choices=LearningSetting.choices,
                                          empty_label=_("Any setting"))
    language = django_filters.ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES,
                                           empty_label=_("Any language"))

    class Meta:
        model = Methodology
        fields: list[str] = []

    def search(self, queryset, name, value):
        return queryset.search(value)


class DisseminationFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(label=_("Type"), choices=ActivityKind.choices,
                                       empty_label=_("Any type"))
    audience = django_filters.ChoiceFilter(label=_("Audience"), choices=Audience.choices,
                                           empty_label=_("Any audience"))
    country = django_filters.ChoiceFilter(label=_("Country"), choices=_country_choices,
                                          empty_label=_("Any country"))
    partner = django_filters.ModelChoiceFilter(label=_("Partner"), field_name="owner_partner",
                                               queryset=Partner.objects.all(),
                                               to_field_name="slug", empty_label=_("Any partner"))
    date_from = django_filters.DateFilter(label=_("From"), field_name="date", lookup_expr="gte",
                                          widget=forms.DateInput(attrs={"type": "date"}))
    date_to = django_filters.DateFilter(label=_("To"), field_name="date", lookup_expr="lte",
                                        widget=forms.DateInput(attrs={"type": "date"}))

    class Meta:
        model = DisseminationActivity
        fields: list[str] = []
