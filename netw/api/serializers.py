"""The base of every API record: ``id``, ``url``, ``html_url``, ``created``, ``modified``.

The open-data files are built from the same serializers (``netw.api.datasets``): keep records
flat (codes and ids rather than nested objects) and give every field a ``help_text``, which is
the description of its column and of its property in the OpenAPI document.
"""

from __future__ import annotations

from typing import ClassVar

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from netw.api.fields import (
    ApiUrlField,
    HtmlUrlField,
    LanguageTagField,
    UtcDateTimeField,
)
from netw.licences import LICENCE_CHOICES

# The descriptions several records share, written once.
ID_HELP = _("The record's stable identifier: it never changes and is never reused.")
URL_HELP = _("The record's address in this API.")
HTML_URL_HELP = _("The record's public page on the portal.")
CREATED_HELP = _("When the record was created (ISO 8601, UTC).")
MODIFIED_HELP = _("When the record last changed (ISO 8601, UTC); harvest the changes since a "
                  "date with the modified_after parameter.")
COUNTRY_HELP = _("The country, as an ISO 3166-1 alpha-2 code (null if none is given).")
LANGUAGE_HELP = _("The language the record is written in, as a BCP 47 tag.")
PARTNER_HELP = _("The id of the project partner that registered the record (see partners).")
TITLE_HELP = _("The title, in the record's language.")
SUMMARY_HELP = _("A short summary in plain text or Markdown, in the record's language.")
TEXT_HELP = _("Markdown text, in the record's language.")
LICENCE_HELP = _("The licence the record is published under, as an SPDX identifier.")
LICENCE_URL_HELP = _("The licence's legal code.")
PUBLISHED_HELP = _("When the record was published (ISO 8601, UTC).")
TRANSLATION_OF_HELP = _("For a translation, the id of the original record; null for an original.")


class PublicRecordSerializer(serializers.ModelSerializer):
    """Read-only; ``api_name`` names the routes (``api:<api_name>-list`` / ``-detail``)."""

    api_name: ClassVar[str]

    id = serializers.IntegerField(read_only=True, help_text=ID_HELP)
    url = ApiUrlField(help_text=URL_HELP)
    html_url = HtmlUrlField(help_text=HTML_URL_HELP)
    created = UtcDateTimeField(source="created_at", help_text=CREATED_HELP)
    modified = UtcDateTimeField(source="updated_at", help_text=MODIFIED_HELP)

    BASE_FIELDS = ("id", "url", "html_url", "created", "modified")


class PublishedItemSerializer(PublicRecordSerializer):
    """A public item of the publish workflow (netw/workflow.py) with its licence
    (netw/licences.py), possibly a translation (netw/translations.py) whose facts — country,
    vocabularies — are its original's: read them with ``source="original.…"``."""

    title = serializers.CharField(read_only=True, help_text=TITLE_HELP)
    language = LanguageTagField(help_text=LANGUAGE_HELP)
    translation_of = serializers.PrimaryKeyRelatedField(read_only=True,
                                                        help_text=TRANSLATION_OF_HELP)
    registered_by = serializers.PrimaryKeyRelatedField(source="owner_partner", read_only=True,
                                                       help_text=PARTNER_HELP)
    published = UtcDateTimeField(source="published_at", help_text=PUBLISHED_HELP)
    licence = serializers.ChoiceField(source="licence_info.code", choices=LICENCE_CHOICES,
                                      read_only=True, help_text=LICENCE_HELP)
    licence_url = serializers.URLField(source="licence_info.url", read_only=True,
                                       help_text=LICENCE_URL_HELP)

    ITEM_FIELDS = ("title", "language", "translation_of", "registered_by", "published",
                   "licence", "licence_url")
