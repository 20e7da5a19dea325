"""One date and number style per interface language (``FORMAT_MODULE_PATH = "netw.formats"``).

Each ``<locale>/formats.py`` sets Django's named formats (``DATE_FORMAT``, ``SHORT_DATE_FORMAT``,
``DATETIME_FORMAT``, ``SHORT_DATETIME_FORMAT``, …) where Django's own differ from how the project
writes dates, and the portal's extra styles (``FULL_DATETIME_FORMAT``: "Tuesday 1 December 2026,
16:30"; ``WEEKDAY_DATE_FORMAT``: "Tue 1 Dec"; ``WEEKDAY_DATETIME_FORMAT``: "Tue 1 Dec, 16:30"),
which templates use through the ``datestyle`` filter and Python through :func:`format_style`.
Pages, e-mails, PDFs and exports all format through these, so one date looks the same
everywhere in one language. English uses a European, unambiguous style ("1 Dec 2026, 16:30"),
never month/day numerals.
"""

from django.utils import dateformat, formats
from django.utils.translation import get_language

# The portal's own styles, and what they fall back to where a language does not set them.
STYLES = {
    "full_datetime": "l j F Y, H:i",
    "weekday_date": "D j M",
    "weekday_datetime": "D j M, H:i",
}


def style_format(style: str) -> str:
    """The format string of ``style`` (a key of :data:`STYLES` or a Django format name) in the
    active language."""
    name = style.upper() if style.upper().endswith("_FORMAT") else f"{style.upper()}_FORMAT"
    for module in formats.iter_format_modules(get_language() or "en"):
        if hasattr(module, name):
            return getattr(module, name)
    if style in STYLES:
        return STYLES[style]
    return formats.get_format(name)


def format_style(value, style: str) -> str:
    """``value`` (a date or an aware datetime, shown in the current time zone) in ``style``."""
    from django.utils import timezone

    if value is None or value == "":
        return ""
    if hasattr(value, "tzinfo") and timezone.is_aware(value):
        value = timezone.localtime(value)
    return dateformat.format(value, style_format(style))
