"""iCalendar (RFC 5545): the portal's one builder, through the ``icalendar`` library.

Invitations (e-mail attachments, METHOD REQUEST or CANCEL), the per-event downloads, the private
feed and the public feed all come from :func:`build_calendar` and carry the same UID for the same
event, ``<kind>-<pk>@<host of SITE_URL>``: a calendar that holds the feed's entry replaces it when
an e-mailed update arrives (higher SEQUENCE), instead of showing the event twice.

Each event carries its own zone's VTIMEZONE, so a calendar app shows "10:00 Brussels" whatever
daylight-saving rule applies on the day. Text is cleaned of control characters on the way out:
RFC 5545 forbids them in TEXT values and a stored title may predate the forms' cleaning.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone

from netw.text import strip_control_chars

if TYPE_CHECKING:
    from netw.events.sources import CalendarEvent

PRODID = "-//Net-Works//Net-Works portal//EN"


def event_uid(kind: str, pk: int) -> str:
    """The one UID scheme. The host is the site's, so two installations never collide."""
    host = urlsplit(settings.SITE_URL).hostname or "net-works.eu"
    return f"{kind}-{pk}@{host}"


def _text(value) -> str:
    return strip_control_chars(str(value or ""))


def _from_address() -> str:
    raw = settings.DEFAULT_FROM_EMAIL
    return raw.split("<", 1)[1].rstrip(">").strip() if "<" in raw else raw


def _organizer(host_name: str) -> icalendar.vCalAddress:
    address = icalendar.vCalAddress(f"mailto:{_from_address()}")
    address.params["CN"] = icalendar.vText(_text(host_name) or "Net-Works")
    return address


def _vevent(event: CalendarEvent, *, invitation: bool, attendee=None, now=None
            ) -> icalendar.Event:
    zone = ZoneInfo(event.timezone)
    url = settings.SITE_URL + event.url if event.url.startswith("/") else event.url
    vevent = icalendar.Event.new(
        uid=event.uid,
        summary=_text(event.title),
        start=timezone.localtime(event.starts_at, zone),
        end=timezone.localtime(event.ends_at, zone),
        stamp=now or timezone.now(),
        sequence=event.sequence,
        location=_text(event.location) or None,
        description=_text(event.description) or None,
        url=url or None,
        categories=[_text(c) for c in event.categories if _text(c)],
        status=icalendar.enums.STATUS.CANCELLED if event.cancelled
        else icalendar.enums.STATUS.CONFIRMED,
    )
    if invitation:
        # RFC 5546: a REQUEST or CANCEL names its organizer.
        vevent.add("organizer", _organizer(event.host))
    if attendee is not None:
        address = icalendar.vCalAddress(f"mailto:{attendee.email}")
        address.params["CN"] = icalendar.vText(_text(attendee))
        address.params["ROLE"] = icalendar.vText("REQ-PARTICIPANT")
        # Answers are given on the portal, where the host sees them.
        address.params["RSVP"] = icalendar.vText("FALSE")
        vevent.add("attendee", address)
    return vevent


def build_calendar(events: Iterable[CalendarEvent], *, method: str | None = None,
                   name: str = "", attendee=None) -> str:
    """A calendar of ``events``: a feed (no METHOD), a download (PUBLISH) or an invitation."""
    cal = icalendar.Calendar.new(prodid=PRODID, method=method, name=_text(name) or None)
    now = timezone.now()
    invitation = method in ("REQUEST", "CANCEL")
    first = last = None
    for event in events:
        cal.add_component(_vevent(event, invitation=invitation, attendee=attendee, now=now))
        first = event.starts_at if first is None or event.starts_at < first else first
        last = event.ends_at if last is None or event.ends_at > last else last
    if first is not None:
        # VTIMEZONE rules only for the years the events span keep feeds small.
        cal.add_missing_timezones(first_date=(first - timedelta(days=366)).date(),
                                  last_date=(last + timedelta(days=366)).date())
    return cal.to_ical().decode("utf-8")


def invitation_ics(event: CalendarEvent, *, attendee=None) -> str:
    """The e-mailed invitation or update (METHOD:REQUEST) or, for a cancelled event, its
    cancellation (METHOD:CANCEL)."""
    return build_calendar([event], method="CANCEL" if event.cancelled else "REQUEST",
                          attendee=attendee)


def download_ics(event: CalendarEvent) -> str:
    """A plain copy of the event, to download from its page."""
    return build_calendar([event], method="PUBLISH")


def ics_response(text: str, filename: str, *, attachment: bool = True) -> HttpResponse:
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
