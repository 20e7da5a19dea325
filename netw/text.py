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


# Serbian Cyrillic → Latin: one to one (Vuk Karadžić's alphabet and Gaj's Latin alphabet).
SERBIAN_CYRILLIC_TO_LATIN = {
    "А": "A", "Б": "B", "В": "V", "Г": "G", "Д": "D", "Ђ": "Đ", "Е": "E", "Ж": "Ž", "З": "Z",
    "И": "I", "Ј": "J", "К": "K", "Л": "L", "Љ": "Lj", "М": "M", "Н": "N", "Њ": "Nj", "О": "O",
    "П": "P", "Р": "R", "С": "S", "Т": "T", "Ћ": "Ć", "У": "U", "Ф": "F", "Х": "H", "Ц": "C",
    "Ч": "Č", "Џ": "Dž", "Ш": "Š",
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "đ", "е": "e", "ж": "ž", "з": "z",
    "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n", "њ": "nj", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "ћ": "ć", "у": "u", "ф": "f", "х": "h", "ц": "c",
    "ч": "č", "џ": "dž", "ш": "š",
}
# The Macedonian letters Serbian lacks, in the ASCII spelling Macedonian web addresses use.
_MACEDONIAN_CYRILLIC_TO_LATIN = {"Ѓ": "Gj", "ѓ": "gj", "Ќ": "Kj", "ќ": "kj", "Ѕ": "Dz",
                                 "ѕ": "dz"}
_DIGRAPHS = {"Lj": "LJ", "Nj": "NJ", "Dž": "DŽ", "Gj": "GJ", "Kj": "KJ", "Dz": "DZ"}


def _transliterate(text: str, table: dict[str, str]) -> str:
    out = []
    for i, char in enumerate(text):
        latin = table.get(char, char)
        if latin in _DIGRAPHS and text[i + 1:i + 2].isupper():
            latin = _DIGRAPHS[latin]
        out.append(latin)
    return "".join(out)


def to_latin(text: str) -> str:
    """Transliterate Serbian Cyrillic to Latin. A digraph letter (Љ, Њ, Џ) is written in
    capitals when the next letter is a capital too ("ЉУБАВ" → "LJUBAV", "Љубав" → "Ljubav")."""
    return _transliterate(text, SERBIAN_CYRILLIC_TO_LATIN)


def latin_slug(value: str, max_length: int | None = None) -> str:
    """A slug from any name, Serbian or Macedonian Cyrillic included (``Мрежа за социјални`` →
    ``mreza-za-socijalni``): Django's slugify keeps only what decomposes to ASCII, so a Cyrillic
    name would give an empty slug. Cut to ``max_length`` without a trailing hyphen; may still be
    empty (a name of symbols only): callers supply their fallback."""
    from django.utils.text import slugify

    latin = _transliterate(value or "", {**SERBIAN_CYRILLIC_TO_LATIN,
                                         **_MACEDONIAN_CYRILLIC_TO_LATIN})
    # đ has no ASCII decomposition (slugify would drop it): Đorđević → Djordjevic.
    slug = slugify(latin.replace("đ", "dj").replace("Đ", "Dj"))
    if max_length is not None:
        slug = slug[:max_length].strip("-")
    return slug
