"""The nightly build of the open data package (CELERY_BEAT_SCHEDULE["opendata-build-package"])."""

from __future__ import annotations

from celery import shared_task


@shared_task
def build_open_data_package() -> str:
    """Write a fresh package and swap it in. Safe to run twice: each run writes a complete
    package of its own and the last one finished is served."""
    from netw.opendata.package import build_package

    return str(build_package())
