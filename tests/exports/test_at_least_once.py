"""A worker killed mid-export: the task is re-delivered, and the export completes exactly once."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from netw.exports import services
from netw.exports.models import Export
from netw.exports.tasks import run_export
from netw.notifications.models import Notification


def _running(user, *, heartbeat_age, attempts=1, token="deadrun"):
    return Export.objects.create(
        requested_by=user, list_name="partners", format="csv", fingerprint=token,
        status="running", attempts=attempts, run_token=token,
        heartbeat_at=timezone.now() - timedelta(seconds=heartbeat_age),
        started_at=timezone.now() - timedelta(minutes=1))


def test_a_redelivered_task_waits_while_the_first_run_is_alive(owner):
    export = _running(owner, heartbeat_age=1)
    assert services.export_run(export_id=export.pk) == "busy"
    export.refresh_from_db()
    assert (export.status, export.attempts, export.run_token) == ("running", 1, "deadrun")


def test_a_redelivered_task_takes_over_a_silent_run_and_completes_once(
        owner, settings, django_capture_on_commit_callbacks):
    export = _running(owner, heartbeat_age=settings.EXPORTS_HEARTBEAT_TIMEOUT + 1)
    services.file_path(f"{export.pk}-deadrun.part").write_text("half a file")
    with django_capture_on_commit_callbacks(execute=True):
        assert run_export(export.pk) == "done"
        assert run_export(export.pk) == "nothing"
    export.refresh_from_db()
    assert (export.status, export.attempts) == ("done", 2)
    assert Notification.objects.filter(kind="export_ready").count() == 1
    assert len(list(services.exports_root().glob(f"{export.pk}-*"))) == 1


def test_a_task_that_keeps_killing_its_worker_is_given_up(owner, settings,
                                                          django_capture_on_commit_callbacks):
    export = _running(owner, heartbeat_age=settings.EXPORTS_HEARTBEAT_TIMEOUT + 1,
                      attempts=settings.EXPORTS_MAX_ATTEMPTS)
    with django_capture_on_commit_callbacks(execute=True):
        assert run_export(export.pk) == "failed"
    export.refresh_from_db()
    assert export.status == "failed"
    assert "interrupted 3 times" in export.error
    assert Notification.objects.filter(kind="export_failed").count() == 1


def test_a_run_that_was_taken_over_throws_its_file_away(owner, monkeypatch):
    export = Export.objects.create(requested_by=owner, list_name="partners", format="csv",
                                   fingerprint="f")
    real_write = services._write

    def write_then_get_overtaken(exp, token, path):
        count = real_write(exp, token, path)
        Export.objects.filter(pk=exp.pk).update(run_token="someone-else")
        return count

    monkeypatch.setattr(services, "_write", write_then_get_overtaken)
    assert services.export_run(export_id=export.pk) == "superseded"
    export.refresh_from_db()
    assert export.status == "running" and export.file_name == ""
    assert list(services.exports_root().glob(f"{export.pk}-*")) == []
    assert not Notification.objects.exists()


def test_the_busy_task_retries_after_the_heartbeat_timeout(owner, settings):
    from unittest import mock

    from celery.exceptions import Retry

    from netw.celery import app

    export = _running(owner, heartbeat_age=1)
    app.conf.task_always_eager = False
    try:
        with mock.patch.object(run_export, "retry", side_effect=Retry) as retry:
            try:
                run_export.run(export.pk)
            except Retry:
                pass
    finally:
        app.conf.task_always_eager = True
    assert retry.call_args.kwargs["countdown"] == settings.EXPORTS_HEARTBEAT_TIMEOUT


def test_a_dead_workers_export_is_taken_over_within_a_minute(settings):
    # The last heartbeat goes stale after EXPORTS_HEARTBEAT_TIMEOUT; the sweep that queues the
    # export again runs every "schedule" seconds; a live run beats well within the timeout.
    sweep = settings.CELERY_BEAT_SCHEDULE["exports-requeue-stranded"]["schedule"]
    assert settings.EXPORTS_HEARTBEAT_TIMEOUT + sweep <= 60
    assert settings.EXPORTS_HEARTBEAT_EVERY * 3 <= settings.EXPORTS_HEARTBEAT_TIMEOUT


def test_the_sweep_queues_a_silent_run_again_as_soon_as_its_heartbeat_is_stale(
        owner, settings, django_capture_on_commit_callbacks):
    alive = _running(owner, heartbeat_age=settings.EXPORTS_HEARTBEAT_TIMEOUT - 5, token="live")
    dead = _running(owner, heartbeat_age=settings.EXPORTS_HEARTBEAT_TIMEOUT + 1)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.exports_requeue_stranded() == 1
    alive.refresh_from_db()
    dead.refresh_from_db()
    assert (alive.status, alive.run_token) == ("running", "live")
    assert (dead.status, dead.attempts) == ("done", 2)
    assert Notification.objects.filter(kind="export_ready").count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_run_keeps_its_heartbeat_while_a_step_reports_no_rows(owner, settings, monkeypatch):
    # A PDF being laid out or a workbook being zipped writes no rows for a while: the run's
    # heartbeat goes on, so the sweep does not take a live run for a dead one.
    settings.EXPORTS_HEARTBEAT_EVERY = 0.05
    export = Export.objects.create(requested_by=owner, list_name="partners", format="csv",
                                   fingerprint="f")
    seen = []
    real_write = services._write

    def slow_write(exp, token, path):
        before = Export.objects.get(pk=exp.pk).heartbeat_at
        time.sleep(0.6)
        seen.append((before, Export.objects.get(pk=exp.pk).heartbeat_at))
        return real_write(exp, token, path)

    monkeypatch.setattr(services, "_write", slow_write)
    assert services.export_run(export_id=export.pk) == "done"
    ((before, during),) = seen
    assert during > before
