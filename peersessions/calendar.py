"""The calendar's event sources: a small registry every work package can add to.

A source is a callable ``source(query: EventQuery) -> Iterable[CalendarEvent]`` that returns the
events between ``query.start`` and ``query.end`` that ``query.user`` may see (or, with
``query.mine``, their own), honouring the filters it understands. Each source must run a bounded
number of queries whatever the number of events: the month view, the list view and the feeds
call every source once.

WP2's roundtables and study visits plug in with one line each (see ``model_source``)::

    EVENT_SOURCES.append(model_source("methodologies.Roundtable", _("Roundtable")))
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.apps import apps
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from netw import roles


@dataclass(frozen=True)
class EventQuery:
    user: object  # a User or AnonymousUser
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
    uid: str
    title: str
    starts_at: datetime
    ends_at: datetime
    timezone: str
    url: str
    kind: str
    location: str = ""
    description: str = ""
    sequence: int = 0
    cancelled: bool = False
    topic: str = ""
    host: str = ""
    format: str = ""
    categories: list[str] = field(default_factory=list)

    @property
    def sort_key(self) -> tuple:
        return (self.starts_at, self.title)


EventSource = Callable[[EventQuery], Iterable[CalendarEvent]]


def session_source(query: EventQuery) -> Iterable[CalendarEvent]:
    from peersessions.models import Session

    sessions = Session.objects.visible_to(query.user) if not query.public_only else (
        Session.objects.filter(is_public=True))
    sessions = sessions.announced().between(query.start, query.end).for_lists()
    if query.mine:
        sessions = sessions.filter(pk__in=Session.objects.involving(query.user).values("pk"))
    if query.topic:
        sessions = sessions.filter(topic__slug=query.topic)
    if query.partner:
        sessions = sessions.filter(owner_partner_id=query.partner)
    if query.format:
        sessions = sessions.filter(format=query.format)
    sessions = sessions.order_by("-starts_at" if query.descending else "starts_at")
    if query.limit is not None:
        sessions = sessions[:query.limit]
    for session in sessions:
        yield session_event(session)


def session_event(session) -> CalendarEvent:
    return CalendarEvent(
        uid=session.ical_uid,
        title=session.title,
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        timezone=session.timezone,
        url=session.get_absolute_url(),
        kind=str(_("Peer-to-peer session")),
        location=session.location_text,
        description=session.agenda,
        sequence=session.sequence,
        cancelled=session.is_cancelled,
        topic=str(session.topic.display_name),
        host=session.owner_partner.short_name,
        format=str(session.get_format_display()),
        categories=[str(session.topic.display_name)],
    )


def model_source(model_label: str, kind: str) -> EventSource:
    """A source for another app's dated model with ``title``, ``starts_at``, ``ends_at``,
    ``timezone``, ``location``, ``get_absolute_url`` and a ``visible_to(user)`` QuerySet.

    Filters the model cannot answer (no ``topic`` or ``format`` field) exclude its events rather
    than ignore the filter: a reader asking for online sessions must not get study visits.
    """

    def source(query: EventQuery) -> Iterable[CalendarEvent]:
        try:
            model = apps.get_model(model_label)
        except LookupError:
            return []
        fields = {f.name for f in model._meta.get_fields()}
        if query.public_only:
            if "is_public" not in fields:
                return []
            qs = model.objects.filter(is_public=True)
        else:
            qs = model.objects.visible_to(query.user)
        qs = qs.filter(starts_at__lt=query.end, ends_at__gt=query.start)
        if query.mine:
            if hasattr(qs, "involving"):
                qs = qs.involving(query.user)
            else:
                # Their partner's events, and those they take part in.
                mine = Q(pk__in=[])
                if "owner_partner" in fields:
                    mine |= Q(owner_partner_id__in=roles.partner_ids(query.user))
                if "participants" in fields:
                    mine |= Q(pk__in=model.objects.filter(participants=query.user).values("pk"))
                qs = qs.filter(mine)
        wanted_topic = ""
        if query.topic:
            if "topic" in fields:
                qs = qs.filter(topic__slug=query.topic)
            elif "topics" in fields:
                # A list of netw.topics slugs (JSON): matched below, as SQLite cannot look inside.
                wanted_topic = query.topic
            else:
                return []
        if query.format:
            if "format" not in fields:
                return []
            qs = qs.filter(format=query.format)
        related = [name for name in ("owner_partner", "topic") if name in fields]
        if query.partner:
            if "owner_partner" not in fields:
                return []
            qs = qs.filter(owner_partner_id=query.partner)
        qs = qs.select_related(*related).order_by(
            "-starts_at" if query.descending else "starts_at")
        if query.limit is not None and not wanted_topic:
            qs = qs[:query.limit]
        events = []
        for obj in qs:
            if wanted_topic and wanted_topic not in (getattr(obj, "topics", None) or []):
                continue
            partner = getattr(obj, "owner_partner", None)
            topic = getattr(obj, "topic", None)
            if topic is None and hasattr(obj, "topic_names"):
                names = obj.topic_names
                topic = ", ".join(str(n) for n in (names() if callable(names) else names))
            events.append(CalendarEvent(
                uid=f"{model._meta.model_name}-{obj.pk}@net-works.eu",
                title=str(obj.title),
                starts_at=obj.starts_at,
                ends_at=obj.ends_at,
                timezone=getattr(obj, "timezone", "") or settings.TIME_ZONE,
                url=obj.get_absolute_url(),
                kind=str(kind),
                location=str(getattr(obj, "location", "") or getattr(obj, "online_url", "")
                             or ""),
                sequence=int(getattr(obj, "sequence", 0) or 0),
                cancelled=getattr(obj, "status", "") == "cancelled",
                topic=str(topic) if topic else "",
                host=partner.short_name if partner else "",
            ))
        return events

    source.__name__ = f"source_{model_label.replace('.', '_')}"
    return source


# The registry: one line per kind of event. A model that has not landed yet lists nothing.
EVENT_SOURCES: list[EventSource] = [
    session_source,
    model_source("methodologies.Roundtable", _("Roundtable")),
    model_source("methodologies.StudyVisit", _("Study visit")),
]


def events_between(query: EventQuery) -> list[CalendarEvent]:
    """Every source's events, merged in order (latest first with ``descending``); with ``limit``,
    the first ``limit`` of the merged list, each source having been asked for no more."""
    found: list[CalendarEvent] = []
    for source in EVENT_SOURCES:
        found.extend(source(query))
    found.sort(key=lambda e: e.sort_key, reverse=query.descending)
    return found if query.limit is None else found[:query.limit]
