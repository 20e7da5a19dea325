"""The secret address of a person's calendar feed."""

from __future__ import annotations

from django.utils.translation import gettext as _

from netw.events.models import CalendarFeed
from netw.personal_data import Field, Section, section


def personal_data(user) -> list[Section]:
    return [
        section("events.calendar_feed", _("Your calendar feed"),
                CalendarFeed.objects.filter(user=user), [
                    Field("created_at", _("Created"), lambda f: f.created_at),
                ],
                description=_("The secret address itself is shown on the calendar page.")),
    ]


def erase_personal_data(user) -> None:
    CalendarFeed.objects.filter(user=user).delete()
