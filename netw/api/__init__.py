"""The public read-only JSON API under ``/api/v1/``, and the datasets it serves.

The core never names an app: each app declares its endpoints in ``<app>/api.py``::

    from netw.api import Route
    from netw.api.serializers import PublicRecordSerializer
    from netw.api.views import PublicReadOnlyViewSet

    class ProviderSerializer(PublicRecordSerializer):
        api_name = "provider"            # the routes' basename: api:provider-list/-detail
        ...

    class ProviderViewSet(PublicReadOnlyViewSet):
        queryset = Provider.objects.visible_to(VISITOR).for_api()
        serializer_class = ProviderSerializer
        filterset_class = ProviderFilter  # the list page's own filter set

    ROUTES = [Route("providers", ProviderViewSet, _("Providers"))]

and :func:`routes` gathers them with ``netw.discovery.app_modules("api")``. What the API serves is
public data only, the same for everyone: querysets are the models' own public ones
(``visible_to(VISITOR)``, ``published()``), never a view's rule of its own.

:func:`datasets` lists the same endpoints as datasets (name, title, serializer class, queryset)
for whatever publishes them as files (the open-data packages): the serializers' fields, types
and ``help_text`` are the one description of every column.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib.auth.models import AnonymousUser
from django.utils.functional import Promise

from netw.discovery import app_modules

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from rest_framework.serializers import Serializer

# The one person the API answers as: a visitor. A logged-in partner gets what a visitor gets.
VISITOR = AnonymousUser()


@dataclass(frozen=True)
class Route:
    """One endpoint (list and detail) under ``/api/v1/<prefix>/``."""

    prefix: str  # the path and the dataset's name: "providers", "events/roundtables"
    viewset: type  # a netw.api.views.PublicReadOnlyViewSet
    title: str | Promise  # what the dataset is called, translated

    @property
    def basename(self) -> str:
        return self.viewset.serializer_class.api_name


@dataclass(frozen=True)
class Dataset:
    name: str  # a stable identifier: the endpoint's prefix with "-" for "/"
    title: str | Promise
    serializer_class: type[Serializer]
    queryset: QuerySet  # the public rows, with what the serializer reads fetched in bulk
    route: Route


def routes() -> list[Route]:
    """Every app's routes (``ROUTES`` of ``<app>/api.py``), in INSTALLED_APPS order, then the
    public events of the portal's calendar (netw/api/events.py)."""
    from netw.api.events import event_routes

    return [*(route for module in app_modules("api")
              for route in getattr(module, "ROUTES", ())), *event_routes()]


def datasets() -> list[Dataset]:
    """Every endpoint as a dataset: the rows a visitor may see, and how each becomes a record."""
    return [Dataset(name=route.prefix.replace("/", "-"), title=route.title,
                    serializer_class=route.viewset.serializer_class,
                    queryset=route.viewset.public_queryset(), route=route)
            for route in routes()]
