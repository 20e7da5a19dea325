"""Thin Celery tasks: they take ids, call a service, and are safe to run twice.

The periodic ones only find what is due and queue one task per item after commit; each item's
task locks its row and records what it sent, so an overlapping beat or a retried task sends nothing
twice.
"""

from __future__ import annotations

from celery import shared_task
from django.db import transaction

from netw.tasks import TRANSIENT_MAIL_ERRORS

RETRY = {"autoretry_for": TRANSIENT_MAIL_ERRORS, "retry_backoff": 30,
         "retry_backoff_max": 60 * 60, "retry_jitter": True, "max_retries": 8}


@shared_task
def queue_session_reminders() -> int:
    """Every hour: the reminder of sessions starting within the next day, and feedback requests
    for sessions that just ended."""
    from peersessions import services

    reminders = services.sessions_needing_reminder()
    feedback = services.sessions_needing_feedback_request()
    transaction.on_commit(lambda: [send_session_reminder.delay(pk) for pk in reminders])
    transaction.on_commit(lambda: [request_session_feedback.delay(pk) for pk in feedback])
    return len(reminders) + len(feedback)


@shared_task
def queue_action_reminders() -> int:
    """Every morning: follow-up actions due today, and overdue ones (again each week)."""
    from peersessions import services

    due, overdue = services.actions_needing_reminder()
    transaction.on_commit(lambda: [send_action_reminder.delay(pk, False) for pk in due])
    transaction.on_commit(lambda: [send_action_reminder.delay(pk, True) for pk in overdue])
    return len(due) + len(overdue)


@shared_task(**RETRY)
def send_session_reminder(session_id: int) -> bool:
    from peersessions import services

    return services.session_send_reminder(session_id=session_id)


@shared_task(**RETRY)
def request_session_feedback(session_id: int) -> bool:
    from peersessions import services

    return services.session_request_feedback(session_id=session_id)


@shared_task(**RETRY)
def send_action_reminder(action_id: int, overdue: bool) -> bool:
    from peersessions import services

    return services.action_send_reminder(action_id=action_id, overdue=overdue)
