"""``manage.py bench_exports``: how long an export of N rows takes, and how much memory the worker
needs, beside PostgreSQL's own ``COPY (SELECT …) TO STDOUT`` of an equivalent file: the same rows
and columns, with the labels joined in SQL (a ``CASE`` per labelled column, built from the labels
the export itself would write) and each to-many column joined with ``string_agg`` — the same
lines the export writes, not raw codes. It prints the ratio of each export's time to the COPY's.

A benchmark, not a test: it prints figures (and writes them as JSON to ``var/bench/``) on a
throw-away database (see ``netw.benchmark.throwaway_database``), never the real one. Each export
runs in a forked process, like a worker's pool process, which reports its time, its peak
resident memory (``getrusage``) above what it started with, and the Python heap's peak
(``tracemalloc``, in a second, untimed run). Sizes default to 10,000 and 100,000 rows, so the
report shows whether memory grows with the row count (it should not: the writers stream). The
tables are ANALYZEd after the rows are generated, as a real database's would be.
"""

from __future__ import annotations

import json
import multiprocessing
import platform
import resource
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, connections
from django.db.models import Case, CharField, F, IntegerField, OuterRef, Subquery, Value, When
from django.db.models.functions import Cast, Coalesce
from django.db.models.lookups import Exact, IsNull
from django.utils import timezone

from netw import benchmark


def _generate_notifications(ctx, count: int, start: int) -> None:
    from netw.notifications.models import Notification

    user = ctx.users["member"]
    batch = []
    for i in range(start, count):
        batch.append(Notification(recipient=user, kind="bench", subject=f"Notification {i}",
                                  body="b", url=f"/x/{i}/", email_status="sent"))
        if len(batch) == 5000:
            Notification.objects.bulk_create(batch)
            batch = []
    Notification.objects.bulk_create(batch)


def _generate_providers(ctx, count: int, start: int) -> None:
    """The registry's own generator (providers/bench.py) when it has one; else verified
    providers spread over the partners and eight countries, written in batches."""
    from providers import bench as providers_bench

    make = getattr(providers_bench, "make_providers", None)
    if make is not None:
        make(ctx, count=count, start=start)
        return
    from providers.models import Provider
    from providers.vocabulary import LegalForm, Verification

    partners = list(ctx.partners.values())
    countries = ["PT", "SK", "HU", "MK", "RS", "BE", "IT", "FR"]
    forms = [c for c, _label in LegalForm.choices]
    batch = []
    for i in range(start, count):
        batch.append(Provider(
            name=f"Work integration enterprise {i}", country=countries[i % len(countries)],
            region=f"Region {i % 40}", city=f"City {i % 300}", legal_form=forms[i % len(forms)],
            website=f"https://provider{i}.example.org", contact_person=f"Contact {i}",
            contact_email=f"contact{i}@provider.example.org", contact_phone="+351 21 000 0000",
            learners_per_year=i % 500, workers_per_year=i % 120,
            verification=Verification.VERIFIED, owner_partner=partners[i % len(partners)]))
        if len(batch) == 5000:
            Provider.objects.bulk_create(batch)
            batch = []
    Provider.objects.bulk_create(batch)


def _labels_case(expression, labels: dict, default) -> Case:
    """``labels`` ({value: text}) as SQL: ``CASE expression WHEN value THEN text … END``."""
    whens = [When(Exact(expression, Value(value)), then=Value(text))
             for value, text in labels.items() if value is not None]
    if None in labels:
        whens.append(When(IsNull(expression, True), then=Value(labels[None])))
    return Case(*whens, default=default, output_field=CharField())


def _copy_column(queryset, column) -> Any:
    """The SQL that writes ``column`` as the export does (its labels, its to-many values joined
    by ", "), or None for the column itself (no converter, or one SQL cannot stand in for)."""
    from django.contrib.postgres.aggregates import StringAgg

    from netw.exports import registry

    convert, path = column.convert, column.path
    if column.many:
        if convert is None:
            value, ordering = Cast(F(path), CharField()), F(path)
        elif isinstance(convert, registry.choice_labels):
            labels = convert.prepare()
            value = _labels_case(F(path), {code: labels([code])[0] for code in convert.labels},
                                 Cast(F(path), CharField()))
            ordering = Case(*[When(Exact(F(path), Value(code)), then=Value(position))
                              for code, position in convert.order.items()],
                            default=Value(len(convert.order)), output_field=IntegerField())
        else:
            return None
        joined = (queryset.model._base_manager.filter(pk=OuterRef("pk"),
                                                      **{f"{path}__isnull": False})
                  .order_by().values("pk")
                  .annotate(_joined=StringAgg(value, delimiter=", ", order_by=ordering))
                  .values("_joined"))
        return Coalesce(Subquery(joined), Value(""), output_field=CharField())
    if isinstance(convert, registry.choice_label):
        labels = {code: str(label) for code, label in convert.labels.items()}
        return _labels_case(F(path), labels, Coalesce(Cast(F(path), CharField()), Value(""),
                                                      output_field=CharField()))
    if convert is not None and hasattr(convert, "prepare"):
        # A converter of labels over a small set: the values the rows hold, labelled as the
        # export labels them (worked out before the COPY is timed).
        label = registry.prepared(convert)
        values = queryset.order_by().values_list(path, flat=True).distinct()
        return _labels_case(F(path), {value: str(label(value)) for value in values}, Value(""))
    return None


GENERATORS = {"providers": _generate_providers, "notifications": _generate_notifications}


def _peak_rss_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _current_rss_kib() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * resource.getpagesize() // 1024


def _run_export(export_id: int, trace: bool, queue) -> None:
    """In the forked process: run one export as the worker would, and report."""
    from netw.exports import services

    start_rss = _current_rss_kib()
    if trace:
        tracemalloc.start()
    began = time.perf_counter()
    outcome = services.export_run(export_id=export_id)
    elapsed = time.perf_counter() - began
    heap_peak = tracemalloc.get_traced_memory()[1] if trace else None
    queue.put({"outcome": outcome, "seconds": elapsed, "rss_start_kib": start_rss,
               "rss_peak_kib": _peak_rss_kib(), "heap_peak_bytes": heap_peak})
    connection.close()


def _in_fork(export_id: int, trace: bool) -> dict:
    connections.close_all()  # the child opens its own connection
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    process = ctx.Process(target=_run_export, args=(export_id, trace, queue))
    process.start()
    result = queue.get(timeout=3600)
    process.join()
    return result


class Command(BaseCommand):
    help = "Time and memory of exports of N rows (CSV, XLSX) beside PostgreSQL's COPY."
    requires_system_checks: list = []

    def add_arguments(self, parser):
        parser.add_argument("--rows", default="10000,100000",
                            help="row counts to measure (default 10000,100000)")
        parser.add_argument("--list", default="",
                            help="the registered list to export (default: providers once the "
                                 "registry has them, else notifications)")
        parser.add_argument("--formats", default="csv,xlsx")
        parser.add_argument("--no-tracemalloc", action="store_true",
                            help="skip the untimed second run that measures the Python heap")
        parser.add_argument("--output", default=str(Path(settings.VAR_DIR) / "bench"))

    def handle(self, *args, rows: str, list: str, formats: str, no_tracemalloc: bool,
               output: str, **options):
        from netw.exports import registry

        sizes = sorted({int(r) for r in rows.split(",") if r.strip()})
        list_name = list or ("providers" if registry.get("providers") else "notifications")
        if list_name not in GENERATORS or registry.get(list_name) is None:
            raise CommandError(f"no generator or no registered list for {list_name!r}")
        format_list = [f.strip() for f in formats.split(",") if f.strip()]
        results = []
        with tempfile.TemporaryDirectory() as exports_dir, \
                benchmark.throwaway_database() as db_name, benchmark.measuring_settings():
            settings.EXPORTS_ROOT = Path(exports_dir)
            # The "export ready" notifications are written but not e-mailed.
            settings.EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
            self.stdout.write(f"Throw-away {connection.vendor} database: {db_name}; "
                              f"list {list_name!r}")
            ctx = benchmark.make_context()
            user = ctx.users["coordinator"] if list_name != "notifications" \
                else ctx.users["member"]
            done = 0
            for size in sizes:
                self.stdout.write(f"Generating {size} rows…")
                GENERATORS[list_name](ctx, size, done)
                done = size
                with connection.cursor() as cursor:  # the planner's statistics, as in production
                    cursor.execute("ANALYZE")
                entry = registry.get(list_name)
                actual = entry.count(user, {})
                measured = [self._measure(user, list_name, fmt, actual, not no_tracemalloc)
                            for fmt in format_list]
                copy = self._copy(entry, user, actual)
                for result in measured:
                    if copy["seconds"]:
                        result["x_copy"] = round(result["seconds"] / copy["seconds"], 2)
                results.extend([*measured, copy])
        self._print(results)
        path = self._write(results, Path(output), list_name)
        self.stdout.write(f"\nJSON report: {path}")

    def _measure(self, user, list_name: str, fmt: str, rows: int, trace: bool) -> dict:
        from netw.exports.models import Export

        def new_export():
            return Export.objects.create(requested_by=user, list_name=list_name, format=fmt,
                                         fingerprint=f"bench-{time.time_ns()}").pk

        timed = _in_fork(new_export(), trace=False)
        if timed["outcome"] != "done":
            error = Export.objects.filter(requested_by=user).first().error
            raise CommandError(f"the export did not complete: {timed['outcome']} {error}")
        traced = _in_fork(new_export(), trace=True) if trace else {}
        size = Export.objects.filter(status="done").order_by("-pk").first().file_size
        return {"what": f"export {fmt}", "rows": rows, "seconds": round(timed["seconds"], 3),
                "rss_growth_mib": round((timed["rss_peak_kib"] - timed["rss_start_kib"]) / 1024,
                                        1),
                "rss_peak_mib": round(timed["rss_peak_kib"] / 1024, 1),
                "heap_peak_mib": (round(traced["heap_peak_bytes"] / 2**20, 1)
                                  if traced else None),
                "file_mib": round(size / 2**20, 2)}

    def _copy(self, entry, user, rows: int) -> dict:
        if connection.vendor != "postgresql":
            return {"what": "COPY (PostgreSQL only)", "rows": rows, "seconds": None}
        queryset = entry.queryset(user, {})
        unlabelled: list[str] = []
        selected = []
        for index, column in enumerate(entry.columns):
            expression = _copy_column(queryset, column)
            if expression is None:
                selected.append(column.path)
                if column.convert is not None:
                    unlabelled.append(column.path)
            else:
                queryset = queryset.annotate(**{f"_copy_{index}": expression})
                selected.append(f"_copy_{index}")
        sql, params = queryset.values_list(*selected).query.sql_with_params()
        with connection.cursor() as cursor, tempfile.TemporaryFile() as sink:
            select = cursor.mogrify(sql, params).decode()
            began = time.perf_counter()
            cursor.copy_expert(f"COPY ({select}) TO STDOUT WITH (FORMAT csv, HEADER)", sink)
            elapsed = time.perf_counter() - began
            size = sink.tell()
            sink.seek(0)
            lines = sum(1 for _line in sink)
        return {"what": "PostgreSQL COPY csv", "rows": rows, "seconds": round(elapsed, 3),
                "file_mib": round(size / 2**20, 2), "lines": lines,
                "unlabelled_columns": unlabelled}

    def _print(self, results: list[dict]) -> None:
        self.stdout.write("\n{:<22} {:>8} {:>9} {:>12} {:>11} {:>11} {:>9} {:>8}".format(
            "what", "rows", "seconds", "RSS growth", "RSS peak", "heap peak", "file", "× COPY"))
        def fmt(r, key, unit):
            value = r.get(key)
            return "—" if value is None else f"{value} {unit}"

        for r in results:
            self.stdout.write("{:<22} {:>8} {:>9} {:>12} {:>11} {:>11} {:>9} {:>8}".format(
                r["what"], r["rows"], fmt(r, "seconds", "s"), fmt(r, "rss_growth_mib", "MiB"),
                fmt(r, "rss_peak_mib", "MiB"), fmt(r, "heap_peak_mib", "MiB"),
                fmt(r, "file_mib", "MiB"), fmt(r, "x_copy", "×")))
            if r.get("unlabelled_columns"):
                raw = ", ".join(r["unlabelled_columns"])
                self.stdout.write(f"  (COPY writes these raw: {raw})")

    def _write(self, results: list[dict], folder: Path, list_name: str) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"exports-{timezone.now():%Y%m%d-%H%M%S}.json"
        path.write_text(json.dumps({
            "list": list_name, "vendor": connection.vendor, "python": platform.python_version(),
            "machine": platform.machine(), "results": results}, indent=2))
        return path
