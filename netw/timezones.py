"""The viewer's time zone: pages show times in it.

A logged-in person's choice is kept on their profile; a visitor's (chosen on the calendar) in a
cookie; otherwise the project's zone. ``ViewerTimezoneMiddleware`` activates it for every request.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The places' zones (Europe/Lisbon, …) and UTC: the aliases (US/…, Etc/…, SystemV/…) would only
# list the same clocks twice.
TIMEZONE_CHOICES = [(name, name.replace("_", " ")) for name in sorted(available_timezones())
                    if "/" in name and not name.startswith(("Etc/", "SystemV/", "US/"))]
TIMEZONE_CHOICES.append(("UTC", "UTC"))
ZONE_NAMES = frozenset(name for name, _label in TIMEZONE_CHOICES)
DEFAULT_TIMEZONE = "Europe/Brussels"
TZ_COOKIE = "netw_tz"


def validate_timezone(value: str) -> None:
    """The one check of a stored zone name (a profile's, an event's): a zone of the list above.

    Blank passes (Django does not validate empty values anyway; a profile may have no zone);
    a required field says so through ``blank=False``.
    """
    if value and value not in ZONE_NAMES:
        raise ValidationError(_("%(zone)s is not a time zone we know."), params={"zone": value},
                              code="invalid_timezone")


def viewer_zone_name(request: HttpRequest) -> str:
    user = getattr(request, "user", None)
    chosen = getattr(user, "timezone", "") if getattr(user, "is_authenticated", False) else ""
    if chosen in ZONE_NAMES:
        return chosen
    cookie = request.COOKIES.get(TZ_COOKIE, "")
    return cookie if cookie in ZONE_NAMES else DEFAULT_TIMEZONE


def viewer_zone(request: HttpRequest) -> ZoneInfo:
    try:
        return ZoneInfo(viewer_zone_name(request))
    except ZoneInfoNotFoundError:  # pragma: no cover - the list comes from zoneinfo itself
        return ZoneInfo(DEFAULT_TIMEZONE)


class ViewerTimezoneMiddleware:
    """Every page shows times in the viewer's zone (after authentication: the profile's)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        timezone.activate(viewer_zone(request))
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
