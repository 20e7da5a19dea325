"""``manage.py bench``: query counts and server times of every page, at 1x and 10x data.

Runs on a throw-away database (a temporary SQLite file, or ``netw_bench_<pid>`` on the PostgreSQL
server of ``DATABASE_URL``), never on the real one. Exits non-zero when a page's query count grows
with the data (an N+1), goes over the page's query budget (``BenchPage.kind`` or ``budget``) for
any persona at any scale, or a page does not answer 200. Pages and generators: ``<app>/bench.py``.
"""

from __future__ import annotations

import json
import platform
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from netw import benchmark


class Command(BaseCommand):
    help = "Measure query counts and server times of the main pages at 1x and 10x data."
    requires_system_checks: list = []

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=30,
                            help="timed requests per page and persona (at least 30)")
        parser.add_argument("--scales", default="1,10",
                            help="data scales, in units of the 1x data set (default 1,10)")
        parser.add_argument("--only", default="", help="measure only pages whose name has this")
        parser.add_argument("--output", default=str(Path(settings.VAR_DIR) / "bench"),
                            help="folder for the JSON report")

    def handle(self, *args, requests: int, scales: str, only: str, output: str, **options):
        if requests < 30:
            raise CommandError("--requests must be at least 30")
        scale_list = sorted({int(s) for s in scales.split(",") if s.strip()})
        if not scale_list or scale_list[0] < 1:
            raise CommandError("--scales takes whole numbers from 1, e.g. 1,10")
        modules = benchmark.bench_modules()
        pages = [p for p in benchmark.bench_pages(modules) if only.lower() in p.name.lower()]
        if not pages:
            raise CommandError(f"no page matches {only!r}")

        results: dict[int, list[benchmark.Measurement]] = {}
        with benchmark.throwaway_database() as name, benchmark.measuring_settings():
            self.stdout.write(f"Throw-away {connection.vendor} database: {name}")
            ctx = benchmark.make_context()
            done = 0
            for scale in scale_list:
                self.stdout.write(f"Generating data up to {scale}x…")
                benchmark.generate(ctx, start=done, stop=scale, modules=modules,
                                   log=self.stdout.write)
                done = scale
                self.stdout.write(f"Measuring {len(pages)} pages at {scale}x ({requests} "
                                  "requests each, paired with the floor view)…")
                results[scale] = benchmark.measure_all(ctx, pages, requests)

        problems = self._problems(results)
        self._print_table(results)
        path = self._write_json(results, problems, Path(output), requests)
        self.stdout.write(f"\nJSON report: {path}")
        if problems:
            for problem in problems:
                self.stderr.write(self.style.ERROR(problem))
            raise CommandError(f"{len(problems)} problem(s): see above")
        self.stdout.write(self.style.SUCCESS(
            "Query counts do not grow with the data and keep within every page's budget."))

    def _problems(self, results: dict[int, list[benchmark.Measurement]]) -> list[str]:
        problems = []
        scales = sorted(results)
        for m in results[scales[0]]:
            if m.status != 200:
                problems.append(f"{m.page} as {m.persona} ({m.path}) answered {m.status}")
        for scale in scales:
            for m in results[scale]:
                if m.queries > m.budget:
                    problems.append(
                        f"{m.page} as {m.persona}: {m.queries} queries at {scale}x, over its "
                        f"budget of {m.budget}")
        for later in scales[1:]:
            for small, large in zip(results[scales[0]], results[later], strict=True):
                if large.queries != small.queries:
                    problems.append(
                        f"{small.page} as {small.persona}: {small.queries} queries at "
                        f"{scales[0]}x but {large.queries} at {later}x (N+1?)")
        return problems

    def _print_table(self, results: dict[int, list[benchmark.Measurement]]) -> None:
        scales = sorted(results)
        head = f"{'page':<22} {'persona':<12} {'budget':>6}"
        for s in scales:
            head += f" {'q@' + str(s) + 'x':>6}"
        for s in scales:
            head += f" | {str(s) + 'x med':>8} {'p90':>7} {'floor':>6} {'ratio':>5}"
        self.stdout.write("\n" + head)
        self.stdout.write("-" * len(head))
        for i, first in enumerate(results[scales[0]]):
            line = f"{first.page[:22]:<22} {first.persona:<12} {first.budget:>6}"
            for s in scales:
                line += f" {results[s][i].queries:>6}"
            for s in scales:
                m = results[s][i]
                line += (f" | {m.median_ms:>8.2f} {m.p90_ms:>7.2f} {m.floor_median_ms:>6.2f} "
                         f"{m.ratio:>5.1f}")
            self.stdout.write(line)
        self.stdout.write("(times in ms, server side in-process; floor = the base layout with no "
                          "query, same persona, measured alternately with the page)")

    def _write_json(self, results, problems, folder: Path, requests: int) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        stamp = timezone.now().strftime("%Y%m%dT%H%M%S")
        report = {
            "when": timezone.now().isoformat(),
            "database": connection.vendor,
            "python": platform.python_version(),
            "requests_per_page": requests,
            "scales": {str(s): [m.as_dict() for m in ms] for s, ms in results.items()},
            "problems": problems,
        }
        path = folder / f"bench-{stamp}.json"
        text = json.dumps(report, indent=2)
        path.write_text(text)
        (folder / "bench-latest.json").write_text(text)
        return path


