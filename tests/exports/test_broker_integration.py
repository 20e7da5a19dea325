"""Exports through the real Redis broker and a real worker (tests/broker_worker.py)."""

import csv
import io
import os
import signal

import pytest
from django.urls import reverse

from netw.exports.models import Export
from netw.notifications.models import Notification
from tests.broker_worker import wait_for

pytestmark = pytest.mark.broker


def _done(export_id):
    export = Export.objects.get(pk=export_id)
    return export if export.status in ("done", "failed") else None


def test_an_export_goes_through_the_broker_and_is_downloaded(live_worker, client, owner):
    client.force_login(owner)
    response = client.post(reverse("exports:request"), {"list": "partners", "format": "xlsx"})
    assert response.status_code == 302
    export = wait_for(lambda: _done(Export.objects.get().pk), timeout=90, what="the export")
    assert export.status == "done", export.error
    assert export.row_count == 8
    assert Notification.objects.filter(recipient=owner, kind="export_ready").count() == 1
    download = client.get(reverse("exports:download", args=[export.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"PK")  # a zip: XLSX


def test_a_worker_killed_mid_export_is_redelivered_and_completes_once(live_worker, owner):
    _redis, worker = live_worker
    Notification.objects.bulk_create(
        Notification(recipient=owner, kind="test", subject=f"n{i}", body="b")
        for i in range(5000))
    from netw.exports import services

    export, created = services.export_request(user=owner, list_name="notifications",
                                              filters={}, format="csv")
    assert created
    # The worker pauses between chunks of 1000 rows: kill it once the first chunk is written.
    wait_for(lambda: (Export.objects.get(pk=export.pk).row_count or 0) >= 1000, timeout=90,
             interval=0.05, what="the first chunk")
    children = worker.children()
    assert len(children) == 1
    os.kill(children[0], signal.SIGKILL)

    export = wait_for(lambda: _done(export.pk), timeout=120, what="the redelivered export")
    assert export.status == "done", export.error + worker.log_text()[-3000:]
    assert export.attempts == 2
    assert export.row_count == 5000
    assert Notification.objects.filter(kind="export_ready").count() == 1
    # One file: the killed run's partial file was removed when the new run took over.
    files = sorted(p.name for p in worker.exports_dir.glob(f"{export.pk}-*"))
    assert files == [export.file_name]
    text = (worker.exports_dir / export.file_name).read_text(encoding="utf-8-sig")
    assert len(list(csv.reader(io.StringIO(text)))) == 5001
    assert "WorkerLostError" in worker.log_text() or "signal 9" in worker.log_text()
