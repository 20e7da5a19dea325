"""Long multiple choices (people, practices, countries) are a filterable list of checkboxes
(netw.widgets.FilterableCheckboxList), not a Ctrl-click ``<select multiple>`` that cuts names
off: a fieldset with a legend, full names, the choices kept when the form comes back with an
error, and only the choices the person may make."""

import re

import pytest
from django import forms
from django.urls import reverse

from netw.widgets import FilterableCheckboxList
from peersessions.forms import AttendanceForm, SessionForm
from providers.forms import ProviderForm
from sustainability.forms import RecommendationForm
from tests.factories import UserFactory
from tests.netw.test_access_matrix import objects  # noqa: F401  (fixture: partner A's records)
from tests.peersessions.test_planning import _form_data

pytestmark = pytest.mark.django_db


def _fieldset(html: str, name: str) -> str:
    match = re.search(r'<fieldset[^>]*>\s*<legend[^>]*>(?:(?!</fieldset>).)*?id="id_' + name
                      + r'".*?</fieldset>', html, re.S)
    assert match, f"no fieldset for {name}"
    return match.group(0)


def test_the_long_choices_of_the_forms_use_the_one_widget(partners, owner):
    for form, names in ((SessionForm(user=owner), ("facilitators", "invited_people")),
                        (AttendanceForm(participants=[], user=owner), ("extra_people",)),
                        (RecommendationForm(user=owner),
                         ("countries", "good_practices", "methodologies")),
                        (ProviderForm(user=owner), ("networks",))):
        for name in names:
            assert isinstance(form.fields[name].widget, FilterableCheckboxList), name
            assert type(form.fields[name].widget) is not forms.SelectMultiple


def test_a_fieldset_with_a_legend_and_a_checkbox_per_person(client, partners, owner, outsider):
    outsider.first_name, outsider.last_name = "Jovana", "Petrović-Marković Van Der Long-Name"
    outsider.save()
    client.force_login(owner)
    html = client.get(reverse("peersessions:session_create")).content.decode()
    assert "<select multiple" not in html and 'name="invited_people" multiple' not in html
    part = _fieldset(html, "invited_people")
    assert re.search(r"<legend[^>]*>Invite people", part)
    assert 'data-checklist' in part and 'data-filter-label="Filter the list"' in part
    box = re.search(r'<label for="(id_invited_people_\d+)"><input type="checkbox" '
                    r'name="invited_people" value="' + str(outsider.pk) + r'" id="\1"> ([^<]+)<',
                    part)
    assert box and "Petrović-Marković Van Der Long-Name" in box.group(2)
    assert 'id="id_invited_people_0"' in part  # where the error summary leads


def test_a_providers_networks_are_a_checkbox_list_on_its_page(client, partners, owner):
    from tests.factories import NetworkFactory

    NetworkFactory(name="Rede Nacional de Empresas Sociais de Inserção pelo Trabalho e Formação")
    client.force_login(owner)
    html = client.get(reverse("providers:provider_create")).content.decode()
    part = _fieldset(html, "networks")
    assert "Rede Nacional de Empresas Sociais de Inserção pelo Trabalho e Formação" in part
    assert 'type="checkbox" name="networks"' in part and 'name="networks" multiple' not in html


def test_the_choices_stay_ticked_when_the_form_comes_back_with_an_error(
        client, partners, owner, outsider, colleague):
    client.force_login(owner)
    data = _form_data(partners, invited_people=[outsider.pk], facilitators=[colleague.pk])
    data["ends_at"] = data["starts_at"]  # an error: the end before the start
    response = client.post(reverse("peersessions:session_create"), {**data, "schedule": "1"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "The session must end after it starts." in html
    def ticked(name: str, person) -> bool:
        return bool(re.search(rf'name="{name}" value="{person.pk}" id="id_{name}_\d+" checked',
                              html))

    assert ticked("invited_people", outsider) and ticked("facilitators", colleague)
    assert not ticked("invited_people", colleague)


def test_only_the_people_one_may_name_are_offered_and_accepted(client, partners, owner):
    stranger = UserFactory(email="stranger@example.org")  # no partner: cannot be named
    client.force_login(owner)
    html = client.get(reverse("peersessions:session_create")).content.decode()
    assert f'value="{stranger.pk}"' not in _fieldset(html, "invited_people")
    form = SessionForm(_form_data(partners, invited_people=[stranger.pk]), user=owner)
    assert not form.is_valid()
    assert "invited_people" in form.errors


def test_groups_are_labelled_and_numbered_for_the_error_summary(partners, owner):
    html = str(RecommendationForm(user=owner)["countries"])
    assert re.search(r'<div class="checklist-group" role="group" aria-labelledby="([^"]+)">'
                     r'<p class="checklist-group-name" id="\1">Focus countries</p>', html)
    ids = re.findall(r'<input type="checkbox" name="countries" value="[A-Z]+" id="([^"]+)"', html)
    assert ids[:2] == ["id_countries_0", "id_countries_1"] and len(ids) == len(set(ids))


def test_names_are_escaped():
    html = FilterableCheckboxList(choices=[('"><script>', "<i>x</i>")]).render("f", ['"><script>'])
    assert "<script>" not in html and "<i>" not in html and " checked" in html


def test_no_page_of_the_portal_offers_a_ctrl_click_multiple_select(client, personas, objects):  # noqa: F811
    """Every page of the access matrix, as the persona the browser walk opens it as: a choice of
    several is a checkbox list, never a ``<select multiple>`` (a new form cannot bring one back)."""
    from tests.e2e.walk import matrix_pages

    found = []
    for page in matrix_pages():
        user = personas[page.persona]
        if user is None:
            client.logout()
        else:
            client.force_login(user)
        response = client.get(page.path(objects))
        if re.search(r"<select[^>]*\smultiple\b", response.content.decode()):
            found.append(f"{page.matrix} ({page.persona})")
    assert not found, f"pages with a Ctrl-click multiple select: {found}"
