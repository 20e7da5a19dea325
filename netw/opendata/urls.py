from django.urls import path

from netw.opendata import package, views

app_name = "opendata"

urlpatterns = [
    path("", views.data_page, name="page"),
    path("datapackage.json", views.package_file, {"name": package.DESCRIPTOR},
         name="datapackage"),
    path("README.md", views.package_file, {"name": package.README}, name="readme"),
    path("LICENSE.txt", views.package_file, {"name": package.LICENCE_FILE}, name="licence"),
    path("<slug:name>.csv", views.resource_file, name="resource"),
]
