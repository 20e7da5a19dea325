"""The calendar of all events (month and list views) and its iCalendar feeds."""

from __future__ import annotations

import calendar as pycalendar
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import escape
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from netw.timezones import TZ_COOKIE, viewer_zone_name
from peersessions import services
from peersessions.calendar import EventQuery, events_between
from peersessions.filters import CalendarFilter
from peersessions.forms import TimezoneForm
from peersessions.ical import build_calendar
from peersessions.models import TIMEZONE_CHOICES, CalendarFeed, Session

# How far a feed reaches: calendar apps keep what they have seen, so old events need not be sent.
FEED_PAST = timedelta(days=180)
FEED_FUTURE = timedelta(days=2 * 366)
# Calendar apps poll feeds every few minutes to hours, and rendering 500 events takes the icalendar
# library about a second of CPU: a feed is rendered at most once per this many seconds.
FEED_CACHE_SECONDS = 300


def _cached_feed(key: str, build) -> str:
    text = cache.get(key)
    if text is None:
        text = build()
        cache.set(key, text, FEED_CACHE_SECONDS)
    return text


def _month_from(request: HttpRequest) -> date:
    raw = request.GET.get("month", "")
    try:
        year, month = (int(part) for part in raw.split("-", 1))
        return date(year, month, 1)
    except (TypeError, ValueError):
        return timezone.localdate().replace(day=1)


def _local_midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


@lru_cache(maxsize=1)
def _all_zone_options() -> str:
    return "".join(f'<option value="{escape(value)}">{escape(label)}</option>'
                   for value, label in TIMEZONE_CHOICES)


def _zone_options(selected: str) -> str:
    """The zone picker's 400 options, built once per process: rendering them through the
    template engine cost a tenth of a second per page."""
    mark = f'<option value="{escape(selected)}">'
    return mark_safe(_all_zone_options().replace(  # noqa: S308 - built from escaped values
        mark, mark[:-1] + " selected>", 1))


def _common_context(request: HttpRequest, filterset: CalendarFilter) -> dict:
    return {
        "filter": filterset,
        "timezone_options": _zone_options(viewer_zone_name(request)),
        "viewer_zone": viewer_zone_name(request),
        "session_formats": Session.Format,
    }


def calendar_month(request: HttpRequest) -> HttpResponse:
    """A month as a table: weeks are rows, days are cells, each event a link."""
    first = _month_from(request)
    weeks = pycalendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    start, end = _local_midnight(weeks[0][0]), _local_midnight(weeks[-1][-1] + timedelta(days=1))
    filterset = CalendarFilter(request.GET or None, queryset=Session.objects.none())
    events = events_between(EventQuery(user=request.user, start=start, end=end,
                                       **filterset.query_kwargs()))
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
    context = _common_context(request, filterset)
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
    return render(request, "peersessions/calendar_month.html", context)


LIST_PAGE_SIZE = 25


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
    filterset = CalendarFilter(request.GET or None, queryset=Session.objects.none())
    events = events_between(EventQuery(user=request.user, start=start, end=end,
                                       limit=number * LIST_PAGE_SIZE + 1, descending=past,
                                       **filterset.query_kwargs()))
    context = _common_context(request, filterset)
    context.update({
        "events": events[(number - 1) * LIST_PAGE_SIZE:number * LIST_PAGE_SIZE],
        "page_number": number,
        "has_previous": number > 1,
        "has_next": len(events) > number * LIST_PAGE_SIZE,
        "past": past,
    })
    return render(request, "peersessions/calendar_list.html", context)


@require_POST
def calendar_timezone(request: HttpRequest) -> HttpResponse:
    """Remember the zone the viewer reads times in (a cookie: visitors can choose too)."""
    form = TimezoneForm(request.POST)
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        target = reverse("peersessions:calendar_month")
    # Not redirect(): it would try any string without a slash as a URL name (a 500).
    response = HttpResponseRedirect(target)
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


@login_required
@never_cache
def feed_settings(request: HttpRequest) -> HttpResponse:
    feed = services.feed_for(user=request.user)
    url = request.build_absolute_uri(feed.get_absolute_url())
    return render(request, "peersessions/feed_settings.html", {
        "feed_url": url,
        "webcal_url": "webcal://" + url.split("://", 1)[1],
        "public_url": request.build_absolute_uri(reverse("peersessions:feed_public")),
    })


@login_required
@require_POST
def feed_reset(request: HttpRequest) -> HttpResponse:
    services.feed_reset(user=request.user)
    messages.success(request, _("Your feed has a new address; the old one no longer works. "
                                "Subscribe again in your calendar app."))
    return redirect("peersessions:feed_settings")


def _feed_response(text: str, filename: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, max-age=900"
    return response


def feed_user(request: HttpRequest, token: str) -> HttpResponse:
    """A person's own events, for their calendar app. The token in the URL is the key: calendar
    apps cannot log in, so a wrong or reset token is simply not found."""
    feed = CalendarFeed.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active:
        raise Http404
    # The token is checked above on every request: a reset address stops working at once.
    def build() -> str:
        now = timezone.now()
        events = events_between(EventQuery(user=feed.user, start=now - FEED_PAST,
                                           end=now + FEED_FUTURE, mine=True))
        return build_calendar(events, name=_("Net-Works: my events"))

    return _feed_response(_cached_feed(f"peersessions:feed:{feed.token}", build),
                          "net-works.ics")


def feed_public(request: HttpRequest) -> HttpResponse:
    def build() -> str:
        now = timezone.now()
        events = events_between(EventQuery(user=None, start=now - FEED_PAST,
                                           end=now + FEED_FUTURE, public_only=True))
        return build_calendar(events, name=_("Net-Works: public events"))

    response = _feed_response(_cached_feed("peersessions:feed:public", build),
                              "net-works-public.ics")
    response["Cache-Control"] = "public, max-age=900"
    return response
