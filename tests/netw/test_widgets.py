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
