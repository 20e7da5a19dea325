"""The authors' side of the MOOC: my partner's courses, writing a course with its modules,
lessons, files and quiz questions, a module started from the sessions, previewing a lesson,
submitting and reviewing (the shared workflow), and the course as an IMS Common Cartridge.

Every page fetches the course with ``get_visible_or_404`` (a draft of another partner is a 404)
and checks ``peersessions.author_course`` or ``change_course`` (403 otherwise); what belongs to
the course is looked up among the course's own rows.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netw import roles
from netw.access import get_visible_or_404, require
from netw.pagination import paginate
from netw.translations import languages_box
from netw.uploads import private_file_response
from netw.workflow import review_decision, show_requested_missing, submit_for_review
from peersessions.models import Course, CourseModule, Lesson, Question

from .. import authoring as services
from ..author_forms import (
    CourseForm,
    CourseTranslationForm,
    LessonFileForm,
    LessonForm,
    ModuleForm,
    ModuleFromTopicForm,
    QuestionForm,
    TopicChoiceForm,
)

COURSE_FORM = "peersessions/courses/course_form.html"
# The file form sits on the lesson's page next to the lesson's own form (both have a title).
FILE_PREFIX = "file"


def _course(request: HttpRequest, slug: str, perm: str = "peersessions.author_course") -> Course:
    course = get_visible_or_404(Course.objects.select_related("owner_partner"), request.user,
                                slug=slug)
    require(request.user, perm, course)
    return course


def _one(rows: QuerySet, pk: int):
    """A row among the course's own (``rows`` is scoped by a course already checked)."""
    found = rows.filter(pk=pk).first()
    if found is None:
        raise Http404("Not part of this course.")
    return found


def _module(course: Course, pk: int) -> CourseModule:
    return _one(services.course_modules(course), pk)


def _lesson(course: Course, pk: int) -> Lesson:
    return _one(services.course_lessons(course).filter(removed_at__isnull=True)
                .select_related("module"), pk)


def _question(lesson: Lesson, pk: int) -> Question:
    return _one(services.lesson_questions(lesson), pk)


def _back_to(course: Course, anchor: str = "") -> HttpResponse:
    return redirect(_author_url(course) + anchor)


def _author_url(course: Course) -> str:
    return reverse("peersessions:course_author_detail", args=[course.slug])


# --- The workspace and the course -------------------------------------------------------------


@login_required
def course_workspace(request: HttpRequest) -> HttpResponse:
    """My partner's courses in every state, and the courses awaiting my review."""
    user = request.user
    require(user, "peersessions.add_course")
    mine = (Course.objects.visible_to(user).filter(owner_partner_id__in=roles.partner_ids(user))
            .select_related("owner_partner").order_by("status", "-updated_at", "pk"))
    return render(request, "peersessions/courses/course_workspace.html", {
        "page_obj": paginate(request, mine),
        "to_review": Course.objects.awaiting_review_by(user).select_related("owner_partner")
        .order_by("submitted_at", "pk"),
        "can_see_overview": user.has_perm("peersessions.view_course_overview"),
    })


@login_required
def course_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "peersessions.add_course")
    form = CourseForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        course = services.course_save(course=form.save(commit=False), by=request.user,
                                      topics=form.cleaned_data["topics"])
        messages.success(request, _("Course saved as a draft. Add its modules and lessons."))
        return _back_to(course)
    return render(request, COURSE_FORM, {"form": form})


@login_required
def course_author_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """The course as its authors work on it: its outline, state, review log and actions."""
    course = _course(request, slug)
    user = request.user
    can_change = user.has_perm("peersessions.change_course", course)
    can_review = user.has_perm("peersessions.review_course", course)
    return render(request, "peersessions/courses/course_author_detail.html", {
        "course": course,
        "modules": services.course_outline(course),
        "topics": list(course.topics.all()),
        "can_change": can_change,
        "can_submit": user.has_perm("peersessions.submit_course", course),
        "can_review": can_review,
        "missing": course.missing_for_publication() if course.is_draft else {},
        "events": list(course.review_events.select_related("actor")[:10]),
        "record_languages": languages_box(course, user, translate_url=reverse(
            "peersessions:course_translate", args=[course.slug])
            if user.has_perm("peersessions.translate_course", course) else ""),
    })


@login_required
def course_translate(request: HttpRequest, slug: str) -> HttpResponse:
    """A new translation of a course: a draft course of the translator's partner, starting from
    the original's title, summary and outcomes (its facts copied); its modules and lessons are
    then written on its authors' page, and it is reviewed like any course."""
    original = get_visible_or_404(Course.objects.all(), request.user, slug=slug)
    require(request.user, "peersessions.translate_course", original)
    form = CourseTranslationForm(request.POST or None, original=original, user=request.user)
    if request.method == "POST" and form.is_valid():
        translation = form.save(commit=False)
        for name in ("level", "estimated_hours", "licence"):
            setattr(translation, name, getattr(original, name))
        translation = services.course_save(course=translation, by=request.user,
                                           topics=list(original.topics.all()))
        messages.success(request, _("Translation saved as a draft. Now write its modules and "
                                    "lessons, then submit it for review."))
        return _back_to(translation)
    return render(request, COURSE_FORM, {"form": form, "original": original})


@login_required
def course_edit(request: HttpRequest, slug: str) -> HttpResponse:
    course = _course(request, slug, "peersessions.change_course")
    form_class = CourseTranslationForm if course.is_translation else CourseForm
    form = form_class(request.POST or None, instance=course, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.course_save(course=form.save(commit=False), by=request.user,
                             topics=form.cleaned_data.get("topics"))
        messages.success(request, _("Changes saved."))
        return _back_to(course)
    show_requested_missing(request, form, course)
    return render(request, COURSE_FORM, {"form": form, "course": course})


@login_required
@require_POST
def course_submit(request: HttpRequest, slug: str) -> HttpResponse:
    course = _course(request, slug, "peersessions.change_course")
    return submit_for_review(request, course,
                             edit_url=reverse("peersessions:course_edit", args=[course.slug]))


@login_required
def course_review(request: HttpRequest, slug: str) -> HttpResponse:
    course = _course(request, slug)
    form, done = review_decision(request, course, gone="peersessions:course_workspace")
    if done:
        return done
    if not course.is_submitted:
        messages.info(request, _("This course is not awaiting review."))
    return render(request, "peersessions/courses/course_review.html", {
        "course": course, "form": form, "modules": services.course_outline(course),
        "events": list(course.review_events.select_related("actor")[:10])})


@login_required
def course_cartridge(request: HttpRequest, slug: str) -> HttpResponse:
    """The course as an IMS Common Cartridge 1.1 package, for Moodle and other platforms."""
    from ..cartridge import course_cartridge as build

    course = _course(request, slug, "peersessions.export_course_cartridge")
    response = HttpResponse(build(course), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{course.slug}.imscc"'
    response["Cache-Control"] = "private, no-store"
    return response


# --- Modules -----------------------------------------------------------------------------------


@login_required
def module_create(request: HttpRequest, slug: str) -> HttpResponse:
    course = _course(request, slug, "peersessions.change_course")
    form = ModuleForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        module = form.save(commit=False)
        module.course = course
        services.module_save(module=module, by=request.user)
        messages.success(request, _("Module added. Add its lessons."))
        return _back_to(course, f"#module-{module.pk}")
    return render(request, "peersessions/courses/module_form.html",
                  {"form": form, "course": course})


@login_required
def module_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    course = _course(request, slug, "peersessions.change_course")
    module = _module(course, pk)
    form = ModuleForm(request.POST or None, instance=module, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.module_save(module=form.save(commit=False), by=request.user)
        messages.success(request, _("Changes saved."))
        return _back_to(course, f"#module-{module.pk}")
    return render(request, "peersessions/courses/module_form.html",
                  {"form": form, "course": course, "module": module})


@login_required
@require_POST
def module_move(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    course = _course(request, slug, "peersessions.change_course")
    module = _module(course, pk)
    services.item_move(item=module, siblings=services.course_modules(course),
                       up=request.POST.get("direction") == "up", by=request.user)
    return _back_to(course, f"#module-{module.pk}")


@login_required
@require_POST
def module_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    course = _course(request, slug, "peersessions.change_course")
    module = _module(course, pk)
    if services.module_remove(module=module, by=request.user):
        messages.success(request, _("Module deleted."))
    else:
        messages.success(request, _("Module removed from the course. Learners who did its "
                                    "lessons keep their progress and certificates."))
    return _back_to(course)


@login_required
def module_from_topic(request: HttpRequest, slug: str) -> HttpResponse:
    """Start from the sessions: choose a topic, then the sessions and materials to use."""
    course = _course(request, slug, "peersessions.change_course")
    topic_form = TopicChoiceForm(request.GET if "topic" in request.GET else None,
                                 user=request.user)
    topic = topic_form.cleaned_data["topic"] if topic_form.is_bound and topic_form.is_valid() \
        else None
    context = {"course": course, "topic_form": topic_form, "topic": topic}
    if topic is None:
        return render(request, "peersessions/courses/module_from_topic.html", context)
    sessions = services.topic_sessions_for(request.user, topic)
    form = ModuleFromTopicForm(request.POST if request.method == "POST" else None,
                               sessions=sessions, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            made = services.course_module_from_topic(
                course=course, topic=topic, by=request.user,
                sessions=form.cleaned_data["sessions"],
                materials=form.cleaned_data["materials"])
        except ValidationError as exc:
            form.add_error("sessions", exc)
        else:
            messages.success(request, _("A draft module was made from the sessions: read it, "
                                        "rewrite it as a lesson and add a quiz."))
            for title in made.refused:
                messages.warning(request, _("“%(title)s” was not copied: its file is missing or "
                                            "is not what its name says.") % {"title": title})
            return _back_to(course, f"#module-{made.module.pk}")
    return render(request, "peersessions/courses/module_from_topic.html",
                  {**context, "form": form, "has_sessions": sessions.exists()})


# --- Lessons -----------------------------------------------------------------------------------


@login_required
def lesson_create(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    course = _course(request, slug, "peersessions.change_course")
    module = _module(course, pk)
    form = LessonForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        lesson = form.save(commit=False)
        lesson.module = module
        services.lesson_save(lesson=lesson, by=request.user)
        messages.success(request, _("Lesson saved. Add files or quiz questions below."))
        return redirect("peersessions:lesson_edit", course.slug, lesson.pk)
    return render(request, "peersessions/courses/lesson_form.html",
                  {"form": form, "course": course, "module": module})


@login_required
def lesson_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    course = _course(request, slug, "peersessions.change_course")
    lesson = _lesson(course, pk)
    form = LessonForm(request.POST or None, instance=lesson, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.lesson_save(lesson=form.save(commit=False), by=request.user)
        messages.success(request, _("Changes saved."))
        return redirect("peersessions:lesson_edit", course.slug, lesson.pk)
    return render(request, "peersessions/courses/lesson_form.html", {
        "form": form, "course": course, "module": lesson.module, "lesson": lesson,
        "files": list(lesson.files.all()),
        "file_form": LessonFileForm(user=request.user, prefix=FILE_PREFIX),
        "questions": list(services.lesson_questions(lesson).prefetch_related("choices")),
    })


@login_required
def lesson_preview(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The lesson as its authors and reviewers check it (not the learners' page)."""
    course = _course(request, slug)
    lesson = _lesson(course, pk)
    files = list(lesson.files.all())
    return render(request, "peersessions/courses/lesson_preview.html", {
        "course": course, "lesson": lesson,
        "images": [f for f in files if f.is_image],
        "files": [f for f in files if not f.is_image],
        "questions": list(services.lesson_questions(lesson).prefetch_related("choices")),
    })


@login_required
@require_POST
def lesson_move(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    course = _course(request, slug, "peersessions.change_course")
    lesson = _lesson(course, pk)
    services.item_move(item=lesson, siblings=lesson.module.lessons.filter(
        removed_at__isnull=True).order_by("position", "pk"),
        up=request.POST.get("direction") == "up", by=request.user)
    return _back_to(course, f"#lesson-{lesson.pk}")


@login_required
@require_POST
def lesson_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    course = _course(request, slug, "peersessions.change_course")
    lesson = _lesson(course, pk)
    if services.lesson_remove(lesson=lesson, by=request.user):
        messages.success(request, _("Lesson deleted."))
    else:
        messages.success(request, _("Lesson removed from the course. Learners who did it keep "
                                    "their progress and certificates."))
    return _back_to(course, f"#module-{lesson.module_id}")


# --- Lesson files ------------------------------------------------------------------------------


@login_required
@require_POST
def lessonfile_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    course = _course(request, slug, "peersessions.change_course")
    lesson = _lesson(course, pk)
    form = LessonFileForm(request.POST, request.FILES, user=request.user,
                          prefix=FILE_PREFIX)
    if form.is_valid():
        services.lessonfile_add(lesson=lesson, title=form.cleaned_data["title"],
                                upload=form.cleaned_data["file"], by=request.user)
        messages.success(request, _("File added."))
        return redirect("peersessions:lesson_edit", course.slug, lesson.pk)
    return render(request, "peersessions/courses/lesson_form.html", {
        "form": LessonForm(instance=lesson, user=request.user), "course": course,
        "module": lesson.module, "lesson": lesson, "files": list(lesson.files.all()),
        "file_form": form,
        "questions": list(services.lesson_questions(lesson).prefetch_related("choices")),
    }, status=400)


@login_required
def lessonfile_download(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """A lesson's file for its authors and reviewers (images inline, for the preview)."""
    course = _course(request, slug)
    attached = _one(_course_files(course), pk)
    name = attached.file.name.rsplit("/", 1)[-1]
    return private_file_response(attached.file, download_name=name, inline=attached.is_image)


@login_required
@require_POST
def lessonfile_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    course = _course(request, slug, "peersessions.change_course")
    attached = _one(_course_files(course), pk)
    lesson_pk = attached.lesson_id
    services.lessonfile_remove(attached=attached, by=request.user)
    messages.success(request, _("File removed."))
    return redirect("peersessions:lesson_edit", course.slug, lesson_pk)


def _course_files(course: Course) -> QuerySet:
    from peersessions.models import LessonFile

    return LessonFile.objects.filter(lesson__module__course=course,
                                     lesson__removed_at__isnull=True)


# --- Quiz questions ----------------------------------------------------------------------------


def _question_form(request: HttpRequest, slug: str, lesson_pk: int, question_pk: int | None
                   ) -> HttpResponse:
    course = _course(request, slug, "peersessions.change_course")
    lesson = _lesson(course, lesson_pk)
    question = _question(lesson, question_pk) if question_pk else Question(lesson=lesson)
    form = QuestionForm(request.POST or None, instance=question, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.question_save(question=form.save(commit=False), choices=form.choices,
                                   by=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Question saved."))
            return redirect("peersessions:lesson_edit", course.slug, lesson.pk)
    return render(request, "peersessions/courses/question_form.html", {
        "form": form, "course": course, "lesson": lesson,
        "question": question if question.pk else None},
        status=400 if form.is_bound and form.errors else 200)


@login_required
def question_create(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _question_form(request, slug, pk, None)


@login_required
def question_edit(request: HttpRequest, slug: str, pk: int, question_pk: int) -> HttpResponse:
    return _question_form(request, slug, pk, question_pk)


@login_required
@require_POST
def question_move(request: HttpRequest, slug: str, pk: int, question_pk: int) -> HttpResponse:
    course = _course(request, slug, "peersessions.change_course")
    lesson = _lesson(course, pk)
    question = _question(lesson, question_pk)
    services.item_move(item=question, siblings=services.lesson_questions(lesson),
                       up=request.POST.get("direction") == "up", by=request.user)
    return redirect("peersessions:lesson_edit", course.slug, lesson.pk)


@login_required
@require_POST
def question_remove(request: HttpRequest, slug: str, pk: int, question_pk: int) -> HttpResponse:
    course = _course(request, slug, "peersessions.change_course")
    lesson = _lesson(course, pk)
    question = _question(lesson, question_pk)
    services.question_remove(question=question, by=request.user)
    messages.success(request, _("Question removed."))
    return redirect("peersessions:lesson_edit", course.slug, lesson.pk)

