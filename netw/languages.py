"""The languages a record may be written in: not only the interface's.

A methodology, good practice or recommendation is written in whatever language its partner works
in — Albanian, Bosnian, Ukrainian, Romani … — while the interface has a handful of catalogues
(``settings.LANGUAGES``). Record languages are stored as BCP 47 tags in Django's spelling
(lower case, ``sr-latn``): the interface codes are among them, so a record's language and the
viewer's compare as they are; :func:`bcp47` gives the canonical casing for ``lang`` attributes.

Names are Django's (``django.conf.locale.LANG_INFO``) shown in the viewer's language, so the
choices are built per request (``choices=record_language_choices`` — a callable — on the model
field; :class:`RecordLanguageField` on a form). The project's languages come first.

Usage::

    from netw.languages import RecordLanguageField, record_language_choices

    language = models.CharField(_("written in"), max_length=10,
                                choices=record_language_choices, default="en")
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.conf.locale import LANG_INFO
from django.utils.translation import get_language, get_language_info, gettext_lazy
from django.utils.translation import gettext as _

# The project's working languages (the partners' countries and the interface), first in every
# select, in this order.
PROJECT_LANGUAGES = ["en", "hu", "mk", "pt", "sr", "sr-latn", "sk", "fr", "it"]

# The EU's official languages and the languages of the countries the project works in or next
# to (the Western Balkans, Ukraine), as Django knows them.
RECORD_LANGUAGE_CODES = [
    *PROJECT_LANGUAGES,
    # EU official languages
    "bg", "hr", "cs", "da", "nl", "et", "fi", "de", "el", "ga", "lv", "lt", "mt", "pl", "ro",
    "sl", "es", "sv",
    # Neighbours and minorities
    "sq", "bs", "uk", "rom", "tr", "ru", "ca", "eu", "gl", "cy", "lb",
]

# Languages Django's LANG_INFO does not name (BCP 47 tag → English name, translatable).
EXTRA_LANGUAGES = {
    "mt": gettext_lazy("Maltese"),
    "rom": gettext_lazy("Romani"),
}

# The canonical casing of a BCP 47 tag's script and region subtags.
_SCRIPTS = {"latn": "Latn", "cyrl": "Cyrl", "hans": "Hans", "hant": "Hant"}


def bcp47(code: str) -> str:
    """``sr-latn`` → ``sr-Latn``, ``pt-br`` → ``pt-BR``: the tag as HTML's ``lang`` expects it
    (tags are case-insensitive; this is their documented casing)."""
    parts = (code or "").split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        if part.lower() in _SCRIPTS:
            out.append(_SCRIPTS[part.lower()])
        elif len(part) == 2:
            out.append(part.upper())
        else:
            out.append(part.lower())
    return "-".join(out)


def language_name(code: str) -> str:
    """The language's name in the viewer's language (the code itself if unknown)."""
    if code in EXTRA_LANGUAGES:
        return str(EXTRA_LANGUAGES[code])
    if code in LANG_INFO:
        return str(get_language_info(code)["name_translated"]).strip()
    return code


# Interface languages that write a language's name with a capital inside a sentence ("Written
# in English"); the others write it in lowercase ("Scritto in inglese", "Écrit en anglais").
CAPITALISED_LANGUAGE_NAMES = {"en"}


def language_name_in_sentence(code: str) -> str:
    """The language's name as written inside a sentence of the viewer's language: lowercase
    where the language writes it so (Django's names are capitalised for lists and menus)."""
    name = language_name(code)
    viewer = (get_language() or "en").split("-")[0]
    if viewer in CAPITALISED_LANGUAGE_NAMES or name == code:
        return name
    return name[:1].lower() + name[1:]


def interface_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def record_language_codes() -> list[str]:
    return [c for c in RECORD_LANGUAGE_CODES if c in LANG_INFO or c in EXTRA_LANGUAGES]


def record_language_choices() -> list[tuple[str, str]]:
    """(code, name) of every record language: the project's first (in the order above), then the
    others sorted by their name in the viewer's language."""
    project = [(c, language_name(c)) for c in PROJECT_LANGUAGES]
    others = sorted(((c, language_name(c)) for c in record_language_codes()
                     if c not in PROJECT_LANGUAGES), key=lambda pair: pair[1].casefold())
    return project + others


def is_record_language(code: str) -> bool:
    return code in record_language_codes()


class RecordLanguageField(forms.ChoiceField):
    """A select of record languages; ``exclude`` leaves some out (those a record already has)."""

    def __init__(self, *, exclude=(), **kwargs):
        kwargs.setdefault("label", _("Written in"))
        super().__init__(**kwargs)
        excluded = set(exclude)
        self.choices = [(c, n) for c, n in record_language_choices() if c not in excluded]
