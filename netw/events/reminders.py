"""The day-before reminder: one pipeline for every calendar source (sessions, roundtables, study
visits, and whatever WP3 adds), sent once per event and date.

The hourly task lists what is due and queues one task per event after commit; that task locks the
event's row, checks the marker and sets it in the same transaction, so an overlapping beat or a
retried task sends nothing twice. Each app's services clear the marker when an event moves.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from netw.events.sources import EventSource, all_sources, source_for

REMIND_BEFORE = timedelta(days=1)


def _due(source: EventSource, now: datetime):
    return source.remindable().filter(
        starts_at__gt=now, starts_at__lte=now + REMIND_BEFORE,
        **{f"{source.reminder_field}__isnull": True})


def events_needing_reminder(*, now: datetime | None = None) -> list[tuple[str, int]]:
    """(kind, id) of the events starting within a day whose reminder has not gone out."""
    now = now or timezone.now()
    return [(source.kind, pk) for source in all_sources() if source.reminder_field
            for pk in _due(source, now).values_list("pk", flat=True)]


@transaction.atomic
def event_send_reminder(*, kind: str, event_id: int) -> bool:
    """Remind the people taking part, once. False when it is no longer due (sent, moved,
    cancelled, started or deleted)."""
    source = source_for(kind)
    now = timezone.now()
    event = _due(source, now).select_for_update().filter(pk=event_id).first()
    if event is None:
        return False
    source.send_reminder(event)
    source.model.objects.filter(pk=event.pk).update(**{source.reminder_field: now})
    return True
