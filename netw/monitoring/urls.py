from django.urls import path

from netw.monitoring import views, views_setup

app_name = "monitoring"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("<str:code>/records/", views.drilldown, name="drilldown"),
    # Reporting periods and targets (views_setup.py)
    path("periods/", views_setup.period_list, name="period_list"),
    path("periods/new/", views_setup.period_create, name="period_create"),
    path("periods/<int:pk>/edit/", views_setup.period_edit, name="period_edit"),
    path("periods/<int:pk>/delete/", views_setup.period_delete, name="period_delete"),
    path("targets/", views_setup.target_list, name="target_list"),
    path("targets/new/", views_setup.target_create, name="target_create"),
    path("targets/<int:pk>/edit/", views_setup.target_edit, name="target_edit"),
    path("targets/<int:pk>/delete/", views_setup.target_delete, name="target_delete"),
]
