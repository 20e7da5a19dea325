"""WP2's part of the portal's calendar: roundtables and study visits (see netw/events/sources.py).

Both are the core's ``ScheduledEvent``. Neither has a format, and roundtables have no topic: a
reader asking for online sessions or for a topic gets none of them rather than all. Study visits
keep netw.topics slugs in a JSON list, matched here in Python as SQLite cannot look inside.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _

from methodologies.models import Roundtable, StudyVisit
from methodologies.rules import can_see_online_link
from netw.events.sources import CalendarEvent, EventQuery, EventSource
from netw.richtext import plain_text
from netw.topics import TOPICS


class _EventsOfWorkPackage2(EventSource):
    related: tuple[str, ...] = ("owner_partner",)

    def _public(self) -> QuerySet:
        return self.model.objects.none()

    def _matches_topic(self, obj, topic: str) -> bool:
        return False

    def _topic(self, obj) -> str:
        return ""

    def events(self, query: EventQuery) -> Iterable[CalendarEvent]:
        if query.format or (query.topic and not self.topics()):
            return []
        qs = (self._public() if query.public_only
              else self.model.objects.visible_to(query.user))
        qs = qs.filter(starts_at__lt=query.end, ends_at__gt=query.start)
        if query.mine:
            qs = qs.involving(query.user)
        if query.partner:
            qs = qs.filter(owner_partner_id=query.partner)
        qs = qs.select_related(*self.related).order_by(
            "-starts_at" if query.descending else "starts_at")
        user = query.user
        if getattr(user, "is_authenticated", False):
            # What the online-link rule asks about the viewer, read in the same query.
            taking_part = self.model.participants.through.objects.filter(
                **{self.model._meta.model_name: OuterRef("pk")}, user=user)
            qs = qs.annotate(viewer_participates=Exists(taking_part))
        if query.limit is not None and not query.topic:
            qs = qs[:query.limit]
        return [self.event(obj, show_link=can_see_online_link(user, obj)) for obj in qs
                if not query.topic or self._matches_topic(obj, query.topic)]

    def event(self, obj, *, show_link: bool) -> CalendarEvent:
        return CalendarEvent(
            source_kind=self.kind,
            pk=obj.pk,
            title=str(obj.title),
            starts_at=obj.starts_at,
            ends_at=obj.ends_at,
            timezone=obj.timezone,
            url=obj.get_absolute_url(),
            kind=str(self.label),
            place=obj.location,
            online_url=obj.online_url if show_link else "",
            description=plain_text(self._description(obj)),
            sequence=obj.sequence,
            updated_at=obj.updated_at,
            cancelled=obj.is_cancelled,
            topic=self._topic(obj),
            host=obj.owner_partner.short_name,
        )

    def remindable(self) -> QuerySet:
        return self.model.objects.filter(is_cancelled=False)

    def send_reminder(self, obj) -> None:
        from methodologies.services import event_remind

        event_remind(event=obj, source=self)


class RoundtableSource(_EventsOfWorkPackage2):
    kind = "roundtable"
    label = _("Roundtable")
    model = Roundtable

    def _public(self) -> QuerySet:
        return Roundtable.objects.filter(is_public=True)

    def _description(self, roundtable: Roundtable) -> str:
        return roundtable.description


class StudyVisitSource(_EventsOfWorkPackage2):
    """Never public: only the partners involved see a visit."""

    kind = "studyvisit"
    label = _("Study visit")
    model = StudyVisit
    related = ("owner_partner", "visiting_network", "host_network")

    def topics(self) -> list[tuple[str, str]]:
        return [(slug, name) for slug, name, _description in TOPICS]

    def _matches_topic(self, visit: StudyVisit, topic: str) -> bool:
        return topic in (visit.topics or [])

    def _topic(self, visit: StudyVisit) -> str:
        return ", ".join(visit.topic_names)

    def _description(self, visit: StudyVisit) -> str:
        return visit.objectives


ROUNDTABLES = RoundtableSource()
STUDY_VISITS = StudyVisitSource()
EVENT_SOURCES = [ROUNDTABLES, STUDY_VISITS]


def source_of(event) -> _EventsOfWorkPackage2:
    return ROUNDTABLES if isinstance(event, Roundtable) else STUDY_VISITS
