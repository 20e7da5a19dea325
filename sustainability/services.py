"""Operations of work package 3 that save records with their bookkeeping.

The publish workflow itself (submit, publish, return) is the shared one in netw/workflow.py.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from netw import roles

from .models import GoodPractice, GoodPracticeAttachment

# Addresses of the repertoire's own pages (good-practices/mine/, new/, feed/).
RESERVED_SLUGS = {"mine", "new", "feed"}


def _unique_slug(title: str, *, exclude_pk: int | None = None) -> str:
    base = slugify(title)[:200] or "practice"
    if base in RESERVED_SLUGS:
        base = f"{base}-practice"
    taken = GoodPractice.objects.exclude(pk=exclude_pk) if exclude_pk else GoodPractice.objects
    slug, n = base, 1
    while taken.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def practice_save(*, practice: GoodPractice, by, m2m: dict[str, Iterable] | None = None
                  ) -> GoodPractice:
    """Create or change a good practice (its status is the workflow's business). A published
    practice stays published; its history keeps the previous version."""
    if practice.pk is None:
        practice.created_by = by
        if not practice.owner_partner_id:
            membership = roles.primary_membership(by)
            if membership is None:
                raise PermissionDenied(_("Only the partners' staff may share good practices."))
            practice.owner_partner = membership.partner
    practice.updated_by = by
    if not practice.slug:
        practice.slug = _unique_slug(practice.title)
    practice.save()
    for name, values in (m2m or {}).items():
        getattr(practice, name).set(values)
    return practice


@transaction.atomic
def practice_attachment_add(*, practice: GoodPractice, by, title: str, language: str, file
                            ) -> GoodPracticeAttachment:
    """Attach a file (already checked by its content: FileCheck) to a good practice."""
    attachment = GoodPracticeAttachment(practice=practice, title=title, language=language,
                                        file=file, size=file.size, uploaded_by=by)
    attachment.save()
    return attachment
