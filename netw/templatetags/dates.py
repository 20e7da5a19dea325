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
