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
