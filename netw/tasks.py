"""Thin Celery tasks of the portal itself: they take ids or plain data and call a service."""

from __future__ import annotations

import socket

from celery import shared_task
from django.core.mail import EmailMultiAlternatives

from netw.emails import TRANSIENT_MAIL_ERRORS


@shared_task(
    bind=True,
    autoretry_for=TRANSIENT_MAIL_ERRORS,
    retry_backoff=30,
    retry_backoff_max=60 * 60,
    retry_jitter=True,
    max_retries=8,
)
def send_email(self, payload: dict) -> None:
    """Only for messages queued by the release before the outbox took every e-mail
    (netw.notifications.services.notify_address); nothing queues it any more."""
    message = EmailMultiAlternatives(
        payload["subject"], payload["body"], payload["from_email"], payload["to"]
    )
    if payload.get("html"):
        message.attach_alternative(payload["html"], "text/html")
    message.send()


@shared_task
def send_invitation(invitation_id: int) -> None:
    """Only for invitations queued by the release before the outbox: it puts their e-mail in
    the outbox (no mail is sent here, so no mail retries)."""
    from netw.accounts import services

    services.invitation_send(invitation_id=invitation_id)


@shared_task(ignore_result=False)  # the one result anyone reads (CELERY_TASK_IGNORE_RESULT)
def ping(nonce: str) -> dict:
    """Round trip through the broker: used by the health check and the broker integration test."""
    return {"nonce": nonce, "hostname": socket.gethostname()}


# --- Reminders of everyone's actions (netw/actions.py: every app's action sources) -------------


@shared_task
def queue_action_reminders() -> int:
    """Every morning: one task per action due today or overdue whose reminder has not gone out
    (follow-up actions of sessions, actions of the long-term plans, …)."""
    from netw import actions
    from netw.enqueue import after_commit

    due = actions.actions_needing_reminder()
    for kind, pk, overdue in due:
        after_commit(send_action_reminder, kind, pk, overdue)
    return len(due)


@shared_task
def send_action_reminder(kind: str, action_id: int, overdue: bool) -> bool:
    from netw import actions

    return actions.action_send_reminder(kind=kind, action_id=action_id, overdue=overdue)
