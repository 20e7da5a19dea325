"""The site-wide calendar: every source's events as a month and as a list."""

from __future__ import annotations

import calendar as pycalendar
from datetime import date, datetime, time, timedelta

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import formats, timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netw.access import redirect_to_next
from netw.events.forms import CalendarFilterForm, EventFormat, TimezoneForm
from netw.events.sources import EventQuery, events_between
from netw.forms import project_countries
from netw.pagecache import cache_for_visitors
from netw.timezones import TZ_COOKIE, timezone_choices, viewer_zone_name

LIST_PAGE_SIZE = 25


def _month_from(request: HttpRequest) -> date:
    raw = request.GET.get("month", "")
    try:
        year, month = (int(part) for part in raw.split("-", 1))
        return date(year, month, 1)
    except (TypeError, ValueError):
        return timezone.localdate().replace(day=1)


def _local_midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _all_zone_options() -> str:
    """The one time-zone select's groups (netw.timezones.timezone_choices), written in Python:
    rendering 600 options through the template engine cost a tenth of a second per page."""
    parts = []
    for group, options in timezone_choices(project_countries()):
        parts.append(f'<optgroup label="{escape(group)}">')
        parts.extend(f'<option value="{escape(value)}">{escape(label)}</option>'
                     for value, label in options)
        parts.append("</optgroup>")
    return "".join(parts)


def _zone_options(selected: str) -> str:
    mark = f'<option value="{escape(selected)}">'
    return mark_safe(_all_zone_options().replace(  # noqa: S308 - built from escaped values
        mark, mark[:-1] + " selected>", 1))


def _common_context(request: HttpRequest, form: CalendarFilterForm) -> dict:
    return {
        "filter_form": form,
        "timezone_options": _zone_options(viewer_zone_name(request)),
        "viewer_zone": viewer_zone_name(request),
        "event_formats": EventFormat.CHOICES,
    }


@cache_for_visitors
def calendar_month(request: HttpRequest) -> HttpResponse:
    """A month as a table: weeks are rows, days are cells, each event a link."""
    first = _month_from(request)
    weeks = pycalendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    start, end = _local_midnight(weeks[0][0]), _local_midnight(weeks[-1][-1] + timedelta(days=1))
    form = CalendarFilterForm(request.GET or None, user=request.user)
    events = events_between(EventQuery(user=request.user, start=start, end=end,
                                       **form.query_kwargs()))
    by_day: dict[date, list] = {}
    for event in events:
        day = timezone.localtime(event.starts_at).date()
        last = timezone.localtime(event.ends_at - timedelta(microseconds=1)).date()
        while day <= last:
            by_day.setdefault(day, []).append(event)
            day += timedelta(days=1)
    today = timezone.localdate()
    previous = (first - timedelta(days=1)).replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    context = _common_context(request, form)
    context.update({
        "month": first,
        "weekdays": [(formats.date_format(d, "l"), formats.date_format(d, "D"))
                     for d in weeks[0]],
        "weeks": [[{"date": d, "in_month": d.month == first.month, "is_today": d == today,
                    "events": by_day.get(d, [])} for d in week] for week in weeks],
        "previous_month": previous.strftime("%Y-%m"),
        "next_month": following.strftime("%Y-%m"),
        "this_month": today.replace(day=1).strftime("%Y-%m"),
        "event_count": len(events),
    })
    return render(request, "events/calendar_month.html", context)


def calendar_list(request: HttpRequest) -> HttpResponse:
    """Upcoming (or past) events of the coming (or last) year as a list, 25 a page.

    Each source is asked for no more than the events up to the end of the requested page, so a
    page costs the same whatever the number of events; there is a next page when one more exists.
    """
    past = request.GET.get("when") == "past"
    now = timezone.now()
    start, end = (now - timedelta(days=366), now) if past else (now, now + timedelta(days=366))
    try:
        number = max(1, min(int(request.GET.get("page", 1)), 1000))
    except ValueError:
        number = 1
    form = CalendarFilterForm(request.GET or None, user=request.user)
    events = events_between(EventQuery(user=request.user, start=start, end=end,
                                       limit=number * LIST_PAGE_SIZE + 1, descending=past,
                                       **form.query_kwargs()))
    context = _common_context(request, form)
    context.update({
        "events": events[(number - 1) * LIST_PAGE_SIZE:number * LIST_PAGE_SIZE],
        "page_number": number,
        "has_previous": number > 1,
        "has_next": len(events) > number * LIST_PAGE_SIZE,
        "past": past,
    })
    return render(request, "events/calendar_list.html", context)


@require_POST
def calendar_timezone(request: HttpRequest) -> HttpResponse:
    """Remember the zone the viewer reads times in (a cookie: visitors can choose too)."""
    form = TimezoneForm(request.POST, user=request.user)
    response = redirect_to_next(request, "events:calendar_month")
    if form.is_valid():
        response.set_cookie(TZ_COOKIE, form.cleaned_data["tz"], max_age=365 * 24 * 3600,
                            samesite="Lax", httponly=True, secure=request.is_secure())
        if request.user.is_authenticated:  # the profile keeps it for every page and device
            request.user.timezone = form.cleaned_data["tz"]
            request.user.save(update_fields=["timezone"])
        messages.success(request, _("Times are now shown in %(zone)s.")
                         % {"zone": form.cleaned_data["tz"]})
    else:
        messages.error(request, _("Choose a time zone from the list."))
    return response
