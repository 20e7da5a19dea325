from django.urls import path

from .feeds import NewMethodologiesFeed, NewPublicationsFeed
from .views import dissemination, events, inventory, publications, visits

app_name = "methodologies"

urlpatterns = [
    # The inventory
    path("methodologies/", inventory.methodology_list, name="methodology_list"),
    path("methodologies/feed/", NewMethodologiesFeed(), name="feed"),
    path("methodologies/mine/", inventory.methodology_workspace, name="methodology_workspace"),
    path("methodologies/new/", inventory.methodology_create, name="methodology_create"),
    path("methodologies/<slug:slug>/", inventory.methodology_detail, name="methodology_detail"),
    path("methodologies/<slug:slug>/print/", inventory.methodology_print,
         name="methodology_print"),
    path("methodologies/<slug:slug>/edit/", inventory.methodology_edit, name="methodology_edit"),
    path("methodologies/<slug:slug>/translate/", inventory.methodology_translate,
         name="methodology_translate"),
    path("methodologies/<slug:slug>/submit/", inventory.methodology_submit,
         name="methodology_submit"),
    path("methodologies/<slug:slug>/review/", inventory.methodology_review,
         name="methodology_review"),
    path("methodologies/<slug:slug>/history/", inventory.methodology_history,
         name="methodology_history"),
    path("methodologies/<slug:slug>/attachments/new/", inventory.attachment_add,
         name="attachment_add"),
    path("methodologies/<slug:slug>/attachments/<int:pk>/", inventory.attachment_download,
         name="attachment_download"),
    # Roundtables
    path("roundtables/", events.roundtable_list, name="roundtable_list"),
    path("roundtables/new/", events.roundtable_create, name="roundtable_create"),
    path("roundtables/<int:pk>/", events.roundtable_detail, name="roundtable_detail"),
    path("roundtables/<int:pk>/edit/", events.roundtable_edit, name="roundtable_edit"),
    path("roundtables/<int:pk>/calendar.ics", events.roundtable_ics, name="roundtable_ics"),
    # Study visits and matchmaking
    path("study-visits/", visits.studyvisit_list, name="studyvisit_list"),
    path("study-visits/new/", visits.studyvisit_create, name="studyvisit_create"),
    path("study-visits/matchmaking/", visits.matchmaking, name="matchmaking"),
    path("study-visits/matchmaking/<int:network_pk>/", visits.matchmaking_profile_edit,
         name="matchmaking_profile_edit"),
    path("study-visits/<int:pk>/", visits.studyvisit_detail, name="studyvisit_detail"),
    path("study-visits/<int:pk>/edit/", visits.studyvisit_edit, name="studyvisit_edit"),
    path("study-visits/<int:pk>/calendar.ics", visits.studyvisit_ics, name="studyvisit_ics"),
    path("methodologies/<slug:slug>/adoptions/new/", visits.adoption_create,
         name="adoption_create"),
    # Publications
    path("publications/", publications.publication_list, name="publication_list"),
    path("publications/feed.atom", NewPublicationsFeed(), name="publication_feed"),
    path("publications/new/", publications.publication_create, name="publication_create"),
    path("publications/<slug:slug>/", publications.publication_detail,
         name="publication_detail"),
    path("publications/<slug:slug>/edit/", publications.publication_edit,
         name="publication_edit"),
    path("publications/<slug:slug>/translate/", publications.publication_translate,
         name="publication_translate"),
    path("publications/<slug:slug>/submit/", publications.publication_submit,
         name="publication_submit"),
    path("publications/<slug:slug>/review/", publications.publication_review,
         name="publication_review"),
    path("publications/<slug:slug>/files/new/", publications.publication_file_add,
         name="publication_file_add"),
    path("publications/<slug:slug>/files/<str:language>/", publications.publication_file_download,
         name="publication_file_download"),
    # Dissemination log
    path("dissemination/", dissemination.dissemination_list, name="dissemination_list"),
    path("dissemination/new/", dissemination.dissemination_create, name="dissemination_create"),
    path("dissemination/export.csv", dissemination.dissemination_export,
         name="dissemination_export"),
    path("dissemination/<int:pk>/edit/", dissemination.dissemination_edit,
         name="dissemination_edit"),
    path("dissemination/<int:pk>/evidence/", dissemination.dissemination_evidence,
         name="dissemination_evidence"),
]
