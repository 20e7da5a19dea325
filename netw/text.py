"""Text as the portal stores and writes it.

Forms refuse nothing a person can type, but a C0 control character (an ANSI colour code pasted
from a terminal, a bell) is never meant as text and breaks every XML output: Atom feeds, sitemaps,
XLSX cells. Input is cleaned once on the way in (the forms) and every XML writer cleans again on
the way out, for what was stored before.
"""

from __future__ import annotations

import re

# C0 controls except tab (\x09), line feed (\x0a) and carriage return (\x0d); DEL and the C1
# controls (\x7f-\x9f) are not allowed in XML 1.0 documents' character data either (the C1 ones
# are "discouraged"; lxml and openpyxl refuse some of them), so they go too.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def strip_control_chars(value: str) -> str:
    """``value`` without control characters other than tab, line feed and carriage return."""
    return _CONTROL.sub("", value) if value else value


def xml_safe(value):
    """``strip_control_chars`` for any value headed for XML: non-strings pass through."""
    return strip_control_chars(value) if isinstance(value, str) else value
