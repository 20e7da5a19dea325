"""Operations of work package 2 that change several rows or tell people about it.

The publish workflow itself (submit, publish, return) is the shared one in netw/workflow.py; the
functions here wrap it where the app adds something, and save records with their bookkeeping.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from netw import roles
from netw.events.ics import invitation_ics
from netw.notifications.services import notify
from netw.text import latin_slug
from netw.topics import TOPIC_SLUGS, TOPICS
from netw.workflow import item_publish, item_return, item_submit

from .calendar import source_of
from .models import (
    Attachment,
    DisseminationActivity,
    MatchmakingProfile,
    Methodology,
    Publication,
    PublicationFile,
    Roundtable,
    StudyVisit,
)

__all__ = ["item_submit", "item_publish", "item_return"]


def owner_partner_for(user):
    """The partner a new record belongs to: the author's own (the first, if several)."""
    membership = roles.primary_membership(user)
    if membership is None:
        raise PermissionDenied(_("Only the partners' staff may create records here."))
    return membership.partner


def unique_slug(model, title: str, *, exclude_pk: int | None = None) -> str:
    base = latin_slug(title, 200) or "item"
    slug, n = base, 1
    taken = model.objects.exclude(pk=exclude_pk) if exclude_pk else model.objects.all()
    while taken.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _stamp(record, by) -> None:
    if record.pk is None:
        record.created_by = by
        if not record.owner_partner_id:
            record.owner_partner = owner_partner_for(by)
    record.updated_by = by


# --- Methodologies -----------------------------------------------------------------------------


@transaction.atomic
def methodology_save(*, methodology: Methodology, by, m2m: dict[str, Iterable] | None = None
                     ) -> Methodology:
    """Create or change a methodology (its status is the workflow's business, not this one's).
    A published methodology stays published; its history keeps the previous version."""
    _stamp(methodology, by)
    if not methodology.slug:
        methodology.slug = unique_slug(Methodology, methodology.title)
    methodology.save()
    for name, values in (m2m or {}).items():
        getattr(methodology, name).set(values)
    return methodology


@transaction.atomic
def attachment_add(*, methodology: Methodology, by, title: str, language: str, file
                   ) -> Attachment:
    attachment = Attachment(methodology=methodology, title=title, language=language, file=file,
                            size=file.size, uploaded_by=by)
    attachment.save()
    return attachment


# --- Publications ------------------------------------------------------------------------------


@transaction.atomic
def publication_save(*, publication: Publication, by) -> Publication:
    _stamp(publication, by)
    if not publication.slug:
        publication.slug = unique_slug(Publication, publication.title)
    publication.save()
    return publication


@transaction.atomic
def publication_file_put(*, publication: Publication, by, language: str, file
                         ) -> PublicationFile:
    """Add the version in ``language``, or replace it (the history keeps the earlier file)."""
    version = (PublicationFile.objects.select_for_update()
               .filter(publication=publication, language=language).first())
    if version is None:
        version = PublicationFile(publication=publication, language=language)
    version.file = file
    version.size = file.size
    version.uploaded_by = by
    version.save()
    return version


# --- Roundtables -------------------------------------------------------------------------------

EVENT_FIELDS = ("starts_at", "ends_at", "timezone", "location", "online_url", "title")


def _event_changed(event, previous: dict | None) -> bool:
    return previous is not None and any(
        getattr(event, name) != previous.get(name) for name in EVENT_FIELDS
    )


def _snapshot(model, pk: int | None) -> dict | None:
    if pk is None:
        return None
    return model.objects.filter(pk=pk).values(*EVENT_FIELDS).first()


def _event_save(*, model, event, by, kind: str, participants: Iterable | None = None,
                m2m: dict[str, Iterable | None] | None = None):
    """Save a roundtable or study visit. Participants hear about a new event and about changes
    of time or place, with an .ics whose SEQUENCE grows; people added later get the invitation."""
    previous = _snapshot(model, event.pk)
    before = set(event.participants.values_list("pk", flat=True)) if event.pk else set()
    changed = _event_changed(event, previous)
    if changed:
        event.sequence += 1
        event.reminded_at = None
    _stamp(event, by)
    event.save()
    if participants is not None:
        event.participants.set(participants)
    for name, values in (m2m or {}).items():
        if values is not None:
            getattr(event, name).set(values)
    people = list(event.participants.all())
    if previous is None or changed:
        which = f"{kind}_scheduled" if previous is None else f"{kind}_changed"
        recipients = people
    else:
        which, recipients = f"{kind}_scheduled", [p for p in people if p.pk not in before]
    if recipients:
        template = "event_scheduled" if which.endswith("_scheduled") else "event_changed"
        notify(recipients=recipients, kind=which, template=f"methodologies/emails/{template}",
               context={"event": event, "event_kind": model._meta.verbose_name},
               url=event.get_absolute_url(), ics=_invitation(event))
    return event


@transaction.atomic
def roundtable_save(*, roundtable: Roundtable, by, participants: Iterable | None = None,
                    methodologies: Iterable | None = None, outcomes: Iterable | None = None
                    ) -> Roundtable:
    """Schedule or change a roundtable (see ``_event_save`` for who hears about it)."""
    return _event_save(model=Roundtable, event=roundtable, by=by, kind="roundtable",
                       participants=participants,
                       m2m={"methodologies": methodologies, "outcomes": outcomes})


def _invitation(event) -> str:
    """The .ics participants get (they may see the online link): the calendar's own event, so
    its UID is the feed's."""
    return invitation_ics(source_of(event).event(event, show_link=True))


# --- Reminders the day before (when and once: netw.events.reminders) -------------------------


def event_remind(*, event, source) -> None:
    """Remind the participants of a roundtable or study visit, with the .ics."""
    people = list(event.participants.all())
    if people:
        notify(recipients=people, kind=f"{source.kind}_reminder",
               template="methodologies/emails/event_reminder",
               context={"event": event, "event_kind": source.model._meta.verbose_name},
               url=event.get_absolute_url(), ics=_invitation(event))


# --- Dissemination -----------------------------------------------------------------------------


@transaction.atomic
def dissemination_save(*, activity: DisseminationActivity, by) -> DisseminationActivity:
    _stamp(activity, by)
    activity.save()
    return activity


# --- Study visits and matchmaking --------------------------------------------------------------


@dataclass(frozen=True)
class Suggestion:
    """An emerging network and an established one whose wishes and offers overlap."""

    visiting: object
    host: object
    topics: list[str]
    visits: int  # study visits already planned between them

    @property
    def score(self) -> int:
        return len(self.topics)

    @property
    def topic_names(self) -> list[str]:
        names = {slug: name for slug, name, _d in TOPICS}
        return [str(names[t]) for t in self.topics]


def matchmaking_suggestions() -> list[Suggestion]:
    """Every emerging network with wishes × every established network with offers, ranked by
    the number of topics they share (then by the fewest visits already planned). Two queries."""
    profiles = list(MatchmakingProfile.objects.select_related("network"))
    emerging = [p for p in profiles if p.network.maturity == "emerging" and p.wants]
    established = [p for p in profiles if p.network.maturity == "established" and p.offers]
    planned: dict[tuple[int, int], int] = {}
    for pair in StudyVisit.objects.values_list("visiting_network_id", "host_network_id"):
        planned[pair] = planned.get(pair, 0) + 1
    found = []
    for want in emerging:
        for offer in established:
            shared = [t for t in TOPIC_SLUGS if t in want.wants and t in offer.offers]
            if shared:
                found.append(Suggestion(want.network, offer.network, shared,
                                        planned.get((want.network.pk, offer.network.pk), 0)))
    found.sort(key=lambda s: (-s.score, s.visits, str(s.visiting), str(s.host)))
    return found


@transaction.atomic
def matchmaking_profile_save(*, profile, by):
    profile.updated_by = by
    profile.save()
    return profile


@transaction.atomic
def studyvisit_save(*, visit, by, participants: Iterable | None = None):
    """Plan or change a study visit; participants hear about it (and changes of time or place)
    with an .ics, as for roundtables."""
    return _event_save(model=StudyVisit, event=visit, by=by, participants=participants,
                       kind="studyvisit")


@transaction.atomic
def adoption_save(*, adoption, by):
    _stamp(adoption, by)
    adoption.save()
    return adoption
