"""Exports: asking for one, running it (once, even when a worker dies), handing it over, expiry.

A run claims the export with a fresh token and beats a heartbeat while it writes. A task that
finds the export running with a recent heartbeat leaves it to the live run (and looks again
later); one that finds the heartbeat stale takes over, which is how a worker killed mid-export is
recovered: the broker re-delivers the unacknowledged task (acks_late), and the new run starts
the file again. Completion is decided under a row lock and only for the current token, so an
export completes, and notifies, exactly once.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import secrets
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

import rules
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, IntegrityError, connections, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from netw import enqueue
from netw.exports import registry, writers
from netw.exports.models import Export
from netw.notifications.services import notify

logger = logging.getLogger(__name__)

# Query-string keys that are about the page, not about which rows are listed. Not "format": the
# file's format is its own field of the request, and "format" is a filter of some lists (a
# session's online / in person: peersessions/filters.py, the calendar).
IGNORED_FILTERS = {"page", "csrfmiddlewaretoken", "list"}
PROGRESS_EVERY = 1000  # rows between two progress updates (and heartbeats)…
HEARTBEAT_CHECK_EVERY = 100  # …or, when rows come slowly, a heartbeat at least every
# EXPORTS_HEARTBEAT_EVERY seconds (the clock is read every this many rows)


class Superseded(Exception):
    """Another run took the export over: this one stops and throws its file away."""


def exports_root() -> Path:
    root = Path(settings.EXPORTS_ROOT)
    root.mkdir(parents=True, exist_ok=True)
    return root


def file_path(name: str) -> Path:
    return exports_root() / name


def _remove(name: str) -> None:
    if name:
        try:
            file_path(name).unlink()
        except FileNotFoundError:
            pass


def normalise_filters(raw: dict[str, list[str]] | None) -> dict[str, list[str]]:
    """Keep the non-empty filter values, in a stable order (so equal requests compare equal)."""
    cleaned: dict[str, list[str]] = {}
    for key, values in sorted((raw or {}).items()):
        if key in IGNORED_FILTERS:
            continue
        values = [v for v in (values if isinstance(values, list) else [values]) if v != ""]
        if values:
            cleaned[key] = [str(v) for v in values]
    return cleaned


def fingerprint(*, list_name: str, filters: dict, format: str) -> str:
    blob = json.dumps([list_name, filters, format], sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode()).hexdigest()


def may_download(*, user, export: Export) -> bool:
    """The person who asked, while they may still export that list, or a coordinator."""
    from netw import roles

    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if roles.is_coordinator(user):
        return True
    entry = registry.get(export.list_name)
    return (export.requested_by_id == user.pk and entry is not None
            and bool(entry.can_export(user)))


# A person who may not download an export that they see: ``require(user, "netw.download_export",
# export)`` in the view, a 403.
rules.add_perm("netw.download_export",
               rules.predicate(lambda user, export: may_download(user=user, export=export)))


# --- Asking ------------------------------------------------------------------------------------


def export_request(*, user, list_name: str, filters: dict | None, format: str
                   ) -> tuple[Export, bool]:
    """Queue an export, or return the one already being made for the same request.

    Returns ``(export, created)``. Raises ``PermissionDenied`` for a person who may not export
    that list, ``ValueError`` for an unknown list or format.
    """
    from netw.exports.tasks import run_export

    entry = registry.get(list_name)
    if entry is None:
        raise ValueError(f"unknown list {list_name!r}")
    if format not in entry.formats:
        raise ValueError(f"{list_name!r} cannot be exported as {format!r}")
    if not entry.can_export(user):
        raise PermissionDenied
    filters = normalise_filters(filters)
    key = fingerprint(list_name=list_name, filters=filters, format=format)
    existing = Export.objects.active().filter(requested_by=user, fingerprint=key).first()
    if existing:
        return existing, False
    try:
        with transaction.atomic():
            export = Export.objects.create(
                requested_by=user, list_name=list_name, filters=filters, format=format,
                fingerprint=key, filter_summary=registry.describe_filters(entry, user, filters))
    except IntegrityError:
        # A second click won the race against the first: theirs is the export.
        existing = Export.objects.active().filter(requested_by=user, fingerprint=key).first()
        if existing is None:
            raise
        return existing, False
    enqueue.after_commit(run_export, export.pk)
    return export, True


# --- Running -----------------------------------------------------------------------------------


def _claim(export_id: int) -> tuple[Export | None, str]:
    """Take the export for a new run. Returns (export, token) or (None, reason)."""
    now = timezone.now()
    stale_before = now - timedelta(seconds=settings.EXPORTS_HEARTBEAT_TIMEOUT)
    with transaction.atomic():
        export = (Export.objects.select_for_update().select_related("requested_by")
                  .filter(pk=export_id).first())
        if export is None or export.status not in Export.ACTIVE:
            return None, "nothing"
        if (export.status == Export.Status.RUNNING and export.heartbeat_at
                and export.heartbeat_at > stale_before):
            return None, "busy"
        if export.attempts >= settings.EXPORTS_MAX_ATTEMPTS:
            _fail(export, _msg("The export was interrupted %(count)d times and was given up.")
                  % {"count": export.attempts})
            return None, "failed"
        if export.run_token:
            # The previous run died mid-write: its partial file goes.
            _remove(f"{export.pk}-{export.run_token}.part")
        export.attempts += 1
        export.status = Export.Status.RUNNING
        export.run_token = secrets.token_hex(16)
        export.started_at = export.started_at or now
        export.heartbeat_at = now
        export.progress = 0
        export.error = ""
        export.save(update_fields=["attempts", "status", "run_token", "started_at",
                                   "heartbeat_at", "progress", "error"])
    return export, export.run_token


def _msg(text: str) -> str:
    # Errors are stored in English; the page shows them as they are.
    return text


def _fail(export: Export, error: str) -> None:
    """Mark failed and tell the person (call with the row locked, inside a transaction)."""
    _remove(export.file_name)
    export.status = Export.Status.FAILED
    export.error = error
    export.file_name = ""
    export.finished_at = timezone.now()
    export.save(update_fields=["status", "error", "file_name", "finished_at"])
    notify(recipients=[export.requested_by], kind="export_failed",
           template="exports/emails/export_failed",
           context={"export": export, "label": export.label, "error": error},
           url=reverse("exports:list"))


def _beat(export: Export, token: str, *, done: int, total: int) -> None:
    progress = min(99, int(done * 100 / total)) if total else 99
    updated = Export.objects.filter(pk=export.pk, run_token=token,
                                    status=Export.Status.RUNNING).update(
        progress=progress, row_count=done, heartbeat_at=timezone.now())
    if not updated:
        raise Superseded
    if settings.EXPORTS_CHUNK_PAUSE:
        time.sleep(settings.EXPORTS_CHUNK_PAUSE)


@contextmanager
def _beating(export: Export, token: str) -> Iterator[None]:
    """Heartbeats from a thread of their own while the file is written, every
    EXPORTS_HEARTBEAT_EVERY seconds: the steps that report no rows (a PDF being laid out, a
    workbook being zipped, a report's tables) must not look like a dead worker. The thread dies
    with its process, so a killed worker's heartbeat stops at once."""
    stop = threading.Event()

    def beat() -> None:
        try:
            while not stop.wait(settings.EXPORTS_HEARTBEAT_EVERY):
                try:
                    Export.objects.filter(pk=export.pk, run_token=token,
                                          status=Export.Status.RUNNING).update(
                        heartbeat_at=timezone.now())
                except DatabaseError:  # the next beat tries again; the rows' beats go on
                    logger.info("Export %s: a heartbeat was not recorded", export.pk,
                                exc_info=True)
        finally:
            connections.close_all()  # this thread's own connection

    thread = threading.Thread(target=beat, name=f"export-{export.pk}-heartbeat", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def _counted(rows: Iterator[tuple], export: Export, token: str, total: int) -> Iterator[tuple]:
    done = 0
    every = settings.EXPORTS_HEARTBEAT_EVERY
    next_beat = time.monotonic() + every
    for row in rows:
        yield row
        done += 1
        if done % PROGRESS_EVERY == 0 or (done % HEARTBEAT_CHECK_EVERY == 0
                                          and time.monotonic() >= next_beat):
            _beat(export, token, done=done, total=total)
            next_beat = time.monotonic() + every


def report_html(entry: registry.Report, user, filters: dict) -> tuple[dict, str]:
    """(context, HTML) the PDF of a report is made from, in the language of the person who
    asked for it."""
    with translation.override(user.language or settings.LANGUAGE_CODE):
        context = {**entry.context(user, filters), "report": entry,
                   "generated_at": timezone.now(), "requested_by": user}
        return context, render_to_string(entry.template, context)


def _write(export: Export, token: str, path: Path) -> int:
    entry = registry.get(export.list_name)
    user = export.requested_by
    language = user.language or settings.LANGUAGE_CODE
    if isinstance(entry, registry.Report) and export.format == Export.Format.XLSX:
        with translation.override(language):
            sheets = entry.tables(user, export.filters)
        return writers.write_xlsx_sheets(path, sheets)
    if isinstance(entry, registry.Report):
        context, html = report_html(entry, user, export.filters)
        writers.write_pdf(path, html, base_url=str(settings.BASE_DIR))
        return context.get("row_count", 0)
    if isinstance(entry, registry.Archive):
        with translation.override(language):
            return entry.write(path, user, export.filters, progress=lambda done, total: _beat(
                export, token, done=done, total=total))
    total = entry.count(user, export.filters)
    Export.objects.filter(pk=export.pk, run_token=token).update(total_rows=total)
    # The whole file in the language of the person who asked: headers, and the labels, which
    # the rows resolve once when they start (registry.prepared).
    with translation.override(language):
        rows = _counted(entry.rows(user, export.filters), export, token, total)
        headers = entry.headers()
        title = str(entry.label)
        if export.format == Export.Format.XLSX:
            return writers.write_xlsx(path, headers, rows, title=title)
        return writers.write_csv(path, headers, rows)


def export_run(*, export_id: int) -> str:
    """Write the file of one export. Returns what happened: "done", "busy" (another run is
    alive: try later), "nothing" (already finished), "failed" or "superseded"."""
    export, token = _claim(export_id)
    if export is None:
        return token
    entry = registry.get(export.list_name)
    user = export.requested_by
    if entry is None or not user.is_active or not entry.can_export(user):
        with transaction.atomic():
            locked = Export.objects.select_for_update().select_related("requested_by").get(
                pk=export.pk)
            _fail(locked, _msg("You may no longer export this list."))
        return "failed"

    part = f"{export.pk}-{token}.part"
    final = f"{export.pk}-{token}.{export.format}"
    try:
        with _beating(export, token):
            count = _write(export, token, file_path(part))
    except Superseded:
        _remove(part)
        return "superseded"
    except SoftTimeLimitExceeded:
        _remove(part)
        return _finish_failed(export.pk, token, _msg("The export took too long and was stopped."))
    except Exception as exc:
        logger.exception("Export %s failed", export.pk)
        _remove(part)
        return _finish_failed(export.pk, token, f"{type(exc).__name__}: {exc}"[:2000])
    return _complete(export.pk, token, part=part, final=final, count=count)


def _finish_failed(export_id: int, token: str, error: str) -> str:
    with transaction.atomic():
        export = (Export.objects.select_for_update().select_related("requested_by")
                  .filter(pk=export_id, run_token=token, status=Export.Status.RUNNING).first())
        if export is None:
            return "superseded"
        _fail(export, error)
    return "failed"


def _complete(export_id: int, token: str, *, part: str, final: str, count: int) -> str:
    with transaction.atomic():
        export = (Export.objects.select_for_update().select_related("requested_by")
                  .filter(pk=export_id).first())
        if export is None or export.run_token != token or export.status != Export.Status.RUNNING:
            _remove(part)
            return "superseded"
        entry = registry.get(export.list_name)
        user = export.requested_by
        if not user.is_active or entry is None or not entry.can_export(user):
            # Access was withdrawn while the file was being written: it is not handed over.
            _remove(part)
            _fail(export, _msg("You may no longer export this list."))
            return "failed"
        os.replace(file_path(part), file_path(final))
        now = timezone.now()
        export.status = Export.Status.DONE
        export.file_name = final
        export.file_size = file_path(final).stat().st_size
        export.row_count = count
        export.progress = 100
        export.finished_at = now
        export.heartbeat_at = now
        export.expires_at = now + timedelta(days=settings.EXPORTS_KEEP_DAYS)
        export.save(update_fields=["status", "file_name", "file_size", "row_count", "progress",
                                   "finished_at", "heartbeat_at", "expires_at"])
        # In the same transaction as "done": a run that completes notifies, and only one does.
        notify(recipients=[user], kind="export_ready", template="exports/emails/export_ready",
               context={"export": export, "label": export.label},
               url=export.get_download_url())
    return "done"


# --- Housekeeping ------------------------------------------------------------------------------


def exports_delete_expired(*, now: datetime | None = None) -> int:
    """Delete the files past their date; the record stays, marked expired."""
    now = now or timezone.now()
    count = 0
    for export in Export.objects.expired_by(now).only("pk", "file_name"):
        with transaction.atomic():
            locked = Export.objects.select_for_update().filter(
                pk=export.pk, status=Export.Status.DONE).first()
            if locked is None:
                continue
            _remove(locked.file_name)
            locked.status = Export.Status.EXPIRED
            locked.file_name = ""
            locked.save(update_fields=["status", "file_name"])
            count += 1
    # Files left by runs that died mid-write.
    cutoff = time.time() - 24 * 60 * 60
    for leftover in exports_root().glob("*.part"):
        if leftover.stat().st_mtime < cutoff:
            leftover.unlink(missing_ok=True)
    return count


def exports_requeue_stranded(*, now: datetime | None = None) -> int:
    """Queue again exports that no task is working on: asked for while the broker was down
    (still waiting after a few minutes), or running with a stale heartbeat (the worker died,
    and the broker re-delivers its task only after the visibility timeout). Beat runs this
    every 15 seconds, so a dead worker's export is taken over within
    EXPORTS_HEARTBEAT_TIMEOUT + 15 seconds of its last heartbeat. A duplicate is harmless: runs
    claim the export under a lock."""
    from netw.exports.tasks import run_export

    now = now or timezone.now()
    waiting = Export.objects.filter(status=Export.Status.QUEUED,
                                    created_at__lt=now - timedelta(minutes=2))
    silent = Export.objects.filter(
        status=Export.Status.RUNNING,
        heartbeat_at__lt=now - timedelta(seconds=settings.EXPORTS_HEARTBEAT_TIMEOUT))
    count = 0
    for pk in list(waiting.values_list("pk", flat=True)) + list(silent.values_list("pk",
                                                                                  flat=True)):
        if not enqueue.send_now(run_export, pk):
            break
        count += 1
    return count
