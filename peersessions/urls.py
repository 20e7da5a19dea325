from django.urls import include, path
from django.views.generic import RedirectView

from peersessions.views import outcomes, sessions, topics

app_name = "peersessions"

urlpatterns = [
    # Sessions
    path("sessions/", sessions.session_list, name="session_list"),
    path("sessions/new/", sessions.session_create, name="session_create"),
    path("sessions/<int:pk>/", sessions.session_detail, name="session_detail"),
    path("sessions/<int:pk>/edit/", sessions.session_update, name="session_update"),
    path("sessions/<int:pk>/schedule/", sessions.session_schedule, name="session_schedule"),
    path("sessions/<int:pk>/cancel/", sessions.session_cancel, name="session_cancel"),
    path("sessions/<int:pk>/rsvp/", sessions.session_rsvp, name="session_rsvp"),
    path("sessions/<int:pk>/session.ics", sessions.session_calendar_file, name="session_ics"),
    path("sessions/<int:pk>/feedback/", sessions.session_feedback, name="session_feedback"),
    # Outcomes
    path("sessions/<int:pk>/minutes/", outcomes.session_minutes, name="session_minutes"),
    path("sessions/<int:pk>/learnings/", outcomes.session_learnings, name="session_learnings"),
    path("sessions/<int:pk>/actions/", outcomes.session_actions, name="session_actions"),
    path("sessions/<int:pk>/attendance/", outcomes.session_attendance,
         name="session_attendance"),
    path("sessions/<int:pk>/materials/", outcomes.session_materials, name="session_materials"),
    # "My actions" moved to the core (every app's actions): the old address still leads there.
    path("sessions/actions/", RedirectView.as_view(pattern_name="netw:my_actions",
                                                   permanent=True), name="my_actions"),
    path("sessions/actions/<int:pk>/done/", outcomes.action_done, name="action_done"),
    path("sessions/actions/<int:pk>/edit/", outcomes.action_update, name="action_update"),
    path("sessions/actions/<int:pk>/delete/", outcomes.action_delete, name="action_delete"),
    path("sessions/actions/<int:pk>/restore/", outcomes.action_restore, name="action_restore"),
    path("sessions/materials/<int:pk>/", outcomes.material_download, name="material_download"),
    path("sessions/materials/<int:pk>/delete/", outcomes.material_delete,
         name="material_delete"),
    # Topics
    path("topics/", topics.topic_list, name="topic_list"),
    path("topics/new/", topics.topic_create, name="topic_create"),
    path("topics/<slug:slug>/", topics.topic_detail, name="topic_detail"),
    # The MOOC's authors and leads (peersessions/courses/author_urls.py). Before the learners'
    # /courses/<slug>/ pages: a course's address never is "author" (authoring.RESERVED_SLUGS).
    path("courses/author/", include("peersessions.courses.author_urls")),
]

# --- The MOOC: the visitors' and learners' side (peersessions/courses/learner_urls.py) ---------
from peersessions.courses import learner_urls  # noqa: E402

urlpatterns += learner_urls.urlpatterns
