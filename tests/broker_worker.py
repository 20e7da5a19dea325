"""A private Redis and a real Celery worker on the test database, for the integration tests.

The tests that need them (exports end to end, a worker killed mid-export, a broker stopped and
started again) must see what the worker writes, so the worker runs against pytest's own test
database (PostgreSQL: the worker is another process) and a Redis of its own on a free port, which
a test may stop and start without disturbing anything else. They run when NETW_BROKER_TESTS is
set (``.ci/run`` sets it; CI fails rather than skip them) and are skipped otherwise, with the
reason.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[1]


def _unavailable(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} — the broker integration tests may not be skipped in CI")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(predicate, *, timeout: float, interval: float = 0.1, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


@dataclass
class PrivateRedis:
    port: int
    workdir: Path
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [shutil.which("redis-server"), "--port", str(self.port), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no", "--dir", str(self.workdir)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(self._answers, timeout=20, what="redis-server to answer")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)
        self.process = None

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as s:
                s.sendall(b"PING\r\n")
                return s.recv(16).startswith(b"+PONG")
        except OSError:
            return False


@dataclass
class Worker:
    redis: PrivateRedis
    workdir: Path
    env: dict
    process: subprocess.Popen | None = None
    log: Path = field(init=False)

    def __post_init__(self):
        self.log = self.workdir / "worker.log"

    @property
    def mail_dir(self) -> Path:
        return self.workdir / "mail"

    @property
    def exports_dir(self) -> Path:
        return self.workdir / "exports"

    def start(self) -> None:
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "celery", "-A", "netw", "worker", "--pool=prefork",
                 "--concurrency=1", "--loglevel=info", "--without-gossip", "--without-mingle",
                 "--hostname", f"it-{uuid.uuid4().hex[:6]}@%h"],
                cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process = None

    def children(self) -> list[int]:
        """The pool's processes (the ones that run tasks), from /proc."""
        found = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            if int(fields[1]) == self.process.pid:
                found.append(int(stat.parent.name))
        return found

    def log_text(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""


def _test_database_url() -> str:
    from django.db import connection

    s = connection.settings_dict
    auth = s["USER"] or ""
    if s.get("PASSWORD"):
        auth += f":{s['PASSWORD']}"
    host = f"{s.get('HOST') or '127.0.0.1'}:{s.get('PORT') or 5432}"
    return f"postgres://{auth}@{host}/{s['NAME']}"


@pytest.fixture(scope="session")
def broker_worker(django_db_setup, django_db_blocker, tmp_path_factory):
    """(redis, worker): a private Redis and a worker on the test database."""
    if not os.environ.get("NETW_BROKER_TESTS"):
        _unavailable("broker integration tests are off (set NETW_BROKER_TESTS=1, as .ci/run "
                     "does)")
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        _unavailable("the worker must share the test database: run with a PostgreSQL "
                     "DATABASE_URL")
    if not shutil.which("redis-server"):
        _unavailable("redis-server is not installed")
    workdir = tmp_path_factory.mktemp("broker-worker")
    redis = PrivateRedis(port=_free_port(), workdir=workdir)
    redis.start()
    with django_db_blocker.unblock():
        database_url = _test_database_url()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "CONN_MAX_AGE": "0",
        "CELERY_BROKER_URL": redis.url,
        "CELERY_RESULT_BACKEND": redis.url,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "EMAIL_URL": f"filemail:///{workdir / 'mail'}",
        "EXPORTS_ROOT": str(workdir / "exports"),
        # Quick recovery in tests: a run silent for 3 s is presumed dead.
        "EXPORTS_HEARTBEAT_TIMEOUT": "3",
        "EXPORTS_CHUNK_PAUSE": "0.4",
    }
    worker = Worker(redis=redis, workdir=workdir, env=env)
    worker.start()
    try:
        yield redis, worker
    finally:
        worker.stop()
        redis.stop()


@pytest.fixture
def live_worker(broker_worker, settings, transactional_db, monkeypatch):
    """The test process publishes to the private Redis (not eagerly) and shares the worker's
    export folder; yields (redis, worker) once a task has made the round trip."""
    from netw.celery import app
    from netw.tasks import ping

    redis, worker = broker_worker
    if redis.process is None:
        redis.start()
    settings.EXPORTS_ROOT = worker.exports_dir
    saved = (app.conf.broker_url, app.conf.result_backend)

    def point_at(broker_url, backend_url):
        # Celery reads CELERY_BROKER_URL from the environment before its own configuration.
        for name, value in (("CELERY_BROKER_URL", broker_url),
                            ("CELERY_RESULT_BACKEND", backend_url)):
            if value:
                monkeypatch.setenv(name, value)
            else:
                monkeypatch.delenv(name, raising=False)
        app.conf.broker_url = broker_url
        app.conf.result_backend = backend_url
        app._pool = None
        app.__dict__.get("amqp") and setattr(app.amqp, "_producer_pool", None)
        app._backend_cache = None
        app._local.__dict__.pop("backend", None)

    point_at(redis.url, redis.url)
    app.conf.task_always_eager = False
    try:
        nonce = uuid.uuid4().hex
        try:
            assert ping.delay(nonce).get(timeout=90)["nonce"] == nonce
        except Exception as exc:
            raise AssertionError(f"the worker did not answer: {exc}\n{worker.log_text()[-3000:]}"
                                 ) from exc
        yield redis, worker
    finally:
        app.conf.task_always_eager = True
        point_at(*saved)
