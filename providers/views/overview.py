"""The country overview page: a table and, drawn on the server, a bar chart of the same figures."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from providers.overview import LEVELS, bar_chart, country_rows, totals


def country_overview(request: HttpRequest) -> HttpResponse:
    rows = country_rows(request.user)
    return render(request, "providers/country_overview.html", {
        "rows": rows,
        "total": totals(rows),
        "chart": bar_chart(rows),
        "levels": LEVELS,
    })
