"""Work package 2: the methodology inventory, roundtables, study visits, publications and the
dissemination log.

Methodologies and publications are public items: they follow the shared publish workflow
(netw/workflow.py). Roundtables and study visits are the core's scheduled events
(``netw.events.models.ScheduledEvent``); ``methodologies/calendar.py`` puts them in the portal's
calendar.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from netw import roles
from netw.events.models import ScheduledEvent
from netw.languages import record_language_choices
from netw.licences import LicensedModel
from netw.models import OwnedModel, TimeStampedModel
from netw.timezones import validate_timezone as netw_validate_timezone
from netw.topics import TOPIC_SLUGS, TOPICS
from netw.translations import TRANSLATION_CONSTRAINTS, TranslatableQuerySet, TranslatableRecord
from netw.uploads import FileCheck, private_storage
from netw.workflow import PublishableModel, PublishableQuerySet
from netw.workpackages import WorkPackage

from .vocabulary import (
    ActivityKind,
    Audience,
    LearningSetting,
    PublicationKind,
)

WP = WorkPackage.PEDAGOGY


# --- Methodologies -----------------------------------------------------------------------------


class MethodologyQuerySet(TranslatableQuerySet, PublishableQuerySet):
    def in_country(self, code: str) -> MethodologyQuerySet:
        return self.filter(country=code)

    def for_list(self) -> MethodologyQuerySet:
        """What a list row shows, fetched in a fixed number of queries."""
        return self.select_related("owner_partner").prefetch_related("target_groups", "sectors")

    def search(self, text: str, *, limit: int | None = None) -> MethodologyQuerySet:
        """Ranked full-text search (PostgreSQL) or a plain search (SQLite); see search.py.
        ``limit``: rank at most that many candidates (a list page)."""
        from methodologies.search import search_methodologies

        return search_methodologies(self, text, limit=limit)


class Methodology(TranslatableRecord, OwnedModel, PublishableModel, LicensedModel):
    """A successful work-based adult education methodology, as its authors describe it.

    A translation (``translation_of``) carries its own text; its facts (target groups, country,
    …) are the original's."""

    work_package = WP
    translatable_fields = ("title", "summary", "body", "problem", "duration", "evidence",
                           "transfer", "resources")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address"), max_length=220, unique=True, editable=False)
    language = models.CharField(_("written in"), max_length=10, choices=record_language_choices,
                                default="en")
    summary = models.TextField(
        _("summary"), max_length=600, blank=True,
        help_text=_("Two or three sentences shown in lists and search results."))
    body = models.TextField(_("full description"), blank=True,
                            help_text=_("Markdown: **bold**, *italics*, lists, links, tables."))
    problem = models.TextField(_("problem it answers"), blank=True)
    # The registry's vocabularies, so a methodology and the providers using it speak alike.
    target_groups = models.ManyToManyField("providers.TargetGroup", verbose_name=_("target groups"),
                                           blank=True, related_name="methodologies")
    sectors = models.ManyToManyField("providers.Sector", verbose_name=_("sectors"), blank=True,
                                     related_name="methodologies")
    learning_setting = models.CharField(_("learning setting"), max_length=20, blank=True,
                                        choices=LearningSetting.choices)
    duration = models.CharField(_("duration"), max_length=100, blank=True,
                                help_text=_("For example: 6 months, 120 hours."))
    country = CountryField(_("country of origin"), blank=True)
    origin_provider = models.ForeignKey(
        "providers.Provider", verbose_name=_("provider of origin"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="wp2_methodologies",
        help_text=_("The provider that developed it, if it is in the registry."))
    origin_organisation = models.CharField(
        _("organisation of origin"), max_length=200, blank=True,
        help_text=_("The organisation that developed it, if it is not in the registry."))
    evidence = models.TextField(_("evidence of results"), blank=True)
    transfer = models.TextField(_("how to transfer it"), blank=True)
    resources = models.TextField(_("resources"), blank=True,
                                 help_text=_("Links, contacts and material, in Markdown."))
    related = models.ManyToManyField("self", verbose_name=_("related methodologies"),
                                     blank=True, symmetrical=True)
    # Kept up to date by a database trigger on PostgreSQL (migration 0002); unused on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)
    # The tags' names in every interface language, searched with the text (netw/search.py).
    search_tags = models.TextField(blank=True, default="", editable=False)

    history = HistoricalRecords(excluded_fields=["search_vector", "search_tags"])
    objects = MethodologyQuerySet.as_manager()

    class Meta:
        verbose_name = _("methodology")
        verbose_name_plural = _("methodologies")
        ordering = ["-published_at", "title"]
        indexes = [models.Index(fields=["status", "country"])]
        constraints = [*TRANSLATION_CONSTRAINTS]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("methodologies:methodology_detail", args=[self.slug])

    def missing_for_publication(self) -> dict[str, str]:
        required = _("Required for publication.")
        if self.translation_of_id:  # the facts are the original's
            return {name: str(required) for name in ("title", "summary", "body", "problem",
                                                     "evidence", "transfer")
                    if not getattr(self, name)}
        missing = {name: str(required) for name in (
            "summary", "body", "problem", "learning_setting", "country", "evidence", "transfer",
        ) if not getattr(self, name)}
        if self.pk and not self.target_groups.exists():
            missing["target_groups"] = str(_("Choose at least one target group."))
        return missing


class Attachment(TimeStampedModel):
    """A file that comes with a methodology; served only to those who may see the methodology."""

    methodology = models.ForeignKey(Methodology, on_delete=models.CASCADE,
                                    related_name="attachments")
    title = models.CharField(_("title"), max_length=200)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES,
                                default="en")
    file = models.FileField(_("file"), storage=private_storage,
                            upload_to="methodologies/attachments/%Y/", validators=[FileCheck()])
    size = models.PositiveBigIntegerField(_("size"), default=0, editable=False)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, related_name="+", editable=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["title", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("methodologies:attachment_download", args=[self.methodology.slug, self.pk])

    @property
    def download_name(self) -> str:
        return self.file.name.rsplit("/", 1)[-1]


# --- Events: roundtables and study visits share one shape ------------------------------------


# The event base and the zone check are the core's (netw.events); the names stay importable here
# because this app's migrations 0001 and 0005 name ``methodologies.models.validate_timezone``.
validate_timezone = netw_validate_timezone


class EventQuerySet(models.QuerySet):
    def upcoming(self):
        from django.utils import timezone

        return self.filter(ends_at__gte=timezone.now()).order_by("starts_at")

    def past(self):
        from django.utils import timezone

        return self.filter(ends_at__lt=timezone.now()).order_by("-starts_at")


class RoundtableQuerySet(EventQuerySet):
    def visible_to(self, user) -> RoundtableQuerySet:
        """Public roundtables for everyone; every roundtable for the partners' staff."""
        if roles.is_partner_member(user) or roles.is_coordinator(user):
            return self.all()
        return self.filter(is_public=True)

    def involving(self, user) -> RoundtableQuerySet:
        """The calendar's "mine": their partner's roundtables, and those they take part in."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(Q(owner_partner_id__in=roles.partner_ids(user))
                           | Q(pk__in=Roundtable.participants.through.objects.filter(
                               user=user).values("roundtable_id")))


class Roundtable(ScheduledEvent):
    """A roundtable on work-based adult education methodologies."""

    work_package = WP

    theme = models.CharField(_("theme"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    is_public = models.BooleanField(
        _("shown to the public"), default=True,
        help_text=_("Visitors see the date, theme and conclusions of a public roundtable."))
    methodologies = models.ManyToManyField(
        Methodology, verbose_name=_("methodologies discussed"), blank=True,
        related_name="roundtables")
    outcomes = models.ManyToManyField(
        Methodology, verbose_name=_("methodologies that came out of it"), blank=True,
        related_name="originating_roundtables")
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("participants"), blank=True,
        related_name="roundtables")
    other_participants = models.TextField(
        _("other participants"), blank=True,
        help_text=_("People without an account here, one per line."))
    conclusions = models.TextField(_("conclusions"), blank=True)

    history = HistoricalRecords()
    objects = RoundtableQuerySet.as_manager()

    class Meta:
        verbose_name = _("roundtable")
        verbose_name_plural = _("roundtables")
        ordering = ["-starts_at"]

    def get_absolute_url(self) -> str:
        return reverse("methodologies:roundtable_detail", args=[self.pk])


# --- Publications ------------------------------------------------------------------------------


class PublicationQuerySet(TranslatableQuerySet, PublishableQuerySet):
    def for_list(self) -> PublicationQuerySet:
        return self.select_related("owner_partner").prefetch_related("files")


class Publication(TranslatableRecord, OwnedModel, PublishableModel, LicensedModel):
    """An output of the project (the Guidebook on external communication, …) in several
    languages: a file per language (``PublicationFile``), and the record's own text (title,
    summary) translated as translations (``translation_of``), whose files are the original's."""

    work_package = WP
    translatable_fields = ("title", "summary")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address"), max_length=220, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=PublicationKind.choices,
                            default=PublicationKind.GUIDEBOOK)
    language = models.CharField(_("written in"), max_length=10, choices=record_language_choices,
                                default="en")
    summary = models.TextField(_("summary"), blank=True)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)

    history = HistoricalRecords()
    objects = PublicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ["-issued_on", "title"]
        constraints = [*TRANSLATION_CONSTRAINTS]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("methodologies:publication_detail", args=[self.slug])

    @property
    def citation_year(self) -> int:
        """A publication is cited by the year it was issued (the original's: the facts)."""
        issued = self.original.issued_on
        return issued.year if issued else super().citation_year

    def missing_for_publication(self) -> dict[str, str]:
        missing = {}
        if self.translation_of_id:  # the files are the original's
            return {name: str(_("Required for publication.")) for name in ("title", "summary")
                    if not getattr(self, name)}
        if not self.summary:
            missing["summary"] = str(_("Required for publication."))
        if self.pk and not self.files.exists():
            missing["files"] = str(_("Upload the file in at least one language."))
        return missing


class PublicationFile(TimeStampedModel):
    """One language version of a publication."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="files")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    file = models.FileField(_("file"), storage=private_storage,
                            upload_to="methodologies/publications/%Y/",
                            validators=[FileCheck(["pdf", "epub", "docx", "odt"],
                                                  max_bytes=50 * 1024 * 1024)])
    size = models.PositiveBigIntegerField(_("size"), default=0, editable=False)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, related_name="+", editable=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("language version")
        verbose_name_plural = _("language versions")
        ordering = ["language"]
        constraints = [models.UniqueConstraint(fields=["publication", "language"],
                                               name="one_file_per_publication_language")]

    def __str__(self) -> str:
        return f"{self.publication} ({self.get_language_display()})"

    def get_absolute_url(self) -> str:
        return reverse("methodologies:publication_file_download",
                       args=[self.publication.slug, self.language])

    @property
    def download_name(self) -> str:
        extension = self.file.name.rsplit(".", 1)[-1].lower()
        return f"{self.publication.slug}-{self.language}.{extension}"


# --- Dissemination log -------------------------------------------------------------------------


class DisseminationQuerySet(models.QuerySet):
    def visible_to(self, user) -> DisseminationQuerySet:
        """The whole log for the partners' staff; nothing for visitors."""
        if roles.is_partner_member(user) or roles.is_coordinator(user):
            return self.all()
        return self.none()


class DisseminationActivity(OwnedModel):
    """One communication or dissemination activity, for the funder's report."""

    work_package = WP

    kind = models.CharField(_("type"), max_length=20, choices=ActivityKind.choices)
    date = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=200)
    channel = models.CharField(_("channel"), max_length=200,
                               help_text=_("Where it happened: event name, newspaper, platform."))
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices)
    people_reached = models.PositiveIntegerField(_("people reached"), default=0)
    country = CountryField(_("country"), blank=True)
    link = models.URLField(_("link"), blank=True)
    evidence = models.FileField(_("evidence"), storage=private_storage, blank=True,
                                upload_to="methodologies/dissemination/%Y/",
                                validators=[FileCheck()],
                                help_text=_("A photo, a screenshot or an agenda."))
    notes = models.TextField(_("notes"), blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES,
                                default="en")

    history = HistoricalRecords()
    objects = DisseminationQuerySet.as_manager()

    class Meta:
        verbose_name = _("dissemination activity")
        verbose_name_plural = _("dissemination activities")
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["date"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("methodologies:dissemination_edit", args=[self.pk])



# --- Study visits and matchmaking (new network → established network) -------------------------


def _topic_choices():
    return [(slug, name) for slug, name, _description in TOPICS]


def validate_topics(value) -> None:
    unknown = set(value or []) - set(TOPIC_SLUGS)
    if unknown:
        raise ValidationError(_("Unknown topics: %(topics)s"),
                              params={"topics": ", ".join(sorted(unknown))})


class MatchmakingProfile(TimeStampedModel):
    """What a network wants to learn (an emerging one) or can offer (an established one), by the
    five capacity-building topics."""

    network = models.OneToOneField("providers.Network", verbose_name=_("network"),
                                   on_delete=models.CASCADE, related_name="wp2_profile")
    wants = models.JSONField(_("wants to learn about"), default=list, blank=True,
                             validators=[validate_topics])
    offers = models.JSONField(_("can offer"), default=list, blank=True,
                              validators=[validate_topics])
    notes = models.TextField(_("notes"), blank=True,
                             help_text=_("What exactly you hope to learn, or can show."))
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+", editable=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("matchmaking profile")
        verbose_name_plural = _("matchmaking profiles")

    def __str__(self) -> str:
        return str(self.network)

    def topic_names(self, slugs) -> list[str]:
        names = dict(_topic_choices())
        return [str(names[s]) for s in slugs if s in names]

    @property
    def wants_names(self) -> list[str]:
        return self.topic_names(self.wants)

    @property
    def offers_names(self) -> list[str]:
        return self.topic_names(self.offers)


def _partners_of_visit(partner_ids) -> Q:
    """The organiser, and the partners representing the visiting and the host network."""
    return (Q(owner_partner_id__in=partner_ids)
            | Q(visiting_network__representing_partner_id__in=partner_ids)
            | Q(host_network__representing_partner_id__in=partner_ids))


class StudyVisitQuerySet(EventQuerySet):
    def visible_to(self, user) -> StudyVisitQuerySet:
        """Coordinators and WP2 leads see every visit; a partner sees the visits it organises
        and those of the networks it represents, visiting or hosting; visitors see none."""
        if roles.is_coordinator(user) or int(WP) in roles.led_work_packages(user):
            return self.all()
        ids = roles.partner_ids(user)
        if not ids:
            return self.none()
        return self.filter(_partners_of_visit(ids))

    def involving(self, user) -> StudyVisitQuerySet:
        """The calendar's "mine": visits the user's partners take part in, or the user does."""
        ids = roles.partner_ids(user)
        return self.filter(_partners_of_visit(ids) | Q(participants=user)).distinct()


class StudyVisit(ScheduledEvent):
    """A one-to-one study visit of an emerging network to an established one."""

    work_package = WP

    visiting_network = models.ForeignKey(
        "providers.Network", verbose_name=_("visiting network (emerging)"),
        on_delete=models.PROTECT, related_name="wp2_visits_made")
    host_network = models.ForeignKey(
        "providers.Network", verbose_name=_("host network (established)"),
        on_delete=models.PROTECT, related_name="wp2_visits_hosted")
    topics = models.JSONField(_("topics"), default=list, blank=True, validators=[validate_topics])
    objectives = models.TextField(_("objectives"))
    programme = models.TextField(_("programme"), blank=True)
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("participants"), blank=True,
        related_name="study_visits")
    other_participants = models.TextField(_("other participants"), blank=True,
                                          help_text=_("People without an account here."))
    report = models.TextField(_("report"), blank=True,
                              help_text=_("Afterwards: what happened, whom you met."))
    lessons_learnt = models.TextField(_("lessons learnt"), blank=True)

    history = HistoricalRecords()
    objects = StudyVisitQuerySet.as_manager()

    class Meta:
        verbose_name = _("study visit")
        verbose_name_plural = _("study visits")
        ordering = ["-starts_at"]

    def get_absolute_url(self) -> str:
        return reverse("methodologies:studyvisit_detail", args=[self.pk])

    def clean(self) -> None:
        errors = {}
        try:
            super().clean()
        except ValidationError as exc:
            errors.update(exc.message_dict)
        visiting = self.visiting_network if self.visiting_network_id else None
        host = self.host_network if self.host_network_id else None
        if visiting and visiting.maturity != "emerging":
            errors["visiting_network"] = [_("The visiting network must be an emerging one.")]
        if host and host.maturity != "established":
            errors["host_network"] = [_("The host network must be an established one.")]
        if errors:
            raise ValidationError(errors)

    @property
    def topic_names(self) -> list[str]:
        names = dict(_topic_choices())
        return [str(names[s]) for s in self.topics if s in names]


# --- Adoptions: which providers use a methodology ---------------------------------------------


class Adoption(OwnedModel):
    """A provider has adopted a methodology: where, since when, with what result."""

    methodology = models.ForeignKey(Methodology, verbose_name=_("methodology"),
                                    on_delete=models.CASCADE, related_name="adoptions")
    provider = models.ForeignKey("providers.Provider", verbose_name=_("provider"),
                                 on_delete=models.CASCADE, related_name="wp2_adoptions")
    place = models.CharField(_("where"), max_length=200, blank=True,
                             help_text=_("The site or programme where it is used."))
    since = models.DateField(_("since"), null=True, blank=True)
    result = models.TextField(_("result"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("adoption")
        verbose_name_plural = _("adoptions")
        ordering = ["-since", "pk"]
        constraints = [models.UniqueConstraint(fields=["methodology", "provider"],
                                               name="one_adoption_per_provider")]

    def __str__(self) -> str:
        return f"{self.provider} · {self.methodology}"
