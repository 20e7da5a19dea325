"""``<time datetime="…">`` values: valid HTML (at most three digits of a second's fraction: the Nu
checker refused the six Python writes), written by one filter, ``isodatetime``."""

import datetime as dt
import re
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.template import Context, Template
from django.utils import timezone

from netw.templatetags.dates import isodatetime


def test_a_date_and_time_to_the_second_with_its_offset():
    moment = dt.datetime(2026, 12, 1, 3, 30, 11, 38089, tzinfo=dt.UTC)
    with timezone.override(ZoneInfo("Europe/Lisbon")):
        assert Template("{{ moment|isodatetime }}").render(Context({"moment": moment})) == (
            "2026-12-01T03:30:11+00:00")
    with timezone.override(ZoneInfo("Europe/Budapest")):
        rendered = Template('<time datetime="{{ m|isodatetime }}">').render(Context({"m": moment}))
        assert rendered == '<time datetime="2026-12-01T04:30:11+01:00">'
        assert Template('{{ m|isodatetime:"date" }}').render(Context({"m": moment})) == (
            "2026-12-01")


def test_a_date_and_nothing():
    assert isodatetime(dt.date(2026, 12, 1)) == "2026-12-01"
    assert isodatetime(None) == ""


def test_every_datetime_attribute_of_the_templates_is_written_with_isodatetime():
    attribute = re.compile(r'datetime="([^"]*)"')
    found = []
    for path in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        text = path.read_text()
        for value in attribute.findall(text):
            # Inside {% blocktranslate %} the value is a variable bound with |isodatetime.
            bound = re.fullmatch(r"\{\{ (\w+) \}\}", value)
            if bound and re.search(rf"\b{bound.group(1)}=\S+\|isodatetime\b", text):
                continue
            if "|isodatetime" not in value:
                found.append(f"{path.relative_to(settings.BASE_DIR)}: {value}")
    assert not found, "\n".join(found)
