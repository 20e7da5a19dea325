"""The shared form core (netw/forms.py) reaches every form of the portal."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

import pytest
from django import forms
from django.conf import settings

from netw.discovery import app_modules
from netw.forms import ModelChoiceField, ModelMultipleChoiceField, PortalFormMixin

# The core's own forms modules, and the other modules that hold forms people fill in, next to
# every app's forms.py. (providers.imports.ProviderRowForm checks a file's rows, not a person's
# input: the cells are cleaned when the file is read.)
CORE_FORMS = ["netw.accounts.forms", "netw.exports.forms", "netw.notifications.forms",
              "netw.events.forms", "netw.workflow", "providers.import_forms",
              "peersessions.courses.author_forms"]


def _form_classes():
    modules = [*app_modules("forms"), *map(importlib.import_module, CORE_FORMS)]
    for module in modules:
        if not Path(module.__file__).is_relative_to(settings.BASE_DIR) or ".venv" in Path(
                module.__file__).parts:
            continue  # Django's and the libraries' own forms
        for name, value in vars(module).items():
            if (inspect.isclass(value) and issubclass(value, forms.BaseForm)
                    and value.__module__ == module.__name__):
                yield f"{module.__name__}.{name}", value


FORM_CLASSES = dict(_form_classes())


def test_the_forms_modules_were_found():
    assert {"providers.forms.ProviderForm", "methodologies.forms.AdoptionForm",
            "peersessions.forms.SessionForm", "netw.accounts.forms.InvitationForm",
            "netw.workflow.ReviewDecisionForm", "netw.events.forms.CalendarFilterForm"} <= set(
        FORM_CLASSES)


@pytest.mark.parametrize("name", sorted(FORM_CLASSES))
def test_every_form_is_a_portal_form(name):
    assert issubclass(FORM_CLASSES[name], PortalFormMixin), (
        f"{name} should derive from netw.forms.PortalForm or PortalModelForm")


@pytest.mark.parametrize("name", sorted(FORM_CLASSES))
def test_every_model_choice_is_bounded(name):
    """Django's own model choice fields let an id over 2**63 reach the database (a 500)."""
    for field_name, field in FORM_CLASSES[name].base_fields.items():
        if isinstance(field, forms.ModelChoiceField):
            assert isinstance(field, ModelChoiceField | ModelMultipleChoiceField), (
                f"{name}.{field_name} is a plain {type(field).__name__}")


# --- Country selects: the project's countries first (netw.forms.ProjectCountryField) ----------


def _country_groups(form, name="country") -> dict:
    return {str(label): [code for code, _ in options]
            for label, options in form.fields[name].choices if isinstance(options, list | tuple)}


@pytest.mark.django_db
def test_a_country_select_lists_the_focus_and_partner_countries_first(owner):
    from netw.forms import FOCUS_COUNTRIES
    from providers.forms import ProviderForm
    from providers.models import Partner

    form = ProviderForm(user=owner)
    choices = form.fields["country"].choices
    assert choices[0][0] == ""  # "nothing chosen" stays on top
    groups = _country_groups(form)
    assert list(groups) == ["The project's countries", "All countries"]
    partner_countries = {str(c) for c in Partner.objects.values_list("country", flat=True) if c}
    assert set(groups["The project's countries"]) == {*FOCUS_COUNTRIES, *partner_countries}
    assert len(groups["All countries"]) > 240  # and every country after them
    html = str(form["country"])
    assert html.index('<optgroup label="The project&#x27;s countries">') < html.index(
        '<optgroup label="All countries">')


@pytest.mark.django_db
def test_a_new_record_starts_in_the_country_of_the_persons_partner(owner, outsider, partners):
    from providers.forms import NetworkForm, ProviderForm

    assert ProviderForm(user=owner)["country"].value() == str(partners["a3s"].country)
    assert NetworkForm(user=outsider)["country"].value() == str(partners["idc-serbia"].country)
    assert 'value="PT" selected' in str(ProviderForm(user=owner)["country"])


@pytest.mark.django_db
def test_an_edited_record_a_sent_form_and_a_partnerless_person_keep_their_country(owner):
    from providers.forms import ProviderForm
    from tests.factories import ProviderFactory

    provider = ProviderFactory(country="BE")
    assert ProviderForm(instance=provider, user=owner)["country"].value() == "BE"
    sent = ProviderForm({"country": "MK"}, user=owner)
    sent.is_valid()
    assert "country" not in sent.errors and sent.cleaned_data["country"] == "MK"
    assert ProviderForm(user=None)["country"].value() in (None, "")
