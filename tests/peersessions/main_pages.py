"""WP1's main pages for the browser, accessibility, keyboard and HTML checks (tests/e2e/pages.py).
Objects come from tests/peersessions/access_rows.py (prefixed ``ps_``)."""

from django.urls import reverse

from tests.e2e.pages import Page


def _session(key: str, name: str = "peersessions:session_detail"):
    return lambda o: reverse(name, args=[o[key].pk])


PAGES = [
    Page("sessions", "peersessions:session_list"),
    Page("public session", _session("ps_session")),
    Page("calendar month", "events:calendar_month"),
    Page("calendar list", "events:calendar_list"),
    Page("topics", "peersessions:topic_list"),
    Page("topic", lambda o: reverse("peersessions:topic_detail", args=["core-drivers"])),
    Page("sessions", "peersessions:session_list", persona="member_a"),
    Page("plan a session", "peersessions:session_create", persona="member_a"),
    Page("plan a session empty", "peersessions:session_create", persona="member_a",
         submit="Save and send invitations", keyboard=False),
    Page("held session", _session("ps_past_session"), persona="member_a"),
    Page("minutes", _session("ps_past_session", "peersessions:session_minutes"),
         persona="member_a"),
    Page("key learnings", _session("ps_past_session", "peersessions:session_learnings"),
         persona="member_a"),
    Page("follow-up actions", _session("ps_past_session", "peersessions:session_actions"),
         persona="member_a"),
    Page("my actions", "netw:my_actions", persona="member_a"),
    Page("edit an action", _session("ps_action", "peersessions:action_update"),
         persona="member_a"),
    Page("delete an action", _session("ps_action", "peersessions:action_delete"),
         persona="member_a"),
    Page("attendance", _session("ps_past_session", "peersessions:session_attendance"),
         persona="member_a"),
    Page("materials", _session("ps_past_session", "peersessions:session_materials"),
         persona="member_a"),
    Page("calendar month", "events:calendar_month", persona="member_a"),
    Page("calendar feed", "events:feed_settings", persona="member_a"),
    Page("invited session", _session("ps_session"), persona="member_b"),
    Page("feedback", _session("ps_past_session", "peersessions:session_feedback"),
         persona="member_b"),
    Page("feedback empty", _session("ps_past_session", "peersessions:session_feedback"),
         persona="member_b", submit="Send feedback", keyboard=False),
    Page("held session", _session("ps_past_session"), persona="lead"),
    Page("add a topic", "peersessions:topic_create", persona="coordinator"),
]


# --- The MOOC: authors' and leads' pages (objects prefixed ``mc_``) -----------------------------
def _course(name: str, key: str = "mc_course", *more: str):
    return lambda o: reverse(name, args=[o[key].slug, *[o[k].pk for k in more]])


PAGES += [
    Page("my courses", "peersessions:course_workspace", persona="member_a"),
    Page("write a course", "peersessions:course_create", persona="member_a"),
    Page("write a course empty", "peersessions:course_create", persona="member_a",
         submit="Save draft", keyboard=False),
    Page("course authoring", _course("peersessions:course_author_detail"), persona="member_a"),
    Page("draft course authoring", _course("peersessions:course_author_detail", "mc_draft"),
         persona="member_a"),
    Page("lesson editing", _course("peersessions:lesson_edit", "mc_course", "mc_lesson"),
         persona="member_a"),
    Page("lesson preview", _course("peersessions:lesson_preview", "mc_course", "mc_lesson"),
         persona="member_a"),
    Page("quiz question", _course("peersessions:question_edit", "mc_course", "mc_lesson",
                                  "mc_question"), persona="member_a"),
    Page("quiz question empty", _course("peersessions:question_create", "mc_course",
                                        "mc_lesson"), persona="member_a",
         submit="Save the question", keyboard=False),
    Page("module from a topic", lambda o: reverse("peersessions:module_from_topic",
                                                  args=[o["mc_course"].slug])
         + "?topic=core-drivers", persona="member_a"),
    Page("translate a course", _course("peersessions:course_translate"), persona="member_b"),
    Page("course review", _course("peersessions:course_review", "mc_submitted"),
         persona="lead"),
    Page("course statistics", _course("peersessions:course_statistics"), persona="lead"),
    Page("courses overview", "peersessions:course_overview", persona="lead"),
]


# --- The MOOC: the visitors' and learners' side (objects from access_rows.py, prefixed mooc_) --
_mooc_course = lambda o: reverse("peersessions:course_detail", args=[o["mooc_course"].slug])  # noqa: E731
_lesson = lambda o: reverse("peersessions:lesson_detail",  # noqa: E731
                            args=[o["mooc_course"].slug, o["mooc_lesson"].pk])
_first = lambda o: reverse("peersessions:lesson_detail",  # noqa: E731
                           args=[o["mooc_course"].slug, o["mooc_course"].modules.first()
                                 .lessons.order_by("position").first().pk])
_certificate = lambda o: reverse("peersessions:certificate_verify",  # noqa: E731
                                 args=[o["mooc_certificate"].code])

PAGES += [
    Page("course catalogue", "peersessions:course_list"),
    Page("course catalogue filtered", lambda o: reverse("peersessions:course_list")
         + "?level=introductory&q=network"),
    Page("course", _mooc_course),
    Page("course first lesson", _first),
    Page("learner sign-up", "peersessions:course_join"),
    Page("learner sign-up empty", "peersessions:course_join", submit="Sign up", keyboard=False),
    Page("learner sign-up sent", "peersessions:course_join_sent"),
    Page("certificate verification", _certificate),
    Page("course as learner", _mooc_course, persona="learner"),
    Page("lesson with quiz", _lesson, persona="learner"),
    Page("my learning", "peersessions:my_learning", persona="learner"),
    Page("certificate revoke form", _certificate, persona="lead"),
]
