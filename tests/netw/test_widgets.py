"""QuickSelect writes the same <select> as Django's template-rendered one."""

import pytest
from django import forms

from netw.widgets import QuickSelect

CHOICES = [("", "All"), ("a", "Alpha & <b>"), ("b", 'Beta "quoted"'),
           ("Group", [("c", "Gamma"), ("d", "Delta")])]


@pytest.mark.parametrize("value", [None, "", "a", "c", "missing"])
@pytest.mark.parametrize("attrs", [{}, {"id": "id_f", "aria-describedby": "h", "required": True}])
def test_same_html_as_django_select(value, attrs):
    def normalise(html: str) -> str:
        return "".join(line.strip() for line in html.splitlines())

    expected = forms.Select(choices=CHOICES).render("f", value, attrs=attrs)
    assert normalise(QuickSelect(choices=CHOICES).render("f", value, attrs=attrs)) \
        == normalise(expected)


def test_labels_and_values_are_escaped():
    html = QuickSelect(choices=[('"><script>', "<i>x</i>")]).render("f", None)
    assert "<script>" not in html and "<i>" not in html


def test_a_date_field_gives_the_browser_an_iso_date_in_every_language():
    import datetime as dt

    from django.utils import translation

    from netw.widgets import DateInput

    for language in ("hu", "sr-latn", "mk", "en"):
        with translation.override(language):
            html = DateInput().render("due_on", dt.date(2026, 12, 31))
        assert 'type="date"' in html and 'value="2026-12-31"' in html, (language, html)
