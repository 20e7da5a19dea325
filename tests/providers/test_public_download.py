"""Visitors download the public lists as CSV or XLSX: filtered as on the page, public details of
verified providers only, formulas neutralised, streamed."""

import csv
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from providers.vocabulary import Verification
from tests.factories import NetworkFactory, ProviderFactory

pytestmark = pytest.mark.django_db


def _csv(response) -> list[list[str]]:
    assert response.streaming
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")  # spreadsheet programs then read accents right
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def _url(kind, extension, query=""):
    return reverse("providers:public_download", args=[kind, extension]) + query


def test_the_csv_has_the_verified_providers_public_details_only(client, partner_a):
    ProviderFactory(owner_partner=partner_a, name="Cozinha com Alma", city="Porto",
                    contact_person="Ana Sousa", contact_email="ana@alma.example.org")
    ProviderFactory(owner_partner=partner_a, name="Not verified yet",
                    verification=Verification.UNVERIFIED)
    rows = _csv(client.get(_url("providers", "csv")))
    header, *data = rows
    assert "Contact e-mail" not in header and "Contact person" not in header
    assert [row[0] for row in data] == ["Cozinha com Alma"]
    assert "ana@alma.example.org" not in "".join(data[0])
    assert data[0][header.index("City")] == "Porto"


def test_a_partner_gets_the_public_file_too_not_their_drafts(client, owner, partner_a):
    ProviderFactory(owner_partner=partner_a, name="Not verified yet",
                    verification=Verification.UNVERIFIED)
    client.force_login(owner)
    assert len(_csv(client.get(_url("providers", "csv")))) == 1  # the header only


def test_the_file_keeps_the_lists_filters(client, partner_a):
    ProviderFactory(owner_partner=partner_a, name="Lisbon kitchen", country="PT")
    ProviderFactory(owner_partner=partner_a, name="Budapest bakery", country="HU")
    names = [row[0] for row in _csv(client.get(_url("providers", "csv", "?country=HU")))[1:]]
    assert names == ["Budapest bakery"]
    # An invalid filter gives an empty file, as the page shows no rows.
    assert len(_csv(client.get(_url("providers", "csv", "?country=XX")))) == 1


def test_cells_that_look_like_formulas_are_written_as_text(client, partner_a):
    ProviderFactory(owner_partner=partner_a, name="=HYPERLINK(\"http://evil\")")
    data = _csv(client.get(_url("providers", "csv")))[1]
    assert data[0].startswith("'=")
    response = client.get(_url("providers", "xlsx"))
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cell = sheet.cell(row=2, column=1)
    assert cell.value.startswith("=") and cell.data_type == "s"  # text, not a formula


def test_the_networks_download_as_xlsx_with_a_dated_file_name(client, partner_a):
    NetworkFactory(owner_partner=partner_a, name="Rede Portuguesa")
    response = client.get(_url("networks", "xlsx"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].startswith('attachment; filename="net-works-networks-')
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert [c.value for c in sheet[2]][0] == "Rede Portuguesa"


def test_the_number_of_queries_does_not_grow_with_the_rows(client, partner_a):
    def queries(n):
        for _ in range(n):
            ProviderFactory(owner_partner=partner_a)
        with CaptureQueriesContext(connection) as captured:
            _csv(client.get(_url("providers", "csv")))
        return len(captured)

    assert queries(2) == queries(30)


def test_visitors_see_the_download_links_and_partners_the_exporter(client, owner):
    page = client.get(reverse("providers:provider_list") + "?country=PT").content.decode()
    assert _url("providers", "csv", "?country=PT") in page
    client.force_login(owner)
    page = client.get(reverse("providers:provider_list")).content.decode()
    assert _url("providers", "csv") not in page
    assert reverse("exports:request") in page


def test_sectors_target_groups_and_networks_are_listed_per_provider(client, partner_a):
    from providers.models import Sector, TargetGroup

    network = NetworkFactory(owner_partner=partner_a, name="Rede Portuguesa")
    full = ProviderFactory(owner_partner=partner_a, name="A full one")
    full.sectors.set(Sector.objects.filter(code__in=["catering", "recycling"]))
    full.target_groups.set(TargetGroup.objects.filter(code="roma"))
    full.networks.add(network)
    empty = ProviderFactory(owner_partner=partner_a, name="B empty one")
    empty.sectors.clear()
    empty.target_groups.clear()
    header, first, second = _csv(client.get(_url("providers", "csv", "?sort=name")))
    row = dict(zip(header, first, strict=True))
    assert row["Sectors"] == "Recycling and repair, Catering and food"  # the vocabulary's order
    assert row["Target groups"] == "Roma"
    assert row["Networks"] == "Rede Portuguesa"
    row = dict(zip(header, second, strict=True))
    assert (row["Sectors"], row["Target groups"], row["Networks"]) == ("", "", "")


def test_to_many_columns_are_read_per_chunk_of_rows(partner_a):
    from netw.exports.registry import Column, export_rows
    from providers.models import Provider, Sector

    catering = Sector.objects.get(code="catering")
    for n in range(5):
        provider = ProviderFactory(owner_partner=partner_a, name=f"P{n}")
        provider.sectors.set([catering] if n % 2 else [])
    columns = [Column("Name", "name"), Column("Sectors", "sectors__code", many=True)]
    with CaptureQueriesContext(connection) as captured:
        rows = list(export_rows(Provider.objects.order_by("name"), columns, chunk_size=2))
    assert rows == [("P0", []), ("P1", ["catering"]), ("P2", []), ("P3", ["catering"]),
                    ("P4", [])]
    assert len(captured) <= 1 + 3  # the rows, then one query per chunk of two
