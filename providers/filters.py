"""The registry's list filters. Their parameters are the list's URL, so a filtered list can be
bookmarked, shared, paginated and exported as it is shown.

Parameters use codes and slugs (``?country=PT&sector=recycling&partner=a3s``), not ids, where a
readable value exists.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from netw.filters import CountriesPresentMixin, ModelChoiceFilter, all_countries
from netw.geo import regions
from netw.widgets import QuickSelect
from providers.models import Network, Partner, Provider, Sector, Stakeholder, TargetGroup
from providers.rules import is_registry_member
from providers.vocabulary import LegalForm, Level, Maturity, StakeholderKind, Verification


class SearchFilter(django_filters.CharFilter):
    """Words searched in the name (and the given other fields), each word anywhere."""

    def __init__(self, *args, fields: tuple[str, ...] = ("name",), **kwargs):
        self.search_fields = fields
        kwargs.setdefault("label", _("Search"))
        kwargs.setdefault("widget", forms.TextInput(attrs={"type": "search"}))
        # Bounded: SQLite refuses LIKE patterns over 50,000 characters (a 500 otherwise).
        kwargs.setdefault("max_length", 200)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        for word in (value or "").split()[:8]:
            condition = Q()
            for field in self.search_fields:
                condition |= Q(**{f"{field}__icontains": word})
            qs = qs.filter(condition)
        return qs


class SortFilter(django_filters.OrderingFilter):
    """A sort chosen from a short list; equal values keep a stable order across pages."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("Sort by"))
        kwargs.setdefault("empty_label", None)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        qs = super().filter(qs, value)
        return qs.order_by(*qs.query.order_by, "pk") if value else qs


def _partners(request):
    return Partner.objects.all()


def region_choices() -> list:
    """The regions of the five focus countries, grouped by country (the coverage pages link to
    the lists filtered by one of them)."""
    from django_countries import countries

    return [(str(countries.name(code)), [(region.code, f"{region.name} ({region.code})")
                                         for region in regions.regions(code)])
            for code in regions.FOCUS_COUNTRIES]


class SubdivisionFilter(django_filters.ChoiceFilter):
    """The ISO 3166-2 region records are placed in (netw.geo), by its code:
    ``?subdivision=HU-PE``."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("Region (ISO 3166-2)"))
        kwargs.setdefault("choices", region_choices)
        kwargs.setdefault("empty_label", _("All regions"))
        kwargs.setdefault("field_name", "subdivision")
        super().__init__(*args, **kwargs)


class RegistryFilterSet(CountriesPresentMixin, django_filters.FilterSet):
    """What every registry list filters on: country, registering partner, a search, a sort.

    The country select offers the countries of the records the viewer can see (one query)."""

    country = django_filters.ChoiceFilter(label=_("Country"), choices=all_countries,
                                          empty_label=_("All countries"))
    region = django_filters.CharFilter(label=_("Region"), lookup_expr="icontains",
                                       max_length=200)
    partner = ModelChoiceFilter(
        label=_("Registering partner"), field_name="owner_partner", to_field_name="slug",
        queryset=_partners, empty_label=_("All partners"),
    )

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        # The form is a GET form: its fields are optional and named as in the URL.
        for field in self.form.fields.values():
            field.required = False


class ProviderFilter(RegistryFilterSet):
    q = SearchFilter(fields=("name", "city"), label=_("Name or city"))
    sector = ModelChoiceFilter(
        label=_("Sector"), field_name="sectors", to_field_name="code",
        queryset=Sector.objects.all(), empty_label=_("All sectors"),
    )
    target_group = ModelChoiceFilter(
        label=_("Target group"), field_name="target_groups", to_field_name="code",
        queryset=TargetGroup.objects.all(), empty_label=_("All target groups"),
    )
    network = ModelChoiceFilter(
        label=_("Network"), field_name="networks",
        # Only what the option needs: the network list grows with the registry.
        queryset=Network.objects.only("pk", "name").order_by("name", "pk"),
        empty_label=_("All networks"), widget=QuickSelect,
    )
    level = django_filters.ChoiceFilter(
        label=_("Network level"), field_name="networks__level", choices=Level.choices,
        empty_label=_("Any level"), distinct=True,
    )
    legal_form = django_filters.ChoiceFilter(label=_("Legal form"), choices=LegalForm.choices,
                                             empty_label=_("All legal forms"))
    subdivision = SubdivisionFilter()
    status = django_filters.ChoiceFilter(
        label=_("Verification"), field_name="verification", choices=Verification.choices,
        empty_label=_("Any status"),
    )
    sort = SortFilter(
        fields=(("name", "name"), ("country", "country"), ("city", "city"),
                ("updated_at", "updated")),
        choices=[("name", _("Name (A–Z)")), ("-name", _("Name (Z–A)")),
                 ("country", _("Country")), ("city", _("City")),
                 ("-updated", _("Recently updated"))],
    )

    class Meta:
        model = Provider
        fields: list[str] = []

    def __init__(self, data=None, *args, request=None, **kwargs):
        super().__init__(data, *args, request=request, **kwargs)
        # Visitors only ever see verified providers: the status filter would be noise to them.
        if request is None or not is_registry_member(request.user):
            self.filters.pop("status")
            self.form.fields.pop("status")


class NetworkFilter(RegistryFilterSet):
    q = SearchFilter(fields=("name", "acronym"), label=_("Name"))
    level = django_filters.ChoiceFilter(label=_("Level"), choices=Level.choices,
                                        empty_label=_("All levels"))
    maturity = django_filters.ChoiceFilter(label=_("Maturity"), choices=Maturity.choices,
                                           empty_label=_("Any maturity"))
    subdivision = SubdivisionFilter()
    represented_by = ModelChoiceFilter(
        label=_("Represented by"), field_name="representing_partner", to_field_name="slug",
        queryset=_partners, empty_label=_("Any partner"),
    )
    sort = SortFilter(
        fields=(("name", "name"), ("country", "country"), ("level", "level"),
                ("provider_count", "members"), ("updated_at", "updated")),
        choices=[("name", _("Name (A–Z)")), ("-name", _("Name (Z–A)")),
                 ("country", _("Country")), ("level", _("Level")),
                 ("-members", _("Most member providers")),
                 ("-updated", _("Recently updated"))],
    )

    class Meta:
        model = Network
        fields: list[str] = []


class StakeholderFilter(RegistryFilterSet):
    q = SearchFilter(fields=("name", "city"), label=_("Name or city"))
    kind = django_filters.ChoiceFilter(label=_("Type"), choices=StakeholderKind.choices,
                                       empty_label=_("All types"))
    level = django_filters.ChoiceFilter(label=_("Level"), choices=Level.choices,
                                        empty_label=_("All levels"))
    sort = SortFilter(
        fields=(("name", "name"), ("country", "country"), ("kind", "type"),
                ("updated_at", "updated")),
        choices=[("name", _("Name (A–Z)")), ("-name", _("Name (Z–A)")),
                 ("country", _("Country")), ("type", _("Type")),
                 ("-updated", _("Recently updated"))],
    )

    class Meta:
        model = Stakeholder
        fields: list[str] = []
