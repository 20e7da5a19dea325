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

from .models import ExpertMeeting, GoodPractice, Recommendation, UptakeStep

# Addresses of the repertoire's own pages (good-practices/mine/, good-practices/new/).
RESERVED_SLUGS = {"mine", "new"}


def _unique_slug(title: str, *, exclude_pk: int | None = None, model=GoodPractice,
                 reserved: set[str] = RESERVED_SLUGS, word: str = "practice") -> str:
    base = slugify(title)[:200] or word
    if base in reserved:
        base = f"{base}-{word}"
    taken = model.objects.exclude(pk=exclude_pk) if exclude_pk else model.objects
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


# --- Policy recommendations and their uptake ------------------------------------------------------

# Addresses of the recommendations' own pages (recommendations/mine/, new/, uptake/, from-meeting/).
RECOMMENDATION_RESERVED_SLUGS = {"mine", "new", "uptake", "from-meeting"}


@transaction.atomic
def recommendation_save(*, recommendation: Recommendation, by,
                        m2m: dict[str, Iterable] | None = None) -> Recommendation:
    """Create or change a policy recommendation (its status is the workflow's business). A
    published recommendation stays published; its history keeps the previous version."""
    if recommendation.pk is None:
        recommendation.created_by = by
        if not recommendation.owner_partner_id:
            membership = roles.primary_membership(by)
            if membership is None:
                raise PermissionDenied(_("Only the partners' staff may write recommendations."))
            recommendation.owner_partner = membership.partner
    recommendation.updated_by = by
    if not recommendation.slug:
        recommendation.slug = _unique_slug(recommendation.title, model=Recommendation,
                                           reserved=RECOMMENDATION_RESERVED_SLUGS,
                                           word="recommendation")
    recommendation.save()
    for name, values in (m2m or {}).items():
        getattr(recommendation, name).set(values)
    return recommendation


class NoConclusions(Exception):
    """The meeting has no conclusions to draw a recommendation from."""


def recommendation_from_meeting(*, meeting: ExpertMeeting, by) -> Recommendation:
    """A draft recommendation of the person's partner, begun from an expert meeting's title and
    conclusions (the meeting stays linked). The view has checked that the person may see the
    meeting and write recommendations."""
    if not (meeting.conclusions or "").strip():
        raise NoConclusions
    membership = roles.primary_membership(by)
    if membership is None:
        raise PermissionDenied(_("Only the partners' staff may write recommendations."))
    draft = Recommendation(
        title=meeting.title[:200], owner_partner=membership.partner, language=meeting.language,
        text=meeting.conclusions, expert_meeting=meeting)
    return recommendation_save(recommendation=draft, by=by)


@transaction.atomic
def uptake_step_record(*, step: UptakeStep, by) -> UptakeStep:
    """Record one step of a published recommendation's uptake. Steps are added, never changed:
    a step that goes back a stage is a new step with its reason, and the earlier ones stay.

    Checks the model's rules again (country addressed, a reason to go back) so that no caller
    can skip them; ``ValidationError`` carries the field errors."""
    if step.pk is not None:
        raise ValueError("Uptake steps are recorded once and never changed.")
    # The recommendation's row is locked: two steps recorded at once for the same country see
    # one another when checking whether the stage goes back.
    recommendation = Recommendation.objects.select_for_update().get(pk=step.recommendation_id)
    if not recommendation.is_published:
        raise PermissionDenied(_("Uptake is recorded for published recommendations only."))
    if not step.owner_partner_id:
        membership = roles.primary_membership(by)
        if membership is None:
            raise PermissionDenied(_("Only the partners' staff may record uptake."))
        step.owner_partner = membership.partner
    step.recommendation = recommendation
    step.created_by = step.updated_by = by
    step.full_clean()
    step.save()
    return step
