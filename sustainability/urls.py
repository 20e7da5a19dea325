from django.urls import path

from . import views, views_meetings, views_plans, views_practices, views_roadmap
from . import views_recommendations as recommendations
from .feeds import NewGoodPracticesFeed, NewRecommendationsFeed

app_name = "sustainability"

urlpatterns = [
    path("good-practices/", views.goodpractice_list, name="goodpractice_list"),
    path("good-practices/feed/", NewGoodPracticesFeed(), name="goodpractice_feed"),
    path("good-practices/mine/", views.goodpractice_workspace, name="goodpractice_workspace"),
    path("good-practices/new/", views.goodpractice_create, name="goodpractice_create"),
    path("good-practices/<slug:slug>/", views.goodpractice_detail, name="goodpractice_detail"),
    path("good-practices/<slug:slug>/edit/", views.goodpractice_edit, name="goodpractice_edit"),
    path("good-practices/<slug:slug>/translate/", views.goodpractice_translate,
         name="goodpractice_translate"),
    path("good-practices/<slug:slug>/submit/", views.goodpractice_submit,
         name="goodpractice_submit"),
    path("good-practices/<slug:slug>/review/", views.goodpractice_review,
         name="goodpractice_review"),
    # --- Long-term action plans (wt-plans) ---
    path("action-plans/", views_plans.actionplan_list, name="actionplan_list"),
    path("action-plans/new/", views_plans.actionplan_create, name="actionplan_create"),
    path("action-plans/<int:pk>/", views_plans.actionplan_detail, name="actionplan_detail"),
    path("action-plans/<int:pk>/edit/", views_plans.actionplan_edit, name="actionplan_edit"),
    path("action-plans/<int:pk>/actions/new/", views_plans.planaction_create,
         name="planaction_create"),
    path("action-plans/actions/", views_plans.planaction_list, name="planaction_list"),
    path("action-plans/actions/<int:pk>/edit/", views_plans.planaction_edit,
         name="planaction_edit"),
    path("action-plans/actions/<int:pk>/delete/", views_plans.planaction_delete,
         name="planaction_delete"),
    path("action-plans/actions/<int:pk>/restore/", views_plans.planaction_restore,
         name="planaction_restore"),
    path("action-plans/actions/<int:pk>/done/", views_plans.planaction_done,
         name="planaction_done"),
]

# --- Expert meetings (views_meetings.py) ---

urlpatterns += [
    path("expert-meetings/", views_meetings.meeting_list, name="meeting_list"),
    path("expert-meetings/new/", views_meetings.meeting_create, name="meeting_create"),
    path("expert-meetings/<int:pk>/", views_meetings.meeting_detail, name="meeting_detail"),
    path("expert-meetings/<int:pk>/edit/", views_meetings.meeting_edit, name="meeting_edit"),
    path("expert-meetings/<int:pk>/cancel/", views_meetings.meeting_cancel,
         name="meeting_cancel"),
    path("expert-meetings/<int:pk>/calendar.ics", views_meetings.meeting_ics,
         name="meeting_ics"),
    path("expert-meetings/<int:pk>/experts/", views_meetings.meeting_experts,
         name="meeting_experts"),
    path("expert-meetings/<int:pk>/experts/<int:expert_pk>/remove/",
         views_meetings.meeting_expert_remove, name="meeting_expert_remove"),
    path("expert-meetings/<int:pk>/materials/new/", views_meetings.meeting_material_add,
         name="meeting_material_add"),
    path("expert-meetings/<int:pk>/materials/<int:material_pk>/",
         views_meetings.meeting_material_download, name="meeting_material_download"),
    path("expert-meetings/<int:pk>/minutes/", views_meetings.meeting_minutes,
         name="meeting_minutes"),
]

# --- Policy recommendations and their uptake ------------------------------------------------------

urlpatterns += [
    path("recommendations/", recommendations.recommendation_list, name="recommendation_list"),
    path("recommendations/feed.atom", NewRecommendationsFeed(), name="recommendation_feed"),
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
    path("recommendations/<slug:slug>/translate/", recommendations.recommendation_translate,
         name="recommendation_translate"),
    path("recommendations/<slug:slug>/submit/", recommendations.recommendation_submit,
         name="recommendation_submit"),
    path("recommendations/<slug:slug>/review/", recommendations.recommendation_review,
         name="recommendation_review"),
    path("recommendations/<slug:slug>/uptake/new/", recommendations.uptake_create,
         name="uptake_create"),
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

# The roadmap and the commitments (views_roadmap.py).
urlpatterns += [
    path("roadmap/", views_roadmap.roadmap, name="roadmap"),
    path("roadmap/phases/new/", views_roadmap.roadmapphase_create, name="roadmapphase_create"),
    path("roadmap/phases/<int:pk>/edit/", views_roadmap.roadmapphase_edit,
         name="roadmapphase_edit"),
    path("roadmap/phases/<int:pk>/delete/", views_roadmap.roadmapphase_delete,
         name="roadmapphase_delete"),
    path("roadmap/milestones/new/", views_roadmap.milestone_create, name="milestone_create"),
    path("roadmap/milestones/<int:pk>/edit/", views_roadmap.milestone_edit,
         name="milestone_edit"),
    path("roadmap/milestones/<int:pk>/status/", views_roadmap.milestone_status,
         name="milestone_status"),
    path("roadmap/milestones/<int:pk>/delete/", views_roadmap.milestone_delete,
         name="milestone_delete"),
    path("roadmap/commitments/", views_roadmap.commitment_list, name="commitment_list"),
    path("roadmap/commitments/new/", views_roadmap.commitment_create, name="commitment_create"),
    path("roadmap/commitments/<int:pk>/", views_roadmap.commitment_detail,
         name="commitment_detail"),
    path("roadmap/commitments/<int:pk>/edit/", views_roadmap.commitment_edit,
         name="commitment_edit"),
    path("roadmap/commitments/<int:pk>/confirm/", views_roadmap.commitment_confirm,
         name="commitment_confirm"),
    path("roadmap/commitments/<int:pk>/evidence/", views_roadmap.commitment_evidence,
         name="commitment_evidence"),
]
