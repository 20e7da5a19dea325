"""When a change to a scheduled event is news for the people in it.

A change of title, time or place changes the entry in people's calendars: the event's SEQUENCE
grows (so calendar apps replace the old entry when the e-mailed update arrives) and the day-before
reminder is due again for the new date. Any app's save service asks here before it saves::

    before = schedule_before(event)          # the stored values, None for a new event
    if schedule_changed(event, before):
        mark_rescheduled(event)              # then save, and tell the people taking part
"""

from __future__ import annotations

from netw.events.models import ScheduledEvent

# The fields a calendar entry carries: changing any of them is news for the people taking part.
SCHEDULE_FIELDS = ("title", "starts_at", "ends_at", "timezone", "location", "online_url")


def schedule_before(event: ScheduledEvent) -> dict | None:
    """The stored values of ``event``'s schedule (a form may have changed the instance already);
    None for an event not saved yet."""
    if event.pk is None:
        return None
    return (type(event)._base_manager.filter(pk=event.pk)
            .values(*SCHEDULE_FIELDS).first())


def schedule_changed(event: ScheduledEvent, before: dict | None) -> bool:
    return before is not None and any(getattr(event, name) != before[name]
                                      for name in SCHEDULE_FIELDS)


def mark_rescheduled(event: ScheduledEvent) -> None:
    """A new SEQUENCE for calendars, and a fresh reminder for the new date (not saved here)."""
    event.sequence += 1
    event.reminded_at = None
