from django.urls import path

from netw.monitoring import views_deliverables as views

app_name = "deliverables"

urlpatterns = [
    path("", views.deliverable_list, name="list"),
    path("new/", views.deliverable_create, name="create"),
    path("<int:pk>/", views.deliverable_detail, name="detail"),
    path("<int:pk>/edit/", views.deliverable_update, name="update"),
    path("<int:pk>/evidence/add/", views.evidence_add, name="evidence_add"),
    path("<int:pk>/evidence/<int:evidence_pk>/remove/", views.evidence_remove,
         name="evidence_remove"),
]
