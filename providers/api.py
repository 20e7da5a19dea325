"""The registry in the public API (netw/api): partners, networks, verified providers.

Only what a visitor sees on the pages, and less: never a contact (``Provider.CONTACT_FIELDS``,
even with the person's consent — open data is copied beyond anyone's reach to correct it), nor
the partners' general e-mail and phone, nor who placed a record on the map.
"""

from __future__ import annotations

import django_filters
from django.db.models import OuterRef, Prefetch, Subquery
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers

from netw.api import VISITOR, Route
from netw.api.fields import (
    CodesField,
    CoordinateField,
    CountryCodeField,
    IdsField,
    LanguageTagField,
    SubdivisionField,
    UtcDateTimeField,
)
from netw.api.serializers import (
    COUNTRY_HELP,
    CREATED_HELP,
    LANGUAGE_HELP,
    MODIFIED_HELP,
    PARTNER_HELP,
    PublicRecordSerializer,
)
from netw.api.views import PublicReadOnlyViewSet
from netw.filters import all_countries
from netw.workpackages import WorkPackage
from providers.filters import NetworkFilter, ProviderFilter
from providers.models import Network, Partner, Provider
from providers.vocabulary import LegalForm, Level, Maturity, SectorCode, TargetGroupCode

NAME_HELP = _("The name, as the organisation writes it.")
DESCRIPTION_HELP = _("A description in plain text, in the record's language.")
WEBSITE_HELP = _("The organisation's website (empty if unknown).")
REGION_HELP = _("The region, as the registering partner wrote it.")
SUBDIVISION_HELP = _("The region as an ISO 3166-2 code, e.g. HU-PE (null if not known).")
CITY_HELP = _("The city or town.")
LATITUDE_HELP = _("Degrees north (WGS 84); null when the record is not on the map yet.")
LONGITUDE_HELP = _("Degrees east (WGS 84); null when the record is not on the map yet.")


# --- Partners ----------------------------------------------------------------------------------


def _history_date(direction: str) -> Subquery:
    # Partners carry no timestamps of their own: their history does (django-simple-history).
    rows = Partner.history.model.objects.filter(id=OuterRef("pk")).order_by(direction)
    return Subquery(rows.values("history_date")[:1])


class PartnerSerializer(PublicRecordSerializer):
    api_name = "partner"

    created = UtcDateTimeField(source="history_created", allow_null=True, help_text=CREATED_HELP)
    modified = UtcDateTimeField(source="history_modified", allow_null=True,
                                help_text=MODIFIED_HELP)
    slug = serializers.SlugField(read_only=True,
                                 help_text=_("The partner's short identifier in page addresses."))
    short_name = serializers.CharField(read_only=True, help_text=_("The partner's short name."))
    name = serializers.CharField(read_only=True, help_text=_("The partner's full name."))
    country = CountryCodeField(help_text=COUNTRY_HELP)
    city = serializers.CharField(read_only=True, help_text=CITY_HELP)
    website = serializers.CharField(read_only=True, help_text=WEBSITE_HELP)
    description = serializers.CharField(read_only=True, help_text=DESCRIPTION_HELP)
    leads_work_package = serializers.ChoiceField(
        choices=WorkPackage.choices, read_only=True, allow_null=True,
        help_text=_("The work package the partner leads (1, 2 or 3), or null."))
    is_project_leader = serializers.BooleanField(
        read_only=True, help_text=_("Whether the partner coordinates the project."))

    class Meta:
        model = Partner
        fields = (*PublicRecordSerializer.BASE_FIELDS, "slug", "short_name", "name", "country",
                  "city", "website", "description", "leads_work_package", "is_project_leader")


class PartnerApiFilter(django_filters.FilterSet):
    country = django_filters.ChoiceFilter(choices=all_countries, label=_("Country"))

    class Meta:
        model = Partner
        fields: list[str] = []


class PartnerViewSet(PublicReadOnlyViewSet):
    """The eight partner organisations of the project."""

    queryset = Partner.objects.visible_to(VISITOR).annotate(
        history_created=_history_date("history_date"),
        history_modified=_history_date("-history_date"),
    ).order_by("pk")
    serializer_class = PartnerSerializer
    filterset_class = PartnerApiFilter
    modified_field = "history_modified"


# --- Networks and providers --------------------------------------------------------------------


class RegistrySerializer(PublicRecordSerializer):
    """What networks and providers share (providers.models.RegistryRecord, netw.geo Located)."""

    name = serializers.CharField(read_only=True, help_text=NAME_HELP)
    description = serializers.CharField(read_only=True, help_text=DESCRIPTION_HELP)
    website = serializers.CharField(read_only=True, help_text=WEBSITE_HELP)
    language = LanguageTagField(help_text=LANGUAGE_HELP)
    country = CountryCodeField(help_text=COUNTRY_HELP)
    subdivision = SubdivisionField(help_text=SUBDIVISION_HELP)
    region = serializers.CharField(read_only=True, help_text=REGION_HELP)
    city = serializers.CharField(read_only=True, help_text=CITY_HELP)
    latitude = CoordinateField(help_text=LATITUDE_HELP)
    longitude = CoordinateField(help_text=LONGITUDE_HELP)
    registered_by = serializers.PrimaryKeyRelatedField(source="owner_partner", read_only=True,
                                                       help_text=PARTNER_HELP)

    REGISTRY_FIELDS = ("name", "description", "website", "language", "country", "subdivision",
                       "region", "city", "latitude", "longitude", "registered_by")


class NetworkSerializer(RegistrySerializer):
    api_name = "network"

    acronym = serializers.CharField(read_only=True, help_text=_("The network's acronym, if any."))
    level = serializers.ChoiceField(choices=Level.choices, read_only=True,
                                    help_text=_("Where the network works."))
    maturity = serializers.ChoiceField(
        choices=Maturity.choices, read_only=True,
        help_text=_("Emerging or established (study visits pair one of each)."))
    founded_year = serializers.IntegerField(read_only=True, allow_null=True,
                                            help_text=_("The year the network was founded."))
    represented_by = serializers.PrimaryKeyRelatedField(
        source="representing_partner", read_only=True, allow_null=True,
        help_text=_("The id of the project partner that represents the network, or null."))

    class Meta:
        model = Network
        fields = (*PublicRecordSerializer.BASE_FIELDS, *RegistrySerializer.REGISTRY_FIELDS,
                  "acronym", "level", "maturity", "founded_year", "represented_by")


class NetworkViewSet(PublicReadOnlyViewSet):
    """Networks of work-based adult education providers (every network that is not deleted)."""

    queryset = Network.objects.visible_to(VISITOR).order_by("pk")
    serializer_class = NetworkSerializer
    filterset_class = NetworkFilter


class ProviderSerializer(RegistrySerializer):
    api_name = "provider"

    legal_form = serializers.ChoiceField(choices=LegalForm.choices, read_only=True,
                                         allow_blank=True,
                                         help_text=_("The legal form (empty if not given)."))
    sectors = CodesField(choices=SectorCode.choices,
                         help_text=_("The economic sectors it trains and employs people in."))
    target_groups = CodesField(choices=TargetGroupCode.choices,
                               help_text=_("The groups of people it works with."))
    networks = IdsField(help_text=_("The ids of the networks it belongs to (see networks)."))
    learners_per_year = serializers.IntegerField(
        read_only=True, allow_null=True,
        help_text=_("People in training or guidance during a year."))
    workers_per_year = serializers.IntegerField(
        read_only=True, allow_null=True,
        help_text=_("People in a work-integration job during a year."))

    class Meta:
        model = Provider
        fields = (*PublicRecordSerializer.BASE_FIELDS, *RegistrySerializer.REGISTRY_FIELDS,
                  "legal_form", "sectors", "target_groups", "networks", "learners_per_year",
                  "workers_per_year")


# The list page's verification filter is for the registry's people; the API serves verified
# providers only (ProviderFilter drops the filter for visitors, which the API's readers are).
@extend_schema_view(list=extend_schema(parameters=[OpenApiParameter("status", exclude=True)]))
class ProviderViewSet(PublicReadOnlyViewSet):
    """Verified work-based adult education providers; never their contacts."""

    queryset = Provider.objects.visible_to(VISITOR).prefetch_related(
        "sectors", "target_groups", Prefetch("networks", queryset=Network.objects.only("pk")),
    ).order_by("pk")
    serializer_class = ProviderSerializer
    filterset_class = ProviderFilter


ROUTES = [
    Route("partners", PartnerViewSet, _("Partners")),
    Route("networks", NetworkViewSet, _("Networks")),
    Route("providers", ProviderViewSet, _("Providers")),
]
