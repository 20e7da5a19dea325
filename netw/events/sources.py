"""The calendar's event sources, declared by each app in ``<app>/calendar.py``.

An app lists its sources in ``EVENT_SOURCES`` (instances of :class:`EventSource`); the core finds
them with ``netw.discovery.app_modules("calendar")`` and never names an app or a model. A source
returns the events between ``query.start`` and ``query.end`` that ``query.user`` may see (or,
with ``query.mine``, their own), honouring the filters it understands, in a bounded number of
queries whatever the number of events: the month view, the list view, the feeds and the home
panel call every source once. Filters a source cannot answer (no topic or format) exclude its
events rather than being ignored: a reader asking for online sessions must not get study visits.

Sources also feed the one day-before reminder pipeline (``netw.events.reminders``) and the one
.ics builder (``netw.events.ics``), which is why each says what its events are called
(``kind``, the UID's first part) and how an event of its model becomes a ``CalendarEvent``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.db import models

from netw.discovery import app_modules
from netw.events.ics import event_uid


@dataclass(frozen=True)
class EventQuery:
    user: object  # a User, AnonymousUser or None (the public feed)
    start: datetime
    end: datetime
    topic: str = ""  # a topic slug (shared across apps through netw.topics)
    partner: int | None = None  # the host / owner partner's id
    format: str = ""  # online, in_person, hybrid
    mine: bool = False  # only the user's own events (their feed)
    public_only: bool = False  # only events meant for the public (the public feed)
    limit: int | None = None  # at most this many events, the first by start (or the last)
    descending: bool = False  # latest first (the list of past events)


@dataclass
class CalendarEvent:
    source_kind: str  # the source's ``kind``: "session", "roundtable", …
    pk: int
    title: str
    starts_at: datetime
    ends_at: datetime
    timezone: str
    url: str
    kind: str  # what readers call it: "Peer-to-peer session", "Roundtable"
    place: str = ""
    # Empty unless the person the event is built for may join: see each app's rules.
    online_url: str = ""
    description: str = ""
    sequence: int = 0
    cancelled: bool = False
    updated_at: datetime | None = None  # when the record last changed (the Atom feed's "updated")
    topic: str = ""
    host: str = ""
    format: str = ""
    categories: list[str] = field(default_factory=list)

    @property
    def uid(self) -> str:
        return event_uid(self.source_kind, self.pk)

    @property
    def location(self) -> str:
        """Place and link as one line, for calendar apps' LOCATION and lists."""
        return " · ".join(part for part in (self.place, self.online_url) if part) or self.format

    @property
    def sort_key(self) -> tuple:
        return (self.starts_at, self.title)


class EventSource:
    """One kind of event in the portal's calendar. Subclass it in ``<app>/calendar.py``."""

    kind: str = ""  # short and stable: it is the first part of every UID of this kind
    label = ""  # translatable name of the kind
    model: type[models.Model]
    # The field marking that the day-before reminder went out ("" if the kind has none).
    reminder_field = "reminded_at"
    # What ``event()`` reads beyond the row, for ``select_related`` (the public API's lists).
    related: tuple[str, ...] = ("owner_partner",)

    def events(self, query: EventQuery) -> Iterable[CalendarEvent]:
        raise NotImplementedError

    def topics(self) -> list[tuple[str, str]]:
        """(slug, name) of the topics its events can have, for the calendar's filter."""
        return []

    def event(self, obj, *, show_link: bool) -> CalendarEvent:
        """``obj`` as a calendar event; its online link only with ``show_link``."""
        raise NotImplementedError

    # --- the day-before reminder (netw.events.reminders) ---

    def remindable(self) -> models.QuerySet:
        """The events that may get a reminder (scheduled, not cancelled); no joins, as the
        pipeline locks the row with it."""
        return self.model.objects.all()

    def send_reminder(self, obj) -> None:
        """Tell the people taking part in ``obj`` (the pipeline has locked it, checked it is
        due and not yet reminded, and marks it afterwards)."""
        raise NotImplementedError


def all_sources() -> list[EventSource]:
    """Every installed app's sources, in INSTALLED_APPS order."""
    return [source for module in app_modules("calendar")
            for source in getattr(module, "EVENT_SOURCES", ())]


def source_for(kind: str) -> EventSource:
    for source in all_sources():
        if source.kind == kind:
            return source
    raise LookupError(f"No calendar source of kind {kind!r}")


def events_between(query: EventQuery) -> list[CalendarEvent]:
    """Every source's events, merged in order (latest first with ``descending``); with ``limit``,
    the first ``limit`` of the merged list, each source having been asked for no more."""
    found: list[CalendarEvent] = []
    for source in all_sources():
        found.extend(source.events(query))
    found.sort(key=lambda e: e.sort_key, reverse=query.descending)
    return found if query.limit is None else found[:query.limit]
