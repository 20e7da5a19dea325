"""Thin tasks: they take the import's id, and the services claim it by its status, so each is
safe to run twice (see providers.imports)."""

from celery import shared_task


@shared_task
def check_provider_import(job_id: int) -> str:
    from providers.imports import provider_import_check

    return provider_import_check(job_id=job_id)


@shared_task
def write_provider_import(job_id: int) -> str:
    from providers.imports import provider_import_write

    return provider_import_write(job_id=job_id)


@shared_task
def requeue_stranded_provider_imports() -> int:
    from providers.imports import provider_imports_requeue_stranded

    return provider_imports_requeue_stranded()
