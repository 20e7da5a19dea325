"""The viewer's time zone: pages show times in it.

A logged-in person's choice is kept on their profile; a visitor's (chosen on the calendar) in a
cookie; otherwise the project's zone. ``ViewerTimezoneMiddleware`` activates it for every request.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netw.widgets import QuickSelect

# The places' zones (Europe/Lisbon, …) and UTC: the aliases (US/…, Etc/…, SystemV/…) would only
# list the same clocks twice.
TIMEZONE_CHOICES = [(name, name.replace("_", " ")) for name in sorted(available_timezones())
                    if "/" in name and not name.startswith(("Etc/", "SystemV/", "US/"))]
TIMEZONE_CHOICES.append(("UTC", "UTC"))
ZONE_NAMES = frozenset(name for name, _label in TIMEZONE_CHOICES)
DEFAULT_TIMEZONE = "Europe/Brussels"
TZ_COOKIE = "netw_tz"

# --- The one time-zone select ------------------------------------------------------------------

# The zones of the countries a project's partner may be in (Europe and its neighbours), by ISO
# country code: the "Project countries" group lists those of the focus and partner countries
# (netw.forms.project_countries). zoneinfo has no country map (zone1970.tab is not everywhere).
COUNTRY_ZONES: dict[str, tuple[str, ...]] = {
    "AD": ("Europe/Andorra",), "AL": ("Europe/Tirane",), "AT": ("Europe/Vienna",),
    "BA": ("Europe/Sarajevo",), "BE": ("Europe/Brussels",), "BG": ("Europe/Sofia",),
    "BY": ("Europe/Minsk",), "CH": ("Europe/Zurich",), "CY": ("Asia/Nicosia",),
    "CZ": ("Europe/Prague",), "DE": ("Europe/Berlin",), "DK": ("Europe/Copenhagen",),
    "EE": ("Europe/Tallinn",), "ES": ("Europe/Madrid", "Atlantic/Canary"),
    "FI": ("Europe/Helsinki",), "FR": ("Europe/Paris",), "GB": ("Europe/London",),
    "GE": ("Asia/Tbilisi",), "GR": ("Europe/Athens",), "HR": ("Europe/Zagreb",),
    "HU": ("Europe/Budapest",), "IE": ("Europe/Dublin",), "IS": ("Atlantic/Reykjavik",),
    "IT": ("Europe/Rome",), "LI": ("Europe/Vaduz",), "LT": ("Europe/Vilnius",),
    "LU": ("Europe/Luxembourg",), "LV": ("Europe/Riga",), "MC": ("Europe/Monaco",),
    "MD": ("Europe/Chisinau",), "ME": ("Europe/Podgorica",), "MK": ("Europe/Skopje",),
    "MT": ("Europe/Malta",), "NL": ("Europe/Amsterdam",), "NO": ("Europe/Oslo",),
    "PL": ("Europe/Warsaw",), "PT": ("Europe/Lisbon", "Atlantic/Madeira", "Atlantic/Azores"),
    "RO": ("Europe/Bucharest",), "RS": ("Europe/Belgrade",), "SE": ("Europe/Stockholm",),
    "SI": ("Europe/Ljubljana",), "SK": ("Europe/Bratislava",), "SM": ("Europe/San_Marino",),
    "TR": ("Europe/Istanbul",), "UA": ("Europe/Kyiv",), "VA": ("Europe/Vatican",),
    "XK": ("Europe/Belgrade",),
}

# The regions' groups, in this order; the old country aliases (Canada/…, Brazil/…) are American.
REGIONS = (
    ("Europe", _("Europe")), ("Africa", _("Africa")), ("America", _("America")),
    ("Antarctica", _("Antarctica")), ("Arctic", _("Arctic")), ("Asia", _("Asia")),
    ("Atlantic", _("Atlantic")), ("Australia", _("Australia")), ("Indian", _("Indian Ocean")),
    ("Pacific", _("Pacific")), ("UTC", _("UTC")),
)
_REGION_OF_PREFIX = {"Brazil": "America", "Canada": "America", "Chile": "America",
                     "Mexico": "America"}


def zone_label(name: str) -> str:
    """A zone's name as read in its region's group: "Europe/Lisbon" is "Lisbon",
    "America/Argentina/Buenos_Aires" "Argentina / Buenos Aires", "Canada/Eastern" "Canada /
    Eastern" (under America)."""
    region, _sep, rest = name.partition("/")
    if region in _REGION_OF_PREFIX:
        rest = name
    return (rest or name).replace("_", " ").replace("/", " / ")


def _region_groups() -> list[tuple[str, list[tuple[str, str]]]]:
    by_region: dict[str, list[tuple[str, str]]] = {key: [] for key, _label in REGIONS}
    for name, _label in TIMEZONE_CHOICES:
        prefix = name.split("/", 1)[0]
        by_region[_REGION_OF_PREFIX.get(prefix, prefix)].append((name, zone_label(name)))
    return [(label, sorted(by_region[key], key=lambda choice: choice[1]))
            for key, label in REGIONS if by_region[key]]


REGION_GROUPS = _region_groups()
assert sum(len(zones) for _label, zones in REGION_GROUPS) == len(TIMEZONE_CHOICES)  # noqa: S101


def timezone_choices(countries=()) -> list:
    """The choices of every time-zone select: a group of the given countries' zones ("Project
    countries", by country name), then every zone by region. A zone of the first group is found
    again in its region."""
    from django_countries import countries as country_names

    ours = []
    for code in sorted(countries, key=lambda code: str(country_names.name(code))):
        ours.extend((zone, f"{country_names.name(code)} – {zone_label(zone)}")
                    for zone in COUNTRY_ZONES.get(code, ()) if zone in ZONE_NAMES)
    first = [(_("Project countries"), ours)] if ours else []
    return [*first, *REGION_GROUPS]


def preferred_zone_name(user) -> str:
    """The zone a new record's time-zone select starts with: the person's own (their profile's),
    else the viewer's zone of the request (ViewerTimezoneMiddleware: the calendar's cookie), else
    the project's."""
    chosen = getattr(user, "timezone", "") if getattr(user, "is_authenticated", False) else ""
    if chosen in ZONE_NAMES:
        return chosen
    current = timezone.get_current_timezone_name()
    return current if current in ZONE_NAMES else DEFAULT_TIMEZONE


class TimezoneField(forms.ChoiceField):
    """The one time-zone field of the portal's forms. ``PortalFormMixin`` gives it its choices
    (:func:`timezone_choices` with the project's countries first) and, on a new record, the
    person's zone (:func:`preferred_zone_name`). ``blank_label``: an empty first choice."""

    widget = QuickSelect

    def __init__(self, *, blank_label=None, **kwargs):
        kwargs.setdefault("label", _("Time zone"))
        kwargs.setdefault("validators", [validate_timezone])
        self.blank_label = blank_label
        super().__init__(choices=self.with_blank(REGION_GROUPS), **kwargs)

    def with_blank(self, choices) -> list:
        return [("", self.blank_label), *choices] if self.blank_label is not None else list(choices)


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
