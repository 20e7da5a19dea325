"""``datestyle``: a date in one of the portal's named styles, in the active language.

A template writes ``{{ session.starts_at|datestyle:"full_datetime" }}`` (or Django's names:
``"SHORT_DATE_FORMAT"``), never a format string of its own, so one date looks the same on every
page, e-mail and PDF of a language (netw/formats/). A builtin: every template has it.
"""

from django import template

from netw.formats import format_style

register = template.Library()


@register.filter(expects_localtime=True)
def datestyle(value, style="SHORT_DATE_FORMAT"):
    return format_style(value, style)


@register.filter(expects_localtime=True)
def isodatetime(value, precision=""):
    """The machine-readable value of a ``<time datetime="…">``: a date as ``2026-12-01``; a date
    and time to the second, with its offset, as ``2026-12-01T04:30:11+01:00`` (HTML allows at
    most three digits of a second's fraction, and a reader needs none). ``"date"``: the day of
    a date and time only. Every ``datetime`` attribute of the templates is written with it."""
    if value in (None, ""):
        return ""
    if not hasattr(value, "hour"):  # a date
        return value.isoformat()
    if precision == "date":
        return value.date().isoformat()
    return value.replace(microsecond=0).isoformat(timespec="seconds")
