"""The registry's lists download as CSV and XLSX with their filters (through netw.exports), and
cells that look like formulas are escaped so a spreadsheet does not run them."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from netw.exports import services
from tests.factories import ProviderFactory

pytestmark = pytest.mark.django_db

FORMULAS = {"name": "=HYPERLINK(\"http://evil.example\",\"click\")", "city": "+36 1 234",
            "region": "-2+3", "contact_person": "@SUM(A1:A2)"}


@pytest.fixture(autouse=True)
def exports_folder(settings, tmp_path):
    settings.EXPORTS_ROOT = tmp_path / "exports"


def export(user, filters, fmt, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        made, _ = services.export_request(user=user, list_name="providers", filters=filters,
                                          format=fmt)
    made.refresh_from_db()
    assert made.status == "done", made.error
    return services.file_path(made.file_name)


def test_the_csv_export_escapes_formulas_and_keeps_the_filters(
        owner, partner_a, django_capture_on_commit_callbacks):
    ProviderFactory(owner_partner=partner_a, country="HU", **FORMULAS)
    ProviderFactory(owner_partner=partner_a, country="PT", name="Filtered out")
    path = export(owner, {"country": ["HU"]}, "csv", django_capture_on_commit_callbacks)
    (row,) = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")))
    assert row["Name"] == "'" + FORMULAS["name"]
    assert row["City"] == "'+36 1 234"
    assert row["Region"] == "'-2+3"
    assert row["Contact person"] == "'@SUM(A1:A2)"


def test_the_xlsx_export_stores_formulas_as_text(owner, partner_a,
                                                 django_capture_on_commit_callbacks):
    ProviderFactory(owner_partner=partner_a, **FORMULAS)
    path = export(owner, {}, "xlsx", django_capture_on_commit_callbacks)
    sheet = load_workbook(path).worksheets[0]
    headers = [c.value for c in sheet[1]]
    name = sheet.cell(row=2, column=headers.index("Name") + 1)
    assert name.data_type == "s" and name.value.endswith(FORMULAS["name"])


def test_partners_see_the_export_button_and_visitors_do_not(client, owner, provider):
    url = reverse("providers:provider_list") + "?country=PT"
    assert "exports/new/" not in client.get(url).content.decode()
    client.force_login(owner)
    page = client.get(url).content.decode()
    assert reverse("exports:request") in page
    assert 'name="filters" value="country=PT"' in page
