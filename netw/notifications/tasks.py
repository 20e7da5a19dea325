"""Thin tasks: they take ids and call a service; each is safe to run twice."""

from celery import shared_task

from netw.emails import TRANSIENT_MAIL_ERRORS


@shared_task(bind=True, max_retries=None)
def deliver_notification(self, notification_id: int) -> str:
    # No Celery retry limit: the row's own attempt counter caps the tries (the sweeper may queue
    # a row again, and the counter must hold across both paths).
    from netw.notifications import services

    outcome = services.notification_deliver(notification_id=notification_id)
    if outcome.status == "retry" and not self.app.conf.task_always_eager:
        raise self.retry(countdown=outcome.retry_in)
    return outcome.status


@shared_task
def sweep_outbox() -> int:
    from netw.notifications import services

    return services.outbox_sweep()


@shared_task
def queue_daily_digests() -> int:
    from netw.notifications import services

    return services.digests_queue()


@shared_task(
    autoretry_for=TRANSIENT_MAIL_ERRORS,
    retry_backoff=60,
    retry_backoff_max=30 * 60,
    retry_jitter=True,
    max_retries=6,
)
def send_digest(user_id: int) -> int:
    from netw.notifications import services

    return services.digest_send(user_id=user_id)


@shared_task
def send_registry_weekly_digest() -> int:
    from netw.notifications import services

    return services.registry_weekly_digest()
