"""The evidence pack of a deliverable: one ZIP with each evidence record's files in a folder of its
own, a ``manifest.csv`` (path, record, kind, size, SHA-256, status) and ``index.pdf`` (the same
table, printable). Made in the background by the core's exporter (an ``Archive`` entry of
netw/exports/registry.py), private to the partners like the register.

Memory stays flat: every file is copied into the ZIP in chunks from its handle, straight into
the export's file (``ZipFile.open(name, "w")``), and hashed on the way. What grows with the
number of files is one small manifest row and the ZIP's central-directory entry per file.

A file deleted meanwhile (or a record deleted since it was added) is listed as "missing" in the
manifest, never a failed pack. A record the person who asked may no longer see is listed as
"withheld" and its files are left out: the pack gives nobody more than the record's own page.
"""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from pathlib import Path

from django import forms
from django.conf import settings
from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netw.exports import writers
from netw.exports.registry import Archive, register
from netw.monitoring.deliverables import Deliverable, evidence_visibility
from netw.text import latin_slug

INCLUDED, MISSING, WITHHELD = "included", "missing", "withheld"
CHUNK = 256 * 1024
BEAT_EVERY = 100  # files between two progress updates (and heartbeats)
MANIFEST_HEADERS = ["path", "record", "kind", "size", "sha256", "status"]
# The index's rows go in tables of this many: WeasyPrint lays one long table out in a time that
# grows much faster than its rows (a thousand rows in one table took minutes).
INDEX_TABLE_ROWS = 100


class PackFilterForm(forms.Form):
    """Names the deliverable in "My exports" and in the file's name."""

    deliverable = forms.ModelChoiceField(label=_("Deliverable"),
                                         queryset=Deliverable.objects.all())


class PackFilters:
    def __init__(self, user, filters):
        data = QueryDict(mutable=True)
        for key, values in (filters or {}).items():
            data.setlist(key, values)
        self.form = PackFilterForm(data)


def _safe(name: str) -> str:
    """A path inside the ZIP: no absolute path, no way up, no backslash."""
    parts = [p.strip() for p in name.replace("\\", "/").split("/")]
    return "/".join(p for p in parts if p and p not in (".", "..")) or "file"


def _copy(zf: zipfile.ZipFile, name: str, source) -> tuple[int, str, str]:
    """Put one file in the ZIP; (size, sha256, status)."""
    digest = hashlib.sha256()
    if callable(source):
        data = source()
        data = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        digest.update(data)
        with zf.open(name, "w") as out:
            out.write(data)
        return len(data), digest.hexdigest(), INCLUDED
    if not source:  # an empty FileField
        return 0, "", MISSING
    try:
        handle = source.storage.open(source.name, "rb")
    except OSError:  # deleted meanwhile (FileNotFoundError) or unreadable
        return 0, "", MISSING
    size = 0
    with handle:
        try:
            hint = source.storage.size(source.name)
        except OSError:
            hint = 0
        # A member over 2 GiB needs ZIP64 headers, decided before the first byte.
        with zf.open(name, "w", force_zip64=hint > 2 ** 31 - 1) as out:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
                out.write(chunk)
                size += len(chunk)
    return size, digest.hexdigest(), INCLUDED


def _copy_path(zf: zipfile.ZipFile, name: str, path: Path) -> None:
    with open(path, "rb") as handle, zf.open(name, "w") as out:
        while chunk := handle.read(CHUNK):
            out.write(chunk)


def deliverable_of(user, filters) -> Deliverable:
    pk = (filters or {}).get("deliverable", [""])[0]
    found = Deliverable.objects.visible_to(user).filter(pk=pk).first() if str(pk).isdigit() \
        else None
    if found is None:
        raise ValueError("This deliverable no longer exists.")
    return found


def write_pack(path: Path, user, filters, *, progress=lambda done, total: None) -> int:
    """Write the pack of the deliverable named in ``filters`` to ``path``; the number of files
    included."""
    deliverable = deliverable_of(user, filters)
    evidence = list(deliverable.evidence.select_related("content_type").order_by("pk"))
    visible = evidence_visibility(evidence, user)
    rows: list[tuple] = []
    names: set[str] = set()
    included = files_seen = 0
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
        for position, item in enumerate(evidence, start=1):
            source = item.source
            kind = str(source.label) if source else item.content_type.name
            folder = _safe(f"{position:03d}-{latin_slug(kind, max_length=30)}-{item.object_id}")
            record = item.record if (source and item.pk in visible) else None
            if record is None:
                exists = source is not None and source.model._default_manager.filter(
                    pk=item.object_id).exists()
                rows.append((f"{folder}/", item.label, kind, "", "",
                             WITHHELD if exists else MISSING))
                continue
            label = source.describe(record)
            for name, file_source in source.files(record):
                entry = _safe(f"{folder}/{name}")
                if entry in names:  # two files of one record with the same name
                    stem, dot, ext = entry.rpartition(".")
                    entry = f"{stem}-{len(names)}.{ext}" if dot else f"{entry}-{len(names)}"
                names.add(entry)
                size, sha, status = _copy(zf, entry, file_source)
                rows.append((entry, label, kind, size, sha, status))
                included += status == INCLUDED
                files_seen += 1
                if files_seen % BEAT_EVERY == 0:
                    progress(position - 1, len(evidence))
            progress(position, len(evidence))
        with zf.open("manifest.csv", "w") as raw:
            text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
            writer = csv.writer(text)
            writer.writerow(MANIFEST_HEADERS)
            for row in rows:
                writer.writerow([writers.csv_cell(v) for v in row])
            text.flush()
            text.detach()
        index = path.with_name(path.name + ".index.pdf")
        try:
            html = render_to_string("netw/deliverables/evidence_index.html", {
                "report": {"label": _("Evidence pack: %(deliverable)s")
                           % {"deliverable": deliverable}},
                "deliverable": deliverable, "generated_at": timezone.now(),
                "chunks": [rows[i:i + INDEX_TABLE_ROWS]
                           for i in range(0, len(rows), INDEX_TABLE_ROWS)],
                "requested_by": user, "statuses": {INCLUDED: _("included"),
                                                   MISSING: _("missing"),
                                                   WITHHELD: _("withheld")}})
            writers.write_pdf(index, html, base_url=str(settings.BASE_DIR))
            _copy_path(zf, "index.pdf", index)
        finally:
            index.unlink(missing_ok=True)
    return included


register(Archive(
    name="evidence_pack",
    label=_("Evidence pack"),
    write=write_pack,
    filterset=PackFilters,
))
