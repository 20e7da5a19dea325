"""Recoverable deletion: a deleted record is hidden, not lost, and a coordinator can bring it back.

A model that inherits :class:`RecoverableModel` gets ``deleted_at`` and ``deleted_by`` and two
managers:

* ``objects`` — only the records that are not deleted. It is the default manager, so related
  managers (``network.providers.all()``), prefetches and model forms' choices leave deleted
  records out without anyone having to remember it.
* ``all_objects`` — every record, deleted or not: the "deleted records" page and the admin.

Deleting and restoring are services (``providers.services.record_delete``/``record_restore``):
they save the record, so its history shows who deleted or restored it and when.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RecoverableQuerySet(models.QuerySet):
    def alive(self):
        return self.filter(deleted_at__isnull=True)

    def deleted(self):
        return self.filter(deleted_at__isnull=False)


class AliveManager(models.Manager):
    """The default manager: deleted records are not there."""

    def get_queryset(self):
        return super().get_queryset().filter(deleted_at__isnull=True)


class RecoverableModel(models.Model):
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True, editable=False,
                                      db_index=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("deleted by"), on_delete=models.SET_NULL,
        null=True, blank=True, editable=False, related_name="+",
    )

    class Meta:
        abstract = True

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None
