from django.urls import path

from netw.exports import views

app_name = "exports"

urlpatterns = [
    path("", views.export_list, name="list"),
    path("new/", views.export_request, name="request"),
    path("<int:pk>/download/", views.export_download, name="download"),
]
