"""Work package 3 (cooperation and financial sustainability).

The repertoire of financial-sustainability good practices: a partner member describes how a
provider, a network or an outside organisation pays its way; the practice follows the shared
publish workflow (netw/workflow.py), reviewed by the WP3 leads and the coordinators.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from methodologies.models import DisseminationActivity, Methodology
from netw import roles, search
from netw.events.models import ScheduledEvent
from netw.languages import record_language_choices
from netw.licences import LicensedModel
from netw.models import OwnedModel, TimeStampedModel
from netw.recoverable import AliveManager, RecoverableModel, RecoverableQuerySet
from netw.translations import TRANSLATION_CONSTRAINTS, TranslatableQuerySet, TranslatableRecord
from netw.uploads import FileCheck, private_storage
from netw.workflow import PublishableModel, PublishableQuerySet
from netw.workpackages import WorkPackage
from providers.models import Network, Partner, Provider, Sector, Stakeholder, TargetGroup
from providers.vocabulary import Level


class FundingModel(models.Model):
    """How a practice is paid for: a small vocabulary seeded by migration, kept by coordinators
    in the admin."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("funding model")
        verbose_name_plural = _("funding models")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        # The seeded names are in the catalogue; a coordinator's own wording passes through.
        return gettext(self.name)


# What the repertoire's search reads (netw/search.py); the trigger of migration 0005 weighs the
# same columns on PostgreSQL.
PRACTICE_SEARCH = search.SearchSpec(
    weights={"A": ("title",), "B": ("summary",),
             "C": ("problem", "how_it_works", "resources", "results", "transferability",
                   "organisation")},
    shown=("summary", "how_it_works"),
    tags=("target_groups", "sectors"),
)


class GoodPracticeQuerySet(TranslatableQuerySet, PublishableQuerySet):
    def for_list(self) -> GoodPracticeQuerySet:
        """What a list row shows, fetched in a fixed number of queries."""
        return (self.select_related("owner_partner", "funding_model")
                .prefetch_related("sectors", "target_groups"))

    def search(self, text: str, *, limit: int | None = None) -> GoodPracticeQuerySet:
        """Ranked full-text search (PostgreSQL) or a plain search (SQLite): netw/search.py.
        ``limit``: rank at most that many candidates (a list page)."""
        return search.ranked_search(self, text, PRACTICE_SEARCH, limit=limit)

    def shared_by(self, partner_slug: str) -> GoodPracticeQuerySet:
        return self.filter(owner_partner__slug=partner_slug)


class GoodPractice(TranslatableRecord, OwnedModel, PublishableModel, LicensedModel):
    """A financial-sustainability practice of a provider, a network or an outside organisation,
    as a partner describes it. A translation (``translation_of``) carries its own text; its facts
    (funding model, country, …) are the original's."""

    work_package = WorkPackage.SUSTAINABILITY
    translatable_fields = ("title", "summary", "problem", "how_it_works", "resources", "results",
                           "transferability")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address"), max_length=220, unique=True, editable=False)
    language = models.CharField(_("written in"), max_length=10, choices=record_language_choices,
                                default="en")
    summary = models.TextField(
        _("summary"), max_length=600, blank=True,
        help_text=_("Two or three sentences shown in lists and search results."))
    funding_model = models.ForeignKey(
        FundingModel, verbose_name=_("funding model"), on_delete=models.PROTECT, null=True,
        blank=True, related_name="practices")
    country = CountryField(_("country"), blank=True)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, blank=True)
    provider = models.ForeignKey(
        Provider, verbose_name=_("provider"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="wp3_practices",
        help_text=_("The provider whose practice it is, if it is in the registry."))
    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="wp3_practices",
        help_text=_("The network whose practice it is, if it is in the registry."))
    organisation = models.CharField(
        _("organisation"), max_length=200, blank=True,
        help_text=_("The organisation whose practice it is, if it is not in the registry."))
    problem = models.TextField(_("problem it solved"), blank=True)
    how_it_works = models.TextField(_("how it works"), blank=True,
                                    help_text=_("Markdown: **bold**, *italics*, lists, links."))
    resources = models.TextField(_("resources needed"), blank=True,
                                 help_text=_("People, money, partners, time."))
    results = models.TextField(_("results"), blank=True)
    revenue_share = models.DecimalField(
        _("share of revenue (%)"), max_digits=5, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("The share of the organisation's income this practice brings, 0 to 100."))
    years_running = models.PositiveSmallIntegerField(_("years running"), null=True, blank=True)
    transferability = models.TextField(
        _("transferability and conditions"), blank=True,
        help_text=_("What another organisation needs for it to work elsewhere."))
    sectors = models.ManyToManyField(Sector, verbose_name=_("sectors"), blank=True,
                                     related_name="wp3_practices")
    target_groups = models.ManyToManyField(TargetGroup, verbose_name=_("target groups"),
                                           blank=True, related_name="wp3_practices")
    # Where the partners presented it: entries of WP2's dissemination log (partners-only; the
    # public page shows how many times, not which).
    presented_at = models.ManyToManyField(
        DisseminationActivity, verbose_name=_("presented at"), blank=True,
        related_name="wp3_practices",
        help_text=_("Activities of the dissemination log where this practice was presented."))
    # Kept up to date by a database trigger on PostgreSQL (migration 0005); unused on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)
    # The tags' names in every interface language, searched with the text (netw/search.py).
    search_tags = models.TextField(blank=True, default="", editable=False)

    history = HistoricalRecords(m2m_fields=["sectors", "target_groups", "presented_at"],
                                excluded_fields=["search_vector", "search_tags"])
    objects = GoodPracticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")
        ordering = ["-published_at", "title"]
        indexes = [models.Index(fields=["status", "country"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(revenue_share__isnull=True)
                | Q(revenue_share__gte=0, revenue_share__lte=100),
                name="goodpractice_revenue_share_percent"),
            *TRANSLATION_CONSTRAINTS,
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("sustainability:goodpractice_detail", args=[self.slug])

    @property
    def organisation_name(self) -> str:
        """Whose practice it is: the registry's provider or network, or the named organisation."""
        for record in (self.provider, self.network):
            if record is not None:
                return record.name
        return self.organisation

    def missing_for_publication(self) -> dict[str, str]:
        required = str(_("Required for publication."))
        if self.translation_of_id:  # the facts are the original's
            return {name: required for name in (
                "title", "summary", "problem", "how_it_works", "results", "transferability",
            ) if not getattr(self, name)}
        missing = {name: required for name in (
            "summary", "funding_model", "country", "level", "problem", "how_it_works",
            "results", "transferability",
        ) if not getattr(self, name)}
        if not self.organisation_name:
            missing["organisation"] = str(_("Name the organisation, or choose its provider or "
                                            "network in the registry."))
        return missing


class GoodPracticeAttachment(TimeStampedModel):
    """A file that comes with a good practice (a business plan, a contract template, a leaflet);
    served only to those who may see the practice."""

    practice = models.ForeignKey(GoodPractice, on_delete=models.CASCADE,
                                 related_name="attachments")
    title = models.CharField(_("title"), max_length=200)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES,
                                default="en")
    file = models.FileField(_("file"), storage=private_storage,
                            upload_to="sustainability/practices/%Y/", validators=[FileCheck()])
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
        return reverse("sustainability:goodpractice_attachment_download",
                       args=[self.practice.slug, self.pk])

    @property
    def download_name(self) -> str:
        return self.file.name.rsplit("/", 1)[-1]


# --- Policy recommendations and their uptake ------------------------------------------------------


class AddresseeType(models.Model):
    """Whom a recommendation addresses (ministries, ESF+ managing authorities, municipalities,
    the EU institutions…): seeded by migration, kept by coordinators in the admin."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("addressee type")
        verbose_name_plural = _("addressee types")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return gettext(self.name)


# What the recommendations' search reads (netw/search.py); migration 0008's trigger weighs the same
# columns on PostgreSQL.
RECOMMENDATION_SEARCH = search.SearchSpec(
    weights={"A": ("title",), "B": ("summary",), "C": ("text",)},
    shown=("summary", "text"),
    tags=("addressees",),
)


class RecommendationQuerySet(TranslatableQuerySet, PublishableQuerySet):
    def for_list(self) -> RecommendationQuerySet:
        return self.select_related("owner_partner").prefetch_related("addressees")

    def search(self, text: str, *, limit: int | None = None) -> RecommendationQuerySet:
        """The good practices' ranked full-text search (PostgreSQL) or plain search (SQLite)."""
        return search.ranked_search(self, text, RECOMMENDATION_SEARCH, limit=limit)

    def addressing(self, country: str) -> RecommendationQuerySet:
        """The recommendations that name ``country`` among the countries they address. The codes
        are stored comma-separated ("HU,PT"): two letters never match across a comma."""
        code = (country or "").upper()
        if len(code) != 2 or not code.isalpha():
            return self.none()
        return self.filter(countries__contains=code)


class Recommendation(TranslatableRecord, OwnedModel, PublishableModel, LicensedModel):
    """A policy recommendation of the sustainability roadmap, grounded in practices and
    methodologies, reviewed like the good practices. A translation (``translation_of``) carries
    its own text; its facts (level, countries, grounding) and its uptake are the original's."""

    work_package = WorkPackage.SUSTAINABILITY
    translatable_fields = ("title", "summary", "text")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address"), max_length=220, unique=True, editable=False)
    language = models.CharField(_("written in"), max_length=10, choices=record_language_choices,
                                default="en")
    summary = models.TextField(
        _("summary"), max_length=600, blank=True,
        help_text=_("Two or three sentences shown in lists and search results."))
    text = models.TextField(_("recommendation"), blank=True,
                            help_text=_("Markdown: **bold**, *italics*, lists, links."))
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, blank=True)
    countries = CountryField(_("countries addressed"), multiple=True, blank=True,
                             help_text=_("Leave empty for a Europe-wide recommendation."))
    addressees = models.ManyToManyField(AddresseeType, verbose_name=_("addressed to"),
                                        blank=True, related_name="recommendations")
    good_practices = models.ManyToManyField(
        GoodPractice, verbose_name=_("good practices that ground it"), blank=True,
        related_name="recommendations")
    methodologies = models.ManyToManyField(
        Methodology, verbose_name=_("methodologies that ground it"), blank=True,
        related_name="wp3_recommendations")
    expert_meeting = models.ForeignKey(
        "ExpertMeeting", verbose_name=_("expert meeting it came from"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="recommendations")

    search_vector = SearchVectorField(null=True, editable=False)
    # The addressees' names in every interface language, searched with the text.
    search_tags = models.TextField(blank=True, default="", editable=False)

    history = HistoricalRecords(m2m_fields=["addressees", "good_practices", "methodologies"],
                                excluded_fields=["search_vector", "search_tags"])
    objects = RecommendationQuerySet.as_manager()

    class Meta:
        verbose_name = _("policy recommendation")
        verbose_name_plural = _("policy recommendations")
        ordering = ["-published_at", "title"]
        constraints = [*TRANSLATION_CONSTRAINTS]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("sustainability:recommendation_detail", args=[self.slug])

    def missing_for_publication(self) -> dict[str, str]:
        required = str(_("Required for publication."))
        if self.translation_of_id:  # the facts are the original's
            return {name: required for name in ("title", "summary", "text")
                    if not getattr(self, name)}
        missing = {name: required for name in ("summary", "text", "level")
                   if not getattr(self, name)}
        if self.pk and not self.addressees.exists():
            missing["addressees"] = str(_("Say whom the recommendation is addressed to."))
        return missing

    @property
    def is_europe_wide(self) -> bool:
        """No country named: the recommendation addresses every country (and its uptake may be
        recorded in any)."""
        return not self.countries

    def addresses_country(self, code: str) -> bool:
        return self.is_europe_wide or code in {c.code for c in self.countries}


class UptakeStage(models.IntegerChoices):
    """How far a recommendation has come in a country, in order."""

    PRESENTED = 1, _("presented")
    DISCUSSED = 2, _("discussed")
    ENDORSED = 3, _("endorsed")
    ADOPTED = 4, _("taken into a policy, programme or law")


class UptakeStepQuerySet(models.QuerySet):
    def visible_to(self, user) -> UptakeStepQuerySet:
        """The steps of the recommendations the person may see: visitors those of published
        recommendations (steps are only recorded on published ones)."""
        if roles.is_coordinator(user):
            return self.all()
        return self.filter(recommendation__in=Recommendation.objects.visible_to(user)
                           .values("pk"))

    def for_list(self) -> UptakeStepQuerySet:
        return self.select_related("recommendation", "owner_partner", "stakeholder",
                                   "created_by")

    def chronological(self) -> UptakeStepQuerySet:
        return self.order_by("date", "pk")

    def standing(self) -> dict[tuple[int, str], Standing]:
        """Where each recommendation stands in each country, from these steps (one query):
        (recommendation id, country code) → :class:`Standing`."""
        found: dict[tuple[int, str], Standing] = {}
        rows = self.order_by("date", "pk").values_list("recommendation_id", "country", "stage",
                                                         "date")
        for recommendation_id, country, stage, date in rows:
            key = (recommendation_id, str(country))
            before = found.get(key)
            found[key] = Standing(
                highest=max(stage, before.highest) if before else stage, current=stage,
                latest=date, steps=(before.steps if before else 0) + 1)
        return found


@dataclass(frozen=True)
class Standing:
    """Where a recommendation stands in one country: the highest stage it reached, the stage of
    its latest step (lower when it went back), the latest step's date and how many steps."""

    highest: int
    current: int
    latest: datetime.date
    steps: int

    @property
    def went_back(self) -> bool:
        return self.current < self.highest

    @property
    def highest_label(self) -> str:
        return UptakeStage(self.highest).label

    @property
    def current_label(self) -> str:
        return UptakeStage(self.current).label


class UptakeStep(OwnedModel):
    """One step of a recommendation's uptake in one country, as a partner recorded it. Steps are
    never overwritten: the latest step per recommendation and country is where it stands."""

    recommendation = models.ForeignKey(Recommendation, verbose_name=_("recommendation"),
                                       on_delete=models.CASCADE, related_name="uptake_steps")
    country = CountryField(_("country"))
    stage = models.PositiveSmallIntegerField(_("stage"), choices=UptakeStage.choices)
    stakeholder = models.ForeignKey(
        Stakeholder,
        verbose_name=_("with stakeholder"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="wp3_uptake_steps")
    date = models.DateField(_("date"))
    evidence_link = models.URLField(_("evidence (link)"), blank=True)
    evidence_file = models.FileField(_("evidence (file)"), storage=private_storage, blank=True,
                                     upload_to="sustainability/uptake/%Y/",
                                     validators=[FileCheck()])
    note = models.TextField(_("note"), blank=True)
    reason = models.TextField(
        _("reason"), blank=True,
        help_text=_("Required when the stage goes back from the one recorded before."))

    history = HistoricalRecords()
    objects = UptakeStepQuerySet.as_manager()

    class Meta:
        verbose_name = _("uptake step")
        verbose_name_plural = _("uptake steps")
        ordering = ["recommendation", "country", "-date", "-pk"]
        indexes = [models.Index(fields=["recommendation", "country", "date"])]

    def __str__(self) -> str:
        return f"{self.recommendation} · {self.country.name} · {self.get_stage_display()}"

    def previous_step(self) -> UptakeStep | None:
        """The step this one follows: the latest one of the same recommendation and country
        dated on or before it (a step filled in afterwards for an earlier date follows the
        steps before that date, not the latest one)."""
        if not self.recommendation_id or not self.country or not self.date:
            return None
        earlier = UptakeStep.objects.filter(recommendation_id=self.recommendation_id,
                                            country=self.country, date__lte=self.date)
        if self.pk:
            earlier = earlier.exclude(pk=self.pk)
        return earlier.order_by("-date", "-pk").first()

    def clean(self) -> None:
        """A step belongs to a country the recommendation addresses (any country for a
        Europe-wide one), has happened, and goes back a stage only with a reason."""
        super().clean()
        errors: dict[str, str] = {}
        if self.recommendation_id and self.country and not self.recommendation.addresses_country(
                str(self.country)):
            errors["country"] = _(
                "This recommendation does not address %(country)s. It addresses: "
                "%(countries)s.") % {
                    "country": self.country.name,
                    "countries": ", ".join(str(c.name) for c in self.recommendation.countries)}
        if self.date and self.date > timezone.localdate():
            errors["date"] = _("Record a step once it has happened: the date is in the future.")
        if "country" not in errors and self.stage and not (self.reason or "").strip():
            previous = self.previous_step()
            if previous is not None and self.stage < previous.stage:
                errors["reason"] = _(
                    "The step before (%(date)s) had reached “%(stage)s”: say why it went back.")\
                    % {"date": date_format(previous.date),
                       "stage": previous.get_stage_display()}
        if errors:
            raise ValidationError(errors)


# --- The sustainability roadmap: phases, milestones, commitments ---------------------------------


class MilestoneStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    ON_TRACK = "on_track", _("on track")
    LATE = "late", _("late")
    DONE = "done", _("done")
    DROPPED = "dropped", _("dropped")


def _sees_whole_roadmap(user) -> bool:
    """The partners' staff see the whole roadmap (drafted phases and milestones, unconfirmed
    commitments of their own); visitors see its public version."""
    from netw import roles

    return roles.is_coordinator(user) or roles.is_partner_member(user)


class RoadmapPhaseQuerySet(models.QuerySet):
    def visible_to(self, user) -> RoadmapPhaseQuerySet:
        """Public phases for everyone; every phase for the partners' staff."""
        return self.all() if _sees_whole_roadmap(user) else self.filter(is_public=True)


class RoadmapPhase(OwnedModel):
    """A phase of the sustainability roadmap over the project's years and beyond."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    is_public = models.BooleanField(_("shown to the public"), default=False)

    history = HistoricalRecords()
    objects = RoadmapPhaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("roadmap phase")
        verbose_name_plural = _("roadmap phases")
        ordering = ["starts_on", "pk"]
        constraints = [models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")),
                                              name="roadmapphase_ends_after_start")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("sustainability:roadmap") + f"#phase-{self.pk}"

    def clean(self) -> None:
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _(
                "A phase cannot end before it starts (%(date)s).")
                % {"date": date_format(self.starts_on)}})
        if self.pk and self.starts_on:
            early = self.milestones.filter(due_on__lt=self.starts_on).order_by("due_on").first()
            if early is not None:
                raise ValidationError({"starts_on": _(
                    "The milestone “%(title)s” is due on %(date)s, before this start: move it "
                    "first, or start the phase earlier.")
                    % {"title": early.title, "date": date_format(early.due_on)}})


MILESTONE_CLOSED = (MilestoneStatus.DONE, MilestoneStatus.DROPPED)


class MilestoneQuerySet(models.QuerySet):
    def visible_to(self, user) -> MilestoneQuerySet:
        """Public milestones of public phases for everyone; every milestone for the partners'
        staff."""
        if _sees_whole_roadmap(user):
            return self.all()
        return self.filter(is_public=True, phase__is_public=True)

    def late(self, today=None) -> MilestoneQuerySet:
        """Past their due date and neither done nor dropped (whatever the stored status says),
        or marked late by hand."""
        today = today or timezone.localdate()
        return self.filter(Q(due_on__lt=today) | Q(status=MilestoneStatus.LATE)).exclude(
            status__in=MILESTONE_CLOSED)

    def shown_as(self, status: str, today=None) -> MilestoneQuerySet:
        """The milestones whose shown status (``Milestone.shown_status``) is ``status``."""
        if status == MilestoneStatus.LATE:
            return self.late(today)
        if status in MILESTONE_CLOSED:
            return self.filter(status=status)
        return self.filter(status=status).exclude(pk__in=self.late(today).values("pk"))


class Milestone(OwnedModel):
    """A milestone of a roadmap phase; its owner partner is the one responsible for it."""

    phase = models.ForeignKey(RoadmapPhase, verbose_name=_("phase"), on_delete=models.PROTECT,
                              related_name="milestones")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    due_on = models.DateField(_("due on"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=MilestoneStatus.choices,
                              default=MilestoneStatus.PLANNED)
    is_public = models.BooleanField(_("shown to the public"), default=False)
    recommendations = models.ManyToManyField(Recommendation, verbose_name=_("recommendations"),
                                             blank=True, related_name="milestones")

    history = HistoricalRecords(m2m_fields=["recommendations"])
    objects = MilestoneQuerySet.as_manager()

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["status", "due_on"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("sustainability:roadmap") + f"#milestone-{self.pk}"

    @property
    def is_late(self) -> bool:
        """Late once its due date has passed unless done or dropped, whatever the stored status
        says (nobody has to remember to mark it)."""
        if self.status in MILESTONE_CLOSED:
            return False
        return self.status == MilestoneStatus.LATE or self.due_on < timezone.localdate()

    @property
    def shown_status(self) -> str:
        return MilestoneStatus.LATE if self.is_late else self.status

    @property
    def shown_status_label(self) -> str:
        return MilestoneStatus(self.shown_status).label

    def clean(self) -> None:
        super().clean()
        if self.phase_id and self.due_on and self.due_on < self.phase.starts_on:
            raise ValidationError({"due_on": _(
                "A milestone cannot be due before its phase starts (%(date)s).")
                % {"date": date_format(self.phase.starts_on)}})


class CommitmentStatus(models.TextChoices):
    OPEN = "open", _("open")
    IN_PROGRESS = "in_progress", _("in progress")
    KEPT = "kept", _("kept")
    DROPPED = "dropped", _("dropped")


COMMITMENT_OPEN = (CommitmentStatus.OPEN, CommitmentStatus.IN_PROGRESS)


class CommitmentQuerySet(models.QuerySet):
    def visible_to(self, user) -> CommitmentQuerySet:
        """Confirmed commitments for everyone; a partner's staff also see the unconfirmed ones
        their partner recorded or made; the WP3 leads (who confirm them) and the coordinators
        see all."""
        from netw import roles

        if roles.is_coordinator(user) or int(WorkPackage.SUSTAINABILITY) in (
                roles.led_work_packages(user)):
            return self.all()
        condition = Q(confirmed_at__isnull=False)
        partner_ids = roles.partner_ids(user)
        if partner_ids:
            condition |= Q(owner_partner_id__in=partner_ids) | Q(partner_id__in=partner_ids)
        return self.filter(condition)

    def of_person(self, user) -> CommitmentQuerySet:
        """The commitments a person keeps an eye on ("My actions", the late reminder): those
        they recorded and those their partners made."""
        from netw import roles

        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(Q(created_by=user) | Q(partner_id__in=roles.partner_ids(user)))

    def confirmed(self) -> CommitmentQuerySet:
        return self.filter(confirmed_at__isnull=False)

    def late(self, today=None) -> CommitmentQuerySet:
        return self.filter(status__in=COMMITMENT_OPEN,
                           due_on__lt=today or timezone.localdate())

    def for_list(self) -> CommitmentQuerySet:
        return self.select_related("partner", "stakeholder", "owner_partner", "recommendation",
                                   "milestone__phase")


class Commitment(OwnedModel):
    """What a partner or a registered stakeholder commits to, by a date; public once a WP3 lead
    (or a coordinator) confirms it. ``owner_partner`` is the partner that recorded it."""

    partner = models.ForeignKey(Partner, verbose_name=_("committed partner"),
                                null=True, blank=True, on_delete=models.PROTECT,
                                related_name="wp3_commitments")
    stakeholder = models.ForeignKey(Stakeholder,
                                    verbose_name=_("committed stakeholder"), null=True,
                                    blank=True, on_delete=models.PROTECT,
                                    related_name="wp3_commitments")
    description = models.TextField(_("commitment"))
    recommendation = models.ForeignKey(Recommendation, verbose_name=_("recommendation"),
                                       null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="commitments")
    milestone = models.ForeignKey(Milestone, verbose_name=_("roadmap milestone"), null=True,
                                  blank=True, on_delete=models.SET_NULL,
                                  related_name="commitments")
    due_on = models.DateField(_("due on"))
    status = models.CharField(_("status"), max_length=20, choices=CommitmentStatus.choices,
                              default=CommitmentStatus.OPEN)
    evidence_link = models.URLField(_("evidence (link)"), blank=True)
    evidence_file = models.FileField(_("evidence (file)"), storage=private_storage, blank=True,
                                     upload_to="sustainability/commitments/%Y/",
                                     validators=[FileCheck()])
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True,
                                        editable=False)
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("confirmed by"),
                                     null=True, blank=True, editable=False,
                                     on_delete=models.SET_NULL, related_name="+")
    late_reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    history = HistoricalRecords(excluded_fields=["late_reminder_sent_at"])
    objects = CommitmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["due_on", "pk"]
        constraints = [models.CheckConstraint(
            condition=Q(partner__isnull=False) | Q(stakeholder__isnull=False),
            name="commitment_has_a_committer")]

    def __str__(self) -> str:
        return self.description[:80]

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    @property
    def is_late(self) -> bool:
        return self.status in COMMITMENT_OPEN and self.due_on < timezone.localdate()

    def get_absolute_url(self) -> str:
        return reverse("sustainability:commitment_detail", args=[self.pk])

    @property
    def committer_name(self) -> str:
        committer = self.partner or self.stakeholder
        return str(committer) if committer is not None else ""


# --- Expert meetings ------------------------------------------------------------------------------


def _partners_staff(user) -> bool:
    return bool(roles.is_partner_member(user) or roles.is_coordinator(user))


class ExpertMeetingQuerySet(models.QuerySet):
    def visible_to(self, user) -> ExpertMeetingQuerySet:
        """Public meetings for everyone; every meeting for the partners' staff (cancelled ones
        stay, shown as cancelled)."""
        if _partners_staff(user):
            return self.all()
        return self.filter(is_public=True)

    def involving(self, user) -> ExpertMeetingQuerySet:
        """The calendar's "mine": their partner's meetings, and those they take part in."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(Q(owner_partner_id__in=roles.partner_ids(user))
                           | Q(pk__in=ExpertMeeting.participants.through.objects.filter(
                               user=user).values("expertmeeting_id")))

    def upcoming(self) -> ExpertMeetingQuerySet:
        return self.filter(ends_at__gte=timezone.now()).order_by("starts_at", "pk")

    def past(self) -> ExpertMeetingQuerySet:
        return self.filter(ends_at__lt=timezone.now()).order_by("-starts_at", "-pk")

    def held(self) -> ExpertMeetingQuerySet:
        """Over, and not cancelled."""
        return self.filter(ends_at__lt=timezone.now(), is_cancelled=False)

    def in_format(self, format: str) -> ExpertMeetingQuerySet:
        """The calendar's formats: online (a link only), in person (a place only), hybrid."""
        if format == "online":
            return self.filter(location="").exclude(online_url="")
        if format == "in_person":
            return self.filter(online_url="").exclude(location="")
        if format == "hybrid":
            return self.exclude(location="").exclude(online_url="")
        return self.none()

    def for_list(self) -> ExpertMeetingQuerySet:
        return self.select_related("owner_partner").annotate(
            expert_count=models.Count("experts", distinct=True))


class ExpertMeeting(ScheduledEvent):
    """A meeting with outside experts on financial sustainability, in the shared calendar."""

    work_package = WorkPackage.SUSTAINABILITY

    description = models.TextField(_("description"), blank=True)
    agenda = models.TextField(_("agenda"), blank=True,
                              help_text=_("Markdown: **bold**, *italics*, lists, links."))
    is_public = models.BooleanField(
        _("shown to the public"), default=True,
        help_text=_("Visitors see the date, title, agenda and conclusions of a public meeting."))
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("participants from the partners"), blank=True,
        related_name="wp3_expert_meetings")
    minutes = models.TextField(_("minutes"), blank=True,
                               help_text=_("Markdown: **bold**, *italics*, lists, links."))
    conclusions = models.TextField(_("conclusions"), blank=True)

    history = HistoricalRecords(m2m_fields=["participants"])
    objects = ExpertMeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("expert meeting")
        verbose_name_plural = _("expert meetings")
        ordering = ["-starts_at"]

    def get_absolute_url(self) -> str:
        return reverse("sustainability:meeting_detail", args=[self.pk])

    @property
    def has_started(self) -> bool:
        return self.starts_at <= timezone.now()

    @property
    def has_ended(self) -> bool:
        return self.ends_at <= timezone.now()

    @property
    def is_ahead(self) -> bool:
        """Still in people's calendars: not over and not cancelled."""
        return not self.is_cancelled and not self.has_ended

    @property
    def format(self) -> str:
        """online, in_person or hybrid (the calendar's formats)."""
        if self.location and self.online_url:
            return "hybrid"
        return "online" if self.online_url else "in_person"


class ExpertGuestQuerySet(models.QuerySet):
    def visible_to(self, user) -> ExpertGuestQuerySet:
        """The experts of the meetings this person sees (what of them is shown is the page's
        business: visitors read organisation and expertise, not names)."""
        return self.filter(meeting__in=ExpertMeeting.objects.visible_to(user))


class ExpertGuest(TimeStampedModel):
    """An expert invited to a meeting: a stakeholder from the registry, or a guest by name.
    A guest without an e-mail address is listed but gets no invitation."""

    meeting = models.ForeignKey(ExpertMeeting, on_delete=models.CASCADE, related_name="experts")
    stakeholder = models.ForeignKey(Stakeholder, verbose_name=_("stakeholder"),
                                    null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="wp3_expert_invitations")
    name = models.CharField(_("name"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    expertise = models.CharField(_("expertise"), max_length=300, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    invited_at = models.DateTimeField(_("invited at"), null=True, blank=True, editable=False)

    history = HistoricalRecords()
    objects = ExpertGuestQuerySet.as_manager()

    class Meta:
        verbose_name = _("expert")
        verbose_name_plural = _("experts")
        ordering = ["meeting", "name", "pk"]
        constraints = [models.CheckConstraint(
            condition=Q(stakeholder__isnull=False) | ~Q(name=""),
            name="expertguest_has_a_name")]

    def __str__(self) -> str:
        return self.name or str(self.stakeholder)


class MeetingMaterialQuerySet(models.QuerySet):
    def visible_to(self, user) -> MeetingMaterialQuerySet:
        """The partners' staff only (participants are partners' staff), public meeting or not:
        slides and papers of outside experts are shared with the partnership, not published."""
        if not _partners_staff(user):
            return self.none()
        return self.filter(meeting__in=ExpertMeeting.objects.visible_to(user))


class MeetingMaterial(TimeStampedModel):
    """A file or a link for an expert meeting (slides, background papers)."""

    meeting = models.ForeignKey(ExpertMeeting, on_delete=models.CASCADE,
                                related_name="materials")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), storage=private_storage, blank=True,
                            upload_to="sustainability/meetings/%Y/", validators=[FileCheck()])
    link = models.URLField(_("link"), blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+")

    objects = MeetingMaterialQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting material")
        verbose_name_plural = _("meeting materials")
        ordering = ["meeting", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def download_name(self) -> str:
        return self.file.name.rsplit("/", 1)[-1]


# --- The long-term action plan for network partners ----------------------------------------------


class ActionPlanQuerySet(models.QuerySet):
    def visible_to(self, user) -> ActionPlanQuerySet:
        """Plans are the partners' working documents: every partner's staff reads them all (a
        network learns from another's plan); visitors and learners see none."""
        from netw import roles

        if roles.is_partner_member(user) or roles.is_coordinator(user):
            return self.all()
        return self.none()

    def for_list(self) -> ActionPlanQuerySet:
        """A list row's plan with its partner, network and counts of actions, in one query."""
        today = timezone.localdate()
        alive = Q(actions__deleted_at__isnull=True)
        open_ = alive & Q(actions__status__in=OPEN_PLAN_STATUSES)
        return self.select_related("owner_partner", "network").annotate(
            action_count=models.Count("actions", filter=alive, distinct=True),
            open_count=models.Count("actions", filter=open_, distinct=True),
            overdue_count=models.Count("actions", filter=open_ & Q(actions__due_on__lt=today),
                                       distinct=True),
        ).order_by("title", "pk")


class ActionPlan(OwnedModel):
    """One long-term action plan per network (or, without a network, per partner).

    A network's plan belongs to the partner that represents the network (its members write it);
    the WP3 leads and the coordinators may write any plan."""

    title = models.CharField(_("title"), max_length=200)
    network = models.OneToOneField(Network, verbose_name=_("network"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="wp3_action_plan")
    description = models.TextField(_("description"), blank=True)

    history = HistoricalRecords()
    objects = ActionPlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        ordering = ["title", "pk"]
        constraints = [models.UniqueConstraint(
            fields=["owner_partner"], condition=Q(network__isnull=True),
            name="actionplan_one_partner_plan_without_network")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("sustainability:actionplan_detail", args=[self.pk])


class PlanActionStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")
    DROPPED = "dropped", _("dropped")


OPEN_PLAN_STATUSES = (PlanActionStatus.PLANNED, PlanActionStatus.IN_PROGRESS)


class PlanActionQuerySet(RecoverableQuerySet):
    def visible_to(self, user) -> PlanActionQuerySet:
        """The actions of the plans the person may see."""
        return self.filter(plan__in=ActionPlan.objects.visible_to(user))

    def open(self) -> PlanActionQuerySet:
        return self.filter(status__in=OPEN_PLAN_STATUSES)

    def overdue(self, today=None) -> PlanActionQuerySet:
        return self.open().filter(due_on__lt=today or timezone.localdate())

    def of_person(self, user) -> PlanActionQuerySet:
        """The person's actions: those they own, and their partners' actions that name no
        person (shown to them as "for your partner")."""
        from netw import roles

        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(Q(owner=user) | Q(owner__isnull=True,
                                               owner_partner_id__in=roles.partner_ids(user)))

    def for_list(self) -> PlanActionQuerySet:
        return self.select_related("plan__owner_partner", "owner", "owner_partner",
                                   "milestone", "recommendation")


class PlanAction(RecoverableModel, TimeStampedModel):
    """One action of a long-term plan, owned by a person or a partner. Deleting one hides it
    (``deleted_at``); the plan's writers can bring it back."""

    plan = models.ForeignKey(ActionPlan, verbose_name=_("plan"), on_delete=models.CASCADE,
                             related_name="actions")
    description = models.CharField(_("action"), max_length=500)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("owner (person)"),
                              null=True, blank=True, on_delete=models.PROTECT,
                              related_name="wp3_plan_actions")
    owner_partner = models.ForeignKey(Partner, verbose_name=_("owner (partner)"),
                                      null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="wp3_plan_actions")
    starts_on = models.DateField(_("starts on"))
    due_on = models.DateField(_("due on"))
    status = models.CharField(_("status"), max_length=20, choices=PlanActionStatus.choices,
                              default=PlanActionStatus.PLANNED)
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=[MaxValueValidator(100)])
    milestone = models.ForeignKey(Milestone, verbose_name=_("roadmap milestone"), null=True,
                                  blank=True, on_delete=models.SET_NULL,
                                  related_name="plan_actions")
    recommendation = models.ForeignKey(Recommendation, verbose_name=_("recommendation"),
                                       null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="plan_actions")
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    overdue_reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    history = HistoricalRecords(excluded_fields=["overdue_reminder_sent_at"])
    objects = AliveManager.from_queryset(PlanActionQuerySet)()
    all_objects = PlanActionQuerySet.as_manager()

    class Meta:
        verbose_name = _("plan action")
        verbose_name_plural = _("plan actions")
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(owner__isnull=False) | Q(owner_partner__isnull=False),
                name="planaction_has_an_owner"),
            models.CheckConstraint(condition=Q(due_on__gte=models.F("starts_on")),
                                   name="planaction_due_after_start"),
            models.CheckConstraint(condition=Q(progress__lte=100),
                                   name="planaction_progress_percent"),
        ]

    def __str__(self) -> str:
        return self.description

    @property
    def is_open(self) -> bool:
        return self.status in (PlanActionStatus.PLANNED, PlanActionStatus.IN_PROGRESS)

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.due_on < timezone.localdate()

    def get_absolute_url(self) -> str:
        return reverse("sustainability:actionplan_detail", args=[self.plan_id]) + \
            f"#action-{self.pk}"

    def clean(self) -> None:
        super().clean()
        if self.starts_on and self.due_on and self.due_on < self.starts_on:
            raise ValidationError({"due_on": _(
                "An action cannot be due before it starts (%(date)s).")
                % {"date": date_format(self.starts_on)}})
        if self.owner_id is None and self.owner_partner_id is None:
            raise ValidationError({"owner": _("Name a person or a partner who owns the action.")})
