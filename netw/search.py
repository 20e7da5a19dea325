"""Ranked full-text search of a model's weighted text fields, used by every searchable list
(the methodology inventory, the good-practice repertoire, …).

A model declares what is searched with a :class:`SearchSpec`: its text fields by weight (A the
title, B the summary, C the rest) and the fields whose text is shown, highlighted, in results.

PostgreSQL: a prefix tsquery ('simple' configuration, so it works whatever language a record is
written in) against the model's ``search_vector`` column, which a database trigger keeps up to
date (:func:`trigger_sql`, run by the app's migration) and a GIN index serves; results ranked by
``ts_rank``; highlighted fragments from ``ts_headline``, computed only for the rows of the page
shown.

SQLite (the embedded demo): every word must appear in one of the text fields; rows whose title
(then summary) matches come first; the summary is highlighted in Python.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, QuerySet, TextField, Value, When
from django.db.models.functions import Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from netw.richtext import highlight, plain_text

SEARCH_CONFIG = "simple"
# Markers that cannot occur in text, swapped for <mark> after escaping the headline.
START, STOP = "\x02", "\x03"
MAX_TERMS = 8
MAX_TERM_LENGTH = 40


@dataclass(frozen=True)
class SearchSpec:
    """What a model's search reads: text fields by weight, and the fields shown highlighted.

    ``weights`` maps a tsvector weight ("A", "B", "C", "D") to field names, most important
    first; the first A field is the one sorted on and ranked highest on SQLite. ``shown`` are
    the fields a result's highlighted fragment is cut from (the first is the summary shown when
    nothing matches in them).
    """

    weights: dict[str, tuple[str, ...]]
    shown: tuple[str, ...]

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(name for names in self.weights.values() for name in names)

    @property
    def title(self) -> str:
        return self.weights["A"][0]


def terms_of(text: str) -> list[str]:
    """At most a few words of bounded length: SQLite refuses very long LIKE patterns."""
    return [w[:MAX_TERM_LENGTH] for w in re.findall(r"\w+", (text or "")[:500])][:MAX_TERMS]


def uses_postgres() -> bool:
    return connection.vendor == "postgresql"


def tsquery(text: str) -> SearchQuery | None:
    words = terms_of(text)
    if not words:
        return None
    # Only word characters reach the raw tsquery, so its syntax cannot be injected.
    return SearchQuery(" & ".join(f"{w.lower()}:*" for w in words), config=SEARCH_CONFIG,
                       search_type="raw")


def ranked_search(queryset: QuerySet, text: str, spec: SearchSpec) -> QuerySet:
    """The rows matching every word of ``text``, best first (annotated with ``rank``)."""
    words = terms_of(text)
    if not words:
        return queryset
    if uses_postgres():
        query = tsquery(text)
        return (queryset.filter(search_vector=query)
                .annotate(rank=SearchRank(F("search_vector"), query))
                .order_by("-rank", spec.title))
    condition = Q()
    for word in words:
        any_field = Q()
        for field in spec.fields:
            any_field |= Q(**{f"{field}__icontains": word})
        condition &= any_field
    ranks = [When(Q(**{f"{field}__icontains": words[0]}), then=Value(score))
             for score, weight in ((3, "A"), (2, "B")) for field in spec.weights.get(weight, ())]
    rank = Case(*ranks, default=Value(1), output_field=IntegerField())
    return queryset.filter(condition).annotate(rank=rank).order_by("-rank", spec.title)


def headlines(model, ids: list[int], text: str, spec: SearchSpec) -> dict[int, SafeString]:
    """Highlighted fragments for the given rows (one query on PostgreSQL, none on SQLite)."""
    if not ids or not terms_of(text) or not uses_postgres():
        return {}
    query = tsquery(text)
    parts: list = []
    for name in spec.shown:
        parts += [name, Value(" ")]
    source = Concat(*parts[:-1], output_field=TextField()) if len(spec.shown) > 1 \
        else F(spec.shown[0])
    rows = (model.objects.filter(pk__in=ids)
            .annotate(fragment=SearchHeadline(
                source, query, config=SEARCH_CONFIG,
                start_sel=START, stop_sel=STOP, max_words=35, min_words=15,
                max_fragments=2, fragment_delimiter=" … "))
            .values_list("pk", "fragment"))
    return {pk: marked(fragment) for pk, fragment in rows}


def marked(fragment: str) -> SafeString:
    html = escape(fragment or "").replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped above; only our markers become tags


def snippet(record, text: str, fragments: dict[int, SafeString], spec: SearchSpec
            ) -> SafeString:
    """The highlighted fragment: PostgreSQL's, or (SQLite) a window around the first match in
    the shown fields."""
    if record.pk in fragments:
        return fragments[record.pk]
    words = terms_of(text)
    summary = getattr(record, spec.shown[0]) or ""
    source = " ".join([summary] + [plain_text(getattr(record, name) or "")
                                   for name in spec.shown[1:]])
    lowered = source.lower()
    hits = [i for i in (lowered.find(w.lower()) for w in words) if i >= 0]
    if not hits:
        return highlight(summary, words)
    start = max(0, min(hits) - 80)
    window = source[start:start + 240]
    prefix = "… " if start else ""
    suffix = " …" if start + 240 < len(source) else ""
    return highlight(prefix + window + suffix, words)


def results(model, page, text: str, spec: SearchSpec) -> list[tuple]:
    """A list page's rows as (record, highlighted fragment or None) for the records of ``page``."""
    text = (text or "").strip()
    fragments = headlines(model, [r.pk for r in page.object_list], text, spec) if text else {}
    return [(r, snippet(r, text, fragments, spec) if text else None) for r in page.object_list]


# --- Keeping the vector up to date (PostgreSQL): SQL for an app's migration ----------------------


IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$")


def _identifier(name: str) -> str:
    if not IDENTIFIER.match(name):
        raise ValueError(f"not a plain SQL identifier: {name!r}")
    return name


def _names(table: str) -> dict[str, str]:
    table = _identifier(table)
    return {"function": f"{table}_search_update", "trigger": f"{table}_search",
            "index": f"{table}_search_gin"}


def trigger_sql(table: str, weights: dict[str, tuple[str, ...]]) -> str:
    """A trigger that computes ``search_vector`` from the weighted columns on every insert and
    update, its GIN index (inserting directly, without a pending list: these tables are written
    rarely and searched often), and the vectors of the rows already there.

    A migration passes the columns literally, so it replays the same whatever the model's
    ``SearchSpec`` later becomes. Only identifiers of the migration's own choosing reach the SQL.
    """
    n = _names(table)
    if not set(weights) <= set("ABCD"):
        raise ValueError(f"tsvector weights are A to D, not {sorted(weights)}")
    vector = " ||\n    ".join(
        f"setweight(to_tsvector('{SEARCH_CONFIG}', concat_ws(' ', "
        + ", ".join(f"NEW.{_identifier(column)}" for column in columns) + f")), '{weight}')"
        for weight, columns in weights.items())
    first = _identifier(next(iter(weights.values()))[0])
    # Identifiers only, checked above: nothing from a request reaches this SQL.
    return f"""
CREATE OR REPLACE FUNCTION {n['function']}() RETURNS trigger AS $$
BEGIN
  NEW.search_vector :=
    {vector};
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS {n['trigger']} ON {table};
CREATE TRIGGER {n['trigger']}
  BEFORE INSERT OR UPDATE ON {table}
  FOR EACH ROW EXECUTE FUNCTION {n['function']}();
CREATE INDEX IF NOT EXISTS {n['index']} ON {table} USING gin (search_vector)
  WITH (fastupdate = off);
UPDATE {table} SET {first} = {first};
"""  # noqa: S608


def undo_trigger_sql(table: str) -> str:
    n = _names(table)
    return f"""
DROP INDEX IF EXISTS {n['index']};
DROP TRIGGER IF EXISTS {n['trigger']} ON {table};
DROP FUNCTION IF EXISTS {n['function']}();
"""
