"""iCalendar (.ics) files for roundtables and study visits, in the event's own time zone."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from netw.richtext import plain_text


def event_ics(event, *, kind: str, cancelled: bool = False) -> str:
    """One VEVENT with its VTIMEZONE. The UID is stable and SEQUENCE grows with each change, so a
    calendar that received an earlier version replaces it."""
    calendar = Calendar()
    calendar.add("prodid", "-//Net-Works portal//methodologies//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "PUBLISH")
    entry = Event()
    host = urlsplit(settings.SITE_URL).hostname or "net-works.eu"
    entry.add("uid", f"{kind}-{event.pk}@{host}")
    entry.add("sequence", event.sequence)
    entry.add("dtstamp", timezone.now())
    entry.add("dtstart", event.local_starts_at)
    entry.add("dtend", event.local_ends_at)
    entry.add("summary", event.title)
    description = plain_text(getattr(event, "description", "") or getattr(event, "objectives", ""))
    url = settings.SITE_URL + event.get_absolute_url()
    entry.add("description", f"{description}\n\n{url}".strip())
    entry.add("url", url)
    if event.location or event.online_url:
        entry.add("location", event.location or event.online_url)
    if cancelled:
        entry.add("status", "CANCELLED")
    calendar.add_component(entry)
    calendar.add_missing_timezones()
    return calendar.to_ical().decode()
