"""Work package 3 (cooperation and financial sustainability).

The repertoire of financial-sustainability good practices: a partner member describes how a
provider, a network or an outside organisation pays its way; the practice follows the shared
publish workflow (netw/workflow.py), reviewed by the WP3 leads and the coordinators.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from netw.models import OwnedModel
from netw.workflow import PublishableModel, PublishableQuerySet
from netw.workpackages import WorkPackage
from providers.models import Network, Provider, Sector, TargetGroup
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


SEARCH_TERMS = 8
SEARCH_TERM_LENGTH = 40


class GoodPracticeQuerySet(PublishableQuerySet):
    def for_list(self) -> GoodPracticeQuerySet:
        """What a list row shows, fetched in a fixed number of queries."""
        return (self.select_related("owner_partner", "funding_model")
                .prefetch_related("sectors", "target_groups"))

    def search(self, text: str) -> GoodPracticeQuerySet:
        """Every word in the title, summary, problem, how it works, results or organisation: a
        few words of bounded length (SQLite refuses very long LIKE patterns)."""
        words = [w[:SEARCH_TERM_LENGTH] for w in re.findall(r"\w+", text[:500])]
        for word in words[:SEARCH_TERMS]:
            self = self.filter(
                Q(title__icontains=word) | Q(summary__icontains=word)
                | Q(problem__icontains=word) | Q(how_it_works__icontains=word)
                | Q(results__icontains=word) | Q(organisation__icontains=word))
        return self


class GoodPractice(OwnedModel, PublishableModel):
    """A financial-sustainability practice of a provider, a network or an outside organisation,
    as a partner describes it."""

    work_package = WorkPackage.SUSTAINABILITY

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address"), max_length=220, unique=True, editable=False)
    language = models.CharField(_("written in"), max_length=10, choices=settings.LANGUAGES,
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

    history = HistoricalRecords(m2m_fields=["sectors", "target_groups"])
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
        missing = {name: required for name in (
            "summary", "funding_model", "country", "level", "problem", "how_it_works",
            "results", "transferability",
        ) if not getattr(self, name)}
        if not self.organisation_name:
            missing["organisation"] = str(_("Name the organisation, or choose its provider or "
                                            "network in the registry."))
        return missing
