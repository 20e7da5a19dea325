from django.urls import path

from netw.monitoring import views

app_name = "monitoring"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("<str:code>/records/", views.drilldown, name="drilldown"),
]
