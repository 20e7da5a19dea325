"""Work package 1: peer-to-peer sessions between partners, from planning to minutes and feedback.

Times are stored in UTC; each session also keeps the IANA zone it was planned in, so its wall-clock
time ("10:00 in Brussels") survives daylight-saving changes and is what the .ics files carry.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from netw import roles
from netw.events.models import new_feed_token
from netw.models import OwnedModel, TimeStampedModel
from netw.recoverable import AliveManager, RecoverableModel, RecoverableQuerySet
from netw.timezones import DEFAULT_TIMEZONE, TIMEZONE_CHOICES  # noqa: F401 - re-exported
from netw.timezones import validate_timezone as netw_validate_timezone
from netw.topics import TOPICS
from netw.uploads import private_storage
from netw.workpackages import WorkPackage

# The core's zone check (netw.timezones); the names stay importable here because migration 0001
# names ``peersessions.models.validate_timezone`` and ``_new_feed_token``.
validate_timezone = netw_validate_timezone
_new_feed_token = new_feed_token

_CANONICAL_TOPICS = {slug: (name, description) for slug, name, description in TOPICS}


class TopicQuerySet(models.QuerySet):
    def visible_to(self, user) -> TopicQuerySet:
        """Topics are public: everyone sees them (the sessions held on them have their rule)."""
        return self.all()


class Topic(TimeStampedModel):
    """A capacity-building topic: the kick-off note's five are seeded; coordinators add more."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES,
                                default="en")
    position = models.PositiveSmallIntegerField(_("position"), default=100)

    history = HistoricalRecords()
    objects = TopicQuerySet.as_manager()

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return str(self.display_name)

    @property
    def display_name(self) -> str:
        """The seeded topics are shown in the reader's language; added ones as written."""
        canonical = _CANONICAL_TOPICS.get(self.slug)
        return canonical[0] if canonical else self.name

    @property
    def display_description(self) -> str:
        canonical = _CANONICAL_TOPICS.get(self.slug)
        return canonical[1] if canonical else self.description

    def get_absolute_url(self) -> str:
        return reverse("peersessions:topic_detail", args=[self.slug])


class SessionQuerySet(models.QuerySet):
    def visible_to(self, user) -> SessionQuerySet:
        """Sessions ``user`` may know about.

        Visitors see public sessions once scheduled; partner members see every scheduled or
        cancelled session (peer learning is open across the partnership) and their own partner's
        drafts; invitees and facilitators see theirs; WP1 leads and coordinators see everything.
        """
        announced = ~Q(status=Session.Status.DRAFT)
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.filter(announced, is_public=True)
        if roles.is_coordinator(user) or WorkPackage.CAPACITY_BUILDING in roles.led_work_packages(
                user):
            return self.all()
        partner_ids = roles.partner_ids(user)
        if partner_ids:
            visible = announced | Q(owner_partner_id__in=partner_ids)
        else:
            visible = announced & Q(is_public=True)
        invited = Participant.objects.filter(user=user).values("session_id")
        facilitated = Session.facilitators.through.objects.filter(user=user).values("session_id")
        return self.filter(visible | Q(created_by=user) | Q(pk__in=invited)
                           | Q(pk__in=facilitated))

    def involving(self, user) -> SessionQuerySet:
        """The user's events: hosted by their partner, facilitated, or invited (not declined)."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        invited = Participant.objects.filter(user=user).exclude(rsvp=Participant.Rsvp.DECLINED)
        facilitated = Session.facilitators.through.objects.filter(user=user)
        return self.filter(
            Q(owner_partner_id__in=roles.partner_ids(user))
            | Q(pk__in=invited.values("session_id"))
            | Q(pk__in=facilitated.values("session_id"))
        ).exclude(status=Session.Status.DRAFT)

    def with_viewer_roles(self, user) -> SessionQuerySet:
        """Whether ``user`` is invited to / facilitates each session, read in the same query
        (``viewer_invited``, ``viewer_facilitates``): the rules use them when present, so a list
        can ask them per row without a query per row."""
        if not getattr(user, "is_authenticated", False):
            return self.annotate(viewer_invited=models.Value(False),
                                 viewer_facilitates=models.Value(False))
        return self.annotate(
            viewer_invited=models.Exists(Participant.objects.filter(
                session=models.OuterRef("pk"), user=user)),
            viewer_facilitates=models.Exists(Session.facilitators.through.objects.filter(
                session=models.OuterRef("pk"), user=user)))

    def between(self, start: datetime, end: datetime) -> SessionQuerySet:
        return self.filter(starts_at__lt=end, ends_at__gt=start)

    def announced(self) -> SessionQuerySet:
        return self.exclude(status=Session.Status.DRAFT)

    def held(self) -> SessionQuerySet:
        return self.filter(status=Session.Status.SCHEDULED, ends_at__lte=timezone.now())

    def upcoming(self) -> SessionQuerySet:
        return self.filter(status=Session.Status.SCHEDULED, ends_at__gt=timezone.now())

    def for_lists(self) -> SessionQuerySet:
        return self.select_related("topic", "owner_partner")


class Session(OwnedModel):
    """A peer-to-peer session hosted by one partner (its ``owner_partner``)."""

    work_package = WorkPackage.CAPACITY_BUILDING

    class Format(models.TextChoices):
        ONLINE = "online", _("Online")
        IN_PERSON = "in_person", _("In person")
        HYBRID = "hybrid", _("Hybrid")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        CANCELLED = "cancelled", _("Cancelled")

    uid = models.UUIDField(_("calendar identifier"), default=uuid.uuid4, unique=True,
                           editable=False)
    title = models.CharField(_("title"), max_length=200)
    topic = models.ForeignKey(Topic, verbose_name=_("topic"), on_delete=models.PROTECT,
                              related_name="sessions")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES,
                                default="en",
                                help_text=_("The language the session is held and written in."))
    format = models.CharField(_("format"), max_length=12, choices=Format.choices,
                              default=Format.ONLINE)
    place = models.CharField(_("place"), max_length=255, blank=True,
                             help_text=_("Address or room, for sessions in person or hybrid."))
    meeting_url = models.URLField(_("meeting link"), blank=True,
                                  help_text=_("For online and hybrid sessions."))
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"))
    # Validated against zoneinfo rather than stored as choices: the list changes with tzdata.
    timezone = models.CharField(_("time zone"), max_length=64, default=DEFAULT_TIMEZONE,
                                validators=[validate_timezone])
    agenda = models.TextField(_("agenda"), blank=True)
    facilitators = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("facilitators"),
                                          blank=True, related_name="facilitated_sessions")
    external_facilitators = models.CharField(
        _("other facilitators"), max_length=255, blank=True,
        help_text=_("Names of facilitators who have no account here."))
    invited_partners = models.ManyToManyField("providers.Partner",
                                              verbose_name=_("invited partners"), blank=True,
                                              related_name="session_invitations")
    is_public = models.BooleanField(
        _("public"), default=False,
        help_text=_("Public sessions appear on the public calendar and its feed."))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices,
                              default=Status.DRAFT, db_index=True)
    sequence = models.PositiveIntegerField(
        _("revision"), default=0, editable=False,
        help_text=_("Raised on every change invitees must know about (iCalendar SEQUENCE)."))
    minutes = models.TextField(_("minutes"), blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True,
                                            editable=False)
    feedback_requested_at = models.DateTimeField(_("feedback requested at"), null=True,
                                                 blank=True, editable=False)

    history = HistoricalRecords(excluded_fields=["reminder_sent_at", "feedback_requested_at"])
    objects = SessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("peer-to-peer session")
        verbose_name_plural = _("peer-to-peer sessions")
        ordering = ["-starts_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")),
                                   name="session_ends_after_it_starts"),
        ]
        indexes = [models.Index(fields=["owner_partner", "starts_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("peersessions:session_detail", args=[self.pk])

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def local_starts_at(self) -> datetime:
        return timezone.localtime(self.starts_at, self.zone)

    @property
    def local_ends_at(self) -> datetime:
        return timezone.localtime(self.ends_at, self.zone)

    @property
    def host(self):
        return self.owner_partner

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def has_ended(self) -> bool:
        return self.ends_at <= timezone.now()

    @property
    def has_started(self) -> bool:
        return self.starts_at <= timezone.now()


class Participant(TimeStampedModel):
    """One person invited to a session, their answer, and whether they actually came."""

    class Rsvp(models.TextChoices):
        PENDING = "pending", _("No answer yet")
        ATTENDING = "attending", _("Attending")
        DECLINED = "declined", _("Not attending")

    session = models.ForeignKey(Session, verbose_name=_("session"), on_delete=models.CASCADE,
                                related_name="participants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("person"),
                             on_delete=models.CASCADE, related_name="session_participations")
    via_partner = models.ForeignKey("providers.Partner", verbose_name=_("invited with partner"),
                                    on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+")
    rsvp = models.CharField(_("answer"), max_length=12, choices=Rsvp.choices,
                            default=Rsvp.PENDING)
    rsvp_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    invited_at = models.DateTimeField(_("invitation sent at"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["user__last_name", "user__first_name", "user__email"]
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="one_participant_per_person"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.session}"


class MaterialQuerySet(models.QuerySet):
    def visible_to(self, user) -> MaterialQuerySet:
        """The materials of the sessions the person may see (downloading one also needs
        ``peersessions.view_session_details`` on its session)."""
        return self.filter(session__in=Session.objects.visible_to(user))


class Material(TimeStampedModel):
    """A file shared for a session, stored privately and served only to people who may see it."""

    session = models.ForeignKey(Session, verbose_name=_("session"), on_delete=models.CASCADE,
                                related_name="materials")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="peersessions/materials/%Y/%m/",
                            storage=private_storage, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=120)
    size = models.PositiveIntegerField(_("size"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES,
                                default="en")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"),
                                    on_delete=models.SET_NULL, null=True, related_name="+")

    history = HistoricalRecords()
    objects = MaterialQuerySet.as_manager()

    class Meta:
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        ordering = ["title", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("peersessions:material_download", args=[self.pk])


class KeyLearning(TimeStampedModel):
    """One thing the participants learnt; gathered per topic as raw material for the MOOC."""

    session = models.ForeignKey(Session, verbose_name=_("session"), on_delete=models.CASCADE,
                                related_name="learnings")
    text = models.TextField(_("key learning"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES,
                                default="en")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("key learning")
        verbose_name_plural = _("key learnings")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


class FollowUpActionQuerySet(RecoverableQuerySet):
    def open(self) -> FollowUpActionQuerySet:
        return self.filter(done_at__isnull=True)

    def visible_to(self, user) -> FollowUpActionQuerySet:
        """The actions of the sessions the person may see."""
        return self.filter(session__in=Session.objects.visible_to(user))


class FollowUpAction(TimeStampedModel, RecoverableModel):
    """Something to do after a session, by one person, by a date.

    Deleting one hides it (netw.recoverable): it leaves the lists and the reminders, and its
    history keeps it; the people who may delete it may restore it.
    """

    session = models.ForeignKey(Session, verbose_name=_("session"), on_delete=models.CASCADE,
                                related_name="actions")
    description = models.CharField(_("action"), max_length=500)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("owner"),
                              on_delete=models.PROTECT, related_name="session_actions")
    due_on = models.DateField(_("due on"))
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("added by"),
                                   on_delete=models.SET_NULL, null=True, blank=True,
                                   editable=False, related_name="+")
    due_reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    overdue_reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    history = HistoricalRecords(excluded_fields=["due_reminder_sent_at",
                                                 "overdue_reminder_sent_at"])
    # Deleted actions are not in ``objects`` (related managers, lists, reminders).
    objects = AliveManager.from_queryset(FollowUpActionQuerySet)()
    all_objects = FollowUpActionQuerySet.as_manager()

    class Meta:
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.description

    @property
    def is_overdue(self) -> bool:
        return self.done_at is None and self.due_on < timezone.localdate()


class Feedback(TimeStampedModel):
    """A participant's view of a session: how useful it was (1–5) and a comment."""

    session = models.ForeignKey(Session, verbose_name=_("session"), on_delete=models.CASCADE,
                                related_name="feedback")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("person"),
                             on_delete=models.CASCADE, related_name="session_feedback")
    usefulness = models.PositiveSmallIntegerField(
        _("usefulness"), validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("1 = not useful, 5 = very useful."))
    comment = models.TextField(_("comment"), blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES,
                                default="en")

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="one_feedback_per_person"),
            models.CheckConstraint(condition=Q(usefulness__gte=1) & Q(usefulness__lte=5),
                                   name="feedback_usefulness_1_to_5"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.session} · {self.usefulness}"


# The MOOC's models live in their own module (peersessions/courses/) and are registered here.
from peersessions.courses.models import (  # noqa: E402, F401
    Certificate,
    Choice,
    Course,
    CourseModule,
    Enrolment,
    LearnerProfile,
    Lesson,
    LessonFile,
    LessonProgress,
    Question,
    QuizAttempt,
)
