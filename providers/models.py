from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from netw.roles import Role
from netw.workpackages import WorkPackage


class PartnerQuerySet(models.QuerySet):
    def with_member_counts(self) -> PartnerQuerySet:
        return self.annotate(member_count=models.Count("memberships", distinct=True))


class Partner(models.Model):
    """One of the eight partner organisations of the project."""

    slug = models.SlugField(_("slug"), unique=True)
    short_name = models.CharField(_("short name"), max_length=40, unique=True)
    name = models.CharField(_("full name"), max_length=200)
    country = CountryField(_("country"))
    city = models.CharField(_("city"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    leads_work_package = models.PositiveSmallIntegerField(
        _("leads work package"), choices=WorkPackage.choices, null=True, blank=True, unique=True,
    )
    is_project_leader = models.BooleanField(_("project leader"), default=False)

    history = HistoricalRecords()
    objects = PartnerQuerySet.as_manager()

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["short_name"]

    def __str__(self) -> str:
        return self.short_name

    def get_absolute_url(self) -> str:
        return reverse("providers:partner_detail", args=[self.slug])


class Membership(models.Model):
    """A person's place in a partner organisation, with the role that decides what they may do."""

    Role = Role

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE,
        related_name="memberships",
    )
    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["partner__short_name", "user__email"]
        constraints = [
            models.UniqueConstraint(fields=["user", "partner"], name="one_membership_per_partner"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.partner} · {self.get_role_display()}"
