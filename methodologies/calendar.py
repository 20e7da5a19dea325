"""WP2's part of the portal's calendar: roundtables and study visits (see netw/events/sources.py).

Both are the core's ``ScheduledEvent``; one source class serves them, each instance naming its
model. Neither has a topic field the calendar's topics match (study visits keep netw.topics slugs
in a JSON list, matched here in Python as SQLite cannot look inside) nor a format: a reader asking
for online sessions or another topic gets none of them rather than all.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from methodologies.models import Roundtable, StudyVisit
from methodologies.rules import can_see_online_link
from netw import roles
from netw.events.sources import CalendarEvent, EventQuery, EventSource
from netw.richtext import plain_text
from netw.topics import TOPICS


class WorkPackage2EventSource(EventSource):
    def __init__(self, model, kind: str, label) -> None:
        self.model, self.kind, self.label = model, kind, label
        # The participants table's column pointing at the event ("roundtable", "studyvisit").
        self._through_fk = model._meta.model_name

    def _involving(self, qs, user):
        if hasattr(qs, "involving"):
            return qs.involving(user)
        # Their partner's events, and those they take part in.
        return qs.filter(Q(owner_partner_id__in=roles.partner_ids(user))
                         | Q(pk__in=self.model.objects.filter(participants=user).values("pk")))

    def events(self, query: EventQuery) -> Iterable[CalendarEvent]:
        if query.format or (query.topic and self.model is not StudyVisit):
            return []
        if query.public_only:
            if not hasattr(self.model, "is_public"):
                return []
            qs = self.model.objects.filter(is_public=True)
        else:
            qs = self.model.objects.visible_to(query.user)
        qs = qs.filter(starts_at__lt=query.end, ends_at__gt=query.start)
        if query.mine:
            qs = self._involving(qs, query.user)
        if query.partner:
            qs = qs.filter(owner_partner_id=query.partner)
        related = ["owner_partner"]
        if self.model is StudyVisit:
            related += ["visiting_network", "host_network"]
        qs = qs.select_related(*related).order_by(
            "-starts_at" if query.descending else "starts_at")
        user = query.user
        if getattr(user, "is_authenticated", False):
            # What the online-link rule asks about the viewer, read in the same query.
            qs = qs.annotate(viewer_participates=Exists(self.model.participants.through.objects
                                                        .filter(**{self._through_fk: OuterRef("pk"),
                                                                   "user": user})))
        if query.limit is not None and not query.topic:
            qs = qs[:query.limit]
        events = []
        for obj in qs:
            if query.topic and query.topic not in (obj.topics or []):
                continue
            events.append(self.event(obj, show_link=can_see_online_link(user, obj)))
        return events

    def event(self, obj, *, show_link: bool) -> CalendarEvent:
        topic = ", ".join(obj.topic_names) if self.model is StudyVisit else ""
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
            description=plain_text(getattr(obj, "description", "")
                                   or getattr(obj, "objectives", "")),
            sequence=obj.sequence,
            cancelled=obj.is_cancelled,
            topic=topic,
            host=obj.owner_partner.short_name,
        )

    def topics(self) -> list[tuple[str, str]]:
        return ([(slug, name) for slug, name, _description in TOPICS]
                if self.model is StudyVisit else [])

    def remindable(self):
        return self.model.objects.filter(is_cancelled=False)

    def send_reminder(self, obj) -> None:
        from methodologies.services import event_remind

        event_remind(event=obj, source=self)


ROUNDTABLES = WorkPackage2EventSource(Roundtable, "roundtable", _("Roundtable"))
STUDY_VISITS = WorkPackage2EventSource(StudyVisit, "studyvisit", _("Study visit"))
EVENT_SOURCES = [ROUNDTABLES, STUDY_VISITS]


def source_of(event) -> WorkPackage2EventSource:
    return ROUNDTABLES if isinstance(event, Roundtable) else STUDY_VISITS
