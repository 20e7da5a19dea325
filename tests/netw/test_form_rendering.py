"""Every form is drawn the same way (templates/includes/form_fields.html, form_intro.html,
error_summary.html, field.html through netw.forms.PortalFormRenderer): required fields are marked
for the eye and for screen readers, and a form sent back with errors opens with a summary whose
links lead to the fields."""

import re

import pytest
from django import forms
from django.template.loader import render_to_string
from django.urls import reverse

from netw.forms import PortalForm


class ContactForm(PortalForm):
    name = forms.CharField(label="Name")
    city = forms.CharField(label="City", required=False)
    sectors = forms.MultipleChoiceField(label="Sectors", widget=forms.CheckboxSelectMultiple,
                                        choices=[("a", "Agriculture"), ("c", "Catering")])
    partner = forms.CharField(label="Partner", disabled=True, initial="A3S")
    token = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean(self):
        data = super().clean()
        if data.get("city") == "Atlantis":
            raise forms.ValidationError("Nobody works in Atlantis.")
        return data


class OptionalForm(PortalForm):
    remark = forms.CharField(label="Remark", required=False)


def _html(form) -> str:
    return render_to_string("includes/form_fields.html", {"form": form})


def _label(html: str, text: str) -> str:
    return re.search(rf"<(label|legend)[^>]*>{text}.*?</(label|legend)>", html, re.S).group(0)


def test_a_required_field_has_the_required_attribute_and_a_visible_mark():
    html = _html(ContactForm())
    assert re.search(r'<input[^>]*name="name"[^>]*required', html)
    # The stylesheet shows a * after a label of class "required"; the label's text is unchanged.
    assert _label(html, "Name") == '<label class="required" for="id_name">Name:</label>'


def test_optional_and_read_only_fields_are_not_marked():
    html = _html(ContactForm())
    assert _label(html, "City") == '<label for="id_city">City:</label>'
    assert _label(html, "Partner") == '<label for="id_partner">Partner:</label>'


def test_a_required_group_of_choices_says_required_in_words_to_screen_readers():
    # Checkboxes cannot carry the required attribute: the legend says it.
    legend = _label(_html(ContactForm()), "Sectors")
    assert legend.startswith('<legend class="required"')
    assert 'Sectors:<span class="visually-hidden"> (required)</span></legend>' in legend


def test_the_form_says_what_the_mark_means_only_when_it_marks_a_field():
    assert "Fields marked * are required." in _html(ContactForm())
    assert "Fields marked * are required." not in _html(OptionalForm())


def test_a_form_not_yet_sent_or_sent_without_errors_has_no_error_summary():
    assert "data-error-summary" not in _html(ContactForm())
    valid = ContactForm({"name": "Ana", "sectors": ["a"], "partner": "x"})
    assert valid.is_valid()
    assert "data-error-summary" not in _html(valid)


def test_the_error_summary_lists_every_error_with_a_link_to_its_field():
    form = ContactForm({"city": "Atlantis", "token": "x" * 2})
    assert not form.is_valid()
    html = _html(form)
    summary = re.search(r"<div class=\"form-errors error-summary\".*?</div>", html, re.S).group(0)
    assert 'tabindex="-1"' in summary  # netw.js moves the focus there
    assert "There are 3 problems" in summary
    assert "<li>Nobody works in Atlantis.</li>" in summary
    assert '<a href="#id_name">Name</a>: This field is required.' in summary
    # A group of checkboxes: the link leads to its first box.
    assert '<a href="#id_sectors_0">Sectors</a>: This field is required.' in summary
    assert 'id="id_sectors_0"' in html
    # The summary comes first, before the fields.
    assert html.index("data-error-summary") < html.index('name="name"')


def test_the_error_summary_is_in_the_form_of_each_kind_of_page(client, owner):
    """The registry's forms (form_fields.html), the session form (its own layout) and the
    methodology form (which had its own summary) all show the one summary, once."""
    client.force_login(owner)
    for url, data in [
        (reverse("providers:provider_create"), {"name": ""}),
        (reverse("peersessions:session_create"), {"title": "", "schedule": "1"}),
        (reverse("methodologies:methodology_create"), {"title": "", "save": "1"}),
    ]:
        html = client.post(url, data).content.decode()
        assert html.count("data-error-summary") == 1, url
        assert "Fields marked * are required." in html, url
        assert 'class="required"' in html, url


@pytest.fixture(autouse=True)
def _db(db, partners):
    pass
