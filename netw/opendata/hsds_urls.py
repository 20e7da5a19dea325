"""``/api/v1/hsds/``: the HSDS 3 feed of providers and networks (netw.opendata.hsds)."""

from django.urls import path

from netw.opendata import hsds

app_name = "hsds"

urlpatterns = [path("", hsds.root, name="root")]
for _kind in hsds.OBJECT_TYPES:
    urlpatterns += [
        path(f"{_kind}/", hsds.object_list(_kind), name=_kind),
        path(f"{_kind}/<str:hsds_object_id>/", hsds.object_detail(_kind),
             name=f"{_kind}_detail"),
    ]
