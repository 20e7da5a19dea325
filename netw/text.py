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


# Serbian and Macedonian Cyrillic → Latin, as the two languages' official Latin spellings write
# them, then simplified to ASCII by slugify (š → s, đ → d…). Django's slugify drops letters it
# cannot decompose to ASCII, so a Cyrillic name would become an empty slug.
_CYRILLIC_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ѓ": "gj", "ђ": "dj", "е": "e", "ж": "z",
    "з": "z", "ѕ": "dz", "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n",
    "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ќ": "kj", "ћ": "c", "у": "u",
    "ф": "f", "х": "h", "ц": "c", "ч": "c", "џ": "dz", "ш": "s",
}


def transliterate(value: str) -> str:
    """``value`` with Serbian and Macedonian Cyrillic letters written in Latin ones (capitals
    kept capital: Љ → Lj); every other character is left as it is."""
    out = []
    for char in value or "":
        latin = _CYRILLIC_TO_LATIN.get(char.lower())
        if latin is None:
            out.append(char)
        else:
            out.append(latin.capitalize() if char.isupper() else latin)
    return "".join(out)


def latin_slug(value: str, max_length: int | None = None) -> str:
    """A slug from any name, Cyrillic included (``Мрежа за социјални`` → ``mreza-za-socijalni``),
    cut to ``max_length`` without a trailing hyphen; may be empty (a name of symbols only)."""
    from django.utils.text import slugify

    slug = slugify(transliterate(value))
    if max_length is not None:
        slug = slug[:max_length].strip("-")
    return slug
