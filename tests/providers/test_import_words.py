"""Partners' own words in the vocabulary columns: asked once per distinct value, with the
closest labels first, remembered for the person's next file."""

import pytest
from django.utils import translation

from providers import imports
from providers.models import ImportValueMapping, Provider, ProviderImport
from tests.providers.test_import import (  # noqa: F401 (fixtures)
    csv_bytes,
    member,
    post,
    preview_of,
    private_folder,
    tasks_after_commit,
    upload,
)

pytestmark = pytest.mark.django_db

HEADER = ["name", "country", "legal_form", "sectors", "target_groups"]
# Written the way partners write: their words, not the portal's codes.
PARTNERS_FILE = [
    ["Szociális Konyha", "Hungary", "association", "food", "youth"],
    ["Mladi Kuvari", "Serbia", "Cooperative", "Food; recycling", "Youth; roma"],
    ["Horta da Vila", "Portugal", "ngo", "gardening", "youth"],
]


def field_for(form, column, value):
    for name, field_column, folded, _automatic in form.entries:
        if field_column == column and folded == value:
            return name
    raise AssertionError(f"no question about {value!r} in {column}")


def answers(form, mapping: dict[tuple[str, str], str]) -> dict:
    data = {"action": "map"}
    for name, column, folded, _automatic in form.entries:
        data[name] = mapping.get((column, folded), form.fields[name].initial or "")
    return data


def test_the_closest_labels_are_suggested_in_the_persons_language():
    assert imports.suggestions("sectors", "food")[0] == "catering"
    assert imports.suggestions("target_groups", "youth")[0] == "neet"
    assert imports.suggestions("sectors", "gardening")[0] == "agriculture"
    assert imports.suggestions("legal_form", "ngo") == []
    assert imports.suggestions("country", "Macedonia")[0] == "MK"
    with translation.override("fr"):
        labels = dict(imports.vocabulary("country"))
    assert labels["HU"] == "Hongrie"  # the labels offered are the person's language's


def test_each_distinct_unknown_value_is_asked_once_instead_of_rejecting_each_row(client,
                                                                                 member):
    url, preview = preview_of(client, upload(client, csv_bytes(PARTNERS_FILE, HEADER)))
    analysis = preview.context["analysis"]
    assert analysis.rejected == 3
    unknown = {column: {folded: count for _written, folded, count in entries}
               for column, entries in analysis.unknown.items()}
    assert unknown == {"legal_form": {"ngo": 1}, "sectors": {"food": 2, "gardening": 1},
                       "target_groups": {"youth": 3}}
    form = preview.context["mapping_form"]
    food = form.fields[field_for(form, "sectors", "food")]
    assert food.initial == "catering"  # the closest first, chosen in advance
    assert food.choices[0] == ("", "Leave it as an error")
    assert food.choices[1][1][0] == ("catering", "Catering and food")
    page = preview.content.decode()
    assert "“food” in sectors" in page and "“youth” in target groups" in page


def test_mapping_the_values_checks_the_rows_again_and_imports_them(client, member):
    url, preview = preview_of(client, upload(client, csv_bytes(PARTNERS_FILE, HEADER)))
    data = answers(preview.context["mapping_form"], {("legal_form", "ngo"): "association",
                                                     ("target_groups", "youth"): "neet"})
    assert post(client, url, data).status_code == 302
    preview = client.get(url)
    analysis = preview.context["analysis"]
    assert analysis.rejected == 0 and analysis.created == 3
    assert {(c, e[1], e[2]) for c, entries in analysis.mapped.items() for e in entries} == {
        ("legal_form", "ngo", "association"), ("sectors", "food", "catering"),
        ("sectors", "gardening", "agriculture"), ("target_groups", "youth", "neet")}
    post(client, url, {"action": "confirm"})
    kuvari = Provider.objects.get(name="Mladi Kuvari")
    assert sorted(s.code for s in kuvari.sectors.all()) == ["catering", "recycling"]
    assert sorted(g.code for g in kuvari.target_groups.all()) == ["neet", "roma"]
    assert Provider.objects.get(name="Horta da Vila").legal_form == "association"


def test_the_mapping_is_remembered_for_the_persons_next_file_and_can_be_changed(client,
                                                                                member):
    url, preview = preview_of(client, upload(client, csv_bytes(PARTNERS_FILE, HEADER)))
    post(client, url, answers(preview.context["mapping_form"],
                              {("legal_form", "ngo"): "association",
                               ("target_groups", "youth"): "neet"}))
    assert ImportValueMapping.objects.filter(user=member).count() == 4

    url, preview = preview_of(client, upload(client, csv_bytes(PARTNERS_FILE, HEADER)))
    assert preview.context["analysis"].rejected == 0
    page = preview.content.decode()
    assert "Mapped automatically" in page
    form = preview.context["mapping_form"]
    assert not form.asked_fields() and len(form.automatic_fields()) == 4
    # Changing one: "gardening" is left as an error from now on.
    post(client, url, answers(form, {("sectors", "gardening"): ""}))
    analysis = client.get(url).context["analysis"]
    assert analysis.rejected == 1 and analysis.unknown["sectors"][0][1] == "gardening"
    assert not ImportValueMapping.objects.filter(source="gardening").exists()


def test_leaving_a_value_as_an_error_keeps_the_rows_rejected(client, member):
    url, preview = preview_of(client, upload(client, csv_bytes(PARTNERS_FILE, HEADER)))
    form = preview.context["mapping_form"]
    post(client, url, {"action": "map", **{name: "" for name, *_rest in form.entries}})
    analysis = client.get(url).context["analysis"]
    assert analysis.rejected == 3
    assert not ImportValueMapping.objects.exists()


def test_a_mapping_is_one_persons_own(client, member, colleague):
    ImportValueMapping.objects.create(user=member, column="sectors", source="food",
                                      code="catering")
    client.force_login(colleague)
    rows = [["Szociális Konyha", "Hungary", "", "food", ""]]
    url, preview = preview_of(client, upload(client, csv_bytes(rows, HEADER)))
    assert preview.context["analysis"].rejected == 1


def test_a_code_that_is_not_in_the_vocabulary_is_refused(client, member):
    url, preview = preview_of(client, upload(client, csv_bytes(PARTNERS_FILE, HEADER)))
    form = preview.context["mapping_form"]
    data = answers(form, {("sectors", "food"): "space-travel"})
    post(client, url, data)
    assert not ImportValueMapping.objects.exists()
    assert ProviderImport.objects.get().status == ProviderImport.Status.READY
