from django.urls import path

from . import views

app_name = "sustainability"

urlpatterns = [
    path("good-practices/", views.goodpractice_list, name="goodpractice_list"),
    path("good-practices/mine/", views.goodpractice_workspace, name="goodpractice_workspace"),
    path("good-practices/new/", views.goodpractice_create, name="goodpractice_create"),
    path("good-practices/<slug:slug>/", views.goodpractice_detail, name="goodpractice_detail"),
    path("good-practices/<slug:slug>/edit/", views.goodpractice_edit, name="goodpractice_edit"),
    path("good-practices/<slug:slug>/submit/", views.goodpractice_submit,
         name="goodpractice_submit"),
    path("good-practices/<slug:slug>/review/", views.goodpractice_review,
         name="goodpractice_review"),
]

# --- Policy recommendations and their uptake ------------------------------------------------------
from . import views_recommendations as recommendations  # noqa: E402

urlpatterns += [
    path("recommendations/", recommendations.recommendation_list, name="recommendation_list"),
    path("recommendations/mine/", recommendations.recommendation_workspace,
         name="recommendation_workspace"),
    path("recommendations/new/", recommendations.recommendation_create,
         name="recommendation_create"),
    path("recommendations/from-meeting/<int:pk>/", recommendations.recommendation_from_meeting,
         name="recommendation_from_meeting"),
    path("recommendations/uptake/", recommendations.uptake_matrix, name="uptake_matrix"),
    path("recommendations/uptake/steps/", recommendations.uptake_list, name="uptake_list"),
    path("recommendations/uptake/steps/<int:pk>/evidence/", recommendations.uptake_evidence,
         name="uptake_evidence"),
    path("recommendations/<slug:slug>/", recommendations.recommendation_detail,
         name="recommendation_detail"),
    path("recommendations/<slug:slug>/edit/", recommendations.recommendation_edit,
         name="recommendation_edit"),
    path("recommendations/<slug:slug>/submit/", recommendations.recommendation_submit,
         name="recommendation_submit"),
    path("recommendations/<slug:slug>/review/", recommendations.recommendation_review,
         name="recommendation_review"),
    path("recommendations/<slug:slug>/uptake/new/", recommendations.uptake_create,
         name="uptake_create"),
]
