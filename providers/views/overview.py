"""The country overview page: a table and, drawn on the server, a bar chart of the same figures."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from netw.pagecache import cache_for_visitors
from providers.overview import LEVELS, bar_chart, country_overview


@cache_for_visitors
def country_overview_page(request: HttpRequest) -> HttpResponse:
    overview = country_overview(request.user)
    return render(request, "providers/country_overview.html", {
        "overview": overview,
        "rows": overview.rows,
        "total": overview.total,
        # The chart draws the countries with records; the table lists the focus countries too.
        "chart": bar_chart([row for row in overview.rows if not row.is_empty], overview.series),
        "anything_mapped": not overview.total.is_empty,
        "levels": LEVELS,
    })
