"""Reporting periods and targets: what the coordinators set, against which the indicators
(:mod:`netw.monitoring.indicators`) are read."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from netw.models import TimeStampedModel


def _sees_monitoring(user) -> bool:
    """Periods and targets are the project's: every partner's staff reads them."""
    from netw.roles import is_coordinator, is_partner_member

    return is_partner_member(user) or is_coordinator(user)


class ReportingPeriodQuerySet(models.QuerySet):
    def visible_to(self, user) -> ReportingPeriodQuerySet:
        return self if _sees_monitoring(user) else self.none()

    def overlapping(self, starts_on, ends_on) -> ReportingPeriodQuerySet:
        return self.filter(starts_on__lte=ends_on, ends_on__gte=starts_on)

    def current(self, today: datetime.date | None = None) -> ReportingPeriod | None:
        today = today or timezone.localdate()
        return self.filter(starts_on__lte=today, ends_on__gte=today).first()


class ReportingPeriod(TimeStampedModel):
    """A period the project reports on to the funder (e.g. interim, final). Periods do not
    overlap; together they span the project."""

    class Kind(models.TextChoices):
        INTERIM = "interim", _("interim")
        FINAL = "final", _("final")
        OTHER = "other", _("other")

    name = models.CharField(_("name"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.INTERIM)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    history = HistoricalRecords()

    objects = ReportingPeriodQuerySet.as_manager()

    class Meta:
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        ordering = ["starts_on", "pk"]
        constraints = [models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")),
                                              name="reporting_period_ends_after_start")]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if not (self.starts_on and self.ends_on):
            return
        if self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A period ends on or after the day it starts.")})
        other = (ReportingPeriod.objects.overlapping(self.starts_on, self.ends_on)
                 .exclude(pk=self.pk).first())
        if other is not None:
            raise ValidationError({"starts_on": _(
                "These dates overlap “%(name)s” (%(starts)s – %(ends)s). Periods may not overlap."
            ) % {"name": other.name, "starts": date_format(other.starts_on),
                 "ends": date_format(other.ends_on)}})

    @property
    def is_over(self) -> bool:
        return self.ends_on < timezone.localdate()

    def elapsed_share(self, today: datetime.date | None = None) -> float:
        """How much of the period has passed (0 before it starts, 1 once it ended)."""
        today = today or timezone.localdate()
        days = (self.ends_on - self.starts_on).days + 1
        done = (min(today, self.ends_on) - self.starts_on).days + 1
        return max(0.0, min(1.0, done / days))


def validate_positive(value) -> None:
    if value is not None and value <= 0:
        raise ValidationError(_("A target is more than zero."), code="not_positive")


class TargetQuerySet(models.QuerySet):
    def visible_to(self, user) -> TargetQuerySet:
        return self if _sees_monitoring(user) else self.none()

    def for_period(self, period) -> TargetQuerySet:
        """The targets set for ``period`` (a ReportingPeriod), or for the whole project."""
        return self.filter(period=period) if period is not None else self.filter(period=None)


class Target(TimeStampedModel):
    """What an indicator should reach: for the whole project or by the end of one period; for
    the project, one partner or one country."""

    class Scope(models.TextChoices):
        PROJECT = "project", _("the project")
        PARTNER = "partner", _("a partner")
        COUNTRY = "country", _("a country")

    indicator = models.CharField(_("indicator"), max_length=60, db_index=True)
    scope = models.CharField(_("for"), max_length=10, choices=Scope.choices,
                             default=Scope.PROJECT)
    partner = models.ForeignKey("providers.Partner", verbose_name=_("partner"), null=True,
                                blank=True, on_delete=models.CASCADE, related_name="+")
    country = CountryField(_("country"), blank=True)
    period = models.ForeignKey(ReportingPeriod, verbose_name=_("reporting period"), null=True,
                               blank=True, on_delete=models.CASCADE, related_name="targets",
                               help_text=_("Leave empty for a target for the whole project."))
    value = models.DecimalField(_("target"), max_digits=12, decimal_places=2,
                                validators=[validate_positive])
    note = models.CharField(_("note"), max_length=300, blank=True,
                            help_text=_("Where the target comes from, e.g. the grant agreement."))
    history = HistoricalRecords()

    objects = TargetQuerySet.as_manager()

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["indicator", "scope", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(value__gt=0), name="target_positive"),
            models.UniqueConstraint(fields=["indicator", "scope", "partner", "country", "period"],
                                    name="one_target_per_indicator_scope_period",
                                    nulls_distinct=False),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} · {self.get_scope_display()} · {self.value}"

    def clean(self) -> None:
        from netw.monitoring import indicators

        indicator = indicators.get(self.indicator)
        if indicator is None:
            raise ValidationError({"indicator": _("Choose one of the project's indicators.")})
        if self.scope not in indicator.target_scopes:
            raise ValidationError({"scope": _(
                "“%(indicator)s” is not counted per %(scope)s: set its target for the project."
            ) % {"indicator": indicator.label, "scope": self.get_scope_display()}})
        if self.scope == self.Scope.PARTNER and not self.partner_id:
            raise ValidationError({"partner": _("Choose the partner this target is for.")})
        if self.scope == self.Scope.COUNTRY and not self.country:
            raise ValidationError({"country": _("Choose the country this target is for.")})
        if self.scope != self.Scope.PARTNER:
            self.partner = None
        if self.scope != self.Scope.COUNTRY:
            self.country = ""


class Status(models.TextChoices):
    DONE = "done", _("done")
    ON_TRACK = "on_track", _("on track")
    BEHIND = "behind", _("behind")
    NO_DATA = "no_data", _("no data yet")


def status_of(value, target: Decimal | None, *, elapsed: float = 1.0, average: bool = False
              ) -> str | None:
    """Where a figure stands against its target: done once reached; otherwise on track when it
    has reached the share of the target that the time elapsed calls for (an average must be
    reached as it is), else behind. No target, no status."""
    if target is None:
        return None
    if value is None:
        return Status.NO_DATA
    if Decimal(value) >= target:
        return Status.DONE
    if average:
        return Status.BEHIND
    expected = target * Decimal(str(elapsed))
    return Status.ON_TRACK if Decimal(value) >= expected else Status.BEHIND


def progress_percent(value, target: Decimal | None) -> int | None:
    """The share of the target reached, 0–100 (for the progress bar)."""
    if target is None or value is None:
        return None
    return max(0, min(100, int(Decimal(value) * 100 / target)))
