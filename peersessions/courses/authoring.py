"""The authors' operations on a course: saving it, its modules, lessons, files and quiz
questions, ordering and removing them, and "start from the sessions" (a module made from a
topic's key learnings and materials).

The publish workflow itself (submit, publish, return) is the shared one in netw/workflow.py.
A lesson, module or question that a learner used (progress, quiz attempts) is never deleted: it
gets ``removed_at`` so that the learners' progress and certificates stay valid; one nobody used
is deleted for good.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from netw import roles
from netw.text import latin_slug
from netw.uploads import FileCheck
from peersessions.courses.models import QuestionKind
from peersessions.models import (
    Choice,
    Course,
    CourseModule,
    KeyLearning,
    Lesson,
    LessonFile,
    Material,
    Question,
    QuizAttempt,
    Session,
    Topic,
)

# Addresses of the MOOC's own pages under /courses/ (the learners' and the authors'), which a
# course's address must not take.
RESERVED_SLUGS = {"author", "new", "mine", "signup", "sign-up", "certificates", "certificate",
                  "badges", "badge", "verify", "learner", "learners", "statistics", "me"}


# --- What belongs to a course (for lookups scoped by a course already checked) -----------------


def course_modules(course: Course) -> QuerySet:
    """The course's modules that are not removed, in order."""
    return course.modules.filter(removed_at__isnull=True).order_by("position", "pk")


def course_lessons(course: Course) -> QuerySet:
    """The course's lessons (removed ones too: the caller narrows), in order."""
    return Lesson.objects.filter(module__course=course).order_by(
        "module__position", "module__pk", "position", "pk")


def lesson_questions(lesson: Lesson) -> QuerySet:
    return lesson.questions.filter(removed_at__isnull=True).order_by("position", "pk")


def course_outline(course: Course) -> list[CourseModule]:
    """The modules with their current lessons (``module.current_lessons``) and each lesson's
    question and file counts: three queries whatever the size of the course."""
    from django.db.models import Count, Prefetch, Q

    lessons = (Lesson.objects.filter(removed_at__isnull=True).order_by("position", "pk")
               .annotate(question_count=Count("questions", distinct=True,
                                              filter=Q(questions__removed_at__isnull=True)),
                         file_count=Count("files", distinct=True)))
    return list(course_modules(course)
                .prefetch_related(Prefetch("lessons", queryset=lessons,
                                           to_attr="current_lessons"),
                                  "source_sessions__owner_partner"))


# --- Courses -----------------------------------------------------------------------------------


def _unique_slug(title: str, *, exclude_pk: int | None = None) -> str:
    base = latin_slug(title, 200) or "course"
    if base in RESERVED_SLUGS:
        base = f"{base}-course"
    taken = Course.objects.exclude(pk=exclude_pk) if exclude_pk else Course.objects.all()
    slug, n = base, 1
    while taken.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def course_save(*, course: Course, by, topics: Iterable[Topic] | None = None) -> Course:
    """Create or change a course (its status is the workflow's business). A published course
    stays published; its history keeps the previous version."""
    if course.pk is None:
        course.created_by = by
        if not course.owner_partner_id:
            membership = roles.primary_membership(by)
            if membership is None:
                raise PermissionDenied(_("Only the partners' staff may write courses."))
            course.owner_partner = membership.partner
    course.updated_by = by
    if not course.slug:
        course.slug = _unique_slug(course.title)
    course.save()
    if topics is not None:
        course.topics.set(topics)
    return course


def _touch(course: Course, by) -> None:
    """A change inside the course is a change of the course (its 'last change', its history)."""
    course.updated_by = by
    course._change_reason = "content changed"
    course.save(update_fields=["updated_by", "updated_at"])


# --- Modules -----------------------------------------------------------------------------------


@transaction.atomic
def module_save(*, module: CourseModule, by) -> CourseModule:
    if module.pk is None:
        last = module.course.modules.aggregate(m=Max("position"))["m"]
        module.position = 0 if last is None else last + 1
    module.save()
    _touch(module.course, by)
    return module


def _used_lessons(lessons: QuerySet) -> QuerySet:
    """The lessons learners have done or answered."""
    return lessons.filter(pk__in=_used_lesson_ids(lessons))


def _used_lesson_ids(lessons: QuerySet) -> set[int]:
    from peersessions.models import LessonProgress

    ids = list(lessons.values_list("pk", flat=True))
    return (set(LessonProgress.objects.filter(lesson_id__in=ids).values_list("lesson_id",
                                                                             flat=True))
            | set(QuizAttempt.objects.filter(lesson_id__in=ids).values_list("lesson_id",
                                                                            flat=True)))


def lesson_is_used(lesson: Lesson) -> bool:
    return bool(_used_lesson_ids(Lesson.objects.filter(pk=lesson.pk)))


@transaction.atomic
def module_remove(*, module: CourseModule, by) -> bool:
    """Remove a module and its lessons. Returns True when it was deleted for good (nobody used
    any of its lessons), False when it was only marked removed."""
    course = module.course
    lessons = Lesson.objects.filter(module=module)
    if _used_lesson_ids(lessons):
        now = timezone.now()
        module.removed_at = now
        module.save(update_fields=["removed_at", "updated_at"])
        for lesson in lessons.filter(removed_at__isnull=True):
            lesson.removed_at = now
            lesson.save(update_fields=["removed_at", "updated_at"])
        deleted = False
    else:
        module.delete()
        deleted = True
    _renumber(course_modules(course))
    _touch(course, by)
    return deleted


# --- Lessons -----------------------------------------------------------------------------------


@transaction.atomic
def lesson_save(*, lesson: Lesson, by) -> Lesson:
    if lesson.pk is None:
        last = lesson.module.lessons.aggregate(m=Max("position"))["m"]
        lesson.position = 0 if last is None else last + 1
    lesson.save()
    _touch(lesson.module.course, by)
    return lesson


@transaction.atomic
def lesson_remove(*, lesson: Lesson, by) -> bool:
    """Remove a lesson: deleted for good if no learner did or answered it, else marked removed
    (their progress, attempts and certificates keep pointing at it). True when deleted."""
    module = lesson.module
    if lesson_is_used(lesson):
        lesson.removed_at = timezone.now()
        lesson.save(update_fields=["removed_at", "updated_at"])
        deleted = False
    else:
        for attached in lesson.files.all():
            attached.file.delete(save=False)
        lesson.delete()
        deleted = True
    _renumber(module.lessons.filter(removed_at__isnull=True).order_by("position", "pk"))
    _touch(module.course, by)
    return deleted


def _renumber(rows: QuerySet) -> None:
    for position, row in enumerate(rows):
        if row.position != position:
            type(row).objects.filter(pk=row.pk).update(position=position)


@transaction.atomic
def item_move(*, item: CourseModule | Lesson | Question, siblings: QuerySet, up: bool,
              by) -> None:
    """Move a module, lesson or question one place up or down among its current siblings (an
    ordered queryset that contains it). Nothing happens at either end."""
    rows = list(siblings.select_for_update())
    index = next((i for i, row in enumerate(rows) if row.pk == item.pk), None)
    if index is None:
        return
    other = index - 1 if up else index + 1
    if not 0 <= other < len(rows):
        return
    rows[index], rows[other] = rows[other], rows[index]
    for position, row in enumerate(rows):
        if row.position != position:
            type(row).objects.filter(pk=row.pk).update(position=position)
    course = item.course if isinstance(item, CourseModule) else (
        item.module.course if isinstance(item, Lesson) else item.lesson.module.course)
    _touch(course, by)


# --- Lesson files ------------------------------------------------------------------------------


@transaction.atomic
def lessonfile_add(*, lesson: Lesson, title: str, upload, by) -> LessonFile:
    """Attach a file (checked by FileCheck on the model field: a file that is not what its name
    says was refused by the form already)."""
    attached = LessonFile.objects.create(lesson=lesson, title=title, file=upload, uploaded_by=by)
    _touch(lesson.module.course, by)
    return attached


@transaction.atomic
def lessonfile_remove(*, attached: LessonFile, by) -> None:
    course = attached.lesson.module.course
    attached.file.delete(save=False)
    attached.delete()
    _touch(course, by)


# --- Quiz questions ----------------------------------------------------------------------------


@dataclass
class ChoiceData:
    text: str
    is_correct: bool
    feedback: str = ""
    pk: int | None = None


def question_is_answered(question: Question) -> bool:
    """Whether some learner's quiz attempt recorded an answer to this question."""
    if question.pk is None:
        return False
    return QuizAttempt.objects.filter(lesson_id=question.lesson_id,
                                      answers__has_key=str(question.pk)).exists()


def validate_choices(kind: str, choices: list[ChoiceData]) -> None:
    """A question offers at least two answers; one answer questions have exactly one correct
    answer, several answers questions at least one."""
    if len(choices) < 2:
        raise ValidationError(_("Give at least two answers to choose from."))
    correct = sum(1 for c in choices if c.is_correct)
    if kind == QuestionKind.SINGLE and correct != 1:
        raise ValidationError(_("A question with one answer needs exactly one correct answer; "
                                "%(count)d are marked correct.") % {"count": correct})
    if kind == QuestionKind.MULTIPLE and correct < 1:
        raise ValidationError(_("Mark at least one answer as correct."))


@transaction.atomic
def question_save(*, question: Question, choices: list[ChoiceData], by) -> Question:
    """Create or change a quiz question with its answers, in the order given. Answers keep their
    ids when edited (learners' attempts name them); an answered question's answers may be
    reworded but none removed."""
    validate_choices(question.kind, choices)
    if question.pk is None:
        last = question.lesson.questions.aggregate(m=Max("position"))["m"]
        question.position = 0 if last is None else last + 1
    question.save()
    existing = {c.pk: c for c in question.choices.all()}
    kept = {c.pk for c in choices if c.pk in existing}
    dropped = [pk for pk in existing if pk not in kept]
    if dropped and question_is_answered(question):
        raise ValidationError(_("Learners have answered this question: its answers can be "
                                "reworded but not removed. Remove the question and write a new "
                                "one instead."))
    Choice.objects.filter(pk__in=dropped).delete()
    for position, data in enumerate(choices):
        row = existing.get(data.pk) or Choice(question=question)
        row.text, row.is_correct, row.feedback, row.position = (
            data.text, data.is_correct, data.feedback, position)
        row.save()
    _touch(question.lesson.module.course, by)
    return question


@transaction.atomic
def question_remove(*, question: Question, by) -> bool:
    """Deleted for good if nobody answered it, else marked removed. True when deleted."""
    lesson = question.lesson
    if question_is_answered(question):
        question.removed_at = timezone.now()
        question.save(update_fields=["removed_at", "updated_at"])
        deleted = False
    else:
        question.delete()
        deleted = True
    _renumber(lesson_questions(lesson))
    _touch(lesson.module.course, by)
    return deleted


# --- Start from the sessions -------------------------------------------------------------------


def topic_sessions_for(user, topic: Topic) -> QuerySet:
    """The sessions of ``topic`` that ``user`` may see and read the details of (learnings,
    materials), held ones first. Public held sessions are what a module should start from;
    the others are offered, never chosen for the author."""
    from peersessions.rules import can_see_details

    sessions = (Session.objects.visible_to(user).filter(topic=topic)
                .exclude(status=Session.Status.DRAFT)
                .select_related("owner_partner").order_by("-starts_at", "-pk"))
    if not can_see_details(user):  # not in the partnership: only public sessions' outcomes
        sessions = sessions.filter(is_public=True)
    return sessions


@dataclass
class ModuleFromTopic:
    module: CourseModule
    learnings: int = 0
    files: list[LessonFile] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # materials FileCheck would not take


@transaction.atomic
def course_module_from_topic(*, course: Course, topic: Topic, by,
                             sessions: Iterable[Session],
                             materials: Iterable[Material] = ()) -> ModuleFromTopic:
    """A draft module made from a topic's sessions: one lesson listing the key learnings of the
    chosen sessions (credited below it), and one lesson with the chosen materials copied as
    lesson files. The module credits the sessions (``source_sessions``).

    Only what the author chose is used, and only among what they may see: sessions of the topic
    they may read the details of, and materials of those sessions. A material of a session that
    is not public becomes part of the course only because the author ticked it.
    """
    allowed_sessions = topic_sessions_for(by, topic)
    chosen = list(allowed_sessions.filter(pk__in=[s.pk for s in sessions]))
    if not chosen:
        raise ValidationError(_("Choose at least one session of this topic."))
    chosen_ids = [s.pk for s in chosen]
    files = list(Material.objects.visible_to(by)
                 .filter(session_id__in=chosen_ids, pk__in=[m.pk for m in materials])
                 .select_related("session").order_by("session__starts_at", "title", "pk"))
    learnings = list(KeyLearning.objects.filter(session_id__in=chosen_ids)
                     .select_related("session").order_by("session__starts_at", "created_at",
                                                         "pk"))
    module = module_save(module=CourseModule(
        course=course, title=str(topic.display_name),
        summary=_("Made from what the peer sessions on this topic learnt.")), by=by)
    module.source_sessions.set(chosen)
    result = ModuleFromTopic(module=module, learnings=len(learnings))
    lines = [_("What the partners learnt in the peer-to-peer sessions on this topic:"), ""]
    lines += [f"- {' '.join(item.text.split())}" for item in learnings] or [
        "- " + _("(No key learning was recorded yet: write this lesson yourself.)")]
    lines += ["", "*" + _("From the sessions: %(sessions)s.") % {"sessions": "; ".join(
        f"{s.title} ({s.owner_partner.short_name}, {s.starts_at:%Y-%m-%d})" for s in chosen)}
        + "*"]
    lesson_save(lesson=Lesson(module=module, title=_("Key learnings"), body="\n".join(lines)),
                by=by)
    if files:
        material_lesson = lesson_save(lesson=Lesson(
            module=module, title=_("Materials from the sessions"),
            body=_("The materials shared in the sessions, to download below.")), by=by)
        check = FileCheck()
        for material in files:
            result_file = _copy_material(material, material_lesson, check, by)
            if result_file is None:
                result.refused.append(material.title)
            else:
                result.files.append(result_file)
    return result


def _copy_material(material: Material, lesson: Lesson, check: FileCheck, by
                   ) -> LessonFile | None:
    """A copy of the material's file in the course's own storage: the course outlives the
    session's files, and its licence covers what it holds. None when the file is gone or is not
    what its name says."""
    name = Path(material.original_name or material.file.name).name
    try:
        with material.file.open("rb") as source:
            content = ContentFile(source.read(), name=name)
    except OSError:
        return None
    try:
        check(content)
    except ValidationError:
        return None
    content.seek(0)
    return LessonFile.objects.create(lesson=lesson, title=material.title, file=content,
                                     uploaded_by=by)
