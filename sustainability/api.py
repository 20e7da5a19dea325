"""WP3 in the public API (netw/api): the good practices and the policy recommendations.

Published items only (``visible_to(VISITOR)``), originals and published translations; a
translation's facts (funding model, country, vocabularies, grounding) are its original's.
Links to other records name only what a visitor may see: a verified provider, a published
practice or methodology.
"""

from __future__ import annotations

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from methodologies.models import Methodology
from netw.api import VISITOR, Route
from netw.api.fields import (
    CodesField,
    CountryCodeField,
    CountryCodesField,
    IdsField,
    SlugField,
    SlugsField,
)
from netw.api.serializers import (
    COUNTRY_HELP,
    SUMMARY_HELP,
    TEXT_HELP,
    PublicRecordSerializer,
    PublishedItemSerializer,
)
from netw.api.views import PublicReadOnlyViewSet
from providers.vocabulary import Level, SectorCode, TargetGroupCode
from sustainability.filters import GoodPracticeFilter, RecommendationFilter
from sustainability.models import GoodPractice, Recommendation


@extend_schema_field({"type": "integer", "nullable": True})
class PublicRegistryIdField(serializers.Field):
    """The id of the registry's provider or network whose practice it is — only when visitors
    may see it (not deleted; a provider verified: its own fields, fetched with the practice);
    otherwise null."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, record):
        if record.is_deleted or not getattr(record, "is_verified", True):
            return None
        return record.pk


class GoodPracticeSerializer(PublishedItemSerializer):
    api_name = "good_practice"

    summary = serializers.CharField(read_only=True, help_text=SUMMARY_HELP)
    problem = serializers.CharField(read_only=True, help_text=_("The problem it solved."))
    how_it_works = serializers.CharField(read_only=True, help_text=TEXT_HELP)
    resources = serializers.CharField(read_only=True, help_text=_("The resources it needs."))
    results = serializers.CharField(read_only=True, help_text=_("Its results."))
    transferability = serializers.CharField(
        read_only=True, help_text=_("What another organisation needs for it to work elsewhere."))
    funding_model = SlugField(
        source="original.funding_model", allow_null=True,
        help_text=_("The code of its funding model."))
    country = CountryCodeField(source="original.country", help_text=COUNTRY_HELP)
    level = serializers.ChoiceField(source="original.level", choices=Level.choices,
                                    read_only=True, allow_blank=True,
                                    help_text=_("The level it works at (empty if not given)."))
    provider = PublicRegistryIdField(
        source="original.provider", allow_null=True,
        help_text=_("The id of the registry's provider whose practice it is (see providers), "
                    "or null."))
    network = PublicRegistryIdField(
        source="original.network", allow_null=True,
        help_text=_("The id of the registry's network whose practice it is (see networks), "
                    "or null."))
    organisation = serializers.CharField(
        source="original.organisation", read_only=True,
        help_text=_("The organisation whose practice it is, when it is not in the registry."))
    revenue_share = serializers.FloatField(
        source="original.revenue_share", read_only=True, allow_null=True,
        help_text=_("The share of the organisation's income it brings, in per cent."))
    years_running = serializers.IntegerField(source="original.years_running", read_only=True,
                                             allow_null=True,
                                             help_text=_("How many years it has been running."))
    sectors = CodesField(source="original.sectors", choices=SectorCode.choices,
                         help_text=_("The economic sectors, as codes of the registry's "
                                     "vocabulary."))
    target_groups = CodesField(source="original.target_groups", choices=TargetGroupCode.choices,
                               help_text=_("The groups of people it works with, as codes of the "
                                           "registry's vocabulary."))

    class Meta:
        model = GoodPractice
        fields = (*PublicRecordSerializer.BASE_FIELDS, *PublishedItemSerializer.ITEM_FIELDS,
                  "summary", "problem", "how_it_works", "resources", "results",
                  "transferability", "funding_model", "country", "level", "provider", "network",
                  "organisation", "revenue_share", "years_running", "sectors", "target_groups")


_FACTS = ("funding_model", "provider", "network")


class GoodPracticeViewSet(PublicReadOnlyViewSet):
    """The repertoire of financial-sustainability good practices (published)."""

    queryset = (GoodPractice.objects.visible_to(VISITOR)
                .select_related("translation_of", *_FACTS,
                                *(f"translation_of__{name}" for name in _FACTS))
                .prefetch_related("sectors", "target_groups", "translation_of__sectors",
                                  "translation_of__target_groups")
                .order_by("pk"))
    serializer_class = GoodPracticeSerializer
    filterset_class = GoodPracticeFilter


class RecommendationSerializer(PublishedItemSerializer):
    api_name = "recommendation"

    summary = serializers.CharField(read_only=True, help_text=SUMMARY_HELP)
    text = serializers.CharField(read_only=True, help_text=TEXT_HELP)
    level = serializers.ChoiceField(source="original.level", choices=Level.choices,
                                    read_only=True, allow_blank=True,
                                    help_text=_("The level of government it addresses."))
    countries = CountryCodesField(
        source="original.countries",
        help_text=_("The countries it addresses, as ISO 3166-1 alpha-2 codes; empty for "
                    "Europe-wide."))
    addressees = SlugsField(
        source="original.addressees",
        help_text=_("The codes of whom it is addressed to."))
    good_practices = IdsField(source="original.good_practices",
                              help_text=_("The ids of the published good practices that "
                                          "ground it."))
    methodologies = IdsField(source="original.methodologies",
                             help_text=_("The ids of the published methodologies that ground "
                                         "it."))

    class Meta:
        model = Recommendation
        fields = (*PublicRecordSerializer.BASE_FIELDS, *PublishedItemSerializer.ITEM_FIELDS,
                  "summary", "text", "level", "countries", "addressees", "good_practices",
                  "methodologies")


def _grounding(prefix: str = "") -> list:
    # Only what a visitor may see: a draft practice grounding it stays unnamed.
    return [
        f"{prefix}addressees",
        Prefetch(f"{prefix}good_practices",
                 queryset=GoodPractice.objects.visible_to(VISITOR).only("pk").order_by("pk")),
        Prefetch(f"{prefix}methodologies",
                 queryset=Methodology.objects.visible_to(VISITOR).only("pk").order_by("pk")),
    ]


class RecommendationViewSet(PublicReadOnlyViewSet):
    """The policy recommendations of the sustainability roadmap (published)."""

    queryset = (Recommendation.objects.visible_to(VISITOR).select_related("translation_of")
                .prefetch_related(*_grounding(), *_grounding("translation_of__"))
                .order_by("pk"))
    serializer_class = RecommendationSerializer
    filterset_class = RecommendationFilter


ROUTES = [
    Route("good-practices", GoodPracticeViewSet, _("Good practices")),
    Route("recommendations", RecommendationViewSet, _("Policy recommendations")),
]
