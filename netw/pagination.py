"""The one way a list view pages its rows."""

from __future__ import annotations

from django.core.paginator import Page, Paginator

PAGE_SIZE = 20


def paginate(request, queryset, per_page: int = PAGE_SIZE) -> Page:
    """The page asked for in ``?page=`` (the last one when beyond, the first when not a number)."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))
