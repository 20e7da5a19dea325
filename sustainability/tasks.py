"""Thin Celery tasks of work package 3: they take ids, call a service, and are safe to run twice.

The daily one only lists the late commitments not yet reminded and queues one task per
commitment after commit; that task locks the row, sends and marks it in one transaction
(services.commitment_send_late_reminder), so a commitment is reminded once. They only write to
the outbox; its own task sends and retries the e-mail.
"""

from __future__ import annotations

from celery import shared_task

from netw.enqueue import after_commit


@shared_task
def queue_commitment_reminders() -> int:
    """Every morning: the one reminder of each commitment that became late."""
    from sustainability import services

    late = services.commitments_needing_reminder()
    for pk in late:
        after_commit(send_commitment_reminder, pk)
    return len(late)


@shared_task
def send_commitment_reminder(commitment_id: int) -> bool:
    from sustainability import services

    return services.commitment_send_late_reminder(commitment_id=commitment_id)
