"""Full-text search of the inventory.

PostgreSQL: a prefix tsquery ('simple' configuration, so it works whatever language a record is
written in) against the weighted ``search_vector`` that a trigger maintains (title A, summary B,
description and the rest C), served by its GIN index; results ranked by ``ts_rank``; highlighted
fragments from ``ts_headline``, computed only for the rows of the page shown.

SQLite (the embedded demo): every word must appear in one of the text fields; rows whose title
matches come first; the summary is highlighted in Python.
"""

from __future__ import annotations

import re

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, QuerySet, TextField, Value, When
from django.db.models.functions import Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from netw.richtext import highlight, plain_text

SEARCH_CONFIG = "simple"
TEXT_FIELDS = ("title", "summary", "body", "problem", "evidence", "transfer",
               "origin_organisation")
# Markers that cannot occur in text, swapped for <mark> after escaping the headline.
START, STOP = "\x02", "\x03"
MAX_TERMS = 8
MAX_TERM_LENGTH = 40


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


def search_methodologies(queryset: QuerySet, text: str) -> QuerySet:
    words = terms_of(text)
    if not words:
        return queryset
    if uses_postgres():
        query = tsquery(text)
        return (queryset.filter(search_vector=query)
                .annotate(rank=SearchRank(F("search_vector"), query))
                .order_by("-rank", "title"))
    condition = Q()
    for word in words:
        any_field = Q()
        for field in TEXT_FIELDS:
            any_field |= Q(**{f"{field}__icontains": word})
        condition &= any_field
    title_first = Case(When(title__icontains=words[0], then=Value(3)),
                       When(summary__icontains=words[0], then=Value(2)),
                       default=Value(1), output_field=IntegerField())
    return queryset.filter(condition).annotate(rank=title_first).order_by("-rank", "title")


def headlines(model, ids: list[int], text: str) -> dict[int, SafeString]:
    """Highlighted fragments for the given rows (one query on PostgreSQL, none on SQLite)."""
    if not ids or not terms_of(text) or not uses_postgres():
        return {}
    query = tsquery(text)
    rows = (model.objects.filter(pk__in=ids)
            .annotate(fragment=SearchHeadline(
                Concat("summary", Value(" "), "body", output_field=TextField()), query,
                config=SEARCH_CONFIG,
                start_sel=START, stop_sel=STOP, max_words=35, min_words=15,
                max_fragments=2, fragment_delimiter=" … "))
            .values_list("pk", "fragment"))
    return {pk: marked(fragment) for pk, fragment in rows}


def marked(fragment: str) -> SafeString:
    html = escape(fragment or "").replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped above; only our markers become tags


def snippet(methodology, text: str, fragments: dict[int, SafeString]) -> SafeString:
    """The highlighted fragment: PostgreSQL's, or (SQLite) a window around the first match in
    the summary and description."""
    if methodology.pk in fragments:
        return fragments[methodology.pk]
    words = terms_of(text)
    source = f"{methodology.summary} {plain_text(methodology.body)}"
    lowered = source.lower()
    hits = [i for i in (lowered.find(w.lower()) for w in words) if i >= 0]
    if not hits:
        return highlight(methodology.summary, words)
    start = max(0, min(hits) - 80)
    window = source[start:start + 240]
    prefix = "… " if start else ""
    suffix = " …" if start + 240 < len(source) else ""
    return highlight(prefix + window + suffix, words)
