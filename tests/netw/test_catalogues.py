"""The interface speaks every language it offers: each catalogue translated (≥ 95 %, fuzzy
entries not counted), valid for msgfmt, with its glossary beside it; Serbian Latin generated
from the Cyrillic; and the project's catalogue, not Django's or a library's, decides every word
they share (Django's "Sessions" is a browser's, the portal's are peer-to-peer)."""

import os
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils.translation import to_locale

from netw.management.commands.serbian_latin import to_latin

LOCALE = Path(settings.BASE_DIR) / "locale"
TRANSLATED = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / to_locale(language) / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_catalogue_is_translated(language):
    po = catalogue(language)
    entries = [e for e in po if not e.obsolete]
    done = [e for e in entries if e.translated()]  # a fuzzy entry is not translated
    share = len(done) / len(entries)
    assert len(entries) > 2000
    assert share >= 0.95, f"{language}: {share:.1%} translated ({len(done)} of {len(entries)})"


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_catalogue_passes_msgfmt_check(language, tmp_path):
    msgfmt = shutil.which("msgfmt")
    if not msgfmt:
        if os.environ.get("CI") == "true":
            pytest.fail("gettext's msgfmt is missing in CI")
        pytest.skip("gettext is not installed")
    path = LOCALE / to_locale(language) / "LC_MESSAGES" / "django.po"
    result = subprocess.run([msgfmt, "--check", "-o", str(tmp_path / "django.mo"), str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("language", [code for code in TRANSLATED if code != "sr-latn"])
def test_each_language_keeps_its_glossary_beside_the_catalogue(language):
    glossary = LOCALE / to_locale(language) / "GLOSSARY.md"
    assert glossary.exists()
    rows = [line for line in glossary.read_text().splitlines() if line.startswith("|")]
    terms = " ".join(rows).lower()
    assert len(rows) >= 20
    for term in ("work integration social enterprise", "peer-to-peer session", "stakeholder",
                 "roadmap"):
        assert term in terms, f"{language}: the glossary does not define “{term}”"


def test_serbian_latin_is_the_cyrillic_catalogue_transliterated():
    cyrillic = {(e.msgctxt, e.msgid): e for e in catalogue("sr") if not e.obsolete}
    latin = {(e.msgctxt, e.msgid): e for e in catalogue("sr-latn") if not e.obsolete}
    assert cyrillic.keys() == latin.keys(), "run `make messages` (manage.py serbian_latin)"
    for key, entry in cyrillic.items():
        assert latin[key].msgstr == to_latin(entry.msgstr), key


def test_transliteration_keeps_placeholders_and_writes_digraphs():
    assert to_latin("Љубав и ЊЕГОШ: %(count)s џепова") == "Ljubav i NJEGOŠ: %(count)s džepova"


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_project_catalogue_decides_every_word_it_shares_with_django_and_allauth(language):
    """A word left untranslated in the project's catalogue would be taken from Django's or
    allauth's, in their meaning ("Sessions" → the browser's sessions)."""
    import allauth
    import django

    ours = {(e.msgctxt, e.msgid): e for e in catalogue(language) if not e.obsolete}
    theirs = set()
    for package in (django, allauth):
        for path in Path(package.__file__).parent.rglob(f"locale/{to_locale(language)}/"
                                                         "LC_MESSAGES/django.po"):
            theirs |= {(e.msgctxt, e.msgid) for e in polib.pofile(str(path)) if e.translated()}
    shared = [key for key in ours if key in theirs]
    left = [key[1] for key in shared if not ours[key].translated()]
    assert len(shared) > 20
    assert left == [], f"{language}: translate these in the project's catalogue: {left[:20]}"
