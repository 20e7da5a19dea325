"""Thin Celery tasks of the portal itself: they take ids or plain data and call a service."""

from __future__ import annotations

import smtplib
import socket

from celery import shared_task
from django.core.mail import EmailMultiAlternatives

# Failures worth another try: the mail server is down, busy or refusing for now.
TRANSIENT_MAIL_ERRORS = (smtplib.SMTPException, socket.error, TimeoutError)


@shared_task(
    bind=True,
    autoretry_for=TRANSIENT_MAIL_ERRORS,
    retry_backoff=30,
    retry_backoff_max=60 * 60,
    retry_jitter=True,
    max_retries=8,
)
def send_email(self, payload: dict) -> None:
    message = EmailMultiAlternatives(
        payload["subject"], payload["body"], payload["from_email"], payload["to"]
    )
    if payload.get("html"):
        message.attach_alternative(payload["html"], "text/html")
    message.send()


@shared_task(
    bind=True,
    autoretry_for=TRANSIENT_MAIL_ERRORS,
    retry_backoff=30,
    retry_backoff_max=60 * 60,
    retry_jitter=True,
    max_retries=8,
)
def send_invitation(self, invitation_id: int) -> None:
    from netw.accounts import services

    services.invitation_send(invitation_id=invitation_id)


@shared_task(ignore_result=False)  # the one result anyone reads (CELERY_TASK_IGNORE_RESULT)
def ping(nonce: str) -> dict:
    """Round trip through the broker: used by the health check and the broker integration test."""
    return {"nonce": nonce, "hostname": socket.gethostname()}
