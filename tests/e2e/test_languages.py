"""The main pages in the languages of the focus countries: Hungarian, Macedonian and Serbian
(Latin script), as each persona, with the page's language declared, zero axe-core violations,
zero Nu HTML Checker errors, and no English sentence of the project's catalogue left on them.

Every page of tests/e2e/pages.py that the keyboard walk visits (the error variants are pressed
by their English button names, so they stay in the English walk).
"""

import re
import shutil
from functools import cache
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils.translation import to_locale

from tests.e2e.conftest import AXE_JS, VNU_JAR, _unavailable, browse_main_pages
from tests.e2e.test_accessibility import AXE_RUN, WCAG_TAGS, _describe, _html_errors

LANGUAGES = ["hu", "mk", "sr-latn"]
PLACEHOLDER = re.compile(r"%\(|%[sd]|\{|<|\n")


@cache
def english_sentences(language: str) -> tuple[str, ...]:
    """The catalogue's English sentences (three words or more, without placeholders) that have a
    different translation in ``language``: any of them on a page means an untranslated string."""
    path = Path(settings.BASE_DIR) / "locale" / to_locale(language) / "LC_MESSAGES" / "django.po"
    sentences = []
    for entry in polib.pofile(str(path)):
        text = entry.msgid
        if (entry.obsolete or len(text.split()) < 3 or PLACEHOLDER.search(text)
                or not entry.translated() or entry.msgstr == text or entry.msgid_plural):
            continue
        sentences.append(text)
    return tuple(sentences)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", LANGUAGES)
def test_main_pages_speak_the_visitors_language(main_pages_browser, tmp_path, language):
    if not AXE_JS.exists() or not VNU_JAR.exists():
        _unavailable("axe-core or vnu-jar is not installed: run `make node-tools` (needs npm)")
    java = shutil.which("java")
    if not java:
        _unavailable("Java is not installed (apt-get install default-jre-headless)")
    english = english_sentences(language)
    assert len(english) > 500, "the catalogue is not translated"
    failures, untranslated, wrong_lang, slugs = [], [], [], {}
    for page_def, page in browse_main_pages(main_pages_browser, keyboard_only=True,
                                            language=language, bypass_csp=True):
        declared = page.evaluate("() => document.documentElement.lang")
        if declared != language:
            wrong_lang.append(f"{page_def.slug}: <html lang={declared!r}>")
        text = page.inner_text("body")
        left = [s for s in english if s in text]
        if left:
            untranslated.append(f"{page_def.slug} ({page.url}): " + " | ".join(left[:5]))
        page.add_script_tag(path=str(AXE_JS))
        violations = page.evaluate(AXE_RUN, WCAG_TAGS)
        if violations:
            failures.append(f"{page_def.slug} ({page.url}):\n{_describe(violations)}")
        (tmp_path / f"{page_def.slug}.html").write_text(main_pages_browser.html)
        slugs[f"{page_def.slug}.html"] = page_def.slug
    html_errors = _html_errors(java, tmp_path, slugs)
    assert len(slugs) >= 10
    assert not wrong_lang, "pages not declared in the language shown:\n" + "\n".join(wrong_lang)
    assert not untranslated, "English left on the pages:\n" + "\n".join(untranslated)
    assert not failures, "axe-core violations:\n" + "\n".join(failures)
    assert not html_errors, f"{len(html_errors)} HTML error(s):\n" + "\n".join(html_errors)
