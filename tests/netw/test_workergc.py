"""A web worker keeps its long-lived heap out of the garbage collector's way (netw/workergc.py):
frozen at start-up and again once warmed up, so that a collection of the oldest generation does
not scan the whole application in the middle of a request."""

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.signals import request_finished

from netw import workergc

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def freezes(monkeypatch, settings):
    """The freezes the worker would do, recorded instead of done to the test process."""
    done = []
    monkeypatch.setattr(workergc, "freeze", lambda: done.append(workergc._served))
    monkeypatch.setattr(workergc, "_served", 0)
    settings.GC_FREEZE_AFTER_REQUESTS = (3, 5)
    yield done
    request_finished.disconnect(dispatch_uid="netw.workergc")


@pytest.mark.django_db  # the signal's other receivers close old database connections
def test_the_worker_freezes_at_start_and_again_after_the_counted_requests(freezes):
    workergc.install()
    workergc.install()  # connected once, whoever calls it again
    assert freezes == [0, 0]
    for _ in range(7):
        request_finished.send(sender=None)
    assert freezes == [0, 0, 3, 5]


def test_a_freeze_collects_first_so_no_garbage_is_kept(monkeypatch):
    calls = []
    monkeypatch.setattr(gc, "collect", lambda *a: calls.append("collect"))
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    workergc.freeze()
    assert calls == ["collect", "freeze"]


def test_the_wsgi_application_starts_with_its_views_frozen():
    """In a fresh interpreter, as gunicorn loads it: the URLconf's views are imported and frozen,
    and next to nothing is left for a collection to scan."""
    code = (
        "import gc, sys\n"
        "from netw.wsgi import application\n"
        "assert 'providers.views' in sys.modules\n"
        "print(gc.get_freeze_count(), len(gc.get_objects()))\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "netw.settings", "DEBUG": "true"}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,  # noqa: S603
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    frozen, unfrozen = map(int, result.stdout.split()[-2:])
    assert frozen > 50_000
    assert unfrozen < frozen / 20
