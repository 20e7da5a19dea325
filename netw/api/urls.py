"""``/api/v1/``: every app's routes (``<app>/api.py``), the OpenAPI description and its docs."""

from __future__ import annotations

from django.conf import settings
from django.urls import include, path
from django.utils import translation
from drf_spectacular.views import SpectacularAPIView
from rest_framework.response import Response
from rest_framework.routers import APIRootView, DefaultRouter

from netw.api import routes
from netw.api.views import ApiDocsView, ApiRateThrottle


class ApiRootView(APIRootView):
    """The list of endpoints at /api/v1/."""

    authentication_classes = ()
    permission_classes = ()
    throttle_classes = (ApiRateThrottle,)


class ApiRouter(DefaultRouter):
    APIRootView = ApiRootView
    include_format_suffixes = False


router = ApiRouter()
for route in routes():
    router.register(route.prefix, route.viewset, basename=route.basename)


class SchemaView(SpectacularAPIView):
    """The OpenAPI description, generated once per language and process (it takes a good part
    of a second and changes only with the code), and throttled like the data."""

    authentication_classes = ()
    permission_classes = ()
    throttle_classes = (ApiRateThrottle,)
    generated: dict[str, dict] = {}

    def _get_schema_response(self, request):
        language = translation.get_language()
        if language not in dict(settings.LANGUAGES):  # ?lang=anything: not kept
            return super()._get_schema_response(request)
        if language not in self.generated:
            self.generated[language] = super()._get_schema_response(request).data
        return Response(self.generated[language])


app_name = "api"
urlpatterns = [
    path("schema/", SchemaView.as_view(), name="schema"),
    path("docs/", ApiDocsView.as_view(url_name="api:schema"), name="docs"),
    path("", include(router.urls)),
]
