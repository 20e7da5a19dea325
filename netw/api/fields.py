"""Serializer fields for the API's open formats: absolute links on ``settings.SITE_URL``, ISO 3166
country codes, BCP 47 language tags, vocabulary codes. Each is described in the OpenAPI
document by its ``help_text`` and its type."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from netw.languages import bcp47


def absolute(path: str) -> str:
    """``path`` on the site's public address (the same in the API and in the data files)."""
    return settings.SITE_URL + path


@extend_schema_field(OpenApiTypes.URI)
class ApiUrlField(serializers.Field):
    """The record's address in the API (``api:<api_name>-detail`` of its serializer)."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value) -> str:
        return absolute(reverse(f"api:{self.parent.api_name}-detail", args=[value.pk]))


@extend_schema_field(OpenApiTypes.URI)
class HtmlUrlField(serializers.Field):
    """The record's public page (``get_absolute_url``)."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value) -> str:
        return absolute(value.get_absolute_url())


class UtcDateTimeField(serializers.DateTimeField):
    """ISO 8601 in UTC (``2026-05-04T09:30:00Z``), whatever the site's time zone."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(default_timezone=datetime.UTC, **kwargs)

    def to_representation(self, value):
        text = super().to_representation(value)
        return text.replace("+00:00", "Z") if isinstance(text, str) else text


@extend_schema_field({"type": "string", "pattern": "^[A-Z]{2}$", "nullable": True})
class CountryCodeField(serializers.Field):
    """An ISO 3166-1 alpha-2 code (``PT``), null when the record names no country."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        code = str(getattr(value, "code", value) or "")
        return code or None


@extend_schema_field({"type": "array", "items": {"type": "string", "pattern": "^[A-Z]{2}$"}})
class CountryCodesField(serializers.Field):
    """Several ISO 3166-1 alpha-2 codes (a multiple ``CountryField``)."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value) -> list[str]:
        return [str(getattr(country, "code", country)) for country in value or ()]


@extend_schema_field({"type": "string", "nullable": True,
                      "pattern": "^[A-Z]{2}-[A-Z0-9]{1,3}$"})
class SubdivisionField(serializers.Field):
    """An ISO 3166-2 code (``HU-PE``), null when the record is not placed in a region."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return value or None


@extend_schema_field({"type": "string", "example": "sr-Latn"})
class LanguageTagField(serializers.Field):
    """A BCP 47 tag in its documented casing (the project stores ``sr-latn``: ``sr-Latn``)."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value) -> str:
        return bcp47(value)


class CodesField(serializers.ListField):
    """The codes of a many-to-many vocabulary (sectors, target groups …) as a list of enums.

    Read the rows through ``prefetch_related`` on the queryset: ``.all()`` then costs nothing."""

    def __init__(self, *, choices, attribute: str = "code", **kwargs):
        self.attribute = attribute
        super().__init__(child=serializers.ChoiceField(choices=choices), read_only=True,
                         **kwargs)

    def to_representation(self, data) -> list[str]:
        return [getattr(item, self.attribute) for item in data.all()]


class SlugsField(serializers.ListField):
    """The codes of related rows of a vocabulary kept in a table (``code``/``slug`` field)."""

    def __init__(self, *, attribute: str = "code", **kwargs):
        self.attribute = attribute
        super().__init__(child=serializers.CharField(), read_only=True, **kwargs)

    def to_representation(self, data) -> list[str]:
        return [getattr(item, self.attribute) for item in data.all()]


@extend_schema_field({"type": "string", "nullable": True})
class SlugField(serializers.Field):
    """The code of one related row of a vocabulary table (null when there is none)."""

    def __init__(self, *, attribute: str = "code", **kwargs):
        self.attribute = attribute
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return getattr(value, self.attribute)


class IdsField(serializers.ListField):
    """The ids of related records (prefetched), as a list of integers."""

    def __init__(self, **kwargs):
        super().__init__(child=serializers.IntegerField(), read_only=True, **kwargs)

    def to_representation(self, data) -> list[int]:
        return [item.pk for item in data.all()]


@extend_schema_field({"type": "number", "format": "double", "nullable": True})
class CoordinateField(serializers.Field):
    """A WGS 84 coordinate in decimal degrees, as a JSON number (null when not placed)."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return float(value)
