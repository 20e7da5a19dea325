from __future__ import annotations

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from netw.filters import (
    CountriesPresentMixin,
    ModelChoiceFilter,
    SearchLastMixin,
    all_countries,
)
from netw.languages import record_language_choices
from netw.translations import available_in
from netw.widgets import DateInput
from providers.models import Partner
from providers.vocabulary import SectorCode, TargetGroupCode

from .models import Adoption, DisseminationActivity, Methodology
from .vocabulary import ActivityKind, Audience, LearningSetting


class MethodologyFilter(SearchLastMixin, CountriesPresentMixin, django_filters.FilterSet):
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
        return queryset.search(value, limit=self.rank_limit)

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
                                          widget=DateInput())
    date_to = django_filters.DateFilter(label=_("To"), field_name="date", lookup_expr="lte",
                                        widget=DateInput())

    class Meta:
        model = DisseminationActivity
        fields: list[str] = []


def _visible_methodologies(request):
    from .models import Methodology

    user = getattr(request, "user", None)
    return Methodology.objects.visible_to(user) if user is not None else Methodology.objects.none()


class AdoptionFilter(django_filters.FilterSet):
    """The adoptions of a methodology, as its page's "Who uses it" lists them (``methodology``:
    its address); only methodologies the person may see are a choice."""

    methodology = ModelChoiceFilter(label=_("Methodology"), queryset=_visible_methodologies,
                                    to_field_name="slug", empty_label=_("Any methodology"))
    country = django_filters.ChoiceFilter(label=_("Country"), field_name="provider__country",
                                          choices=all_countries, empty_label=_("Any country"))

    class Meta:
        model = Adoption
        fields: list[str] = []
