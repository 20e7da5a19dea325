"""Where the registry is on the map: coverage by region of the five focus countries (public), and
the records not on the map yet (for the partners who placed them)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django_countries import countries

from netw.access import require
from netw.geo import regions
from netw.geo.maps import feature_collection_response
from netw.pagecache import cache_for_visitors
from providers.coverage import country_coverage, coverage, region_features
from providers.models import Network, Provider

UNPLACED_PAGE_SIZE = 25


def _focus_country(code: str) -> str:
    """The code as the URL should have it, or a 404 for a country without coverage page."""
    upper = code.upper()
    if not regions.is_focus_country(upper):
        raise Http404("Coverage by region is kept for the five focus countries only.")
    return upper


@require_GET
@cache_for_visitors
def coverage_index(request: HttpRequest) -> HttpResponse:
    return render(request, "providers/coverage_index.html", {"countries": coverage()})


@require_GET
@cache_for_visitors
def country_regions(request: HttpRequest, code: str) -> HttpResponse:
    country = _focus_country(code)
    if country != code:
        return redirect("providers:country_regions", country)
    return render(request, "providers/country_regions.html", {
        "country": country_coverage(country),
        "others": [(c, countries.name(c)) for c in regions.FOCUS_COUNTRIES if c != country],
    })


@require_GET
@cache_for_visitors
def country_regions_geojson(request: HttpRequest, code: str) -> HttpResponse:
    """The regions' figures as GeoJSON points, for the map (and anyone harvesting them)."""
    country = _focus_country(code)
    if country != code:
        return redirect("providers:country_regions_geojson", country)
    features = region_features(country_coverage(country),
                               providers_url=reverse("providers:provider_list"))
    response = feature_collection_response(features)
    response["Access-Control-Allow-Origin"] = "*"
    return response


@login_required
def unplaced_list(request: HttpRequest) -> HttpResponse:
    """The person's partners' providers and networks that are not on the map, to place them."""
    require(request.user, "providers.place_records")
    providers = (Provider.objects.to_place_by(request.user)
                 .select_related("owner_partner").order_by("name", "pk"))
    networks = (Network.objects.to_place_by(request.user)
                .select_related("owner_partner").order_by("name", "pk"))
    return render(request, "providers/unplaced_list.html", {"sections": [
        (_("Providers"), Paginator(providers, UNPLACED_PAGE_SIZE).get_page(
            request.GET.get("page")), "provider", "page"),
        (_("Networks"), Paginator(networks, UNPLACED_PAGE_SIZE).get_page(
            request.GET.get("networks_page")), "network", "networks_page"),
    ]})
