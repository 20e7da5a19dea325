"""The portal's URLs plus one view that fails, for the 500 page's test."""

from django.urls import path

from netw.urls import urlpatterns as portal_urlpatterns


def fail(request):
    raise RuntimeError("a bug in a view")


urlpatterns = [*portal_urlpatterns, path("test-failure/", fail)]
