"""WP1's part of the portal's calendar: peer-to-peer sessions (see netw/events/sources.py).

``Session`` joins the calendar through this adapter rather than by inheriting the core's
``ScheduledEvent``: its fields say the same under WP1's names (``place``, ``meeting_url``,
``reminder_sent_at``, ``status`` for cancelled), and renaming them would rewrite its form, filters,
templates and history tables for no difference anyone sees.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _

from netw.events.sources import CalendarEvent, EventQuery, EventSource
from peersessions.models import Session, Topic
from peersessions.rules import can_see_meeting_link


class SessionSource(EventSource):
    kind = "session"
    label = _("Peer-to-peer session")
    model = Session
    reminder_field = "reminder_sent_at"
    related = ("topic", "owner_partner")

    def topics(self) -> list[tuple[str, str]]:
        return [(topic.slug, str(topic.display_name)) for topic in Topic.objects.all()]

    def events(self, query: EventQuery) -> Iterable[CalendarEvent]:
        sessions = (Session.objects.filter(is_public=True) if query.public_only
                    else Session.objects.visible_to(query.user))
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
        # What the meeting-link rule asks about the viewer, read in the same query.
        sessions = sessions.with_viewer_roles(query.user)
        if query.limit is not None:
            sessions = sessions[:query.limit]
        for session in sessions:
            yield self.event(session, show_link=can_see_meeting_link(query.user, session))

    def event(self, session: Session, *, show_link: bool) -> CalendarEvent:
        online = session.format != Session.Format.IN_PERSON
        return CalendarEvent(
            source_kind=self.kind,
            pk=session.pk,
            title=session.title,
            starts_at=session.starts_at,
            ends_at=session.ends_at,
            timezone=session.timezone,
            url=session.get_absolute_url(),
            kind=str(self.label),
            place=session.place if session.format != Session.Format.ONLINE else "",
            online_url=session.meeting_url if online and show_link else "",
            description=session.agenda,
            sequence=session.sequence,
            updated_at=session.updated_at,
            cancelled=session.is_cancelled,
            topic=str(session.topic.display_name),
            host=session.owner_partner.short_name,
            format=str(session.get_format_display()),
            categories=[str(session.topic.display_name)],
        )

    def remindable(self):
        return Session.objects.filter(status=Session.Status.SCHEDULED)

    def send_reminder(self, session: Session) -> None:
        from peersessions.services import session_remind

        session_remind(session=session)


SESSIONS = SessionSource()
EVENT_SOURCES = [SESSIONS]
