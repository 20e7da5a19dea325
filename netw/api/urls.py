"""``/api/v1/``: every app's routes (``<app>/api.py``), the OpenAPI description and its docs."""

from __future__ import annotations

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import APIRootView, DefaultRouter

from netw.api import routes
from netw.api.views import ApiDocsView


class ApiRootView(APIRootView):
    """The list of endpoints at /api/v1/."""

    authentication_classes = ()
    permission_classes = ()


class ApiRouter(DefaultRouter):
    APIRootView = ApiRootView
    include_format_suffixes = False


router = ApiRouter()
for route in routes():
    router.register(route.prefix, route.viewset, basename=route.basename)


class SchemaView(SpectacularAPIView):
    authentication_classes = ()
    permission_classes = ()


app_name = "api"
urlpatterns = [
    path("schema/", SchemaView.as_view(), name="schema"),
    path("docs/", ApiDocsView.as_view(url_name="api:schema"), name="docs"),
    path("", include(router.urls)),
]
