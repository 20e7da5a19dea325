"""What "My exports" and the files say to the person who asked (issue 15): the filters in the
page's words, a file name that tells two exports apart, no row count for a report, and
spreadsheets that open ready to work with."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from netw.exports import services
from netw.exports.models import Export
from tests.factories import ProviderFactory

pytestmark = pytest.mark.django_db


def _export(user, list_name, filters, callbacks, format="csv"):
    with callbacks(execute=True):
        export, _ = services.export_request(user=user, list_name=list_name, filters=filters,
                                            format=format)
    export.refresh_from_db()
    assert export.status == "done", export.error
    return export


def test_my_exports_names_the_filters_as_the_list_page_does(
        client, owner, partners, django_capture_on_commit_callbacks):
    ProviderFactory(name="Skopje kitchen", country="MK")
    export = _export(owner, "providers", {"country": ["MK"], "q": ["kitchen"]},
                     django_capture_on_commit_callbacks)
    assert ("Country", "North Macedonia") in export.described_filters()
    client.force_login(owner)
    page = client.get(reverse("exports:list")).text
    assert "Country: North Macedonia" in page
    assert "country=MK" not in page


def test_files_of_differently_filtered_lists_have_different_names(
        owner, partners, django_capture_on_commit_callbacks):
    ProviderFactory(country="MK")
    ProviderFactory(country="PT")
    macedonian = _export(owner, "providers", {"country": ["MK"]},
                         django_capture_on_commit_callbacks)
    portuguese = _export(owner, "providers", {"country": ["PT"]},
                         django_capture_on_commit_callbacks)
    everything = _export(owner, "providers", {}, django_capture_on_commit_callbacks)
    names = [e.download_filename() for e in (macedonian, portuguese, everything)]
    assert names[0].startswith("net-works-providers-north-macedonia-")
    assert names[1].startswith("net-works-providers-portugal-")
    assert len(set(names)) == 3
    assert all(n.endswith(".csv") for n in names)


def test_a_pdf_report_has_no_row_count_in_my_exports(
        client, owner, partners, django_capture_on_commit_callbacks):
    _export(owner, "country_overview", {}, django_capture_on_commit_callbacks, "pdf")
    client.force_login(owner)
    page = client.get(reverse("exports:list")).text
    row = page.split("<tbody>", 1)[1].split("</tr>", 1)[0]
    assert "Not applicable: a report has pages, not rows" in row
    assert "<td>0</td>" not in row


def test_an_xlsx_opens_with_a_frozen_filterable_header_and_fitting_columns(
        owner, partners, django_capture_on_commit_callbacks):
    ProviderFactory(name="A provider with a rather long name for its column",
                    contact_phone="+389 2 3100 100")
    export = _export(owner, "providers", {}, django_capture_on_commit_callbacks, "xlsx")
    sheet = load_workbook(services.file_path(export.file_name)).active
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}2"
    assert sheet.column_dimensions["A"].width >= len("A provider with a rather long name")
    headers = [c.value for c in sheet[1]]
    phone = sheet.cell(2, headers.index("Contact phone") + 1)
    # Typed as text, without the CSV's apostrophe.
    assert phone.value == "+389 2 3100 100" and phone.data_type == "s"


def test_csv_keeps_the_apostrophe_and_my_exports_explains_it(
        client, owner, partners, django_capture_on_commit_callbacks):
    ProviderFactory(contact_phone="+389 2 3100 100")
    export = _export(owner, "providers", {}, django_capture_on_commit_callbacks)
    text = services.file_path(export.file_name).read_text(encoding="utf-8-sig")
    row = next(csv.DictReader(io.StringIO(text)))
    assert row["Contact phone"] == "'+389 2 3100 100"
    client.force_login(owner)
    page = client.get(reverse("exports:list")).text
    assert "starts with an apostrophe (') in CSV files" in page


def test_an_export_asked_for_before_descriptions_shows_its_parameters_by_name(owner):
    export = Export(requested_by=owner, list_name="providers", format="csv",
                    filters={"country": ["MK"]})
    assert export.described_filters() == [("Country", "MK")]


def test_an_xlsx_holds_dates_as_dates_people_can_sort(
        owner, partners, django_capture_on_commit_callbacks):
    ProviderFactory()
    export = _export(owner, "providers", {}, django_capture_on_commit_callbacks, "xlsx")
    sheet = load_workbook(services.file_path(export.file_name)).active
    headers = [c.value for c in sheet[1]]
    updated = sheet.cell(2, headers.index("Updated at") + 1)
    assert isinstance(updated.value, datetime.datetime)
    assert updated.number_format == "yyyy-mm-dd h:mm:ss"


def test_a_file_is_written_in_the_language_of_the_person_who_asked(
        owner, partners, django_capture_on_commit_callbacks):
    owner.language = "fr"
    owner.save(update_fields=["language"])
    ProviderFactory(country="HU")
    export = _export(owner, "providers", {}, django_capture_on_commit_callbacks)
    text = services.file_path(export.file_name).read_text(encoding="utf-8-sig")
    (row,) = csv.DictReader(io.StringIO(text))
    assert row["Pays"] == "Hongrie"  # the header and the country's name, both in French


def test_a_label_is_worked_out_once_per_export_not_once_per_cell(partners, coordinator):
    from netw.exports.registry import Column, export_rows, labels
    from providers.models import Provider

    for _n in range(3):
        ProviderFactory(country="HU")
    ProviderFactory(country="PT")
    asked = []

    @labels
    def country(code):
        asked.append(code)
        return f"country {code}"

    rows = list(export_rows(Provider.objects.filter(country__in=["HU", "PT"]).order_by("pk"),
                            [Column("Country", "country", country)]))
    assert rows == [("country HU",)] * 3 + [("country PT",)]
    assert sorted(asked) == ["HU", "PT"]
