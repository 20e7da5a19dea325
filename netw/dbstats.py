"""The query planner's statistics, refreshed after bulk writes.

PostgreSQL's planner chooses its plans from statistics that autovacuum refreshes only after a
while (and never inside the benchmark's short runs): right after 100,000 rows arrive, it still
plans for the empty tables it saw before, and a list that takes 20 ms can take 500. SQLite keeps
no statistics until ``ANALYZE`` is run. So whatever writes rows in bulk — the benchmark's and the
load tool's generators, a large spreadsheet import — calls :func:`analyze` (or
:func:`analyze_after_commit`) when it is done. ``ANALYZE`` reads a sample of each table, not every
row: a few hundred milliseconds for the 10x benchmark data.
"""

from __future__ import annotations

import logging

from django.db import connections, transaction
from django.db.models import Model

logger = logging.getLogger(__name__)

# An import writing at least this many rows refreshes the statistics of its tables.
ANALYZE_AFTER_ROWS = 1000


def _table(model_or_table: type[Model] | str) -> str:
    return model_or_table if isinstance(model_or_table, str) else model_or_table._meta.db_table


def analyze(*tables: type[Model] | str, using: str = "default", vacuum: bool = False) -> None:
    """``ANALYZE`` the given models' tables (or table names), or the whole database when none
    is given. Both PostgreSQL and SQLite take it. ``vacuum`` (the whole database, PostgreSQL,
    outside a transaction): ``VACUUM ANALYZE``, which also does now what autovacuum would start
    on its own a little later, after many inserted rows — in the middle of a measurement."""
    connection = connections[using]
    names = list(dict.fromkeys(_table(t) for t in tables))
    with connection.cursor() as cursor:
        if vacuum and not names and connection.vendor == "postgresql" \
                and not connection.in_atomic_block:
            cursor.execute("VACUUM ANALYZE")
        elif not names:
            cursor.execute("ANALYZE")
        elif connection.vendor == "postgresql":
            cursor.execute("ANALYZE " + ", ".join(connection.ops.quote_name(n) for n in names))
        else:  # SQLite's ANALYZE takes one table at a time
            for name in names:
                cursor.execute("ANALYZE " + connection.ops.quote_name(name))


def analyze_after_commit(*tables: type[Model] | str, using: str = "default") -> None:
    """:func:`analyze` once the current transaction commits (at once outside one); nothing if it
    rolls back. The rows are already committed then, so a failure is logged, not raised."""

    def run() -> None:
        try:
            analyze(*tables, using=using)
        except Exception:  # statistics are an optimisation: the write itself succeeded
            logger.warning("ANALYZE after a bulk write failed", exc_info=True)

    transaction.on_commit(run, using=using)
