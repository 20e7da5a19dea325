"""``/api/v1/hsds/``: the HSDS 3 feed of providers and networks (netw.opendata.hsds)."""

from django.urls import path

from netw.opendata import hsds

app_name = "hsds"

urlpatterns = [path("", hsds.HsdsRoot.as_view(), name="root")]
for _kind in hsds.OBJECT_TYPES:
    urlpatterns += [
        path(f"{_kind}/", hsds.HsdsList.as_view(kind=_kind), name=_kind),
        path(f"{_kind}/<str:hsds_object_id>/", hsds.HsdsDetail.as_view(kind=_kind),
             name=f"{_kind}_detail"),
    ]
