"""The base of every API endpoint: read-only, public, paginated, filtered, throttled, licensed.

Bad input is the client's error, never a 500: a filter's wrong value is a 400 naming the
parameter (``{"country": ["Select a valid choice. ZZ is not one of the available choices."]}``,
from the list page's own FilterSet); ``page`` must be a whole number (400), ``page_size`` is
capped at ``settings.API_MAX_PAGE_SIZE`` rather than refused.
"""

from __future__ import annotations

import functools

import django_filters
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.throttling import AnonRateThrottle

from netw.licences import DEFAULT_LICENCE, get_licence

WHOLE_NUMBER = _("Enter a whole number of at least 1.")
MODIFIED_AFTER_HELP = _("Only records changed after this moment (ISO 8601, e.g. "
                        "2026-05-04T09:30:00Z), for harvesting the changes since the last visit.")


class ApiPagination(PageNumberPagination):
    page_size_query_param = "page_size"
    page_query_description = _("The page of results, from 1.")
    page_size_query_description = _("How many records a page holds (at most the maximum; more "
                                     "is read as the maximum).")

    @property
    def page_size(self) -> int:  # read per request: tests and deployments change them
        return settings.API_PAGE_SIZE

    @property
    def max_page_size(self) -> int:
        return settings.API_MAX_PAGE_SIZE

    def get_page_size(self, request) -> int:
        raw = request.query_params.get(self.page_size_query_param, "")
        if raw == "":
            return self.page_size
        try:
            size = int(raw)
        except ValueError:
            size = 0
        if size < 1:
            raise ValidationError({self.page_size_query_param: [WHOLE_NUMBER]})
        return min(size, self.max_page_size)

    def get_page_number(self, request, paginator):
        raw = request.query_params.get(self.page_query_param, "") or "1"
        if raw in self.last_page_strings:
            return raw
        try:
            number = int(raw)
        except ValueError:
            number = 0
        if number < 1:
            raise ValidationError({self.page_query_param: [WHOLE_NUMBER]})
        return number  # beyond the last page: DRF's 404 "Invalid page."


class ApiRateThrottle(AnonRateThrottle):
    """Per client address, for everyone (the API has no logged-in users); the rate is
    ``settings.API_THROTTLE_RATE`` (empty: no throttle). DRF answers 429 with ``Retry-After``."""

    scope = "api"

    def get_rate(self) -> str | None:
        return settings.API_THROTTLE_RATE or None


@functools.cache
def harvest_filterset(base: type | None, model, field: str) -> type:
    """``base`` (the list page's FilterSet, or none) with ``modified_after``: every list can be
    harvested incrementally."""
    parent = base or django_filters.FilterSet
    meta = type("Meta", (getattr(parent, "Meta", object),), {"model": model, "fields": []})
    modified_after = django_filters.IsoDateTimeFilter(
        field_name=field, lookup_expr="gt", label=_("Modified after"),
        help_text=MODIFIED_AFTER_HELP)
    return type(f"Api{parent.__name__}", (parent,),
                {"modified_after": modified_after, "Meta": meta, "__module__": __name__})


class ApiFilterBackend(DjangoFilterBackend):
    """The view's ``filterset_class`` (the list page's) plus ``modified_after``; an invalid value
    is DjangoFilterBackend's 400 with the filter set's errors, by parameter."""

    def get_filterset_class(self, view, queryset=None):
        base = super().get_filterset_class(view, queryset)
        return harvest_filterset(base, queryset.model, view.modified_field)


class PublicReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    """A list and a detail of public records.

    Subclasses set ``queryset`` (the public rows, with ``select_related``/``prefetch_related``
    for everything the serializer reads: a page costs the same queries whatever its size),
    ``serializer_class`` and, where the list page has one, ``filterset_class``."""

    authentication_classes = ()
    permission_classes = ()
    pagination_class = ApiPagination
    throttle_classes = (ApiRateThrottle,)
    filter_backends = (ApiFilterBackend,)
    # Ids only: a path such as /providers/abc/ or an id beyond the database's range is a 404.
    lookup_value_regex = r"[0-9]{1,18}"
    modified_field = "updated_at"
    licence = DEFAULT_LICENCE

    @classmethod
    def public_queryset(cls):
        return cls.queryset.all()

    def get_queryset(self):
        return self.public_queryset()

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # RFC 8288: the data's licence (a record naming its own licence says so in its fields).
        response["Link"] = f'<{get_licence(self.licence).url}>; rel="license"'
        return response


class ApiDocsView(SpectacularSwaggerSplitView):
    """Swagger UI from the project's own files; its start-up script is a separate file (the
    site's content security policy allows no inline script or style)."""

    template_name = "api/docs.html"
    authentication_classes = ()
    permission_classes = ()
    throttle_classes = (ApiRateThrottle,)
    title = _("Net-Works open data API")
