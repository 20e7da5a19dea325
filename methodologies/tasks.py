"""Thin Celery tasks of work package 2: they take ids, call a service, and are safe to run twice."""

from __future__ import annotations

from celery import shared_task
from django.db import transaction

from netw.tasks import TRANSIENT_MAIL_ERRORS

RETRY = {"autoretry_for": TRANSIENT_MAIL_ERRORS, "retry_backoff": 30,
         "retry_backoff_max": 60 * 60, "retry_jitter": True, "max_retries": 8}


@shared_task
def queue_event_reminders() -> int:
    """Every hour: one task per roundtable or study visit starting within the next day."""
    from methodologies import services

    due = services.events_needing_reminder()
    transaction.on_commit(lambda: [send_event_reminder.delay(kind, pk) for kind, pk in due])
    return len(due)


@shared_task(**RETRY)
def send_event_reminder(kind: str, event_id: int) -> bool:
    from methodologies import services

    return services.event_send_reminder(kind=kind, event_id=event_id)
