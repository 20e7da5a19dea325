"""Thin tasks of the calendar: they take ids, call the reminder service, and are safe to run
twice. No mail retry here: ``notify`` only writes the outbox, whose own task talks SMTP."""

from __future__ import annotations

from celery import shared_task

from netw.enqueue import after_commit


@shared_task
def queue_event_reminders() -> int:
    """Every hour: one task per event (of any source) starting within the next day."""
    from netw.events import reminders

    due = reminders.events_needing_reminder()
    for kind, pk in due:
        after_commit(send_event_reminder, kind, pk)
    return len(due)


@shared_task
def send_event_reminder(kind: str, event_id: int) -> bool:
    from netw.events import reminders

    return reminders.event_send_reminder(kind=kind, event_id=event_id)
