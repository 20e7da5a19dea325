"""Where the registry is on the map: coverage by region of the five focus countries (public), and
the records not on the map yet (for the partners who placed them)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from netw.access import require
from netw.geo import regions
from providers.coverage import as_geojson, country_coverage, coverage
from providers.models import Network, Provider

UNPLACED_PAGE_SIZE = 25


def _focus_country(code: str) -> str:
    """The code as the URL should have it, or a 404 for a country without coverage page."""
    upper = code.upper()
    if not regions.is_focus_country(upper):
        raise Http404("Coverage by region is kept for the five focus countries only.")
    return upper


@require_GET
def coverage_index(request: HttpRequest) -> HttpResponse:
    return render(request, "providers/coverage_index.html", {"countries": coverage()})


@require_GET
def country_regions(request: HttpRequest, code: str) -> HttpResponse:
    country = _focus_country(code)
    if country != code:
        return redirect("providers:country_regions", country)
    return render(request, "providers/country_regions.html", {
        "country": country_coverage(country),
        "others": [c for c in regions.FOCUS_COUNTRIES if c != country],
    })


@require_GET
def country_regions_geojson(request: HttpRequest, code: str) -> HttpResponse:
    """The regions' figures as GeoJSON points, for the map (and anyone harvesting them)."""
    country = _focus_country(code)
    if country != code:
        return redirect("providers:country_regions_geojson", country)
    data = as_geojson(country_coverage(country), list_urls=(
        request.build_absolute_uri(reverse("providers:provider_list")),
        request.build_absolute_uri(reverse("providers:network_list"))))
    response = JsonResponse(data, content_type="application/geo+json",
                            json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


def unplaced_list(request: HttpRequest) -> HttpResponse:
    """The person's partners' providers and networks that are not on the map, to place them."""
    require(request.user, "providers.place_records")
    providers = (Provider.objects.to_place_by(request.user)
                 .select_related("owner_partner").order_by("name", "pk"))
    networks = (Network.objects.to_place_by(request.user)
                .select_related("owner_partner").order_by("name", "pk"))
    return render(request, "providers/unplaced_list.html", {
        "providers": Paginator(providers, UNPLACED_PAGE_SIZE).get_page(request.GET.get("page")),
        "networks": Paginator(networks, UNPLACED_PAGE_SIZE).get_page(
            request.GET.get("networks_page")),
    })
