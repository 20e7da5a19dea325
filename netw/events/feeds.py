"""iCalendar feeds: a person's own events (private address with a secret) and the public ones;
and the public ones as Atom (netw/feeds.py) for feed readers."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from netw.events import services
from netw.events.ics import build_calendar, ics_response
from netw.events.models import CalendarFeed
from netw.events.sources import CalendarEvent, EventQuery, events_between
from netw.feeds import FEED_SIZE, PortalFeed
from netw.opengraph import absolute_url
from netw.pagecache import cache_for_visitors
from netw.richtext import plain_text
from netw.text import xml_safe

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


@login_required
@never_cache
def feed_settings(request: HttpRequest) -> HttpResponse:
    feed = services.feed_for(user=request.user)
    url = request.build_absolute_uri(feed.get_absolute_url())
    return render(request, "events/feed_settings.html", {
        "feed_url": url,
        "webcal_url": "webcal://" + url.split("://", 1)[1],
        "public_url": request.build_absolute_uri(reverse("events:feed_public")),
    })


@login_required
@require_POST
def feed_reset(request: HttpRequest) -> HttpResponse:
    services.feed_reset(user=request.user)
    messages.success(request, _("Your feed has a new address; the old one no longer works. "
                                "Subscribe again in your calendar app."))
    return redirect("events:feed_settings")


def _feed_response(text: str, filename: str) -> HttpResponse:
    response = ics_response(text, filename, attachment=False)
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

    return _feed_response(_cached_feed(f"events:feed:{feed.token}", build), "net-works.ics")


@cache_for_visitors
def feed_public(request: HttpRequest) -> HttpResponse:
    def build() -> str:
        now = timezone.now()
        events = events_between(EventQuery(user=None, start=now - FEED_PAST,
                                           end=now + FEED_FUTURE, public_only=True))
        return build_calendar(events, name=_("Net-Works: public events"))

    response = _feed_response(_cached_feed("events:feed:public", build),
                              "net-works-public.ics")
    response["Cache-Control"] = "public, max-age=900"
    return response


# --- Atom: the public events, for feed readers (the .ics above is for calendar apps) ----------


class PublicEventsFeed(PortalFeed):
    """The public events still to come (and those under way), soonest first: what a visitor
    sees in the calendar, from every app's sources, never a private one (``public_only``)."""

    title = _lazy("Net-Works: public events")
    subtitle = _lazy("Public sessions, roundtables and expert meetings of the Net-Works "
                     "project.")
    list_url_name = "events:calendar_list"
    feed_url_name = "events:feed_atom"

    def items(self):
        now = timezone.now()
        return events_between(EventQuery(user=None, start=now, end=now + FEED_FUTURE,
                                         public_only=True, limit=FEED_SIZE))

    def item_guid(self, item: CalendarEvent) -> str:
        return f"urn:uid:{item.uid}"

    def item_guid_is_permalink(self, item) -> bool:
        return False

    def item_title(self, item: CalendarEvent) -> str:
        title = xml_safe(item.title)
        return _("Cancelled: %(title)s") % {"title": title} if item.cancelled else title

    def item_description(self, item: CalendarEvent) -> str:
        when = formats.date_format(timezone.localtime(item.starts_at), "DATETIME_FORMAT")
        # Built for nobody (``user=None``): no online link, so ``location`` is the place or the
        # format.
        parts = [f"{item.kind} · {when}", item.location, plain_text(item.description)]
        return xml_safe(" — ".join(part for part in parts if part))

    def item_link(self, item: CalendarEvent) -> str:
        return absolute_url(item.url)

    def item_pubdate(self, item: CalendarEvent):
        return None

    def item_updateddate(self, item: CalendarEvent):
        return item.updated_at or item.starts_at

    def item_author_name(self, item: CalendarEvent) -> str | None:
        return xml_safe(item.host) or None

    def item_categories(self, item: CalendarEvent) -> list[str]:
        return [xml_safe(str(item.kind)), *(xml_safe(c) for c in item.categories)]
