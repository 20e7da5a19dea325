from celery import shared_task

from netw.tasks import TRANSIENT_MAIL_ERRORS


@shared_task(
    autoretry_for=TRANSIENT_MAIL_ERRORS,
    retry_backoff=30,
    retry_backoff_max=60 * 60,
    retry_jitter=True,
    max_retries=8,
)
def deliver_notification(notification_id: int) -> None:
    from netw.notifications import services

    services.notification_deliver(notification_id=notification_id)
