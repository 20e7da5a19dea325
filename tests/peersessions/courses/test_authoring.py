"""Authors write a course with its modules, lessons, files and quizzes; the WP1 leads review it
through the shared workflow."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from netw.workflow import ReviewEvent, Status
from peersessions.courses import authoring
from peersessions.models import Choice, Course, CourseModule, Lesson, LessonFile, Question
from tests.peersessions.courses.factories import (
    ChoiceFactory,
    CourseFactory,
    EnrolmentFactory,
    LessonFactory,
    LessonProgressFactory,
    ModuleFactory,
    QuestionFactory,
    QuizAttemptFactory,
    published_course,
)

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")


def _course_data(**overrides):
    return {"title": "Running a network", "owner_partner": "", "summary": "A summary.",
            "language": "en", "level": "introductory", "estimated_hours": "3",
            "outcomes": "Plan services", "licence": "CC-BY-SA-4.0", **overrides}


def test_a_member_writes_a_course_for_their_partner_with_an_open_licence_by_default(
        client, owner, partner_a):
    client.force_login(owner)
    response = client.post(reverse("peersessions:course_create"),
                           _course_data(owner_partner=partner_a.pk))
    course = Course.objects.get()
    assert response.status_code == 302
    assert course.owner_partner == partner_a and course.is_draft
    # The project's one list of licences (netw/licences.py): CC BY 4.0 unless the authors chose.
    assert course.licence == "CC-BY-SA-4.0" and Course().licence == "CC-BY-4.0"
    assert course.created_by == owner


def test_a_course_never_takes_the_authors_own_address(owner):
    course = authoring.course_save(course=Course(title="Author"), by=owner)
    assert course.slug != "author"


def test_another_partners_member_does_not_know_a_draft_exists(client, owner, outsider):
    course = CourseFactory()
    client.force_login(outsider)
    assert client.get(reverse("peersessions:course_author_detail",
                              args=[course.slug])).status_code == 404


def test_another_partners_member_may_not_edit_a_published_course(client, outsider, partners):
    course = published_course()
    client.force_login(outsider)
    assert client.get(reverse("peersessions:course_edit", args=[course.slug])).status_code == 403


def test_modules_and_lessons_are_added_in_order_and_move_up_and_down(client, owner, partners):
    course = CourseFactory()
    client.force_login(owner)
    for title in ("First", "Second"):
        client.post(reverse("peersessions:module_create", args=[course.slug]),
                    {"title": title, "summary": ""})
    first, second = CourseModule.objects.order_by("position")
    for title in ("A", "B", "C"):
        client.post(reverse("peersessions:lesson_create", args=[course.slug, first.pk]),
                    {"title": title, "body": "Text", "pass_mark": 70})
    a, b, c = Lesson.objects.order_by("position")
    assert [a.title, b.title, c.title] == ["A", "B", "C"]
    client.post(reverse("peersessions:lesson_move", args=[course.slug, c.pk]),
                {"direction": "up"})
    assert list(first.lessons.order_by("position").values_list("title", flat=True)) == [
        "A", "C", "B"]
    client.post(reverse("peersessions:module_move", args=[course.slug, first.pk]),
                {"direction": "down"})
    assert list(course.modules.order_by("position").values_list("title", flat=True)) == [
        "Second", "First"]


def test_a_video_needs_its_transcript(client, owner, partners):
    module = ModuleFactory()
    client.force_login(owner)
    response = client.post(
        reverse("peersessions:lesson_create", args=[module.course.slug, module.pk]),
        {"title": "Video lesson", "body": "", "video_url": "https://video.example.org/1",
         "video_transcript": " ", "pass_mark": 70})
    assert response.status_code == 200
    assert "video_transcript" in response.context["form"].errors
    assert not Lesson.objects.exists()


def test_lesson_text_is_sanitised_markdown_in_the_preview(client, owner, partners):
    lesson = LessonFactory(body="**Bold** <script>alert(1)</script> ![x](https://e.org/x.png)")
    client.force_login(owner)
    response = client.get(reverse("peersessions:lesson_preview",
                                  args=[lesson.module.course.slug, lesson.pk]))
    html = response.content.decode()
    assert "<strong>Bold</strong>" in html
    assert "<script>alert(1)" not in html and 'src="https://e.org/x.png"' not in html


def test_an_uploaded_image_is_shown_in_the_preview_and_served_to_authors_only(
        client, owner, outsider, partners):
    lesson = LessonFactory()
    course = lesson.module.course
    client.force_login(owner)
    client.post(reverse("peersessions:lessonfile_add", args=[course.slug, lesson.pk]),
                {"file-title": "A network's map", "file-file": SimpleUploadedFile("map.png", PNG)})
    image = LessonFile.objects.get()
    assert image.is_image
    preview = client.get(reverse("peersessions:lesson_preview", args=[course.slug, lesson.pk]))
    url = reverse("peersessions:lessonfile_download", args=[course.slug, image.pk])
    assert f'src="{url}" alt="A network&#x27;s map"' in preview.content.decode()
    assert client.get(url).status_code == 200
    client.force_login(outsider)
    assert client.get(url).status_code == 404


def test_a_file_that_is_not_what_its_name_says_is_refused(client, owner, partners):
    lesson = LessonFactory()
    client.force_login(owner)
    response = client.post(
        reverse("peersessions:lessonfile_add", args=[lesson.module.course.slug, lesson.pk]),
        {"file-title": "Slides",
         "file-file": SimpleUploadedFile("slides.pdf", b"MZ\x90\x00 not a pdf")})
    assert response.status_code == 400
    assert "file" in response.context["file_form"].errors
    assert not LessonFile.objects.exists()


def _question(client, lesson, kind, correct, answers=("Yes", "No", "Maybe")):
    data = {"text": "Which?", "kind": kind}
    for n, text in enumerate(answers):
        data[f"answer_{n}"] = text
        data[f"feedback_{n}"] = f"Because {text}"
        if n in correct:
            data[f"correct_{n}"] = "on"
    return client.post(reverse("peersessions:question_create",
                               args=[lesson.module.course.slug, lesson.pk]), data)


def test_a_one_answer_question_needs_exactly_one_correct_answer(client, owner, partners):
    lesson = LessonFactory()
    client.force_login(owner)
    assert _question(client, lesson, "single", {0, 1}).status_code == 400
    assert _question(client, lesson, "single", set()).status_code == 400
    assert not Question.objects.exists()
    assert _question(client, lesson, "single", {1}).status_code == 302
    question = Question.objects.get()
    assert list(question.choices.order_by("position").values_list("text", "is_correct")) == [
        ("Yes", False), ("No", True), ("Maybe", False)]
    assert question.choices.get(text="No").feedback == "Because No"


def test_a_several_answers_question_needs_at_least_one_correct_answer(client, owner, partners):
    lesson = LessonFactory()
    client.force_login(owner)
    assert _question(client, lesson, "multiple", set()).status_code == 400
    assert _question(client, lesson, "multiple", {0, 2}).status_code == 302


def test_a_question_needs_two_answers(client, owner, partners):
    lesson = LessonFactory()
    client.force_login(owner)
    assert _question(client, lesson, "single", {0}, answers=("Only",)).status_code == 400


def test_removing_a_lesson_learners_did_keeps_it_and_their_progress(owner, partners):
    lesson = LessonFactory()
    progress = LessonProgressFactory(lesson=lesson,
                                     enrolment=EnrolmentFactory(course=lesson.module.course))
    assert authoring.lesson_remove(lesson=lesson, by=owner) is False
    lesson.refresh_from_db()
    progress.refresh_from_db()
    assert lesson.removed_at is not None and progress.lesson_id == lesson.pk


def test_removing_a_lesson_nobody_used_deletes_it(client, owner, partners):
    lesson = LessonFactory()
    client.force_login(owner)
    client.post(reverse("peersessions:lesson_remove", args=[lesson.module.course.slug,
                                                            lesson.pk]))
    assert not Lesson.objects.exists()


def test_a_removed_lesson_leaves_the_authors_outline_and_cannot_be_edited(
        client, owner, partners):
    lesson = LessonFactory()
    course = lesson.module.course
    LessonProgressFactory(lesson=lesson, enrolment=EnrolmentFactory(course=course))
    authoring.lesson_remove(lesson=lesson, by=owner)
    client.force_login(owner)
    page = client.get(reverse("peersessions:course_author_detail", args=[course.slug]))
    assert lesson.title not in page.content.decode()
    assert client.get(reverse("peersessions:lesson_edit",
                              args=[course.slug, lesson.pk])).status_code == 404


def test_removing_a_module_with_used_lessons_keeps_them(owner, partners):
    lesson = LessonFactory()
    LessonProgressFactory(lesson=lesson, enrolment=EnrolmentFactory(course=lesson.module.course))
    assert authoring.module_remove(module=lesson.module, by=owner) is False
    assert Lesson.objects.get().removed_at is not None


def test_an_answered_question_is_kept_when_removed_and_its_answers_stay(owner, partners):
    question = QuestionFactory()
    right = ChoiceFactory(question=question, is_correct=True)
    ChoiceFactory(question=question)
    QuizAttemptFactory(lesson=question.lesson, answers={str(question.pk): [right.pk]},
                       enrolment=EnrolmentFactory(course=question.lesson.module.course))
    with pytest.raises(Exception, match="answered"):
        authoring.question_save(question=question, by=owner, choices=[
            authoring.ChoiceData("Right", True, pk=right.pk),
            authoring.ChoiceData("New", False)])
    assert authoring.question_remove(question=question, by=owner) is False
    assert Question.objects.get().removed_at is not None
    assert Choice.objects.count() == 2


def test_an_unanswered_question_is_deleted(owner, partners):
    question = QuestionFactory()
    assert authoring.question_remove(question=question, by=owner) is True
    assert not Question.objects.exists()


def test_submitting_an_incomplete_course_says_what_is_missing(client, owner, partners):
    course = CourseFactory(summary="")
    client.force_login(owner)
    response = client.post(reverse("peersessions:course_submit", args=[course.slug]),
                           follow=True)
    assert response.redirect_chain[-1][0] == reverse(
        "peersessions:course_edit", args=[course.slug]) + "?missing=1"
    errors = response.context["form"].errors
    assert "summary" in errors and "__all__" in errors  # no module with a lesson
    course.refresh_from_db()
    assert course.is_draft


def test_the_wp1_lead_publishes_a_submitted_course(client, owner, lead, partners,
                                                   django_capture_on_commit_callbacks):
    course = CourseFactory()
    LessonFactory(module=ModuleFactory(course=course))
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse("peersessions:course_submit",
                                   args=[course.slug])).status_code == 302
    course.refresh_from_db()
    assert course.is_submitted
    client.force_login(lead)
    workspace = client.get(reverse("peersessions:course_workspace"))
    assert course.title in workspace.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("peersessions:course_review", args=[course.slug]),
                    {"decision": "publish", "comment": "", "confirm_public": "on"})
    course.refresh_from_db()
    assert course.status == Status.PUBLISHED and course.published_by == lead
    assert ReviewEvent.objects.filter(action="published").count() == 1


def test_a_member_may_not_review_their_own_course(client, owner, partners):
    course = CourseFactory(status=Status.SUBMITTED)
    client.force_login(owner)
    assert client.get(reverse("peersessions:course_review",
                              args=[course.slug])).status_code == 403


def test_editing_a_published_course_keeps_it_published_with_its_history(
        client, owner, partner_a):
    course = published_course()
    client.force_login(owner)
    client.post(reverse("peersessions:course_edit", args=[course.slug]),
                _course_data(title="Renamed", owner_partner=partner_a.pk))
    course.refresh_from_db()
    assert course.is_published and course.title == "Renamed"
    assert course.history.filter(title=course.title).exists()
    assert course.history.exclude(title="Renamed").exists()


def test_answers_lose_control_characters_like_every_portal_field(client, owner, partners):
    lesson = LessonFactory()
    client.force_login(owner)
    _question(client, lesson, "single", {0}, answers=("Yes\x1b[31m\x07", "No"))
    assert Choice.objects.get(position=0).text == "Yes[31m"
