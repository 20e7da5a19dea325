"""WP3's part of the portal's calendar: expert meetings (see netw/events/sources.py).

An expert meeting is the core's ``ScheduledEvent``: it appears in the month and list views, the
feeds, the home panel and the day-before reminders through this source, and its .ics (download,
invitation, feed) is the core's with the core's UID ``expertmeeting-<pk>@<host>``. Its online link
follows ``sustainability.rules.can_see_meeting_link``, even in the public feed (where it is never
shown). Meetings have no topic: a reader asking for one gets none of them.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _

from netw.events.sources import CalendarEvent, EventQuery, EventSource
from netw.richtext import plain_text

from .models import ExpertMeeting
from .rules import can_see_meeting_link

FORMAT_LABELS = {"online": _("Online"), "in_person": _("In person"), "hybrid": _("Hybrid")}


class ExpertMeetingSource(EventSource):
    kind = "expertmeeting"
    label = _("Expert meeting")
    model = ExpertMeeting

    def events(self, query: EventQuery) -> Iterable[CalendarEvent]:
        if query.topic:
            return []
        qs = (ExpertMeeting.objects.filter(is_public=True) if query.public_only
              else ExpertMeeting.objects.visible_to(query.user))
        qs = qs.filter(starts_at__lt=query.end, ends_at__gt=query.start)
        if query.mine:
            qs = qs.involving(query.user)
        if query.partner:
            qs = qs.filter(owner_partner_id=query.partner)
        if query.format:
            qs = qs.in_format(query.format)
        qs = qs.select_related("owner_partner").order_by(
            "-starts_at" if query.descending else "starts_at", "pk")
        user = query.user
        if getattr(user, "is_authenticated", False):
            # What the link rule asks about the viewer, read in the same query.
            qs = qs.annotate(viewer_participates=Exists(
                ExpertMeeting.participants.through.objects.filter(
                    expertmeeting=OuterRef("pk"), user=user)))
        if query.limit is not None:
            qs = qs[:query.limit]
        # The public feed is built for nobody: no link there.
        return [self.event(m, show_link=not query.public_only and can_see_meeting_link(user, m))
                for m in qs]

    def event(self, meeting: ExpertMeeting, *, show_link: bool) -> CalendarEvent:
        return CalendarEvent(
            source_kind=self.kind,
            pk=meeting.pk,
            title=meeting.title,
            starts_at=meeting.starts_at,
            ends_at=meeting.ends_at,
            timezone=meeting.timezone,
            url=meeting.get_absolute_url(),
            kind=str(self.label),
            place=meeting.location,
            online_url=meeting.online_url if show_link else "",
            description=plain_text(meeting.description or meeting.agenda),
            sequence=meeting.sequence,
            updated_at=meeting.updated_at,
            cancelled=meeting.is_cancelled,
            host=meeting.owner_partner.short_name,
            format=str(FORMAT_LABELS[meeting.format]),
            categories=[str(self.label)],
        )

    def remindable(self) -> QuerySet:
        return ExpertMeeting.objects.filter(is_cancelled=False)

    def send_reminder(self, meeting: ExpertMeeting) -> None:
        from .services import meeting_remind

        meeting_remind(meeting=meeting)


MEETINGS = ExpertMeetingSource()
EVENT_SOURCES = [MEETINGS]
