"""The deliverables register: what the project owes the funder, by work package, and the records
that prove each one (its evidence).

Evidence is any record of the apps, linked through contenttypes. The core never names the apps'
models: each app declares what may be evidence in ``<app>/evidence.py``::

    def evidence_sources() -> list[EvidenceSource]:
        return [EvidenceSource(
            model=Session, label=_("Peer-to-peer session"),
            candidates=lambda user: Session.objects.visible_to(user),
            files=lambda session: [("agenda.md", lambda: session.agenda)],
        )]

``candidates(user)`` are the records the person may pick (and, for the evidence pack, those whose
files they may receive); ``files(record)`` are the record's files for the pack, each a
``(name, source)`` pair where the source is a ``FieldFile`` (read in chunks) or a callable that
renders the text or bytes on the fly (an agenda, an attendance list).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import rules
from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from netw import roles
from netw.discovery import gather
from netw.models import TimeStampedModel
from netw.workpackages import WorkPackage

# --- What may be evidence (declared by the apps) -----------------------------------------------

# A file of the pack: a stored file (FieldFile, read in chunks) or a callable returning its text
# or bytes, rendered when the pack is made.
FileSource = Any


@dataclass(frozen=True)
class EvidenceSource:
    model: type[models.Model]
    label: str | Promise
    candidates: Callable[[Any], models.QuerySet]
    files: Callable[[models.Model], Iterable[tuple[str, FileSource]]]
    # How a record is named in the select, on the page and in the pack.
    describe: Callable[[models.Model], str] = str

    @property
    def key(self) -> str:
        return self.model._meta.label_lower


def evidence_sources() -> list[EvidenceSource]:
    """Every app's sources, in INSTALLED_APPS order."""
    return gather("evidence", "evidence_sources")


def source_for(key_or_model) -> EvidenceSource | None:
    key = (key_or_model if isinstance(key_or_model, str)
           else key_or_model._meta.label_lower)
    return next((s for s in evidence_sources() if s.key == key), None)


# --- The register ------------------------------------------------------------------------------


class DeliverableStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    IN_PROGRESS = "in_progress", _("in progress")
    SUBMITTED = "submitted", _("submitted")
    ACCEPTED = "accepted", _("accepted")


OPEN_STATUSES = (DeliverableStatus.PLANNED, DeliverableStatus.IN_PROGRESS)


class DeliverableQuerySet(models.QuerySet):
    def visible_to(self, user) -> DeliverableQuerySet:
        """The register is the partnership's: every partner member and the coordinators read
        it; visitors and learners see none."""
        if roles.is_coordinator(user) or roles.is_partner_member(user):
            return self.all()
        return self.none()

    def overdue(self, today=None) -> DeliverableQuerySet:
        today = today or timezone.localdate()
        return self.filter(due_on__lt=today, status__in=OPEN_STATUSES)

    def for_register(self) -> DeliverableQuerySet:
        return (self.select_related("responsible_partner")
                .annotate(evidence_count=Count("evidence"))
                # Meta.ordering does not apply to a query that groups rows.
                .order_by("work_package", "due_on", "code"))


class Deliverable(TimeStampedModel):
    """A deliverable of the grant agreement (e.g. "D1.1"), due on a date, under one partner's
    responsibility."""

    code = models.CharField(_("code"), max_length=20, unique=True,
                            help_text=_("As the grant agreement numbers it, e.g. D1.1."))
    work_package = models.PositiveSmallIntegerField(_("work package"),
                                                    choices=WorkPackage.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    due_on = models.DateField(_("due on"))
    responsible_partner = models.ForeignKey(
        "providers.Partner", verbose_name=_("responsible partner"), on_delete=models.PROTECT,
        related_name="deliverables")
    status = models.CharField(_("status"), max_length=12, choices=DeliverableStatus.choices,
                              default=DeliverableStatus.PLANNED)
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)

    history = HistoricalRecords()
    objects = DeliverableQuerySet.as_manager()

    class Meta:
        app_label = "netw"
        verbose_name = _("deliverable")
        verbose_name_plural = _("deliverables")
        ordering = ["work_package", "due_on", "code"]

    def __str__(self) -> str:
        return f"{self.code} · {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("deliverables:detail", args=[self.pk])

    @property
    def is_overdue(self) -> bool:
        return self.status in OPEN_STATUSES and self.due_on < timezone.localdate()


class DeliverableEvidence(models.Model):
    """A record that proves (part of) a deliverable: any record an app declares as evidence."""

    deliverable = models.ForeignKey(Deliverable, verbose_name=_("deliverable"),
                                    on_delete=models.CASCADE, related_name="evidence")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    # The record's name when it was added: the page and the pack still name a record deleted
    # since.
    label = models.CharField(_("record"), max_length=300)
    note = models.CharField(_("note"), max_length=500, blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("added by"),
                                 on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="+")
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        app_label = "netw"
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["content_type_id", "added_at", "pk"]
        constraints = [models.UniqueConstraint(
            fields=["deliverable", "content_type", "object_id"],
            name="one_evidence_per_record_and_deliverable")]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.deliverable.code} · {self.label}"

    @property
    def source(self) -> EvidenceSource | None:
        ct = ContentType.objects.get_for_id(self.content_type_id)
        return source_for(f"{ct.app_label}.{ct.model}")


# --- Who may do what ---------------------------------------------------------------------------


@rules.predicate
def _responsible_member(user, deliverable) -> bool:
    return deliverable is not None and deliverable.responsible_partner_id in roles.partner_ids(
        user)


@rules.predicate
def _added_it(user, evidence) -> bool:
    return evidence is not None and evidence.added_by_id is not None and (
        evidence.added_by_id == getattr(user, "pk", None))


@rules.predicate
def _leads_evidence_wp(user, evidence) -> bool:
    return evidence is not None and roles.leads_objects_work_package(user, evidence.deliverable)


@rules.predicate
def _responsible_for_evidence(user, evidence) -> bool:
    return evidence is not None and _responsible_member(user, evidence.deliverable)


_reader = roles.is_coordinator | roles.is_partner_member
rules.add_perm("netw.view_deliverable", _reader)
rules.add_perm("netw.add_deliverable", roles.is_coordinator)
rules.add_perm("netw.change_deliverable", roles.is_coordinator)
# The lead of the deliverable's work package moves it along (status, date submitted).
rules.add_perm("netw.change_deliverable_status",
               roles.is_coordinator | roles.leads_objects_work_package)
rules.add_perm("netw.add_deliverableevidence",
               roles.is_coordinator | roles.leads_objects_work_package | _responsible_member)
rules.add_perm("netw.delete_deliverableevidence",
               roles.is_coordinator | _leads_evidence_wp | _responsible_for_evidence | _added_it)


def evidence_visibility(evidence: Iterable[DeliverableEvidence], user) -> set[int]:
    """The pks of the evidence whose record ``user`` may see: one query per kind."""
    by_kind: dict[int, list[DeliverableEvidence]] = {}
    for item in evidence:
        by_kind.setdefault(item.content_type_id, []).append(item)
    visible: set[int] = set()
    for items in by_kind.values():
        source = items[0].source
        if source is None:
            continue
        seen = set(source.candidates(user).filter(
            pk__in=[i.object_id for i in items]).values_list("pk", flat=True))
        visible.update(i.pk for i in items if i.object_id in seen)
    return visible


def kind_filter(source: EvidenceSource) -> Q:
    ct = ContentType.objects.get_for_model(source.model)
    return Q(content_type=ct)


# --- Services ----------------------------------------------------------------------------------


def deliverable_evidence_add(*, deliverable: Deliverable, record: models.Model, note: str = "",
                             by) -> DeliverableEvidence:
    """Link ``record`` to the deliverable (once: adding it again keeps the first link)."""
    source = source_for(record.__class__)
    label = (source.describe(record) if source else str(record))[:300]
    evidence, _created = DeliverableEvidence.objects.get_or_create(
        deliverable=deliverable, content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk, defaults={"label": label, "note": note, "added_by": by})
    return evidence


def deliverable_evidence_remove(*, evidence: DeliverableEvidence) -> None:
    evidence.delete()  # the history keeps it
