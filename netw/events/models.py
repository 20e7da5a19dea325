"""The abstract scheduled event every app's events build on, and the private feed's secret."""

from __future__ import annotations

import secrets
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.templatetags.tz import do_timezone
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from netw.models import OwnedModel, TimeStampedModel
from netw.timezones import DEFAULT_TIMEZONE, validate_timezone


class ScheduledEvent(OwnedModel):
    """Abstract: what every event in the portal's calendar has.

    Times are stored in UTC; ``timezone`` is the place's IANA zone, so the wall-clock time
    ("10:00 in Lisbon") survives daylight-saving changes and is what the .ics files carry.
    """

    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    timezone = models.CharField(_("time zone"), max_length=64, default=DEFAULT_TIMEZONE,
                                validators=[validate_timezone],
                                help_text=_("The time zone of the place, e.g. Europe/Lisbon."))
    location = models.CharField(_("place"), max_length=200, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES,
                                default="en")
    # Bumped on every change the participants hear about, so calendars replace the old entry.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    # When the reminder the day before went out; cleared when the time changes.
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    is_cancelled = models.BooleanField(_("cancelled"), default=False, editable=False)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The end must come after the start.")
        if not self.location and not self.online_url:
            errors["location"] = _("Give a place, an online link, or both.")
        if errors:
            raise ValidationError(errors)

    @property
    def tzinfo(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)

    # In the event's own time zone, and marked so that templates' date filters do not convert
    # them back to the viewer's (as the ``timezone`` template filter does).
    @property
    def local_starts_at(self):
        return do_timezone(self.starts_at, self.tzinfo)

    @property
    def local_ends_at(self):
        return do_timezone(self.ends_at, self.tzinfo)


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(TimeStampedModel):
    """The secret that makes a person's private iCalendar feed URL; resetting it revokes the old.

    Moved from WP1 with its table (the feed lists every app's events): the rows and their
    tokens, hence the addresses people subscribed to, stay as they were.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="calendar_feed")
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)

    class Meta:
        db_table = "peersessions_calendarfeed"
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return f"{self.user}"

    def get_absolute_url(self) -> str:
        return reverse("events:feed_user", args=[self.token])
