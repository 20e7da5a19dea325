"""The measuring kit behind ``manage.py bench`` and ``manage.py load``.

Each app declares what it wants measured in its own ``<app>/bench.py`` (found by
``netw.discovery.app_modules``, like every app's hook module)::

    from netw.benchmark import BenchPage

    BENCH_PAGES = [
        BenchPage("provider list", "providers:provider_list", personas=("anonymous", "member"),
                  load=True),
        BenchPage("provider detail", lambda ctx: ctx.objects["provider"].get_absolute_url(),
                  kind="detail"),
    ]

    def generate(ctx: BenchContext, *, start: int, stop: int) -> None:
        '''Add data units start..stop-1 (one unit = the 1x data set, e.g. 2,000 providers).'''

The bench builds a throw-away database, creates the personas, calls every app's ``generate`` for
unit 0 (1x), measures every page, adds units 1..9 (10x) and measures again. ``load=True`` pages
(public, anonymous) are also put under ``make load``. A generator may store in ``ctx.objects`` the
records its pages point at (a provider of partner A, ...); they must be the same at 1x and 10x.

Each page has a query budget, which ``manage.py bench`` enforces for every persona at every
scale: 12 queries for a list or a dashboard (``kind="list"``, the default, or ``"dashboard"``),
10 for a record's page (``kind="detail"``). A page that needs more (a feed, a map's points, an
API list) names its ``budget`` and says why beside it.
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from django.conf import settings
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from netw import dbstats
from netw.discovery import app_modules

PERSONAS = ("anonymous", "member", "lead", "coordinator")
FLOOR_URL = "netw:floor"
# The most queries one request of a page may make, by kind of page, for every persona.
QUERY_BUDGETS = {"list": 12, "dashboard": 12, "detail": 10}


@dataclass(frozen=True)
class BenchPage:
    """A page to measure: a URL name without arguments, or a function of the context."""

    name: str
    url: str | Callable[[BenchContext], str]
    personas: tuple[str, ...] = ("anonymous",)
    load: bool = False  # also under `make load` (anonymous, public)
    kind: str = "list"  # a key of QUERY_BUDGETS
    budget: int | None = None  # queries allowed, when not the kind's

    def __post_init__(self) -> None:
        if self.kind not in QUERY_BUDGETS:
            raise ValueError(f"{self.name}: kind must be one of {', '.join(QUERY_BUDGETS)}")

    @property
    def query_budget(self) -> int:
        return self.budget if self.budget is not None else QUERY_BUDGETS[self.kind]

    def path(self, ctx: BenchContext) -> str:
        return reverse(self.url) if isinstance(self.url, str) else self.url(ctx)


@dataclass
class BenchContext:
    users: dict[str, Any]  # persona → user (None for anonymous)
    partners: dict[str, Any]  # slug → Partner
    objects: dict[str, Any] = field(default_factory=dict)


def bench_modules() -> list[ModuleType]:
    """Every installed app's ``bench.py`` in INSTALLED_APPS order, which is the order their
    generators run: the portal's own first, then the registry the others build on."""
    return list(app_modules("bench", include_core=True))


def bench_pages(modules: list[ModuleType] | None = None) -> list[BenchPage]:
    return [p for m in (modules or bench_modules()) for p in getattr(m, "BENCH_PAGES", [])]


# --- The throw-away database -------------------------------------------------------------------


@contextmanager
def throwaway_database(*, keep: bool = False) -> Iterator[str]:
    """A fresh, migrated database for the duration: a temporary SQLite file, or on PostgreSQL
    a database ``netw_bench_<pid>`` created and dropped beside the configured one. Yields its
    name. Django's test-database machinery does the creating, migrating and dropping."""
    old_name = connection.settings_dict["NAME"]
    tmpdir = None
    if connection.vendor == "sqlite":
        tmpdir = tempfile.mkdtemp(prefix="netw-bench-")
        name = os.path.join(tmpdir, "bench.sqlite3")
    else:
        name = f"netw_bench_{os.getpid()}"
    connection.settings_dict.setdefault("TEST", {})["NAME"] = name
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        yield name
    finally:
        connection.close()
        if not keep:
            connection.creation.destroy_test_db(old_name, verbosity=0)
            if tmpdir:
                shutil.rmtree(tmpdir, ignore_errors=True)


def make_context() -> BenchContext:
    """The personas: a member of A3S, the WP1 lead at AFF, the ENSIE coordinator (with TOTP)."""
    from allauth.mfa.totp.internal.auth import TOTP

    from netw.demo import DEMO_TOTP_SECRET
    from netw.models import User
    from netw.roles import Role
    from providers.models import Membership, Partner

    partners = {p.slug: p for p in Partner.objects.all()}
    users: dict[str, Any] = {"anonymous": None}
    for persona, slug, role in [("member", "a3s", Role.MEMBER), ("lead", "aff", Role.WP_LEAD),
                                ("coordinator", "ensie", Role.COORDINATOR)]:
        user = User.objects.create(email=f"{persona}@bench.invalid", first_name=persona.title(),
                                   last_name="Bench", language="en")
        Membership.objects.create(user=user, partner=partners[slug], role=role)
        if role == Role.COORDINATOR:
            TOTP.activate(user, DEMO_TOTP_SECRET)
        users[persona] = user
    return BenchContext(users=users, partners=partners)


def generate(ctx: BenchContext, *, start: int, stop: int,
             modules: list[ModuleType] | None = None, log: Callable[[str], None] = print) -> None:
    for module in modules or bench_modules():
        if hasattr(module, "generate"):
            began = time.perf_counter()
            module.generate(ctx, start=start, stop=stop)
            log(f"  {module.__name__}: units {start}..{stop - 1} in "
                f"{time.perf_counter() - began:.1f} s")
    # Fresh statistics, as autovacuum (or a large import) would leave them: without them
    # PostgreSQL plans the lists for the empty tables it saw before (netw.dbstats). Vacuumed
    # too, so that autovacuum does not set about the new rows in the middle of the measuring.
    began = time.perf_counter()
    dbstats.analyze(vacuum=True)
    log(f"  VACUUM ANALYZE in {time.perf_counter() - began:.1f} s")


# --- Measuring in-process ----------------------------------------------------------------------


def measuring_settings():
    """Production-like request handling in this process: no DEBUG, no redirect to HTTPS."""
    return override_settings(
        DEBUG=False,
        ALLOWED_HOSTS=["testserver", "127.0.0.1", "localhost"],
        SECURE_SSL_REDIRECT=False,
        # The bench measures the API's lists, not its throttle (netw.api.views.ApiRateThrottle).
        API_THROTTLE_RATE=None,
        STORAGES={**settings.STORAGES, "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}},
    )


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


@dataclass
class Measurement:
    page: str
    persona: str
    path: str
    status: int
    queries: int
    budget: int
    sql: list[str]
    median_ms: float
    p90_ms: float
    floor_median_ms: float
    floor_p90_ms: float

    @property
    def ratio(self) -> float:
        return self.median_ms / self.floor_median_ms if self.floor_median_ms else 0.0

    def as_dict(self) -> dict:
        return {**self.__dict__, "ratio": round(self.ratio, 2)}


def client_for(ctx: BenchContext, persona: str) -> Client:
    client = Client()
    user = ctx.users[persona]
    if user is not None:
        client.force_login(user)
    return client


def _get(client: Client, path: str):
    """One request, its streamed body read to the end: a streaming view (the map's points, the
    public downloads) runs its queries while the body is read, and that is what it costs."""
    response = client.get(path)
    if response.streaming:
        for _chunk in response.streaming_content:
            pass
    return response


def count_queries(client: Client, path: str) -> tuple[int, list[str]]:
    """Status and SQL of one request (after a warm-up request)."""
    _get(client, path)
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as captured:
        response = _get(client, path)
    return response.status_code, [q["sql"] for q in captured.captured_queries]


def measure(client: Client, page: BenchPage, persona: str, ctx: BenchContext,
            requests: int) -> Measurement:
    """Query count of one request, then ``requests`` timed requests of the page, each paired
    with one of the floor view so both see the same machine load."""
    path = page.path(ctx)
    floor = reverse(FLOOR_URL)
    for _ in range(3):  # warm caches, template loaders, connections
        client.get(floor)
        _get(client, path)
    # The log is a bounded deque: once full (after migrate under DEBUG) its length stops moving.
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as captured:
        response = _get(client, path)
    sql = [q["sql"] for q in captured.captured_queries]  # now: the next request clears the log
    page_times, floor_times = [], []
    for _ in range(requests):
        began = time.perf_counter()
        client.get(floor)
        floor_times.append((time.perf_counter() - began) * 1000)
        began = time.perf_counter()
        _get(client, path)
        page_times.append((time.perf_counter() - began) * 1000)
    return Measurement(
        page=page.name, persona=persona, path=path, status=response.status_code,
        queries=len(sql), budget=page.query_budget, sql=sql,
        median_ms=round(statistics.median(page_times), 2),
        p90_ms=round(_percentile(page_times, 0.9), 2),
        floor_median_ms=round(statistics.median(floor_times), 2),
        floor_p90_ms=round(_percentile(floor_times, 0.9), 2),
    )


def measure_all(ctx: BenchContext, pages: list[BenchPage], requests: int) -> list[Measurement]:
    results = []
    clients = {persona: client_for(ctx, persona) for persona in PERSONAS}
    for page in pages:
        for persona in page.personas:
            results.append(measure(clients[persona], page, persona, ctx, requests))
    return results
