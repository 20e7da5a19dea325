from django.urls import path

from . import views, views_practices
from .feeds import NewGoodPracticesFeed

app_name = "sustainability"

urlpatterns = [
    path("good-practices/", views.goodpractice_list, name="goodpractice_list"),
    path("good-practices/feed/", NewGoodPracticesFeed(), name="goodpractice_feed"),
    path("good-practices/mine/", views.goodpractice_workspace, name="goodpractice_workspace"),
    path("good-practices/new/", views.goodpractice_create, name="goodpractice_create"),
    path("good-practices/<slug:slug>/", views.goodpractice_detail, name="goodpractice_detail"),
    path("good-practices/<slug:slug>/edit/", views.goodpractice_edit, name="goodpractice_edit"),
    path("good-practices/<slug:slug>/submit/", views.goodpractice_submit,
         name="goodpractice_submit"),
    path("good-practices/<slug:slug>/review/", views.goodpractice_review,
         name="goodpractice_review"),
    # Good practices: printable page, history, attachments
    path("good-practices/<slug:slug>/print/", views_practices.goodpractice_print,
         name="goodpractice_print"),
    path("good-practices/<slug:slug>/history/", views_practices.goodpractice_history,
         name="goodpractice_history"),
    path("good-practices/<slug:slug>/attachments/new/",
         views_practices.goodpractice_attachment_add, name="goodpractice_attachment_add"),
    path("good-practices/<slug:slug>/attachments/<int:pk>/",
         views_practices.goodpractice_attachment_download,
         name="goodpractice_attachment_download"),
]
