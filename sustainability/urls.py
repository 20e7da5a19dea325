from django.urls import path

from . import views, views_plans, views_roadmap

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
