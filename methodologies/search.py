"""Full-text search of the inventory: the core's ranked search (netw/search.py) over the
methodology's weighted fields (title A, summary B, description and the rest C).

The vector is kept up to date by the trigger of migration 0002 (indexed with GIN, without a
pending list since 0003); SQLite searches the text fields directly.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.safestring import SafeString

from netw import search
from netw.search import terms_of

__all__ = ["SEARCH", "headlines", "search_methodologies", "snippet", "terms_of"]

SEARCH = search.SearchSpec(
    weights={"A": ("title",), "B": ("summary",),
             "C": ("body", "problem", "evidence", "transfer", "origin_organisation")},
    shown=("summary", "body"),
    tags=("target_groups", "sectors"),
)


def search_methodologies(queryset: QuerySet, text: str, *, limit: int | None = None
                         ) -> QuerySet:
    return search.ranked_search(queryset, text, SEARCH, limit=limit)


def headlines(model, ids: list[int], text: str) -> dict[int, SafeString]:
    return search.headlines(model, ids, text, SEARCH)


def snippet(methodology, text: str, fragments: dict[int, SafeString]) -> SafeString:
    return search.snippet(methodology, text, fragments, SEARCH)
