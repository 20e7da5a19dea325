"""WP2 in the public API (netw/api): the methodology inventory and the publications.

Published items only — what a visitor reads on the pages (``visible_to(VISITOR)``): their
originals and their published translations, each a record of its own; a translation's facts
(country, vocabularies, files) are its original's, as on its page.
"""

from __future__ import annotations

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from methodologies.filters import MethodologyFilter
from methodologies.models import Methodology, Publication, PublicationFile
from methodologies.vocabulary import LearningSetting, PublicationKind
from netw.api import VISITOR, Route
from netw.api.fields import CodesField, CountryCodeField, absolute
from netw.api.serializers import (
    COUNTRY_HELP,
    SUMMARY_HELP,
    TEXT_HELP,
    PublicRecordSerializer,
    PublishedItemSerializer,
)
from netw.api.views import PublicReadOnlyViewSet
from netw.languages import bcp47
from providers.vocabulary import SectorCode, TargetGroupCode

TARGET_GROUPS_HELP = _("The groups of people it is for, as codes of the registry's vocabulary.")
SECTORS_HELP = _("The economic sectors it is used in, as codes of the registry's vocabulary.")


class MethodologySerializer(PublishedItemSerializer):
    api_name = "methodology"

    summary = serializers.CharField(read_only=True, help_text=SUMMARY_HELP)
    body = serializers.CharField(read_only=True, help_text=TEXT_HELP)
    problem = serializers.CharField(read_only=True, help_text=_("The problem it answers."))
    duration = serializers.CharField(read_only=True,
                                     help_text=_("How long it takes, e.g. 6 months."))
    evidence = serializers.CharField(read_only=True, help_text=_("Evidence of its results."))
    transfer = serializers.CharField(read_only=True, help_text=_("How to transfer it."))
    resources = serializers.CharField(read_only=True,
                                      help_text=_("Links and material, in Markdown."))
    country = CountryCodeField(source="original.country", help_text=COUNTRY_HELP)
    learning_setting = serializers.ChoiceField(
        source="original.learning_setting", choices=LearningSetting.choices, read_only=True,
        allow_blank=True, help_text=_("Where the learning happens (empty if not given)."))
    target_groups = CodesField(source="original.target_groups", choices=TargetGroupCode.choices,
                               help_text=TARGET_GROUPS_HELP)
    sectors = CodesField(source="original.sectors", choices=SectorCode.choices,
                         help_text=SECTORS_HELP)

    class Meta:
        model = Methodology
        fields = (*PublicRecordSerializer.BASE_FIELDS, *PublishedItemSerializer.ITEM_FIELDS,
                  "summary", "body", "problem", "duration", "evidence", "transfer", "resources",
                  "country", "learning_setting", "target_groups", "sectors")


class MethodologyViewSet(PublicReadOnlyViewSet):
    """The inventory of work-based adult education methodologies (published)."""

    queryset = (Methodology.objects.visible_to(VISITOR).select_related("translation_of")
                .prefetch_related("target_groups", "sectors", "translation_of__target_groups",
                                  "translation_of__sectors")
                .order_by("pk"))
    serializer_class = MethodologySerializer
    filterset_class = MethodologyFilter


class FileLanguagesField(serializers.ListField):
    """The languages of the original's files, as BCP 47 tags."""

    def __init__(self, **kwargs):
        super().__init__(child=serializers.CharField(), read_only=True, **kwargs)

    def to_representation(self, data) -> list[str]:
        return [bcp47(file.language) for file in data.all()]


class FileUrlsField(serializers.ListField):
    """The download address of each of the original's files."""

    def __init__(self, **kwargs):
        super().__init__(child=serializers.URLField(), read_only=True, **kwargs)

    def to_representation(self, data) -> list[str]:
        return [absolute(file.get_absolute_url()) for file in data.all()]


class PublicationSerializer(PublishedItemSerializer):
    api_name = "publication"

    kind = serializers.ChoiceField(source="original.kind", choices=PublicationKind.choices,
                                   read_only=True, help_text=_("What kind of publication."))
    summary = serializers.CharField(read_only=True, help_text=SUMMARY_HELP)
    issued_on = serializers.DateField(source="original.issued_on", read_only=True,
                                      allow_null=True,
                                      help_text=_("When it was issued (ISO 8601 date)."))
    file_languages = FileLanguagesField(
        source="original.files",
        help_text=_("The languages it can be downloaded in, as BCP 47 tags."))
    file_urls = FileUrlsField(
        source="original.files",
        help_text=_("Where to download it, one address per language (as file_languages)."))

    class Meta:
        model = Publication
        fields = (*PublicRecordSerializer.BASE_FIELDS, *PublishedItemSerializer.ITEM_FIELDS,
                  "kind", "summary", "issued_on", "file_languages", "file_urls")


def _files():
    # The download address names the publication's slug: fetch it with the file.
    return PublicationFile.objects.select_related("publication").order_by("language")


class PublicationViewSet(PublicReadOnlyViewSet):
    """The project's publications (published), e.g. the Guidebook on external communication."""

    queryset = (Publication.objects.visible_to(VISITOR).select_related("translation_of")
                .prefetch_related(Prefetch("files", queryset=_files()),
                                  Prefetch("translation_of__files", queryset=_files()))
                .order_by("pk"))
    serializer_class = PublicationSerializer


ROUTES = [
    Route("methodologies", MethodologyViewSet, _("Methodologies")),
    Route("publications", PublicationViewSet, _("Publications")),
]
