"""The one way a list view pages its rows."""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.utils.functional import cached_property

PAGE_SIZE = 20


class CappedPaginator(Paginator):
    """Pages at most ``cap`` rows of a list that holds one more when there are more (a
    bounded search, netw/search.py): ``capped`` then says so ("1,000+ results")."""

    def __init__(self, object_list, per_page, *, cap: int, **kwargs):
        self.cap = cap
        super().__init__(object_list, per_page, **kwargs)

    @cached_property
    def found(self) -> int:
        return self.object_list.count()

    @cached_property
    def count(self) -> int:
        return min(self.found, self.cap)

    @property
    def capped(self) -> bool:
        return self.found > self.cap


def paginate(request, queryset, per_page: int = PAGE_SIZE, *, cap: int | None = None) -> Page:
    """The page asked for in ``?page=`` (the last one when beyond, the first when not a number).
    With ``cap``, at most that many rows (see :class:`CappedPaginator`)."""
    paginator = (Paginator(queryset, per_page) if cap is None
                 else CappedPaginator(queryset, per_page, cap=cap))
    return paginator.get_page(request.GET.get("page"))
