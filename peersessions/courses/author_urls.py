"""The authors' and leads' pages of the MOOC, under /courses/author/ (included by
peersessions/urls.py in the ``peersessions`` namespace)."""

from django.urls import path

from .views import authoring, statistics

urlpatterns = [
    path("", authoring.course_workspace, name="course_workspace"),
    path("new/", authoring.course_create, name="course_create"),
    path("statistics/", statistics.course_overview, name="course_overview"),
    path("<slug:slug>/", authoring.course_author_detail, name="course_author_detail"),
    path("<slug:slug>/edit/", authoring.course_edit, name="course_edit"),
    path("<slug:slug>/translate/", authoring.course_translate, name="course_translate"),
    path("<slug:slug>/submit/", authoring.course_submit, name="course_submit"),
    path("<slug:slug>/review/", authoring.course_review, name="course_review"),
    path("<slug:slug>/statistics/", statistics.course_statistics, name="course_statistics"),
    path("<slug:slug>/cartridge.imscc", authoring.course_cartridge, name="course_cartridge"),
    path("<slug:slug>/modules/new/", authoring.module_create, name="module_create"),
    path("<slug:slug>/modules/from-topic/", authoring.module_from_topic,
         name="module_from_topic"),
    path("<slug:slug>/modules/<int:pk>/edit/", authoring.module_edit, name="module_edit"),
    path("<slug:slug>/modules/<int:pk>/move/", authoring.module_move, name="module_move"),
    path("<slug:slug>/modules/<int:pk>/remove/", authoring.module_remove,
         name="module_remove"),
    path("<slug:slug>/modules/<int:pk>/lessons/new/", authoring.lesson_create,
         name="lesson_create"),
    path("<slug:slug>/lessons/<int:pk>/edit/", authoring.lesson_edit, name="lesson_edit"),
    path("<slug:slug>/lessons/<int:pk>/preview/", authoring.lesson_preview,
         name="lesson_preview"),
    path("<slug:slug>/lessons/<int:pk>/move/", authoring.lesson_move, name="lesson_move"),
    path("<slug:slug>/lessons/<int:pk>/remove/", authoring.lesson_remove,
         name="lesson_remove"),
    path("<slug:slug>/lessons/<int:pk>/files/", authoring.lessonfile_add,
         name="lessonfile_add"),
    path("<slug:slug>/files/<int:pk>/", authoring.lessonfile_download,
         name="lessonfile_download"),
    path("<slug:slug>/files/<int:pk>/remove/", authoring.lessonfile_remove,
         name="lessonfile_remove"),
    path("<slug:slug>/lessons/<int:pk>/questions/new/", authoring.question_create,
         name="question_create"),
    path("<slug:slug>/lessons/<int:pk>/questions/<int:question_pk>/", authoring.question_edit,
         name="question_edit"),
    path("<slug:slug>/lessons/<int:pk>/questions/<int:question_pk>/move/",
         authoring.question_move, name="question_move"),
    path("<slug:slug>/lessons/<int:pk>/questions/<int:question_pk>/remove/",
         authoring.question_remove, name="question_remove"),
]
