"""iCalendar (RFC 5545) for sessions and feeds, built with the ``icalendar`` library.

Each event carries its own zone's VTIMEZONE, so a calendar app shows "10:00 Brussels" whatever
daylight-saving rule applies on the day; the UID is stable per event and SEQUENCE rises with every
change invitees must see, so an updated invitation replaces the old one instead of duplicating it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.utils import timezone

from peersessions.calendar import CalendarEvent, session_event

PRODID = "-//Net-Works//Net-Works portal//EN"


def _organizer(host_name: str) -> icalendar.vCalAddress:
    address = icalendar.vCalAddress(f"mailto:{_from_address()}")
    address.params["CN"] = icalendar.vText(host_name or "Net-Works")
    return address


def _from_address() -> str:
    raw = settings.DEFAULT_FROM_EMAIL
    return raw.split("<", 1)[1].rstrip(">").strip() if "<" in raw else raw


def _vevent(event: CalendarEvent, *, attendee=None, now=None) -> icalendar.Event:
    zone = ZoneInfo(event.timezone)
    vevent = icalendar.Event.new(
        uid=event.uid,
        summary=event.title,
        start=timezone.localtime(event.starts_at, zone),
        end=timezone.localtime(event.ends_at, zone),
        stamp=now or timezone.now(),
        sequence=event.sequence,
        location=event.location or None,
        description=event.description or None,
        url=settings.SITE_URL + event.url if event.url.startswith("/") else event.url or None,
        categories=[c for c in event.categories if c],
        status=icalendar.enums.STATUS.CANCELLED if event.cancelled
        else icalendar.enums.STATUS.CONFIRMED,
    )
    if attendee is not None:
        vevent.add("organizer", _organizer(event.host))
        address = icalendar.vCalAddress(f"mailto:{attendee.email}")
        address.params["CN"] = icalendar.vText(str(attendee))
        address.params["ROLE"] = icalendar.vText("REQ-PARTICIPANT")
        # Answers are given on the portal, where the host sees them.
        address.params["RSVP"] = icalendar.vText("FALSE")
        vevent.add("attendee", address)
    return vevent


def build_calendar(events: Iterable[CalendarEvent], *, method: str | None = None,
                   name: str = "", attendee=None) -> str:
    cal = icalendar.Calendar.new(prodid=PRODID, method=method, name=name or None)
    now = timezone.now()
    first = last = None
    for event in events:
        cal.add_component(_vevent(event, attendee=attendee, now=now))
        first = event.starts_at if first is None or event.starts_at < first else first
        last = event.ends_at if last is None or event.ends_at > last else last
    if first is not None:
        # VTIMEZONE rules only for the years the events span keep feeds small.
        cal.add_missing_timezones(first_date=(first - timedelta(days=366)).date(),
                                  last_date=(last + timedelta(days=366)).date())
    return cal.to_ical().decode("utf-8")


def session_invitation_ics(session, *, attendee=None) -> str:
    """An invitation (METHOD:REQUEST) or, for a cancelled session, its cancellation."""
    method = "CANCEL" if session.is_cancelled else "REQUEST"
    return build_calendar([session_event(session)], method=method, attendee=attendee)


def session_ics(session) -> str:
    """A plain copy of the event, to download from the session page."""
    return build_calendar([session_event(session)], method="PUBLISH")
