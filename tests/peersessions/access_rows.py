"""Access matrix rows of work package 1 (see tests/access.py). Objects belong to partner A."""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from netw.topics import seed_topics
from peersessions.models import Material, Topic
from tests.access import LOGIN, Row, everyone, logged_in, url
from tests.peersessions.factories import (
    FollowUpActionFactory,
    ParticipantFactory,
    SessionFactory,
)

S = lambda o: o["ps_session"].pk  # noqa: E731
PAST = lambda o: o["ps_past_session"].pk  # noqa: E731
DRAFT = lambda o: o["ps_draft"].pk  # noqa: E731

# Host partner A and coordinators change; others who can see get 403; visitors log in.
HOST = {"anonymous": LOGIN, "member_a": 200, "member_b": 403, "lead": 403, "coordinator": 200}
HOST_POST = {**HOST, "member_a": 302, "coordinator": 302}


def _session_objects(personas, partners) -> dict:
    seed_topics(Topic)  # a transactional test (the browser's) flushed the migration's rows
    owner = personas["member_a"]
    now = timezone.now()
    session = SessionFactory(owner_partner=partners["a3s"], created_by=owner, is_public=True)
    past = SessionFactory(owner_partner=partners["a3s"], created_by=owner,
                          starts_at=now - timedelta(days=2),
                          ends_at=now - timedelta(days=2) + timedelta(hours=2))
    ParticipantFactory(session=past, user=personas["member_b"])
    ParticipantFactory(session=session, user=personas["member_b"])
    draft = SessionFactory(owner_partner=partners["a3s"], created_by=owner,
                           status="draft", starts_at=now + timedelta(days=30),
                           ends_at=now + timedelta(days=30, hours=1))
    material = Material.objects.create(
        session=past, title="Slides", file=ContentFile(b"%PDF-1.4 test", name="slides.pdf"),
        original_name="slides.pdf", content_type="application/pdf", size=13, uploaded_by=owner)
    action = FollowUpActionFactory(session=past, owner=owner)
    deleted_action = FollowUpActionFactory(session=past, owner=owner, deleted_at=now,
                                           deleted_by=owner)
    # Prefixed: every app's objects share one dictionary.
    return {"ps_session": session, "ps_past_session": past, "ps_draft": draft,
            "ps_material": material, "ps_action": action, "ps_deleted_action": deleted_action}


ROWS = {
    "peersessions:session_list": Row(url("peersessions:session_list"), everyone(200)),
    "peersessions:session_create": Row(url("peersessions:session_create"), logged_in(200)),
    # A public session: anyone may read it.
    "peersessions:session_detail": Row(url("peersessions:session_detail", S), everyone(200)),
    "peersessions:session_update": Row(url("peersessions:session_update", S), HOST),
    # A draft is known only to its host partner (and WP1 leads, coordinators).
    "peersessions:session_schedule": Row(
        url("peersessions:session_schedule", DRAFT),
        {"anonymous": LOGIN, "member_a": 302, "member_b": 404, "lead": 403,
         "coordinator": 302}, method="post"),
    "peersessions:session_cancel": Row(url("peersessions:session_cancel", S), HOST_POST,
                                       method="post"),
    # Only invitees answer: member B is invited.
    "peersessions:session_rsvp": Row(
        url("peersessions:session_rsvp", S),
        {"anonymous": LOGIN, "member_a": 403, "member_b": 302, "lead": 403, "coordinator": 403},
        method="post", data={"rsvp": "attending"}),
    "peersessions:session_ics": Row(url("peersessions:session_ics", S), everyone(200)),
    "peersessions:session_feedback": Row(
        url("peersessions:session_feedback", PAST),
        {"anonymous": LOGIN, "member_a": 403, "member_b": 200, "lead": 403, "coordinator": 403}),
    "peersessions:session_minutes": Row(url("peersessions:session_minutes", PAST), HOST),
    "peersessions:session_learnings": Row(url("peersessions:session_learnings", PAST), HOST),
    "peersessions:session_actions": Row(url("peersessions:session_actions", PAST), HOST),
    "peersessions:session_attendance": Row(url("peersessions:session_attendance", PAST), HOST),
    "peersessions:session_materials": Row(url("peersessions:session_materials", PAST), HOST),
    # Everyone's own actions: their own list only.
    # Moved to the core's "My actions" (netw:my_actions): the old address redirects.
    "peersessions:my_actions": Row(url("peersessions:my_actions"), everyone(301)),
    # The action's owner is member A.
    "peersessions:action_done": Row(
        url("peersessions:action_done", lambda o: o["ps_action"].pk), HOST_POST,
        method="post"),
    # Correcting, deleting (a confirmation page, then a POST) and restoring an action: its
    # owner (member A), the session's host partner, the coordinators. Member B is invited to
    # the session (sees it) and is refused; the WP1 lead too.
    "peersessions:action_update": Row(
        url("peersessions:action_update", lambda o: o["ps_action"].pk), HOST),
    "peersessions:action_delete": Row(
        url("peersessions:action_delete", lambda o: o["ps_action"].pk), HOST),
    "peersessions:action_restore": Row(
        url("peersessions:action_restore", lambda o: o["ps_deleted_action"].pk), HOST_POST,
        method="post"),
    "peersessions:material_download": Row(
        url("peersessions:material_download", lambda o: o["ps_material"].pk),
        logged_in(200)),
    "peersessions:material_delete": Row(
        url("peersessions:material_delete", lambda o: o["ps_material"].pk), HOST_POST,
        method="post"),
    "peersessions:topic_list": Row(url("peersessions:topic_list"), everyone(200)),
    "peersessions:topic_create": Row(
        url("peersessions:topic_create"),
        {"anonymous": LOGIN, "member_a": 403, "member_b": 403, "lead": 403, "coordinator": 200}),
    "peersessions:topic_detail": Row(url("peersessions:topic_detail", lambda o: "core-drivers"),
                                     everyone(200)),
}


# --- The MOOC: authors and leads (peersessions/courses/, prefixed ``mc_``) ----------------------
# A published course of partner A with a module, a lesson, a question and a file; a complete
# draft; a submitted course. Authors are partner A's members; the WP1 lead reviews and sees the
# figures; member B sees the published course in the catalogue but not its authors' pages.

def _course_author_objects(personas, partners) -> dict:
    from netw.workflow import Status
    from peersessions.models import LessonFile
    from tests.peersessions.courses.factories import (
        ChoiceFactory,
        CourseFactory,
        LessonFactory,
        ModuleFactory,
        QuestionFactory,
        published_course,
    )

    course = published_course(owner_partner=partners["a3s"])
    lesson = course.modules.get().lessons.get()
    draft = CourseFactory(owner_partner=partners["a3s"])
    LessonFactory(module=ModuleFactory(course=draft))
    submitted = CourseFactory(owner_partner=partners["a3s"], status=Status.SUBMITTED)
    LessonFactory(module=ModuleFactory(course=submitted))
    question = QuestionFactory(lesson=lesson)
    ChoiceFactory(question=question, is_correct=True)
    ChoiceFactory(question=question)
    attached = LessonFile.objects.create(
        lesson=lesson, title="Slides", file=ContentFile(b"%PDF-1.4 test", name="slides.pdf"))
    return {"mc_course": course, "mc_draft": draft, "mc_submitted": submitted,
            "mc_module": lesson.module, "mc_lesson": lesson, "mc_question": question,
            "mc_file": attached}


C = lambda o: o["mc_course"].slug  # noqa: E731
MODULE = lambda o: o["mc_module"].pk  # noqa: E731
LESSON = lambda o: o["mc_lesson"].pk  # noqa: E731
QUESTION = lambda o: o["mc_question"].pk  # noqa: E731
# The course's authors' pages: partner A, the WP1 lead, the coordinators. The course is published,
# so a learner knows it exists and is refused (403) like another partner's member.
AUTHOR = {"anonymous": LOGIN, "member_a": 200, "member_b": 403, "lead": 200, "coordinator": 200,
          "learner": 403}
# Changing it: partner A and the coordinators.
CHANGE = {"anonymous": LOGIN, "member_a": 200, "member_b": 403, "lead": 403, "coordinator": 200,
          "learner": 403}
CHANGE_POST = {**CHANGE, "member_a": 302, "coordinator": 302}
LEADS = {"anonymous": LOGIN, "member_a": 403, "member_b": 403, "lead": 200, "coordinator": 200}

ROWS.update({
    "peersessions:course_workspace": Row(url("peersessions:course_workspace"), logged_in(200)),
    "peersessions:course_create": Row(url("peersessions:course_create"), logged_in(200)),
    "peersessions:course_overview": Row(url("peersessions:course_overview"), LEADS),
    # A draft: only its partner and the coordinators know it exists.
    "peersessions:course_author_detail": Row(
        url("peersessions:course_author_detail", lambda o: o["mc_draft"].slug),
        {"anonymous": LOGIN, "member_a": 200, "member_b": 404, "lead": 404,
         "coordinator": 200}),
    "peersessions:course_edit": Row(url("peersessions:course_edit", C), CHANGE),
    # Translating a published course: any partner's staff (netw/translations.py); a learner
    # is refused.
    "peersessions:course_translate": Row(
        url("peersessions:course_translate", C),
        {"anonymous": LOGIN, "member_a": 200, "member_b": 200, "lead": 200, "coordinator": 200,
         "learner": 403}),
    "peersessions:course_submit": Row(
        url("peersessions:course_submit", lambda o: o["mc_draft"].slug),
        {"anonymous": LOGIN, "member_a": 302, "member_b": 404, "lead": 404,
         "coordinator": 302}, method="post"),
    # Submitted: the WP1 lead now sees it and decides; its authors may not review it.
    "peersessions:course_review": Row(
        url("peersessions:course_review", lambda o: o["mc_submitted"].slug),
        {"anonymous": LOGIN, "member_a": 403, "member_b": 404, "lead": 200,
         "coordinator": 200}),
    "peersessions:course_statistics": Row(url("peersessions:course_statistics", C), AUTHOR),
    "peersessions:course_cartridge": Row(url("peersessions:course_cartridge", C), AUTHOR),
    "peersessions:module_create": Row(url("peersessions:module_create", C), CHANGE),
    "peersessions:module_from_topic": Row(url("peersessions:module_from_topic", C), CHANGE),
    "peersessions:module_edit": Row(url("peersessions:module_edit", C, MODULE), CHANGE),
    "peersessions:module_move": Row(url("peersessions:module_move", C, MODULE), CHANGE_POST,
                                    method="post", data={"direction": "down"}),
    "peersessions:module_remove": Row(url("peersessions:module_remove", C, MODULE),
                                      CHANGE_POST, method="post"),
    "peersessions:lesson_create": Row(url("peersessions:lesson_create", C, MODULE), CHANGE),
    "peersessions:lesson_edit": Row(url("peersessions:lesson_edit", C, LESSON), CHANGE),
    "peersessions:lesson_preview": Row(url("peersessions:lesson_preview", C, LESSON), AUTHOR),
    "peersessions:lesson_move": Row(url("peersessions:lesson_move", C, LESSON), CHANGE_POST,
                                    method="post", data={"direction": "up"}),
    "peersessions:lesson_remove": Row(url("peersessions:lesson_remove", C, LESSON),
                                      CHANGE_POST, method="post"),
    # Sent without a file: the form says so (400) to those who may add one.
    "peersessions:lessonfile_add": Row(url("peersessions:lessonfile_add", C, LESSON),
                                       {**CHANGE, "member_a": 400, "coordinator": 400},
                                       method="post", data={"file-title": "Slides"}),
    "peersessions:lessonfile_download": Row(
        url("peersessions:lessonfile_download", C, lambda o: o["mc_file"].pk), AUTHOR),
    "peersessions:lessonfile_remove": Row(
        url("peersessions:lessonfile_remove", C, lambda o: o["mc_file"].pk), CHANGE_POST,
        method="post"),
    "peersessions:question_create": Row(url("peersessions:question_create", C, LESSON),
                                        CHANGE),
    "peersessions:question_edit": Row(url("peersessions:question_edit", C, LESSON, QUESTION),
                                      CHANGE),
    "peersessions:question_move": Row(url("peersessions:question_move", C, LESSON, QUESTION),
                                      CHANGE_POST, method="post", data={"direction": "up"}),
    "peersessions:question_remove": Row(
        url("peersessions:question_remove", C, LESSON, QUESTION), CHANGE_POST, method="post"),
})


# --- The MOOC: the visitors' and learners' side (peersessions/courses/learner_urls.py) ---------
# A published course of partner A (two lessons, the second with a quiz and a file), the learner
# persona enrolled in it, and another learner's certificate. The course's first lesson is free to
# read; the second is for enrolled learners and the people who write and review the course
# (partner A, WP1 leads, coordinators); a member of another partner who has not enrolled is sent
# to the course page (302).
from django.core.files.base import ContentFile as _ContentFile  # noqa: E402

from tests.access import learner_too  # noqa: E402


def _mooc_objects(personas, partners) -> dict:
    from peersessions.models import Certificate, LessonFile
    from tests.peersessions.courses.learner_factories import EnrolmentFactory, short_course

    parts = short_course(owner_partner=partners["a3s"])
    material = LessonFile.objects.create(
        lesson=parts["second"], title="Worksheet",
        file=_ContentFile(b"%PDF-1.4 worksheet", name="worksheet.pdf"))
    EnrolmentFactory(course=parts["course"], learner=personas["learner"])
    other = EnrolmentFactory(course=parts["course"])
    certificate = Certificate.objects.create(enrolment=other, learner_name="Demo Learner",
                                             course_title=parts["course"].title, hours=3)
    return {"mooc_course": parts["course"], "mooc_lesson": parts["second"],
            "mooc_file": material, "mooc_certificate": certificate}


def objects(personas, partners) -> dict:
    """The records the rows point at, each part of WP1 adding its own."""
    return {**_session_objects(personas, partners), **_course_author_objects(personas, partners),
            **_mooc_objects(personas, partners)}


COURSE = lambda o: o["mooc_course"].slug  # noqa: E731
LESSON = lambda o: o["mooc_lesson"].pk  # noqa: E731
CODE = lambda o: o["mooc_certificate"].code  # noqa: E731
# Enrolled learners, and the course's writers and reviewers, read every lesson.
READERS = {"anonymous": LOGIN, "member_a": 200, "member_b": 302, "lead": 200,
           "coordinator": 200, "learner": 200}
# Writing progress needs an enrolment: the others are sent to the course page to enrol.
ENROLLED_ONLY = {"anonymous": LOGIN, "member_a": 302, "member_b": 302, "lead": 302,
                 "coordinator": 302}

ROWS.update({
    "peersessions:course_list": Row(url("peersessions:course_list"), everyone(200)),
    "peersessions:course_feed": Row(url("peersessions:course_feed"), everyone(200)),
    "peersessions:course_join": Row(url("peersessions:course_join"),
                                    learner_too(logged_in(302, anonymous=200), 302)),
    "peersessions:course_join_sent": Row(url("peersessions:course_join_sent"), everyone(200)),
    "peersessions:my_learning": Row(url("peersessions:my_learning"),
                                    learner_too(logged_in(200), 200)),
    "peersessions:badge_issuer": Row(url("peersessions:badge_issuer"), everyone(200)),
    "peersessions:lesson_file": Row(url("peersessions:lesson_file",
                                        lambda o: o["mooc_file"].pk), READERS),
    "peersessions:course_detail": Row(url("peersessions:course_detail", COURSE), everyone(200)),
    "peersessions:course_enrol": Row(url("peersessions:course_enrol", COURSE),
                                     learner_too(logged_in(302), 302), method="post"),
    "peersessions:badge_class": Row(url("peersessions:badge_class", COURSE), everyone(200)),
    "peersessions:badge_image": Row(url("peersessions:badge_image", COURSE), everyone(200)),
    "peersessions:lesson_detail": Row(url("peersessions:lesson_detail", COURSE, LESSON),
                                      READERS),
    "peersessions:lesson_done": Row(url("peersessions:lesson_done", COURSE, LESSON),
                                    learner_too(ENROLLED_ONLY, 302), method="post"),
    # An empty quiz form: the enrolled learner is shown the form again with its errors.
    "peersessions:lesson_quiz": Row(url("peersessions:lesson_quiz", COURSE, LESSON),
                                    learner_too(ENROLLED_ONLY, 400), method="post"),
    "peersessions:certificate_verify": Row(url("peersessions:certificate_verify", CODE),
                                           everyone(200)),
    "peersessions:certificate_pdf": Row(url("peersessions:certificate_pdf", CODE),
                                        everyone(200)),
    "peersessions:badge_assertion": Row(url("peersessions:badge_assertion", CODE),
                                        everyone(200)),
    "peersessions:badge_baked": Row(url("peersessions:badge_baked", CODE), everyone(200)),
    "peersessions:certificate_revoke": Row(
        url("peersessions:certificate_revoke", CODE),
        {"anonymous": LOGIN, "member_a": 403, "member_b": 403, "lead": 302, "coordinator": 302,
         "learner": 403}, method="post", data={"reason": "Issued by mistake."}),
})
