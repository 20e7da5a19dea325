"""Writing the Frictionless data package, and finding the current one.

Layout of ``OPEN_DATA_ROOT``::

    current -> build-20261202T024000123456Z-1a2b3c   (a relative symlink, swapped atomically)
    build-20261202T024000123456Z-1a2b3c/
        datapackage.json  README.md  LICENSE.txt  providers.csv  networks.csv  …
    .tmp-…/                                         (a build in progress; never served)

A build writes every file into a hidden directory of its own, renames it to ``build-…`` when
every file is complete, then points ``current`` at it with one ``os.replace`` of a symlink: a
reader sees either the whole previous package or the whole new one, and a build that fails
leaves the previous package in place. Older builds beyond ``OPEN_DATA_KEEP_BUILDS`` are removed.

Rows are streamed from the database (``QuerySet.iterator``) and written one by one: memory does
not grow with the number of records.
"""

from __future__ import annotations

import csv
import hashlib
import json
import logging
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from netw.licences import get_licence as licence_by_code
from netw.opendata.datasets import Dataset
from netw.opendata.schema import LIST_DELIMITER, table_schema

logger = logging.getLogger(__name__)

CURRENT = "current"
DESCRIPTOR = "datapackage.json"
README = "README.md"
LICENCE_FILE = "LICENSE.txt"
PACKAGE_LICENCE = "CC-BY-4.0"
CHUNK_SIZE = 500


def root() -> Path:
    return Path(settings.OPEN_DATA_ROOT)


def current_dir(base: Path | None = None) -> Path | None:
    """The directory of the package being served, or None before the first build."""
    link = (base or root()) / CURRENT
    try:
        target = link.parent / os.readlink(link)
    except OSError:  # no package built yet
        return None
    return target if (target / DESCRIPTOR).is_file() else None


def current_descriptor(base: Path | None = None) -> dict | None:
    directory = current_dir(base)
    if directory is None:
        return None
    try:
        with open(directory / DESCRIPTOR, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError):
        logger.exception("The open data descriptor in %s cannot be read", directory)
        return None


def site_request():
    """A visitor's request on SITE_URL: serializers that build absolute URLs or ask who reads
    get the answers they give an anonymous visitor of the site."""
    from urllib.parse import urlsplit

    parts = urlsplit(settings.SITE_URL)
    request = RequestFactory().get("/", secure=parts.scheme == "https")
    request.user = AnonymousUser()
    # Not validated against ALLOWED_HOSTS: SITE_URL is the site's own address by definition.
    request.get_host = lambda: parts.netloc
    return request


def build_package(*, datasets: list[Dataset] | None = None, base: Path | None = None,
                  now: datetime | None = None) -> Path:
    """Write a complete package and make it the current one. Returns its directory."""
    from netw.opendata.datasets import open_datasets

    base = base or root()
    base.mkdir(parents=True, exist_ok=True)
    datasets = open_datasets() if datasets is None else datasets
    created = (now or datetime.now(UTC)).replace(microsecond=0)
    work = Path(tempfile.mkdtemp(prefix=".tmp-", dir=base))
    try:
        with translation.override(settings.LANGUAGE_CODE):
            descriptor = _write_package(work, datasets, created)
        with open(work / DESCRIPTOR, "w", encoding="utf-8") as handle:
            json.dump(descriptor, handle, ensure_ascii=False, indent=2)
            handle.write("\n")
        # Named by the moment it is complete, to the microsecond: pruning keeps the newest.
        final = base / f"build-{datetime.now(UTC):%Y%m%dT%H%M%S%fZ}-{uuid.uuid4().hex[:6]}"
        os.rename(work, final)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    _point_current(base, final)
    _prune(base, keep=final)
    return final


def _point_current(base: Path, target: Path) -> None:
    link = base / f".current-{uuid.uuid4().hex}"
    os.symlink(target.name, link)
    os.replace(link, base / CURRENT)


def _prune(base: Path, *, keep: Path) -> None:
    builds = sorted((p for p in base.glob("build-*") if p.is_dir() and p != keep),
                    key=lambda p: p.name, reverse=True)
    for old in builds[settings.OPEN_DATA_KEEP_BUILDS:]:
        shutil.rmtree(old, ignore_errors=True)
    for stale in base.glob(".tmp-*"):
        # A build that died with its process: older than a day, it is not running any more.
        if datetime.now(UTC).timestamp() - stale.stat().st_mtime > 24 * 60 * 60:
            shutil.rmtree(stale, ignore_errors=True)


def _write_package(work: Path, datasets: list[Dataset], created: datetime) -> dict:
    request = site_request()
    schemas = {dataset.name: table_schema(dataset.serializer_class) for dataset in datasets}
    resource_of_model = {dataset.model: dataset.name for dataset in datasets}
    resources = []
    for dataset in datasets:
        schema = schemas[dataset.name]
        path = f"{dataset.name}.csv"
        rows = _rows(dataset, schema, request)
        size, digest = _write_csv(work / path, schema.names, rows)
        resources.append({
            "name": dataset.name,
            "path": path,
            "title": str(dataset.title),
            "description": str(dataset.description),
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "bytes": size,
            "hash": digest,
            "licenses": [_licence_descriptor()],
            "schema": schema.descriptor(
                foreign_keys=_foreign_keys(dataset.name, schema, schemas, resource_of_model)),
        })
    _write_text(work / README, _readme(datasets, created))
    _write_text(work / LICENCE_FILE, _licence_text(created))
    return _descriptor(resources, created)


def _rows(dataset: Dataset, schema, request) -> Iterable[list[str]]:
    context = {"request": request}
    queryset = dataset.queryset().order_by("pk")
    for record in queryset.iterator(chunk_size=CHUNK_SIZE):
        yield schema.row(dataset.serializer_class(record, context=context).data)


def _write_csv(path: Path, header: list[str], rows: Iterable[list[str]]) -> tuple[int, str]:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow(row)
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return path.stat().st_size, f"sha256:{digest.hexdigest()}"


def _write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def _foreign_keys(name: str, schema, schemas: dict, resource_of_model: dict) -> list[dict]:
    keys = []
    for column in schema.columns:
        target = resource_of_model.get(column.related_model)
        if column.related_model is None or target is None:
            continue
        if column.kind != "scalar" or column.related_field not in schemas[target].names:
            continue
        if target == name and column.name == "id":
            continue  # the primary key itself
        keys.append({"fields": [column.name],
                     "reference": {"resource": "" if target == name else target,
                                   "fields": [column.related_field]}})
    return keys


def _licence_descriptor() -> dict:
    licence = licence_by_code(PACKAGE_LICENCE)
    return {"name": licence.code, "path": licence.url, "title": str(licence.name)}


def _descriptor(resources: list[dict], created: datetime) -> dict:
    site = settings.SITE_URL
    return {
        "profile": "tabular-data-package",
        "name": "net-works-open-data",
        "id": f"{site}/open-data/datapackage.json",
        "title": "Net-Works open data",
        "description": str(_(
            "The Net-Works registry of work-based adult education providers and their networks, "
            "and the project's public inventories: what visitors of the portal see, never "
            "contact details.")),
        "homepage": f"{site}/open-data/",
        "version": f"{created:%Y.%m.%d}",
        "created": created.isoformat().replace("+00:00", "Z"),
        "licenses": [_licence_descriptor()],
        "contributors": [
            {"title": "Net-Works project partners", "role": "author", "path": f"{site}/partners/"},
            {"title": "Net-Works project", "role": "publisher", "path": f"{site}/about/"},
        ],
        "keywords": ["adult education", "work-based learning", "work integration social "
                     "enterprises", "Erasmus+", "open data"],
        "resources": resources,
    }


def _licence_text(created: datetime) -> str:
    licence = licence_by_code(PACKAGE_LICENCE)
    return (
        f"Net-Works open data, {created:%Y-%m-%d}\n\n"
        f"Licensed under the Creative Commons {licence.name} licence: {licence.url}\n\n"
        f"{licence.allows}\n\n"
        f"Attribute as: \"Net-Works project, Net-Works open data, {created:%Y}, "
        f"{settings.SITE_URL}/open-data/, licensed under {licence.short}.\"\n\n"
        "Some records (methodologies, good practices, publications, …) carry a licence of their "
        "own in their \"licence\" column: that licence applies to the record's content.\n"
    )


def _readme(datasets: list[Dataset], created: datetime) -> str:
    site = settings.SITE_URL
    licence = licence_by_code(PACKAGE_LICENCE)
    lines = [
        "# Net-Works open data",
        "",
        f"Built {created.isoformat().replace('+00:00', 'Z')} from {site}/ — rebuilt every night.",
        f"Described field by field in datapackage.json and on {site}/open-data/.",
        "",
        "## Licence",
        "",
        f"{licence.name} ({licence.url}). See LICENSE.txt for how to attribute.",
        "",
        "## Files",
        "",
    ]
    lines += [f"- {dataset.name}.csv: {dataset.title}" for dataset in datasets]
    lines += [
        "",
        "## Conventions",
        "",
        "- UTF-8 CSV, comma separated, first row the column names; `id` is a stable id.",
        "- Codes, not labels: countries ISO 3166-1 alpha-2, regions ISO 3166-2, languages "
        "BCP 47, vocabularies as codes (each field's `enum` or `pattern` lists them).",
        f"- A list of codes or ids is one cell, its items joined by `{LIST_DELIMITER}`.",
        "- A nested object becomes one column per part, named `parent.part`; a list of objects "
        "is one cell holding a JSON array.",
        "- An empty cell is a missing value; booleans are `true`/`false`; dates ISO 8601.",
        f"- The same records as JSON, with filters and `modified_after` for incremental "
        f"harvesting: {site}/api/v1/ (documentation {site}/api/v1/docs/).",
        "",
    ]
    return "\n".join(lines)
