"""The MOOC for visitors and learners: the catalogue, a course's page and lessons, enrolling,
marking lessons done, quizzes, the learner's page, certificates and their badges.

The authors' and reviewers' side (writing, reviewing, statistics, exports) is elsewhere in this
package; here every page reads through ``visible_to`` and writes through learner_services.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch, Q, prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netw.access import LoginRequired, get_visible_or_404, login_for_visitors, require
from netw.pagecache import cache_for_visitors
from netw.pagination import paginate
from netw.translations import languages_box, redirect_target, with_best_versions
from netw.uploads import private_file_response
from netw.workflow import Status
from peersessions.models import Session

from . import certificates as badges
from . import learner_services as services
from .catalogue_filters import CourseCatalogueFilter
from .learner_forms import LearnerProfileForm, QuizForm, RevokeCertificateForm
from .models import Certificate, Course, CourseModule, Enrolment, LearnerProfile, Lesson, LessonFile

CODE_MAX_LENGTH = 40


# --- The catalogue -----------------------------------------------------------------------------


@cache_for_visitors
def course_list(request: HttpRequest) -> HttpResponse:
    """Published courses, filtered and searched; a course unpublished later leaves the list
    (its enrolled learners find it on their own page)."""
    filterset = CourseCatalogueFilter(request.GET or None,
                                      queryset=Course.objects.published().originals()
                                      .for_catalogue())
    queryset = filterset.qs if filterset.is_bound else filterset.queryset
    if filterset.is_bound and not filterset.is_valid():
        queryset = queryset.none()
    page = paginate(request, queryset.order_by("title", "pk"))
    # Each original through what the viewer reads: its published translation into their
    # language, if any (one query for the page).
    rows = with_best_versions(page.object_list, request.user)
    prefetch_related_objects([row.shown for row in rows if row.shown is not row],
                             "owner_partner", "topics")
    return render(request, "peersessions/courses/course_list.html", {
        "filter": filterset, "page_obj": page, "count": page.paginator.count,
    })


# --- A course and its lessons ------------------------------------------------------------------


def _outline(course: Course) -> list[Lesson]:
    """The course's lessons in order, as a learner follows them (removed ones left out)."""
    return list(Lesson.objects.active().filter(module__course=course).in_order()
                .select_related("module").defer("body", "video_transcript"))


def _done_ids(enrolment: Enrolment | None) -> set[int]:
    if enrolment is None:
        return set()
    return set(enrolment.progress.values_list("lesson_id", flat=True))


def _resume_lesson(outline: list[Lesson], enrolment: Enrolment | None, done: set[int]
                   ) -> Lesson | None:
    if not outline:
        return None
    if enrolment is not None and enrolment.last_lesson_id:
        for lesson in outline:
            if lesson.pk == enrolment.last_lesson_id:
                return lesson
    return next((lesson for lesson in outline if lesson.pk not in done), outline[0])


@cache_for_visitors
def course_detail(request: HttpRequest, slug: str) -> HttpResponse:
    user = request.user
    course = get_visible_or_404(Course.objects.for_catalogue(), user, slug=slug)
    enrolment = services.enrolment_for(user=user, course=course)
    # The viewer's language has a published translation: read it there (a learner enrolled in
    # this version stays on it).
    elsewhere = redirect_target(request, course, user) if enrolment is None else None
    if elsewhere is not None:
        return redirect(elsewhere)
    translate_url = (reverse("peersessions:course_translate", args=[course.slug])
                     if user.has_perm("peersessions.translate_course", course) else "")
    modules = list(CourseModule.objects.filter(course=course, removed_at__isnull=True)
                   .order_by("position", "pk")
                   .prefetch_related(Prefetch("source_sessions",
                                              queryset=Session.objects.visible_to(user)
                                              .select_related("owner_partner"))))
    outline = _outline(course)
    done = _done_ids(enrolment)
    syllabus = []
    for module in modules:
        lessons = [lesson for lesson in outline if lesson.module_id == module.pk]
        syllabus.append({"module": module, "lessons": lessons,
                         "done": sum(1 for lesson in lessons if lesson.pk in done)})
    certificate = (Certificate.objects.filter(enrolment=enrolment).first()
                   if enrolment and enrolment.completed_at else None)
    return render(request, "peersessions/courses/course_detail.html", {
        "course": course, "syllabus": syllabus, "enrolment": enrolment, "done": done,
        "first_lesson": outline[0] if outline else None,
        "resume": _resume_lesson(outline, enrolment, done) if enrolment else None,
        "lessons_total": len(outline), "lessons_done": len(done & {x.pk for x in outline}),
        "certificate": certificate,
        "can_enrol": enrolment is None and course.is_published,
        "can_read_all": user.has_perm("peersessions.read_course_lessons", course),
        "record_languages": languages_box(course, user, translate_url=translate_url),
    })


def _course_and_lesson(request: HttpRequest, slug: str, pk: int):
    user = request.user
    course = get_visible_or_404(Course.objects.all(), user, slug=slug)
    lesson = get_visible_or_404(Lesson.objects.active().select_related("module"), user,
                                pk=pk, module__course=course)
    outline = _outline(course)
    is_first = bool(outline) and outline[0].pk == lesson.pk
    if not is_first and not user.has_perm("peersessions.read_course_lessons", course):
        if not user.is_authenticated:
            raise LoginRequired
        raise _NotEnrolled(course)
    return course, lesson, outline


class _NotEnrolled(Exception):
    def __init__(self, course: Course):
        self.course = course


def _refuse_unenrolled(view):
    """Someone logged in but not enrolled: back to the course page, told to enrol first."""

    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except _NotEnrolled as refused:
            messages.info(request, _("Enrol in the course to read its other lessons."))
            return redirect(refused.course)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def _lesson_context(request: HttpRequest, course: Course, lesson: Lesson, outline: list[Lesson],
                    quiz_form: QuizForm | None = None) -> dict:
    enrolment = services.enrolment_for(user=request.user, course=course)
    done = _done_ids(enrolment)
    index = next(i for i, item in enumerate(outline) if item.pk == lesson.pk)
    questions = services.quiz_questions(lesson)
    attempt = None
    results = []
    if enrolment is not None and questions:
        attempt = enrolment.quiz_attempts.filter(lesson=lesson).order_by("-created_at",
                                                                          "-pk").first()
        if attempt is not None:
            results = _quiz_results(questions, attempt.answers)
        if quiz_form is None:
            quiz_form = QuizForm(questions=questions, user=request.user)
    return {
        "course": course, "lesson": lesson, "outline": outline, "enrolment": enrolment,
        "done": done, "is_done": lesson.pk in done,
        "previous": outline[index - 1] if index > 0 else None,
        "next": outline[index + 1] if index + 1 < len(outline) else None,
        "position": index + 1, "files": list(lesson.files.order_by("pk")),
        "questions": questions, "quiz_form": quiz_form, "attempt": attempt,
        "results": results,
        "can_read_all": request.user.has_perm("peersessions.read_course_lessons", course),
    }


def _quiz_results(questions, answers: dict) -> list[dict]:
    results = []
    for question in questions:
        chosen = set(answers.get(str(question.pk), []))
        choices = list(question.choices.all())
        correct = {c.pk for c in choices if c.is_correct}
        results.append({"question": question, "right": chosen == correct,
                        "chosen": [c for c in choices if c.pk in chosen]})
    return results


@login_for_visitors
@_refuse_unenrolled
def lesson_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    course, lesson, outline = _course_and_lesson(request, slug, pk)
    context = _lesson_context(request, course, lesson, outline)
    if context["enrolment"] is not None:
        services.enrolment_visit(enrolment=context["enrolment"], lesson=lesson)
    return render(request, "peersessions/courses/lesson_detail.html", context)


def _enrolment_or_refuse(request: HttpRequest, course: Course) -> Enrolment:
    enrolment = services.enrolment_for(user=request.user, course=course)
    if enrolment is None:
        raise _NotEnrolled(course)
    return enrolment


@login_for_visitors
@_refuse_unenrolled
@require_POST
def lesson_done(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    course, lesson, outline = _course_and_lesson(request, slug, pk)
    enrolment = _enrolment_or_refuse(request, course)
    certificate = services.lesson_complete(enrolment=enrolment, lesson=lesson)
    if certificate is not None and not certificate.is_revoked:
        messages.success(request, _("Well done: you completed the course. Your certificate "
                                    "is ready."))
        return redirect(course)
    index = next(i for i, item in enumerate(outline) if item.pk == lesson.pk)
    following = outline[index + 1] if index + 1 < len(outline) else None
    messages.success(request, _("Lesson marked as done."))
    if following is not None:
        return redirect("peersessions:lesson_detail", course.slug, following.pk)
    return redirect(course)


@login_for_visitors
@_refuse_unenrolled
@require_POST
def lesson_quiz(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    course, lesson, outline = _course_and_lesson(request, slug, pk)
    enrolment = _enrolment_or_refuse(request, course)
    questions = services.quiz_questions(lesson)
    if not questions:
        raise Http404("This lesson has no quiz.")
    form = QuizForm(request.POST, questions=questions, user=request.user)
    if not form.is_valid():
        context = _lesson_context(request, course, lesson, outline, quiz_form=form)
        return render(request, "peersessions/courses/lesson_detail.html", context, status=400)
    attempt = services.quiz_submit(enrolment=enrolment, lesson=lesson,
                                   nonce=form.cleaned_data["nonce"], answers=form.answers())
    if attempt.passed and Certificate.objects.filter(enrolment=enrolment).exists():
        messages.success(request, _("You passed the quiz. Well done: you completed the course. "
                                    "Your certificate is ready."))
        return redirect(course)
    if attempt.passed:
        messages.success(request, _("You passed the quiz with %(score)s %%.")
                         % {"score": attempt.score})
    else:
        messages.warning(request, _("You scored %(score)s %%; %(mark)s %% passes. Read the "
                                    "feedback and try again.")
                         % {"score": attempt.score, "mark": lesson.pass_mark})
    return redirect(reverse("peersessions:lesson_detail", args=[course.slug, lesson.pk])
                    + "#quiz-result")


@login_for_visitors
@_refuse_unenrolled
def lesson_file(request: HttpRequest, pk: int) -> HttpResponse:
    """A lesson's material, to those who may read the lesson."""
    found = get_visible_or_404(LessonFile.objects.select_related("lesson__module__course"),
                               request.user, pk=pk, lesson__removed_at__isnull=True)
    course = found.lesson.module.course
    _course_and_lesson(request, course.slug, found.lesson_id)
    name = found.file.name.rsplit("/", 1)[-1]
    return private_file_response(found.file, download_name=name)


@login_for_visitors
@require_POST
def course_enrol(request: HttpRequest, slug: str) -> HttpResponse:
    course = get_visible_or_404(Course.objects.all(), request.user, slug=slug)
    require(request.user, "peersessions.enrol_course", course)
    try:
        enrolment = services.enrolment_create(user=request.user, course=course)
    except services.EnrolmentRefused as refused:
        messages.error(request, str(refused))
        return redirect(course)
    outline = _outline(course)
    messages.success(request, _("You are enrolled. Welcome to the course!"))
    if outline:
        first = _resume_lesson(outline, enrolment, set())
        return redirect("peersessions:lesson_detail", course.slug, first.pk)
    return redirect(course)


# --- The learner's own page --------------------------------------------------------------------


@login_required
def my_learning(request: HttpRequest) -> HttpResponse:
    user = request.user
    profile = LearnerProfile.objects.filter(user=user).first()
    if profile is None:
        profile = LearnerProfile(user=user, display_name=user.get_full_name())
    form = LearnerProfileForm(request.POST or None, instance=profile, user=user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.profile_save(user=user, display_name=data["display_name"],
                              provider=data.get("provider"), network=data.get("network"),
                              organisation=data["organisation"], country=data["country"],
                              progress_reminders=data["progress_reminders"])
        messages.success(request, _("Your details are saved."))
        return redirect("peersessions:my_learning")
    enrolments = (Enrolment.objects.visible_to(user).select_related("course", "last_lesson")
                  .order_by("-last_activity_at", "pk"))
    page = paginate(request, enrolments)
    rows = list(page.object_list)
    certificates = {c.enrolment_id: c for c in Certificate.objects.filter(
        enrolment__in=[e.pk for e in rows])}
    return render(request, "peersessions/courses/my_learning.html", {
        "form": form, "page_obj": page,
        "rows": [{"enrolment": e, "certificate": certificates.get(e.pk)} for e in rows],
        "verified": services.email_verified(user),
    })


# --- Certificates and badges -------------------------------------------------------------------


def _certificate(request: HttpRequest, code: str) -> Certificate:
    if len(code) > CODE_MAX_LENGTH:
        raise Http404("No certificate has this code.")
    return get_visible_or_404(Certificate.objects.select_related("enrolment__course"),
                              request.user, code=code)


def certificate_verify(request: HttpRequest, code: str) -> HttpResponse:
    certificate = _certificate(request, code)
    can_revoke = request.user.has_perm("peersessions.revoke_certificate", certificate)
    return render(request, "peersessions/courses/certificate_verify.html", {
        "certificate": certificate, "course": certificate.enrolment.course,
        "is_holder": certificate.enrolment.learner_id == getattr(request.user, "pk", None),
        "can_revoke": can_revoke and not certificate.is_revoked,
        "revoke_form": RevokeCertificateForm(user=request.user) if can_revoke else None,
    })


def certificate_pdf(request: HttpRequest, code: str) -> HttpResponse:
    certificate = _certificate(request, code)
    if certificate.is_revoked:
        raise Http404("This certificate was revoked.")
    pdf = badges.certificate_pdf(certificate, language=translation.get_language())
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="net-works-certificate.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def certificate_revoke(request: HttpRequest, code: str) -> HttpResponse:
    certificate = _certificate(request, code)
    require(request.user, "peersessions.revoke_certificate", certificate)
    form = RevokeCertificateForm(request.POST, user=request.user)
    if not form.is_valid():
        return render(request, "peersessions/courses/certificate_verify.html", {
            "certificate": certificate, "course": certificate.enrolment.course,
            "can_revoke": not certificate.is_revoked, "revoke_form": form,
        }, status=400)
    services.certificate_revoke(certificate=certificate, by=request.user,
                                reason=form.cleaned_data["reason"])
    messages.success(request, _("The certificate is revoked."))
    return redirect(certificate)


def _json_ld(data: dict, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/ld+json"
    response["Access-Control-Allow-Origin"] = "*"  # backpacks fetch these from their own site
    return response


def badge_issuer(request: HttpRequest) -> HttpResponse:
    return _json_ld(badges.issuer_json())


def _badge_course(request: HttpRequest, slug: str) -> Course:
    """A published course, or one that issued certificates: their badges stay verifiable once
    the course is unpublished."""
    certified = Certificate.objects.values("enrolment__course_id")
    course = (Course.objects.filter(Q(status=Status.PUBLISHED) | Q(pk__in=certified))
              .filter(slug=slug).first())
    if course is None:
        raise Http404("No course has this badge.")
    return course


def badge_class(request: HttpRequest, slug: str) -> HttpResponse:
    return _json_ld(badges.badge_class_json(_badge_course(request, slug)))


def badge_image(request: HttpRequest, slug: str) -> HttpResponse:
    course = _badge_course(request, slug)
    return HttpResponse(badges.badge_png(course.title), content_type="image/png")


def badge_assertion(request: HttpRequest, code: str) -> HttpResponse:
    certificate = _certificate(request, code)
    if certificate.is_revoked:
        return _json_ld(badges.revoked_json(certificate), status=410)
    return _json_ld(badges.assertion_json(certificate))


def badge_baked(request: HttpRequest, code: str) -> HttpResponse:
    certificate = _certificate(request, code)
    if certificate.is_revoked:
        raise Http404("This certificate was revoked.")
    response = HttpResponse(badges.baked_badge(certificate), content_type="image/png")
    response["Content-Disposition"] = 'attachment; filename="net-works-badge.png"'
    return response

