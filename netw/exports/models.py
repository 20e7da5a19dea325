from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netw import roles


class ExportQuerySet(models.QuerySet):
    def active(self) -> ExportQuerySet:
        return self.filter(status__in=Export.ACTIVE)

    def visible_to(self, user) -> ExportQuerySet:
        """Coordinators see every export; anyone else only those they asked for."""
        if roles.is_coordinator(user):
            return self
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(requested_by=user)

    def expired_by(self, now) -> ExportQuerySet:
        return self.filter(status=Export.Status.DONE, expires_at__lte=now)


class Export(models.Model):
    """One request for a list or report as a file, and the record of the work it caused.

    The page "My exports" reads status and progress from here; the task writes them.
    """

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", _("Excel (XLSX)")
        PDF = "pdf", "PDF"
        ZIP = "zip", "ZIP"

    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting")
        RUNNING = "running", _("in progress")
        DONE = "done", _("ready")
        FAILED = "failed", _("failed")
        EXPIRED = "expired", _("expired")

    ACTIVE = (Status.QUEUED, Status.RUNNING)

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), on_delete=models.CASCADE,
        related_name="exports",
    )
    list_name = models.CharField(_("list"), max_length=60)
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    # The filters in the list page's words ([[label, value], …]), in the language of the person
    # who asked, when they asked (registry.describe_filters): the page and the file name.
    filter_summary = models.JSONField(_("filters as described"), default=list, blank=True)
    format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    # The same person asking for the same list, filters and format while one is still being
    # made gets that one: the constraint below makes it hold under concurrent requests too.
    fingerprint = models.CharField(max_length=64, editable=False)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices,
                              default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    total_rows = models.PositiveIntegerField(_("rows to write"), null=True, blank=True)
    row_count = models.PositiveIntegerField(_("rows written"), null=True, blank=True)
    file_name = models.CharField(_("file"), max_length=200, blank=True)
    file_size = models.PositiveBigIntegerField(_("size (bytes)"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    # How many times a task started on it; a task that kills its worker is re-delivered, and
    # this caps how often (settings.EXPORTS_MAX_ATTEMPTS).
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    # The run that owns the export now: a run that finds another token on completion was taken
    # over (its worker was presumed dead) and throws its own file away.
    run_token = models.CharField(max_length=32, blank=True, editable=False)
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("available until"), null=True, blank=True)

    objects = ExportQuerySet.as_manager()

    class Meta:
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["requested_by", "fingerprint"],
                condition=models.Q(status__in=["queued", "running"]),
                name="one_active_export_per_request",
            ),
        ]
        indexes = [models.Index(fields=["status", "expires_at"])]

    def __str__(self) -> str:
        return f"{self.list_name}.{self.format} #{self.pk}"

    def get_download_url(self) -> str:
        return reverse("exports:download", args=[self.pk])

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE

    @property
    def is_downloadable(self) -> bool:
        return (self.status == self.Status.DONE and bool(self.file_name)
                and (self.expires_at is None or self.expires_at > timezone.now()))

    @property
    def label(self) -> str:
        from netw.exports import registry

        entry = registry.get(self.list_name)
        return str(entry.label) if entry else self.list_name

    @property
    def is_report(self) -> bool:
        """A document to read (PDF): it has pages, not rows."""
        from netw.exports import registry

        entry = registry.get(self.list_name)
        return bool(entry and entry.is_report)

    def described_filters(self) -> list[tuple[str, str]]:
        """The filters as the page names them; an export asked for before they were described
        shows its parameters by name."""
        if self.filter_summary:
            return [(label, value) for label, value in self.filter_summary]
        return [(key.replace("_", " ").capitalize(), ", ".join(values))
                for key, values in (self.filters or {}).items()]

    def download_filename(self) -> str:
        """``net-works-providers-north-macedonia-2026-12-01.csv``: the list, what it was
        narrowed to, the day it was made."""
        from netw.text import latin_slug

        stamp = timezone.localtime(self.finished_at or self.created_at).strftime("%Y-%m-%d")
        narrowed = latin_slug(" ".join(value for _label, value in self.described_filters()),
                              max_length=60)
        name = "-".join(part for part in ("net-works", self.list_name.replace("_", "-"),
                                          narrowed, stamp) if part)
        return f"{name}.{self.format}"
