"""``manage.py load``: gunicorn (2 workers) on loopback serving the 10x data, wrk against the
public pages and the floor view, for a bounded time.

The floor is measured interleaved with the pages, so that both see the same machine (which other
work shares): every round goes floor, page 1, floor, page 2, …, floor, in short windows of the
same length, and there are a few rounds. A page's "of floor" is the median, over its windows, of
its throughput against the mean of the two floor windows beside it: one window that a burst of
other work slowed counts once, not for the whole run. Its latency percentiles are those of all its
windows together. Before any timed window every worker has served every page a few times
(imports, template loaders, per-worker caches), which a hook of gunicorn's confirms.

Only 127.0.0.1 is ever addressed. gunicorn is started by this command in its own process group
and stopped by it on every way out (end, error, Ctrl-C, SIGTERM); the throw-away database is
dropped afterwards. Needs Debian's ``wrk``.
"""

from __future__ import annotations

import bisect
import json
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from netw import benchmark

# The goals of issue #18, flagged in the report (not failed: the machine is shared).
MIN_OF_FLOOR = 0.5  # a public page serves at least half the floor's requests per second
MAX_P99_OVER_P50 = 5.0  # and its slowest requests are not outliers of the typical one

# The latency percentiles wrk reports for each window (0 and 100: its min and max), from which
# the percentiles of a page's windows together are computed.
QUANTILES = (0.0, *(float(p) for p in range(1, 100)), 99.5, 99.9, 100.0)

# wrk reports its own figures as one JSON line; it counts non-2xx itself (its built-in counter
# lumps 3xx with 2xx).
WRK_SCRIPT = """
local threads = {}
local points = {QUANTILES}
function setup(thread) table.insert(threads, thread) end
function init(args) non2xx = 0 end
function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end
function done(summary, latency, requests)
  local non = 0
  for _, t in ipairs(threads) do non = non + t:get("non2xx") end
  local e = summary.errors
  local values = {}
  for i, p in ipairs(points) do
    if p == 0 then values[i] = latency.min
    elseif p == 100 then values[i] = latency.max
    else values[i] = latency:percentile(p) end
  end
  io.write(string.format(
    'NETW-WRK {"requests": %d, "duration_us": %d, "non_2xx": %d, "socket_errors": %d, '
    .. '"latency_us": [%s]}\\n',
    summary.requests, summary.duration, non, e.connect + e.read + e.write + e.timeout,
    table.concat(values, ", ")))
end
""".replace("QUANTILES", ", ".join(f"{q:g}" for q in QUANTILES))

# gunicorn's hook: while the flag file exists, each worker notes the requests it served, so the
# warm-up can tell that every worker has served every page.
GUNICORN_CONFIG = """
import os

def post_request(worker, req, environ, resp):
    if os.path.exists({flag!r}):
        with open({log!r}, "a") as served:
            served.write(f"{{worker.pid}} {{req.uri}}\\n")
"""


# --- The arithmetic of interleaved windows (no I/O: tested with a fake runner) ----------------


def window_figures(data: dict) -> dict:
    """One wrk window, as reported by WRK_SCRIPT."""
    seconds = data["duration_us"] / 1e6
    return {
        "requests": data["requests"],
        "seconds": seconds,
        "requests_per_s": data["requests"] / seconds if seconds else 0.0,
        "latency_ms": [v / 1000 for v in data["latency_us"]],
        "non_2xx": data["non_2xx"],
        "socket_errors": data["socket_errors"],
    }


def _cdf(window: dict, x: float, *, below: bool = False) -> float:
    """Share of a window's requests that took at most ``x`` ms (``below``: less than), linear
    between its quantiles."""
    values = window["latency_ms"]
    i = (bisect.bisect_left if below else bisect.bisect_right)(values, x)
    if i == 0:
        return 0.0
    if i == len(values):
        return 1.0
    lo, hi = values[i - 1], values[i]
    return (QUANTILES[i - 1] + (QUANTILES[i] - QUANTILES[i - 1]) * (x - lo) / (hi - lo)) / 100


def merged_percentile(windows: list[dict], q: float) -> float:
    """The ``q``-th percentile (0–100) of the requests of several windows together: each window's
    distribution weighted by its number of requests (and linear between its quantiles)."""
    counted = [w for w in windows if w["requests"]]
    if not counted:
        return 0.0
    total = sum(w["requests"] for w in counted)

    def share(x: float, below: bool = False) -> float:
        return sum(w["requests"] * _cdf(w, x, below=below) for w in counted) / total

    # Between two of the windows' quantile points the merged distribution is linear; at a point
    # it may jump (many requests of the same duration). Find the first point whose share reaches
    # the target, then interpolate from the point before it.
    points = sorted({v for w in counted for v in w["latency_ms"]})
    target = q / 100
    lo, hi = -1, len(points) - 1
    while hi - lo > 1:
        middle = (lo + hi) // 2
        if share(points[middle]) >= target:
            hi = middle
        else:
            lo = middle
    if hi == 0:
        return points[0]
    start, reached = share(points[lo]), share(points[hi], below=True)
    if target > reached:
        return points[hi]
    return points[lo] + (points[hi] - points[lo]) * (target - start) / (reached - start)


def schedule(pages: int, rounds: int) -> list[int | None]:
    """The order of the windows: None for the floor, an index for a page. Each round goes floor,
    page 0, floor, page 1, …, floor; the floor window that ends a round begins the next."""
    order: list[int | None] = [None]
    for _round in range(rounds):
        for index in range(pages):
            order += [index, None]
    return order


def summarise(name: str, path: str, windows: list[dict],
              neighbours: list[tuple[dict, dict]] | None) -> dict:
    """A page's row from its windows and, for each, the floor windows before and after it (None
    for the floor itself)."""
    requests = sum(w["requests"] for w in windows)
    seconds = sum(w["seconds"] for w in windows)
    p50, p90, p99 = (merged_percentile(windows, q) for q in (50, 90, 99))
    if neighbours is None:
        ratios = [1.0] * len(windows)
    else:
        ratios = []
        for window, (before, after) in zip(windows, neighbours, strict=True):
            floor_rate = (before["requests_per_s"] + after["requests_per_s"]) / 2
            ratios.append(window["requests_per_s"] / floor_rate if floor_rate else 0.0)
    row = {
        "page": name,
        "path": path,
        "requests": requests,
        "requests_per_s": round(requests / seconds, 1) if seconds else 0.0,
        "p50_ms": round(p50, 2),
        "p90_ms": round(p90, 2),
        "p99_ms": round(p99, 2),
        "p99_over_p50": round(p99 / p50, 1) if p50 else None,
        "of_floor": round(statistics.median(ratios), 2) if ratios else 0.0,
        "windows_requests_per_s": [round(w["requests_per_s"], 1) for w in windows],
        "windows_of_floor": [round(r, 2) for r in ratios],
        # Each window's own tail: a stall in one window, or a slow page in all of them.
        "windows_p50_ms": [round(merged_percentile([w], 50), 2) for w in windows],
        "windows_p99_ms": [round(merged_percentile([w], 99), 2) for w in windows],
        "windows_max_ms": [round(w["latency_ms"][-1], 2) for w in windows],
        # Seconds the workers needed after a window to finish its requests: a page slower
        # than the window leaves some.
        "drain_s": max((w.get("drain_s", 0.0) for w in windows), default=0.0),
        "non_2xx": sum(w["non_2xx"] for w in windows),
        "socket_errors": sum(w["socket_errors"] for w in windows),
    }
    row["flags"] = goals_missed(row, public=neighbours is not None)
    return row


def goals_missed(row: dict, *, public: bool) -> list[str]:
    flags = []
    if public and row["of_floor"] < MIN_OF_FLOOR:
        flags.append(f"of floor < {MIN_OF_FLOOR:g}")
    if row["p99_over_p50"] is not None and row["p99_over_p50"] > MAX_P99_OVER_P50:
        flags.append(f"p99 > {MAX_P99_OVER_P50:g}× p50")
    return flags


def measure_interleaved(targets: list[tuple[str, str]], rounds: int,
                        run_window: Callable[[str], dict],
                        floor: tuple[str, str]) -> list[dict]:
    """Run the windows of :func:`schedule` with ``run_window(path) -> window_figures(...)``;
    the floor's row first, then one row per target in their order."""
    order = schedule(len(targets), rounds)
    done: list[dict] = [run_window(floor[1] if i is None else targets[i][1]) for i in order]
    floor_windows = [w for i, w in zip(order, done, strict=True) if i is None]
    rows = [summarise(floor[0], floor[1], floor_windows, None)]
    for index, (name, path) in enumerate(targets):
        windows, neighbours = [], []
        for position, i in enumerate(order):
            if i == index:
                windows.append(done[position])
                neighbours.append((done[position - 1], done[position + 1]))
        rows.append(summarise(name, path, windows, neighbours))
    return rows


# --- The command -------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _interrupt(signum, frame):
    """A SIGTERM unwinds like Ctrl-C: the finally blocks stop gunicorn and drop the database."""
    raise KeyboardInterrupt


def _load_average() -> list[float]:
    return [round(v, 2) for v in os.getloadavg()]


class Command(BaseCommand):
    help = "Load-test the public pages with wrk against gunicorn on loopback, on the 10x data."
    requires_system_checks: list = []

    def add_arguments(self, parser):
        parser.add_argument("--window", "--duration", dest="window", type=int, default=2,
                            help="seconds of each wrk window, a page's or the floor's (≤ 60)")
        parser.add_argument("--rounds", type=int, default=3,
                            help="windows per page, each between two floor windows (≤ 20)")
        parser.add_argument("--warm", type=int, default=3,
                            help="requests each worker serves of each page before measuring")
        parser.add_argument("--only", default="",
                            help="comma-separated parts of page names: measure only those")
        parser.add_argument("--connections", type=int, default=4)
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--scale", type=int, default=10)
        parser.add_argument("--output", default=str(Path(settings.VAR_DIR) / "bench"))

    def handle(self, *args, window: int, rounds: int, warm: int, only: str, connections: int,
               workers: int, scale: int, output: str, **options):
        if not shutil.which("wrk"):
            raise CommandError("wrk is not installed (apt-get install wrk)")
        if not 1 <= window <= 60:
            raise CommandError("--window must be between 1 and 60 seconds")
        if not 1 <= rounds <= 20:
            raise CommandError("--rounds must be between 1 and 20")
        if not 1 <= warm <= 100:
            raise CommandError("--warm must be between 1 and 100")
        wanted = [part.strip().lower() for part in only.split(",") if part.strip()]
        pages = [p for p in benchmark.bench_pages() if p.load
                 and (not wanted or any(part in p.name.lower() for part in wanted))]
        if not pages:
            raise CommandError(f"no page under load matches {only!r}")
        floor = benchmark.BenchPage("floor", benchmark.FLOOR_URL, load=True)
        signal.signal(signal.SIGTERM, _interrupt)
        windows = len(schedule(len(pages), rounds))
        self.stdout.write(f"{len(pages)} pages, {rounds} rounds: {windows} windows of {window} s "
                          f"(about {windows * (window + 0.15):.0f} s of measuring)")

        began = time.monotonic()
        with benchmark.throwaway_database() as name:
            self.stdout.write(f"Throw-away {connection.vendor} database: {name}; generating "
                              f"{scale}x…")
            with benchmark.measuring_settings():
                ctx = benchmark.make_context()
                benchmark.generate(ctx, start=0, stop=scale, log=self.stdout.write)
                targets = [(p.name, p.path(ctx)) for p in pages]
                floor_target = (floor.name, floor.path(ctx))
            connection.close()
            results, load = self._run(name, targets, floor_target, window=window,
                                      rounds=rounds, warm=warm, conns=connections,
                                      workers=workers)

        settings_used = {"scale": scale, "window_s": window, "rounds": rounds,
                         "connections": connections, "workers": workers, "warm": warm}
        self._print(results, load, settings_used)
        path = self._write(results, load, settings_used, Path(output),
                           total_s=time.monotonic() - began)
        self.stdout.write(f"\nJSON report: {path}")
        # A page too slow to finish a request in the window shows 0 req/s: a figure, not a fault.
        bad = [r for r in results if r["non_2xx"] or r["socket_errors"]]
        if bad:
            raise CommandError("non-2xx answers or socket errors: "
                               + ", ".join(r["page"] for r in bad))

    # --- gunicorn and wrk ----------------------------------------------------------------------

    def _server_env(self, name: str, static_root: str) -> dict[str, str]:
        env = dict(os.environ)
        if connection.vendor == "sqlite":
            database_url = f"sqlite:///{name}"
        else:
            parts = urlsplit(os.environ["DATABASE_URL"])
            database_url = urlunsplit(parts._replace(path=f"/{name}"))
        env.update(
            DATABASE_URL=database_url, DEBUG="false", SECRET_KEY=secrets.token_urlsafe(60),
            ALLOWED_HOSTS="127.0.0.1", SECURE_SSL_REDIRECT="false", STATIC_ROOT=static_root,
            LOG_LEVEL="WARNING", DJANGO_SETTINGS_MODULE="netw.settings",
        )
        for leftover in ("CELERY_BROKER_URL", "CELERY_RESULT_BACKEND"):
            env.pop(leftover, None)  # tasks in-process: no page under load enqueues anything
        return env

    def _run(self, name: str, targets, floor, *, window: int, rounds: int, warm: int,
             conns: int, workers: int) -> tuple[list[dict], dict]:
        bin_dir = Path(sys.executable).parent
        with tempfile.TemporaryDirectory(prefix="netw-load-") as tmp:
            env = self._server_env(name, os.path.join(tmp, "static"))
            self._collect_static(env["STATIC_ROOT"])
            script = os.path.join(tmp, "report.lua")
            Path(script).write_text(WRK_SCRIPT)
            flag, served = os.path.join(tmp, "warming"), os.path.join(tmp, "served.log")
            config = os.path.join(tmp, "gunicorn_conf.py")
            Path(config).write_text(GUNICORN_CONFIG.format(flag=flag, log=served))
            port = _free_port()
            base = f"http://127.0.0.1:{port}"
            log = open(os.path.join(tmp, "gunicorn.log"), "w")  # noqa: SIM115
            server = subprocess.Popen(  # noqa: S603 (our own fixed arguments)
                [str(bin_dir / "gunicorn"), "netw.wsgi", "--config", config,
                 "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
                 "--log-level", "warning", "--timeout", "30"],
                cwd=settings.BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            try:
                self._wait_until_up(base, server, os.path.join(tmp, "gunicorn.log"))
                Path(flag).touch()
                self.stdout.write(f"Warming: every worker serves every page {warm} times…")
                for page, path in [floor, *targets]:
                    self._warm(base, page, path, served, warm=warm, conns=conns,
                               workers=workers)
                Path(flag).unlink()
                load = {"cpus": os.cpu_count(), "start": _load_average()}
                self.stdout.write(f"Measuring; load average {load['start']} "
                                  f"({load['cpus']} CPUs)…")

                drain_url = base + floor[1] + "?drain"

                def run_window(path: str) -> dict:
                    figures = self._wrk(base + path, script, window, conns)
                    figures["drain_s"] = self._drain(drain_url, flag, served, workers=workers)
                    return figures

                results = measure_interleaved(targets, rounds, run_window, floor)
                load["end"] = _load_average()
                return results, load
            finally:
                self._stop(server)
                log.close()

    def _collect_static(self, root: str) -> None:
        """The static files with their hashed names, as in production, but without whitenoise's
        gzip and brotli copies (40 s of CPU for 1,600 files): the server reads the same manifest,
        and wrk never fetches a static file."""
        self.stdout.write("Collecting the static files…")
        plain = {**settings.STORAGES, "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"}}
        with override_settings(STATIC_ROOT=root, STORAGES=plain):
            call_command("collectstatic", interactive=False, verbosity=0)

    def _wait_until_up(self, base: str, server: subprocess.Popen, log_path: str) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if server.poll() is not None:
                raise CommandError("gunicorn stopped:\n" + Path(log_path).read_text()[-3000:])
            try:
                urllib.request.urlopen(base + reverse(benchmark.FLOOR_URL), timeout=2)  # noqa: S310
                return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.3)
        raise CommandError("gunicorn did not answer within 60 s")

    def _get(self, url: str) -> int:
        try:
            with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
                response.read()
                return response.status
        except urllib.error.HTTPError as exc:
            return exc.code

    def _warm(self, base: str, page: str, path: str, served: str, *, warm: int, conns: int,
              workers: int) -> None:
        """Requests of the page over ``conns`` connections at once until every worker has
        served it ``warm`` times (as gunicorn's hook noted), or 20 batches."""
        assert base.startswith("http://127.0.0.1:")  # loopback only
        with ThreadPoolExecutor(max_workers=conns) as pool:
            for _batch in range(20):
                statuses = list(pool.map(self._get, [base + path] * (conns * 2)))
                if any(status != 200 for status in statuses):
                    raise CommandError(f"{page} ({path}) answered "
                                       f"{sorted(set(statuses) - {200})}, not 200")
                counts = Counter(line.split(" ", 1)[0]
                                 for line in Path(served).read_text().splitlines()
                                 if line.split(" ", 1)[1] == path)
                if sum(1 for n in counts.values() if n >= warm) >= workers:
                    return
        self.stderr.write(f"warning: not every worker served {page} {warm} times: "
                          f"{dict(counts)}")

    def _drain(self, url: str, flag: str, served: str, *, workers: int) -> float:
        """Wait until the workers have finished what the window left them; return the seconds.

        wrk stops at the end of its window, but a sync worker finishes the request it took, and
        the requests still queued are taken too: a page slower than the window would eat into
        the next one. The queue is served in order, so once every worker has served a request
        sent after the window (gunicorn's hook notes which), nothing older is left."""
        began = time.monotonic()
        start = Path(served).stat().st_size if os.path.exists(served) else 0
        marker = urlsplit(url)
        marker = f"{marker.path}?{marker.query}"
        Path(flag).touch()
        try:
            with ThreadPoolExecutor(max_workers=workers) as pool:
                while time.monotonic() - began < 120:
                    list(pool.map(self._get_patiently, [url] * workers))
                    with open(served) as lines:
                        lines.seek(start)
                        pids = {line.split(" ", 1)[0] for line in lines.read().splitlines()
                                if line.endswith(" " + marker)}
                    if len(pids) >= workers:
                        return round(time.monotonic() - began, 2)
        finally:
            Path(flag).unlink()
        self.stderr.write("warning: the workers were still busy 120 s after a window")
        return round(time.monotonic() - began, 2)

    def _get_patiently(self, url: str) -> int | None:
        try:
            return self._get(url)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return None  # asked again

    def _wrk(self, url: str, script: str, duration: int, conns: int) -> dict:
        assert url.startswith("http://127.0.0.1:")  # loopback only, whatever the caller passes
        out = subprocess.run(  # noqa: S603 (our own fixed arguments)
            [shutil.which("wrk") or "wrk", "--threads", "1", "--connections", str(conns),
             "--duration", f"{duration}s", "--timeout", "10s", "--script", script, url],
            capture_output=True, text=True, timeout=duration + 30, check=True,
        ).stdout
        line = next((ln for ln in out.splitlines() if ln.startswith("NETW-WRK ")), None)
        if line is None:
            raise CommandError(f"wrk printed no report:\n{out}")
        return window_figures(json.loads(line.removeprefix("NETW-WRK ")))

    def _stop(self, server: subprocess.Popen) -> None:
        if server.poll() is not None:
            return
        os.killpg(server.pid, signal.SIGTERM)  # gunicorn's master and its workers, ours alone
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)

    # --- report --------------------------------------------------------------------------------

    def _print(self, results, load, used) -> None:
        self.stdout.write(
            f"\ngunicorn {used['workers']} workers on 127.0.0.1, {used['scale']}x data, wrk 1 "
            f"thread × {used['connections']} connections; {used['rounds']} windows of "
            f"{used['window_s']} s per page, each between two floor windows")
        head = (f"{'page':<26} {'req/s':>7} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} "
                f"{'p99/p50':>7} {'of floor':>8} {'drain s':>7} {'errors':>6}  goals missed")
        self.stdout.write(head)
        self.stdout.write("-" * len(head))
        for r in results:
            ratio = "" if r["p99_over_p50"] is None else f"{r['p99_over_p50']:.1f}"
            self.stdout.write(
                f"{r['page'][:26]:<26} {r['requests_per_s']:>7.1f} {r['p50_ms']:>8.2f} "
                f"{r['p90_ms']:>8.2f} {r['p99_ms']:>8.2f} {ratio:>7} {r['of_floor']:>8.2f} "
                f"{r['drain_s']:>7.1f} {r['non_2xx'] + r['socket_errors']:>6}  "
                f"{'; '.join(r['flags'])}")
        for r in results:
            if any("p99" in flag for flag in r["flags"]):
                self.stdout.write(
                    f"{r['page']}: p99 of each window {r['windows_p99_ms']} ms, slowest "
                    f"{r['windows_max_ms']} ms (one window's stall, or every window's)")
        self.stdout.write(
            f"(of floor: median over the page's windows of its req/s against the floor windows "
            f"beside it; goals: of floor ≥ {MIN_OF_FLOOR:g}, p99 ≤ {MAX_P99_OVER_P50:g}× p50; "
            f"drain: the longest wait, after one of its windows, for the workers to finish its "
            f"requests)")
        self.stdout.write(f"Load average (1, 5, 15 min) at the start {load['start']}, at the end "
                          f"{load['end']}, on {load['cpus']} CPUs")

    def _write(self, results, load, used, folder: Path, *, total_s: float) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        report = {"when": timezone.now().isoformat(), "database": connection.vendor,
                  **used, "load_average": load, "total_s": round(total_s),
                  "goals": {"min_of_floor": MIN_OF_FLOOR, "max_p99_over_p50": MAX_P99_OVER_P50},
                  "pages": results}
        path = folder / f"load-{timezone.now():%Y%m%dT%H%M%S}.json"
        text = json.dumps(report, indent=2)
        path.write_text(text)
        (folder / "load-latest.json").write_text(text)
        return path
