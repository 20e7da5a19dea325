"""The HSDS 3 feed (Open Referral's Human Services Data Specification) under /api/v1/hsds/.

The core serves the pages; the records come from each app's ``hsds.py`` hook, which declares
``SOURCES = {"organizations": [Source(...), ...], "services": [...], ...}`` for the object types
of :data:`OBJECT_TYPES`. A source is one kind of public record mapped to one HSDS object.

Pages have HSDS 3's shape (``total_items``, ``total_pages``, ``page_number``, ``size``,
``first_page``, ``last_page``, ``empty``, ``contents``); ``?page=`` (from 1) and ``?per_page=``
(capped at :data:`MAX_PER_PAGE`) choose the page; sources with a modification date also take
``?modified_after=`` (ISO 8601). A wrong parameter answers 400 with a JSON error naming it, as
the rest of the API does; the feed is throttled like the API (netw.api.views).

Ids are UUIDs that stay the same for a record: a fixed prefix, the source's ``code`` and the
record's primary key, so a detail URL finds its record without a lookup table.
"""

from __future__ import annotations

import functools
import math
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from netw.api.views import WHOLE_NUMBER, ApiRateThrottle
from netw.discovery import app_modules
from netw.licences import DEFAULT_LICENCE, get_licence

HSDS_VERSION = "3.0"
HSDS_PROFILE = "https://docs.openreferral.org/en/3.0/hsds/"
OBJECT_TYPES = ("organizations", "services", "locations", "taxonomies", "taxonomy_terms")
DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 100
# The first 16 hex digits of every id of this feed (uuid5 of the feed's name, fixed forever).
ID_PREFIX = uuid.uuid5(uuid.NAMESPACE_URL, "net-works:hsds").hex[:16]


@dataclass(frozen=True)
class Source:
    code: int  # unique among every app's sources, never reused: it is part of the ids
    records: Callable[[], QuerySet | Sequence]  # the public records, in a stable order
    to_hsds: Callable[[object], dict]  # one record as its HSDS object (uses hsds_id for ids)
    modified_field: str | None = None  # the field ?modified_after= filters on


def hsds_id(code: int, pk: int) -> str:
    return str(uuid.UUID(f"{ID_PREFIX}{code:04x}{pk:012x}"))


def parse_hsds_id(value: str) -> tuple[int, int] | None:
    try:
        hexed = uuid.UUID(value).hex
    except ValueError:
        return None
    if not hexed.startswith(ID_PREFIX):
        return None
    return int(hexed[16:20], 16), int(hexed[20:], 16)


@functools.cache
def sources() -> dict[str, list[Source]]:
    found: dict[str, list[Source]] = {kind: [] for kind in OBJECT_TYPES}
    codes: set[int] = set()
    for module in app_modules("hsds"):
        for kind, kind_sources in getattr(module, "SOURCES", {}).items():
            for source in kind_sources:
                if source.code in codes:
                    raise ValueError(f"Two HSDS sources share the code {source.code}")
                codes.add(source.code)
                found[kind].append(source)
    return found


ISO_DATE = _("Enter a date or a date and time in ISO 8601, e.g. 2026-01-31T09:30:00Z.")


def _positive_int(request, name: str, default: int) -> int:
    raw = request.query_params.get(name, "")
    if raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value < 1:
        raise ValidationError({name: [WHOLE_NUMBER]})
    return value


def _modified_after(request):
    raw = request.query_params.get("modified_after", "")
    if raw == "":
        return None
    try:
        value = parse_datetime(raw) or parse_date(raw)
    except ValueError:  # well formed but impossible (2026-02-31)
        value = None
    if value is None:
        raise ValidationError({"modified_after": [ISO_DATE]})
    if isinstance(value, datetime) and timezone.is_naive(value):
        value = timezone.make_aware(value, UTC)  # the API's dates are in UTC
    return value


def _filtered(source: Source, modified_after):
    records = source.records()
    if modified_after is not None:
        if source.modified_field is None or not isinstance(records, QuerySet):
            # Records without a modification date (the vocabularies) are not harvested
            # incrementally: they come whole, without the parameter.
            return records[:0] if isinstance(records, QuerySet) else []
        lookup = (f"{source.modified_field}__gt" if isinstance(modified_after, datetime)
                  else f"{source.modified_field}__date__gt")
        records = records.filter(**{lookup: modified_after})
    return records


def _page(kind: str, page_number: int, size: int, modified_after) -> dict:
    """One page across the kind's sources, in order: one COUNT and at most one slice each."""
    chosen = [_filtered(source, modified_after) for source in sources()[kind]]
    counts = [records.count() if isinstance(records, QuerySet) else len(records)
              for records in chosen]
    total = sum(counts)
    offset = (page_number - 1) * size
    contents: list[dict] = []
    for source, records, count in zip(sources()[kind], chosen, counts, strict=True):
        if len(contents) >= size:
            break
        if offset >= count:
            offset -= count
            continue
        wanted = size - len(contents)
        contents += [source.to_hsds(record) for record in records[offset:offset + wanted]]
        offset = 0
    total_pages = max(1, math.ceil(total / size))
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page_number,
        "size": size,
        "first_page": page_number == 1,
        "last_page": page_number >= total_pages,
        "empty": not contents,
        "contents": contents,
    }


class HsdsSchema(AutoSchema):
    """One operation id per object type and action (the views are shared by the types)."""

    def get_operation_id(self) -> str:
        view = self.view
        if isinstance(view, HsdsList):
            return f"hsds_{view.kind}_list"
        if isinstance(view, HsdsDetail):
            return f"hsds_{view.kind}_retrieve"
        return "hsds_root"


class HsdsView(APIView):
    """Public, read-only and throttled like every endpoint of the API (netw/api)."""

    schema = HsdsSchema()
    authentication_classes = ()
    permission_classes = ()
    throttle_classes = (ApiRateThrottle,)
    http_method_names = ["get", "head", "options"]

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Link"] = f'<{get_licence(DEFAULT_LICENCE).url}>; rel="license"'
        return response


class HsdsRoot(HsdsView):
    """HSDS 3's API root: the version and profile the feed follows, and its endpoints."""

    @extend_schema(tags=["hsds"], responses={200: OpenApiTypes.OBJECT})
    def get(self, request):
        return Response({
            "version": HSDS_VERSION,
            "profile": HSDS_PROFILE,
            "openapi_url": request.build_absolute_uri(reverse("api:schema")),
            "endpoints": {kind: request.build_absolute_uri(reverse(f"hsds:{kind}"))
                          for kind in OBJECT_TYPES},
        })


PAGE_PARAMETERS = [
    OpenApiParameter("page", int, description=str(_("The page, from 1."))),
    OpenApiParameter("per_page", int, description=str(_("Records per page (at most 100)."))),
    OpenApiParameter("modified_after", OpenApiTypes.DATETIME,
                     description=str(_("Only records changed after this moment (ISO 8601)."))),
]


class HsdsList(HsdsView):
    kind = ""

    @extend_schema(tags=["hsds"], parameters=PAGE_PARAMETERS,
                   responses={200: OpenApiTypes.OBJECT})
    def get(self, request):
        page_number = _positive_int(request, "page", 1)
        size = min(_positive_int(request, "per_page", DEFAULT_PER_PAGE), MAX_PER_PAGE)
        modified_after = _modified_after(request)
        with translation.override("en"):
            return Response(_page(self.kind, page_number, size, modified_after))


class HsdsDetail(HsdsView):
    kind = ""

    @extend_schema(tags=["hsds"], responses={200: OpenApiTypes.OBJECT})
    def get(self, request, hsds_object_id: str):
        parsed = parse_hsds_id(hsds_object_id)
        source = next((s for s in sources()[self.kind] if parsed and s.code == parsed[0]), None)
        record = None
        if source is not None:
            records = source.records()
            if isinstance(records, QuerySet):
                record = records.filter(pk=parsed[1]).first()
            else:
                record = next((r for r in records if r.pk == parsed[1]), None)
        if record is None:
            raise NotFound()
        with translation.override("en"):
            return Response(source.to_hsds(record))
