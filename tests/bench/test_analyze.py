"""The planner's statistics are refreshed after bulk writes: the benchmark's generators, the load
tool's, and a large spreadsheet import (netw.dbstats)."""

from types import SimpleNamespace

import pytest
from django.db import connection

from netw import benchmark, dbstats
from providers import imports
from providers.models import Provider
from tests.factories import ProviderFactory

pytestmark = pytest.mark.django_db


def _statistics_of(table: str) -> bool:
    """Whether the database holds planner statistics for ``table``."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # reltuples is -1 until the table is first analysed (or vacuumed).
            cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [table])
            return cursor.fetchone()[0] >= 0
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if cursor.fetchone() is None:
            return False
        cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = %s", [table])
        return cursor.fetchone()[0] > 0


def test_analyze_gathers_the_statistics_of_the_tables_named(partner_a):
    ProviderFactory.create_batch(3, owner_partner=partner_a)
    dbstats.analyze(Provider, "providers_partner")
    assert _statistics_of(Provider._meta.db_table)
    assert _statistics_of("providers_partner")


def test_analyze_without_tables_covers_the_whole_database(partner_a):
    ProviderFactory.create_batch(3, owner_partner=partner_a)
    dbstats.analyze()
    assert _statistics_of(Provider._meta.db_table)


@pytest.fixture
def analysed(monkeypatch):
    calls = []

    def analyze(*tables, using="default", vacuum=False):
        calls.append([t if isinstance(t, str) else t._meta.db_table for t in tables])

    monkeypatch.setattr(dbstats, "analyze", analyze)
    return calls


def test_the_benchmark_analyses_the_database_after_generating(analysed):
    done = []
    module = SimpleNamespace(__name__="fake.bench",
                             generate=lambda ctx, start, stop: done.append((start, stop)))
    benchmark.generate(None, start=0, stop=2, modules=[module], log=lambda _: None)
    assert done == [(0, 2)] and analysed == [[]]  # the whole database, after the generator


def _rows(count: int) -> list:
    return [(n + 2, {"name": f"Enterprise {n}", "country": "PT"}) for n in range(count)]


def test_a_large_import_analyses_its_tables_once_committed(
        owner, partner_a, analysed, monkeypatch, django_capture_on_commit_callbacks):
    monkeypatch.setattr(dbstats, "ANALYZE_AFTER_ROWS", 3)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        imports.providers_import(rows=_rows(3), columns=["name", "country"], file_name="big.csv",
                                 user=owner, partner=partner_a, default_language="en")
        assert not analysed  # not before the transaction commits
    for callback in callbacks:
        callback()
    assert Provider.objects.count() == 3
    (tables,) = analysed
    assert {"providers_provider", "providers_historicalprovider",
            "providers_provider_sectors"} <= set(tables)


def test_a_small_import_leaves_the_statistics_alone(
        owner, partner_a, analysed, monkeypatch, django_capture_on_commit_callbacks):
    monkeypatch.setattr(dbstats, "ANALYZE_AFTER_ROWS", 3)
    with django_capture_on_commit_callbacks(execute=True):
        imports.providers_import(rows=_rows(2), columns=["name", "country"], file_name="small.csv",
                                 user=owner, partner=partner_a, default_language="en")
    assert Provider.objects.count() == 2
    assert analysed == []


def test_a_failing_analyze_after_commit_does_not_undo_the_write(
        monkeypatch, django_capture_on_commit_callbacks, caplog):
    def broken(*tables, using="default"):
        raise RuntimeError("no statistics today")

    monkeypatch.setattr(dbstats, "analyze", broken)
    with django_capture_on_commit_callbacks(execute=True):
        dbstats.analyze_after_commit(Provider)
    assert "ANALYZE after a bulk write failed" in caplog.text


@pytest.mark.django_db(transaction=True)
def test_the_benchmark_vacuums_too_so_autovacuum_does_not_start_mid_measurement(partners):
    """Outside a transaction, on PostgreSQL, ``vacuum=True`` is a ``VACUUM ANALYZE``; elsewhere
    (SQLite, inside a transaction) the plain ``ANALYZE``."""
    ProviderFactory.create_batch(3, owner_partner=partners["a3s"])
    dbstats.analyze(vacuum=True)
    assert _statistics_of(Provider._meta.db_table)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT last_vacuum FROM pg_stat_user_tables WHERE relname = %s",
                           [Provider._meta.db_table])
            assert cursor.fetchone()[0] is not None
