"""The registry on a map: the providers' and the networks' lists drawn as points, with the same
filters as the lists (their FilterSets, their forms) and, below the map, the filtered list as its
text alternative.

Each map page has its points URL (GeoJSON, netw/geo/maps.py describes the data): the same
``visible_to`` records the lists show, filtered by the same parameters, only those with
coordinates. A partner's members see their own unverified providers, marked as such; nobody
gets a point, a name or a count of a record they could not open.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_countries import countries

from netw.geo.maps import (
    POINTS_LIMIT,
    feature_collection_response,
    invalid_parameters_response,
    point_feature,
)
from netw.pagecache import cache_for_visitors
from providers.filters import NetworkFilter, ProviderFilter
from providers.models import Network, Provider
from providers.views.records import PAGE_SIZE
from providers.vocabulary import Level, Verification

PLACED = Q(latitude__isnull=False, longitude__isnull=False)
# A sort changes nothing on a map, and the networks' "most members" sort needs the list's
# member count, which the points do not compute.
NOT_FOR_POINTS = ("page", "sort")


def _filter_data(request: HttpRequest, *, for_points: bool = False):
    data = request.GET.copy()
    if for_points:
        for name in NOT_FOR_POINTS:
            data.pop(name, None)
    return data


def _place(city: str, country: str) -> str:
    name = countries.name(country) if country else ""
    return ", ".join(part for part in (city, str(name)) if part)


class _DetailUrl:
    """Record URLs for thousands of points without resolving the URL pattern for each."""

    SENTINEL = 987654321

    def __init__(self, url_name: str):
        self.head, self.tail = reverse(url_name, args=[self.SENTINEL]).split(str(self.SENTINEL))

    def __call__(self, pk: int) -> str:
        return f"{self.head}{pk}{self.tail}"


def _map_page(request: HttpRequest, *, model, filterset_class, template: str,
              points_url_name: str) -> HttpResponse:
    queryset = model.objects.visible_to(request.user).for_list()
    filterset = filterset_class(_filter_data(request), queryset=queryset, request=request)
    valid = filterset.is_valid()
    records = filterset.qs if valid else queryset.none()
    # One query for both figures; the page's rows are the paginator's.
    counts = records.order_by().aggregate(total=Count("pk", distinct=True),
                                          placed=Count("pk", filter=PLACED, distinct=True))
    page = Paginator(records, PAGE_SIZE).get_page(request.GET.get("page"))
    query = _filter_data(request, for_points=True).urlencode()
    points_url = reverse(points_url_name) + (f"?{query}" if query else "")
    list_query = request.GET.copy()
    list_query.pop("page", None)
    return render(request, template, {
        "filter": filterset,
        "page_obj": page,
        "records": page.object_list,
        "filtered": any(v for k, v in request.GET.items() if k not in ("page", "sort")),
        "points_url": points_url if valid else "",
        "total": counts["total"] or 0,
        "placed": counts["placed"] or 0,
        "unplaced": (counts["total"] or 0) - (counts["placed"] or 0),
        "points_limit": POINTS_LIMIT,
        "list_query": list_query.urlencode(),
    })


def _points(request: HttpRequest, *, model, filterset_class, fields: tuple[str, ...],
            feature) -> HttpResponse:
    queryset = model.objects.visible_to(request.user)
    filterset = filterset_class(_filter_data(request, for_points=True), queryset=queryset,
                                request=request)
    if not filterset.is_valid():
        return invalid_parameters_response(filterset.errors)
    rows = (filterset.qs.filter(PLACED).order_by("pk")
            .values("pk", "name", "language", "city", "country", "latitude", "longitude",
                    *fields)[:POINTS_LIMIT + 1])  # one more than shown: the answer says so
    language = translation.get_language()

    def features() -> Iterator[dict]:
        # The body is written after the view returns: country and level names in the
        # language of the request, whatever the thread's language is by then.
        with translation.override(language):
            for row in rows.iterator(chunk_size=1000):
                yield feature(row)

    return feature_collection_response(features(), limit=POINTS_LIMIT)


# --- Providers ---------------------------------------------------------------------------------


@cache_for_visitors
def provider_map(request: HttpRequest) -> HttpResponse:
    return _map_page(request, model=Provider, filterset_class=ProviderFilter,
                     template="providers/provider_map.html",
                     points_url_name="providers:provider_map_points")


def provider_map_points(request: HttpRequest) -> HttpResponse:
    detail_url = _DetailUrl("providers:provider_detail")
    unverified = _("Not yet verified")

    def feature(row: dict) -> dict:
        return point_feature(
            id=f"provider-{row['pk']}", latitude=row["latitude"], longitude=row["longitude"],
            name=row["name"], url=detail_url(row["pk"]), lang=row["language"], kind="provider",
            detail=_place(row["city"], row["country"]),
            badge="" if row["verification"] == Verification.VERIFIED else unverified)

    return _points(request, model=Provider, filterset_class=ProviderFilter,
                   fields=("verification",), feature=feature)


# --- Networks ----------------------------------------------------------------------------------


@cache_for_visitors
def network_map(request: HttpRequest) -> HttpResponse:
    return _map_page(request, model=Network, filterset_class=NetworkFilter,
                     template="providers/network_map.html",
                     points_url_name="providers:network_map_points")


def _level(code: str) -> str:
    try:
        return str(Level(code).label)
    except ValueError:
        return ""


def network_map_points(request: HttpRequest) -> HttpResponse:
    detail_url = _DetailUrl("providers:network_detail")

    def feature(row: dict) -> dict:
        detail = " · ".join(part for part in (_level(row["level"]),
                                              _place(row["city"], row["country"])) if part)
        return point_feature(
            id=f"network-{row['pk']}", latitude=row["latitude"], longitude=row["longitude"],
            name=row["name"], url=detail_url(row["pk"]), lang=row["language"], kind="network",
            detail=detail)

    return _points(request, model=Network, filterset_class=NetworkFilter, fields=("level",),
                   feature=feature)
