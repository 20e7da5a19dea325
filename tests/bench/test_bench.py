"""The benchmark's pages answer, keep their query budgets, and their query counts do not grow
with the data.

The same check ``manage.py bench`` makes at 1x and 10x, here at 1 and 2 data units so it runs on
every change; and one short run of the command itself on its throw-away database.
"""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

from netw import benchmark

pytestmark = pytest.mark.django_db


def _counts(ctx, pages):
    clients = {persona: benchmark.client_for(ctx, persona) for persona in benchmark.PERSONAS}
    return {(page.name, persona): benchmark.count_queries(clients[persona], page.path(ctx))
            for page in pages for persona in page.personas}


def test_every_bench_page_answers_keeps_its_budget_and_its_query_count_does_not_grow(partners):
    pages = benchmark.bench_pages()
    budgets = {(page.name, persona): page.query_budget
               for page in pages for persona in page.personas}
    assert {p.name for p in pages} >= {"home", "partner list", "invitations"}
    with benchmark.measuring_settings():
        ctx = benchmark.make_context()
        benchmark.generate(ctx, start=0, stop=1, log=lambda _: None)
        small = _counts(ctx, pages)
        benchmark.generate(ctx, start=1, stop=2, log=lambda _: None)
        large = _counts(ctx, pages)
    for key, (status, sql) in small.items():
        assert status == 200, f"{key} answered {status}"
        assert len(sql) <= budgets[key], (
            f"{key}: {len(sql)} queries, over its budget of {budgets[key]}:\n" + "\n".join(sql))
        grown = large[key][1]
        assert len(grown) == len(sql), (
            f"{key}: {len(sql)} queries with 1 unit, {len(grown)} with 2:\n" + "\n".join(grown))


def test_public_pages_are_put_under_load():
    loaded = [p for p in benchmark.bench_pages() if p.load]
    assert {p.name for p in loaded} >= {"home", "partner list"}
    assert all(p.personas == ("anonymous",) or "anonymous" in p.personas for p in loaded)


def test_the_bench_command_runs_on_a_throwaway_database(tmp_path):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "netw.settings"}
    result = subprocess.run(
        [sys.executable, "manage.py", "bench", "--scales", "1,2", "--only", "partner detail",
         "--output", str(tmp_path)],
        cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "partner detail" in result.stdout
    report = json.loads((tmp_path / "bench-latest.json").read_text())
    assert set(report["scales"]) == {"1", "2"}
    row = report["scales"]["2"][0]
    assert row["status"] == 200 and row["median_ms"] > 0 and row["floor_median_ms"] > 0
    assert not report["problems"]


def test_the_load_command_serves_on_loopback_and_stops(tmp_path):
    import shutil

    if not shutil.which("wrk"):
        if os.environ.get("CI") == "true":
            pytest.fail("wrk is not installed — the load test may not be skipped in CI")
        pytest.skip("wrk is not installed (apt-get install wrk)")
    result = subprocess.run(
        [sys.executable, "manage.py", "load", "--scale", "1", "--window", "1", "--rounds", "2",
         "--only", "home,partner list", "--output", str(tmp_path)],
        cwd=settings.BASE_DIR, env={**os.environ}, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    # Both workers served every page before the timed windows (gunicorn's hook counted).
    assert "not every worker served" not in result.stderr, result.stderr
    report = json.loads((tmp_path / "load-latest.json").read_text())
    pages = {p["page"]: p for p in report["pages"]}
    assert {"floor", "home", "partner list"} == pages.keys()
    assert all(p["non_2xx"] == 0 and p["socket_errors"] == 0 for p in pages.values())
    assert pages["floor"]["requests"] > 0
    assert pages["floor"]["of_floor"] == 1.0
    # Each page in two windows, each between two floor windows: five floor windows in all.
    assert len(pages["home"]["windows_of_floor"]) == 2
    assert len(pages["floor"]["windows_requests_per_s"]) == 5
    assert pages["home"]["p50_ms"] <= pages["home"]["p99_ms"]
    assert len(report["load_average"]["start"]) == len(report["load_average"]["end"]) == 3
    assert "Load average" in result.stdout
