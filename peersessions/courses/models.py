"""The MOOC's records: courses, modules, lessons and quizzes (authored by the partners and
published through the shared workflow), and the learners' enrolments, progress, quiz attempts
and certificates.

Nothing here is ever hard-deleted once a learner has used it: a removed lesson or question keeps
its row (``removed_at``) so that progress, attempts and certificates stay valid.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from netw.languages import record_language_choices
from netw.licences import LicensedModel
from netw.models import OwnedModel, TimeStampedModel
from netw.translations import TRANSLATION_CONSTRAINTS, TranslatableQuerySet, TranslatableRecord
from netw.uploads import FileCheck, private_storage
from netw.workflow import PublishableModel, PublishableQuerySet
from netw.workpackages import WorkPackage
from providers.models import Network, Provider


class CourseLevel(models.TextChoices):
    INTRODUCTORY = "introductory", _("introductory")
    INTERMEDIATE = "intermediate", _("intermediate")
    ADVANCED = "advanced", _("advanced")


def new_certificate_code() -> str:
    return secrets.token_urlsafe(16)


class CourseQuerySet(TranslatableQuerySet, PublishableQuerySet):
    def for_catalogue(self) -> CourseQuerySet:
        return self.select_related("owner_partner").prefetch_related("topics")

    # --- The learner's side (peersessions/courses/learning.py) ---

    def visible_to(self, user) -> CourseQuerySet:
        """The shared workflow's rule, plus the courses the person is enrolled in: a course
        unpublished after learners enrolled stays open to them (the catalogue hides it)."""
        visible = super().visible_to(user)
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return visible
        enrolled = Enrolment.objects.filter(learner=user).values("course_id")
        return self.filter(Q(pk__in=visible.values("pk")) | Q(pk__in=enrolled))


class Course(TranslatableRecord, OwnedModel, PublishableModel, LicensedModel):
    """A MOOC course: authored by partner members, reviewed and published by the WP1 leads.

    A translation (``translation_of``, netw/translations.py) is a course of its own: its
    modules and lessons written in its language by the translating partner, reviewed and
    published like any course; enrolments, certificates and figures stay per course."""

    work_package = WorkPackage.CAPACITY_BUILDING
    translatable_fields = ("title", "summary", "outcomes")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address"), max_length=220, unique=True, editable=False)
    summary = models.TextField(_("summary"), max_length=800, blank=True)
    language = models.CharField(_("language"), max_length=10, choices=record_language_choices,
                                default="en")
    level = models.CharField(_("level"), max_length=20, choices=CourseLevel.choices,
                             default=CourseLevel.INTRODUCTORY)
    estimated_hours = models.DecimalField(
        _("estimated hours"), max_digits=5, decimal_places=1, null=True, blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(500)])
    outcomes = models.TextField(_("learning outcomes"), blank=True,
                                help_text=_("One outcome per line: what a learner can do after."))
    topics = models.ManyToManyField("peersessions.Topic", verbose_name=_("topics"), blank=True,
                                    related_name="courses")

    history = HistoricalRecords(m2m_fields=["topics"])
    objects = CourseQuerySet.as_manager()

    class Meta:
        app_label = "peersessions"
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["title", "pk"]
        constraints = [*TRANSLATION_CONSTRAINTS]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        """The public course page once published; before that, its authors' page (where the
        review e-mails lead the WP1 leads)."""
        if self.is_published:
            return reverse("peersessions:course_detail", args=[self.slug])
        return reverse("peersessions:course_author_detail", args=[self.slug])

    @property
    def outcome_list(self) -> list[str]:
        return [line.strip() for line in self.outcomes.splitlines() if line.strip()]

    def missing_for_publication(self) -> dict[str, str]:
        required = str(_("Required for publication."))
        missing = {name: required for name in ("summary", "outcomes", "estimated_hours")
                   if not getattr(self, name)}
        if self.pk and not Lesson.objects.filter(module__course=self,
                                                 removed_at__isnull=True).exists():
            missing["modules"] = str(_("A course needs at least one module with a lesson."))
        return missing


class CourseModule(TimeStampedModel):
    """A part of a course: ordered lessons; may credit the peer sessions it was made from."""

    course = models.ForeignKey(Course, verbose_name=_("course"), on_delete=models.CASCADE,
                               related_name="modules")
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    source_sessions = models.ManyToManyField(
        "peersessions.Session", verbose_name=_("made from the sessions"), blank=True,
        related_name="course_modules")
    removed_at = models.DateTimeField(null=True, blank=True, editable=False)

    history = HistoricalRecords(m2m_fields=["source_sessions"])

    class Meta:
        app_label = "peersessions"
        verbose_name = _("course module")
        verbose_name_plural = _("course modules")
        ordering = ["course", "position", "pk"]

    def __str__(self) -> str:
        return self.title


class LessonQuerySet(models.QuerySet):
    def active(self) -> LessonQuerySet:
        """Lessons a learner follows now: neither the lesson nor its module removed."""
        return self.filter(removed_at__isnull=True, module__removed_at__isnull=True)

    def in_order(self) -> LessonQuerySet:
        return self.order_by("module__position", "module_id", "position", "pk")

    def visible_to(self, user) -> LessonQuerySet:
        """The lessons of the courses the person may see (reading one beyond the first also
        needs an enrolment: peersessions.read_lesson)."""
        return self.filter(module__course__in=Course.objects.visible_to(user))


class Lesson(TimeStampedModel):
    """A lesson: sanitised Markdown text, an optional video with its transcript, downloadable
    files and an optional quiz (its questions) with a pass mark."""

    module = models.ForeignKey(CourseModule, verbose_name=_("module"), on_delete=models.CASCADE,
                               related_name="lessons")
    title = models.CharField(_("title"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    body = models.TextField(_("text"), blank=True,
                            help_text=_("Markdown: **bold**, *italics*, lists, links, images."))
    video_url = models.URLField(_("video link"), blank=True)
    video_transcript = models.TextField(
        _("video transcript"), blank=True,
        help_text=_("Required with a video: the words of the video for those who cannot "
                    "watch or hear it."))
    pass_mark = models.PositiveSmallIntegerField(
        _("quiz pass mark (%)"), default=70, validators=[MaxValueValidator(100)])
    removed_at = models.DateTimeField(null=True, blank=True, editable=False)

    history = HistoricalRecords()
    objects = LessonQuerySet.as_manager()

    class Meta:
        app_label = "peersessions"
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        ordering = ["module", "position", "pk"]

    def __str__(self) -> str:
        return self.title


IMAGE_EXTENSIONS = ("png", "jpg", "jpeg")


class LessonFileQuerySet(models.QuerySet):
    def visible_to(self, user) -> LessonFileQuerySet:
        return self.filter(lesson__in=Lesson.objects.visible_to(user))


class LessonFile(TimeStampedModel):
    """A downloadable material of a lesson (stored privately, served by an access-checked view)."""

    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="files")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), storage=private_storage, max_length=255,
                            upload_to="peersessions/courses/%Y/", validators=[FileCheck()])
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+")

    objects = LessonFileQuerySet.as_manager()

    class Meta:
        app_label = "peersessions"
        verbose_name = _("lesson file")
        verbose_name_plural = _("lesson files")
        ordering = ["lesson", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_image(self) -> bool:
        """PNG and JPEG files are shown in the lesson as images (their title is the text
        alternative); the sanitised Markdown itself allows no <img>."""
        return self.file.name.lower().rsplit(".", 1)[-1] in IMAGE_EXTENSIONS


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("one answer")
    MULTIPLE = "multiple", _("several answers")


class Question(TimeStampedModel):
    lesson = models.ForeignKey(Lesson, verbose_name=_("lesson"), on_delete=models.CASCADE,
                               related_name="questions")
    text = models.TextField(_("question"))
    kind = models.CharField(_("answers"), max_length=10, choices=QuestionKind.choices,
                            default=QuestionKind.SINGLE)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    removed_at = models.DateTimeField(null=True, blank=True, editable=False)

    history = HistoricalRecords()

    class Meta:
        app_label = "peersessions"
        verbose_name = _("quiz question")
        verbose_name_plural = _("quiz questions")
        ordering = ["lesson", "position", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


class Choice(TimeStampedModel):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("answer"), max_length=500)
    is_correct = models.BooleanField(_("correct"), default=False)
    feedback = models.TextField(_("feedback"), blank=True,
                                help_text=_("Shown to the learner after choosing this answer."))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    history = HistoricalRecords()

    class Meta:
        app_label = "peersessions"
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["question", "position", "pk"]

    def __str__(self) -> str:
        return self.text


# --- Learners ---------------------------------------------------------------------------------


class LearnerProfile(TimeStampedModel):
    """A MOOC learner's own details. Learners sign up themselves and never gain partner rights;
    the provider or network they name makes their completions count for it."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="learner_profile")
    display_name = models.CharField(_("name on certificates"), max_length=200)
    provider = models.ForeignKey(Provider, verbose_name=_("provider you work for"), null=True,
                                 blank=True, on_delete=models.SET_NULL,
                                 related_name="learners")
    network = models.ForeignKey(Network, verbose_name=_("network you work for"), null=True,
                                blank=True, on_delete=models.SET_NULL, related_name="learners")
    organisation = models.CharField(
        _("organisation"), max_length=200, blank=True,
        help_text=_("If your organisation is not in the registry, type its name."))
    country = CountryField(_("country"), blank=True)
    progress_reminders = models.BooleanField(
        _("remind me when I have not progressed for two weeks"), default=True)

    class Meta:
        app_label = "peersessions"
        verbose_name = _("learner profile")
        verbose_name_plural = _("learner profiles")

    def __str__(self) -> str:
        return self.display_name


class EnrolmentQuerySet(models.QuerySet):
    def visible_to(self, user) -> EnrolmentQuerySet:
        """A learner's own enrolments (the leads read figures, not other people's rows)."""
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        return self.filter(learner=user)


class Enrolment(TimeStampedModel):
    course = models.ForeignKey(Course, verbose_name=_("course"), on_delete=models.PROTECT,
                               related_name="enrolments")
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("learner"),
                                on_delete=models.CASCADE, related_name="enrolments")
    last_lesson = models.ForeignKey(Lesson, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", editable=False)
    last_activity_at = models.DateTimeField(default=timezone.now, editable=False)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True,
                                        editable=False)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        app_label = "peersessions"
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["-created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["course", "learner"],
                                               name="enrolment_once_per_course")]
        indexes = [models.Index(fields=["completed_at", "last_activity_at"])]

    def __str__(self) -> str:
        return f"{self.learner} · {self.course}"


class LessonProgress(models.Model):
    """A lesson done by an enrolled learner: one row, written once."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="progress")
    lesson = models.ForeignKey(Lesson, on_delete=models.PROTECT, related_name="progress")
    completed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        app_label = "peersessions"
        verbose_name = _("lesson done")
        verbose_name_plural = _("lessons done")
        constraints = [models.UniqueConstraint(fields=["enrolment", "lesson"],
                                               name="lessonprogress_once")]

    def __str__(self) -> str:
        return f"{self.enrolment} · {self.lesson}"


class QuizAttempt(models.Model):
    """One submitted quiz. ``nonce`` comes from the quiz form, so the same form sent twice (two
    tabs, a double click) counts once."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE,
                                  related_name="quiz_attempts")
    lesson = models.ForeignKey(Lesson, on_delete=models.PROTECT, related_name="quiz_attempts")
    nonce = models.CharField(max_length=64)
    score = models.PositiveSmallIntegerField(_("score (%)"),
                                             validators=[MaxValueValidator(100)])
    passed = models.BooleanField(_("passed"))
    # Question id → the chosen answer ids, for the lead's "most often failed" statistics.
    answers = models.JSONField(default=dict)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        app_label = "peersessions"
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["-created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["enrolment", "lesson", "nonce"],
                                               name="quizattempt_once_per_form")]

    def __str__(self) -> str:
        return f"{self.enrolment} · {self.lesson} · {self.score} %"


class CertificateQuerySet(models.QuerySet):
    def visible_to(self, user) -> CertificateQuerySet:
        """Certificates are public to whoever holds their code: the code is the secret, and the
        verification page shows only what the certificate itself says."""
        return self.all()

    def valid(self) -> CertificateQuerySet:
        return self.filter(revoked_at__isnull=True)


class Certificate(TimeStampedModel):
    """Proof that a learner completed a course: what it certifies is copied at issue time, so a
    later edit of the course or the profile does not change a certificate already given."""

    enrolment = models.OneToOneField(Enrolment, on_delete=models.PROTECT,
                                     related_name="certificate")
    code = models.CharField(max_length=40, unique=True, default=new_certificate_code,
                            editable=False)
    learner_name = models.CharField(_("learner"), max_length=200)
    course_title = models.CharField(_("course"), max_length=200)
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1, null=True,
                                blank=True)
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    provider = models.ForeignKey(Provider, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="course_certificates")
    network = models.ForeignKey(Network, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="course_certificates")
    country = CountryField(_("country"), blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True, editable=False)
    revoked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   editable=False, on_delete=models.SET_NULL, related_name="+")
    revoked_reason = models.TextField(_("reason for revoking"), blank=True)

    history = HistoricalRecords()
    objects = CertificateQuerySet.as_manager()

    class Meta:
        app_label = "peersessions"
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at", "pk"]
        constraints = [models.CheckConstraint(
            condition=Q(revoked_at__isnull=True) | ~Q(revoked_reason=""),
            name="certificate_revoked_with_reason")]

    def __str__(self) -> str:
        return f"{self.learner_name} · {self.course_title}"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def get_absolute_url(self) -> str:
        return reverse("peersessions:certificate_verify", args=[self.code])
