"""The MOOC's pages for visitors and learners (included by peersessions/urls.py, namespace
``peersessions``). Fixed paths come before ``courses/<slug>/``."""

from django.urls import path

from peersessions.feeds import NewCoursesFeed

from . import join, learning

urlpatterns = [
    path("courses/", learning.course_list, name="course_list"),
    path("courses/feed.atom", NewCoursesFeed(), name="course_feed"),
    path("courses/join/", join.course_join, name="course_join"),
    path("courses/join/sent/", join.course_join_sent, name="course_join_sent"),
    path("courses/me/", learning.my_learning, name="my_learning"),
    path("courses/badges/issuer.json", learning.badge_issuer, name="badge_issuer"),
    path("courses/files/<int:pk>/", learning.lesson_file, name="lesson_file"),
    path("courses/<slug:slug>/", learning.course_detail, name="course_detail"),
    path("courses/<slug:slug>/enrol/", learning.course_enrol, name="course_enrol"),
    path("courses/<slug:slug>/badge.json", learning.badge_class, name="badge_class"),
    path("courses/<slug:slug>/badge.png", learning.badge_image, name="badge_image"),
    path("courses/<slug:slug>/lessons/<int:pk>/", learning.lesson_detail, name="lesson_detail"),
    path("courses/<slug:slug>/lessons/<int:pk>/done/", learning.lesson_done, name="lesson_done"),
    path("courses/<slug:slug>/lessons/<int:pk>/quiz/", learning.lesson_quiz, name="lesson_quiz"),
    path("certificates/<str:code>/", learning.certificate_verify, name="certificate_verify"),
    path("certificates/<str:code>/certificate.pdf", learning.certificate_pdf,
         name="certificate_pdf"),
    path("certificates/<str:code>/assertion.json", learning.badge_assertion,
         name="badge_assertion"),
    path("certificates/<str:code>/badge.png", learning.badge_baked, name="badge_baked"),
    path("certificates/<str:code>/revoke/", learning.certificate_revoke,
         name="certificate_revoke"),
]
