"""Thin tasks: they take ids and call a service; each is safe to run twice."""

from celery import shared_task
from django.conf import settings


@shared_task(bind=True, max_retries=None, time_limit=settings.EXPORTS_TIME_LIMIT,
             soft_time_limit=settings.EXPORTS_SOFT_TIME_LIMIT)
def run_export(self, export_id: int) -> str:
    # No Celery retry limit: "busy" means a live run holds the export, and this task only waits
    # for it to finish or to fall silent. The export's own attempt counter caps the runs.
    from netw.exports import services

    outcome = services.export_run(export_id=export_id)
    if outcome == "busy" and not self.app.conf.task_always_eager:
        # Looks again once the live run's heartbeat would have gone stale.
        raise self.retry(countdown=settings.EXPORTS_HEARTBEAT_TIMEOUT)
    return outcome


@shared_task
def delete_expired_exports() -> int:
    from netw.exports import services

    return services.exports_delete_expired()


@shared_task
def requeue_stranded_exports() -> int:
    from netw.exports import services

    return services.exports_requeue_stranded()
