"""One date style per language, the same on pages, e-mails, PDFs and exports; country names
right in every language."""

import datetime as dt
import re
import zoneinfo

import pytest
from django.template import engines
from django.utils import formats, translation
from django_countries import countries

from netw.formats import format_style

MOMENT = dt.datetime(2026, 12, 1, 16, 30, tzinfo=zoneinfo.ZoneInfo("Europe/Brussels"))
INTERFACE = ["en", "fr", "hu", "it", "mk", "pt", "sk", "sr", "sr-latn"]


def test_english_writes_dates_the_european_way():
    with translation.override("en"):
        assert formats.date_format(MOMENT.date(), "SHORT_DATE_FORMAT") == "1 Dec 2026"
        assert formats.date_format(MOMENT, "SHORT_DATETIME_FORMAT") == "1 Dec 2026, 16:30"
        assert formats.date_format(MOMENT, "DATETIME_FORMAT") == "1 December 2026, 16:30"
        assert format_style(MOMENT, "full_datetime") == "Tuesday 1 December 2026, 16:30"
        assert format_style(MOMENT, "weekday_datetime") == "Tue 1 Dec, 16:30"


@pytest.mark.parametrize("language", INTERFACE)
def test_no_language_writes_month_before_day_or_a_12_hour_clock(language):
    with translation.override(language):
        for name in ("SHORT_DATE_FORMAT", "SHORT_DATETIME_FORMAT", "DATE_FORMAT",
                     "DATETIME_FORMAT"):
            text = formats.date_format(MOMENT, name)
            assert not re.search(r"\b12[/.-]0?1[/.-]2026", text), (language, name, text)
            assert "p.m." not in text and "PM" not in text
        assert "16:30" in formats.date_format(MOMENT, "SHORT_DATETIME_FORMAT")
        assert "16:30" in format_style(MOMENT, "full_datetime")


@pytest.mark.parametrize("language, expected", [
    ("hu", "2026. 12. 01. 16:30"), ("fr", "01/12/2026 16:30"), ("sk", "1. 12. 2026, 16:30"),
    ("sr", "01.12.2026. 16:30"), ("mk", "01.12.2026 16:30"), ("pt", "01/12/2026 16:30"),
])
def test_each_language_has_its_own_numeric_style(language, expected):
    with translation.override(language):
        assert formats.date_format(MOMENT, "SHORT_DATETIME_FORMAT") == expected


def test_templates_name_a_style_instead_of_writing_a_format(settings):
    template = engines["django"].from_string(
        '{{ moment|datestyle:"full_datetime" }} · {{ moment|date:"SHORT_DATE_FORMAT" }}')
    with translation.override("hu"):
        rendered = template.render({"moment": MOMENT})
    assert rendered == "2026. december 1., kedd 16:30 · 2026. 12. 01."


def test_no_template_writes_its_own_date_format(settings):
    """Dates go through a named style (netw/formats), so a language decides how they read."""
    from pathlib import Path

    allowed = {"H:i", "Y-m-d", "Y-m", "c", "Ymd", "j", "F", "D", "U", "Y"}  # machine values
    offenders = []
    for path in Path(settings.BASE_DIR, "templates").rglob("*"):
        if path.suffix not in {".html", ".txt", ".ics", ".xml"}:
            continue
        for fmt in re.findall(r"\|date:[\"']([^\"']+)[\"']", path.read_text()):
            if not fmt.endswith("_FORMAT") and fmt not in allowed and "\\T" not in fmt:
                offenders.append(f"{path.name}: {fmt}")
    assert offenders == []


@pytest.mark.parametrize("language, name", [
    ("en", "North Macedonia"), ("fr", "Macédoine du Nord"), ("hu", "Észak-Macedónia"),
    ("it", "Macedonia del Nord"), ("mk", "Северна Македонија"), ("pt", "Macedónia do Norte"),
    ("sk", "Severné Macedónsko"), ("sr", "Северна Македонија"), ("sr-latn", "Severna Makedonija"),
])
def test_north_macedonia_has_its_current_name_in_every_language(language, name):
    with translation.override(language):
        assert countries.name("MK") == name


def test_country_names_are_translated_in_macedonian_too():
    with translation.override("mk"):
        assert countries.name("HU") == "Унгарија"
        assert countries.name("PT") != "Portugal"
