"""``manage.py load``: gunicorn (2 workers) on loopback serving the 10x data, wrk against the
public pages and the floor view, for a bounded time each.

Only 127.0.0.1 is ever addressed. gunicorn is started by this command in its own process group
and stopped by it on every way out (end, error, Ctrl-C, SIGTERM); the throw-away database is
dropped afterwards. Needs Debian's ``wrk``.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from netw import benchmark

# wrk reports its own figures as one JSON line; it counts non-2xx itself (its built-in counter
# lumps 3xx with 2xx).
WRK_SCRIPT = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) non2xx = 0 end
function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end
function done(summary, latency, requests)
  local non = 0
  for _, t in ipairs(threads) do non = non + t:get("non2xx") end
  local e = summary.errors
  io.write(string.format(
    'NETW-WRK {"requests": %d, "duration_us": %d, "p50_us": %d, "p90_us": %d, "p99_us": %d, '
    .. '"non_2xx": %d, "socket_errors": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), non, e.connect + e.read + e.write + e.timeout))
end
"""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _interrupt(signum, frame):
    """A SIGTERM unwinds like Ctrl-C: the finally blocks stop gunicorn and drop the database."""
    raise KeyboardInterrupt


class Command(BaseCommand):
    help = "Load-test the public pages with wrk against gunicorn on loopback, on the 10x data."
    requires_system_checks: list = []

    def add_arguments(self, parser):
        parser.add_argument("--duration", type=int, default=10, help="seconds per page (≤ 60)")
        parser.add_argument("--connections", type=int, default=4)
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--scale", type=int, default=10)
        parser.add_argument("--output", default=str(Path(settings.VAR_DIR) / "bench"))

    def handle(self, *args, duration: int, connections: int, workers: int, scale: int,
               output: str, **options):
        if not shutil.which("wrk"):
            raise CommandError("wrk is not installed (apt-get install wrk)")
        if not 1 <= duration <= 60:
            raise CommandError("--duration must be between 1 and 60 seconds")
        pages = [p for p in benchmark.bench_pages() if p.load]
        floor = benchmark.BenchPage("floor", benchmark.FLOOR_URL, load=True)
        signal.signal(signal.SIGTERM, _interrupt)

        with benchmark.throwaway_database() as name:
            self.stdout.write(f"Throw-away {connection.vendor} database: {name}; generating "
                              f"{scale}x…")
            with benchmark.measuring_settings():
                ctx = benchmark.make_context()
                benchmark.generate(ctx, start=0, stop=scale, log=self.stdout.write)
                targets = [(p.name, p.path(ctx)) for p in [floor, *pages]]
            connection.close()
            results = self._run(name, targets, duration, connections, workers)

        floor_rate = results[0]["requests_per_s"] or 1
        for r in results:
            r["of_floor"] = round(r["requests_per_s"] / floor_rate, 2)
        self._print(results, duration, connections, workers, scale)
        path = self._write(results, Path(output), duration, connections, workers, scale)
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

    def _run(self, name: str, targets, duration: int, conns: int, workers: int) -> list[dict]:
        bin_dir = Path(sys.executable).parent
        with tempfile.TemporaryDirectory(prefix="netw-load-") as tmp:
            env = self._server_env(name, os.path.join(tmp, "static"))
            subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
                           cwd=settings.BASE_DIR, env=env, check=True, timeout=300)
            script = os.path.join(tmp, "report.lua")
            Path(script).write_text(WRK_SCRIPT)
            port = _free_port()
            base = f"http://127.0.0.1:{port}"
            log = open(os.path.join(tmp, "gunicorn.log"), "w")  # noqa: SIM115
            server = subprocess.Popen(  # noqa: S603 (our own fixed arguments)
                [str(bin_dir / "gunicorn"), "netw.wsgi", "--bind", f"127.0.0.1:{port}",
                 "--workers", str(workers), "--log-level", "warning", "--timeout", "30"],
                cwd=settings.BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            try:
                self._wait_until_up(base, server, os.path.join(tmp, "gunicorn.log"))
                # Warm both workers (imports, template loaders, connections) before measuring.
                self._wrk(base + targets[0][1], script, 2, conns)
                results = []
                for page, path in targets:
                    self._check_answer(base + path, page)
                    self.stdout.write(f"wrk {duration} s against {path} ({page})…")
                    results.append({"page": page, "path": path,
                                    **self._wrk(base + path, script, duration, conns)})
                return results
            finally:
                self._stop(server)
                log.close()

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

    def _check_answer(self, url: str, page: str) -> None:
        try:
            status = urllib.request.urlopen(url, timeout=10).status  # noqa: S310
        except urllib.error.HTTPError as exc:
            status = exc.code
        if status != 200:
            raise CommandError(f"{page} ({url}) answered {status}, not 200")

    def _wrk(self, url: str, script: str, duration: int, conns: int) -> dict:
        assert url.startswith("http://127.0.0.1:")  # loopback only, whatever the caller passes
        out = subprocess.run(  # noqa: S603 (our own fixed arguments)
            [shutil.which("wrk") or "wrk", "--threads", "1", "--connections", str(conns),
             "--duration", f"{duration}s", "--timeout", "10s", "--latency", "--script", script,
             url],
            capture_output=True, text=True, timeout=duration + 30, check=True,
        ).stdout
        line = next((ln for ln in out.splitlines() if ln.startswith("NETW-WRK ")), None)
        if line is None:
            raise CommandError(f"wrk printed no report:\n{out}")
        data = json.loads(line.removeprefix("NETW-WRK "))
        seconds = data["duration_us"] / 1e6
        return {
            "requests": data["requests"],
            "requests_per_s": round(data["requests"] / seconds, 1) if seconds else 0.0,
            "p50_ms": round(data["p50_us"] / 1000, 2),
            "p90_ms": round(data["p90_us"] / 1000, 2),
            "p99_ms": round(data["p99_us"] / 1000, 2),
            "non_2xx": data["non_2xx"],
            "socket_errors": data["socket_errors"],
        }

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

    def _print(self, results, duration, conns, workers, scale) -> None:
        self.stdout.write(f"\ngunicorn {workers} workers on 127.0.0.1, {scale}x data, wrk 1 "
                          f"thread × {conns} connections, {duration} s per page\n")
        head = (f"{'page':<22} {'path':<18} {'req/s':>8} {'p50 ms':>8} {'p90 ms':>8} "
                f"{'p99 ms':>8} {'non-2xx':>8} {'of floor':>8}")
        self.stdout.write(head)
        self.stdout.write("-" * len(head))
        for r in results:
            self.stdout.write(
                f"{r['page'][:22]:<22} {r['path'][:18]:<18} {r['requests_per_s']:>8.1f} "
                f"{r['p50_ms']:>8.2f} {r['p90_ms']:>8.2f} {r['p99_ms']:>8.2f} "
                f"{r['non_2xx'] + r['socket_errors']:>8} {r['of_floor']:>8.2f}")

    def _write(self, results, folder: Path, duration, conns, workers, scale) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        report = {"when": timezone.now().isoformat(), "database": connection.vendor,
                  "scale": scale, "duration_s": duration, "connections": conns,
                  "workers": workers, "pages": results}
        path = folder / f"load-{timezone.now():%Y%m%dT%H%M%S}.json"
        text = json.dumps(report, indent=2)
        path.write_text(text)
        (folder / "load-latest.json").write_text(text)
        return path
