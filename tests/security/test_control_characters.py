"""Control characters: dropped from what forms receive, and harmless in what is already stored.

An ANSI colour code pasted from a terminal ("\\x1b[0;31m"), a bell ("\\x07") or a vertical tab
("\\x0b") is never meant as text, and XML 1.0 cannot carry it: once one reached a published
methodology the public Atom feed answered 500 for everyone. Forms drop them (tab, line feed and
carriage return stay; a NUL byte is still refused), and every XML output cleans what was stored
before: the feed, the sitemap and the XLSX files.
"""

from __future__ import annotations

import csv
import io
from xml.etree import ElementTree

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from methodologies.models import Methodology
from netw.exports.writers import write_xlsx
from netw.workflow import Status
from providers.models import Provider
from tests.factories import ProviderFactory
from tests.methodologies.factories import MethodologyFactory
from tests.sitemap import sitemap_locations

pytestmark = pytest.mark.django_db

DIRTY = "Roma\x1b[0;31m mentoring\x07 in Novi\x0b Sad"
CLEAN = "Roma[0;31m mentoring in Novi Sad"


def test_a_form_drops_control_characters_but_keeps_tabs_and_new_lines(client, owner):
    client.force_login(owner)
    response = client.post(reverse("providers:provider_create"), {
        "name": DIRTY, "country": "PT", "language": "en",
        "description": "First line\r\nSecond\tline\x1b[1m bold\x7f",
    })
    assert response.status_code == 302
    provider = Provider.objects.get()
    assert provider.name == CLEAN
    assert provider.description == "First line\r\nSecond\tline[1m bold"


def test_a_nul_byte_is_still_refused_with_a_field_error(client, owner):
    client.force_login(owner)
    response = client.post(reverse("methodologies:methodology_create"),
                           {"title": "Before\x00after\x07", "language": "en"})
    assert response.status_code == 200
    assert "title" in response.context["form"].errors
    assert not Methodology.objects.exists()


def test_a_text_of_control_characters_only_is_an_empty_required_field(client, owner):
    client.force_login(owner)
    response = client.post(reverse("methodologies:methodology_create"),
                           {"title": "\x1b\x07\x0b", "language": "en"})
    assert response.status_code == 200
    assert "title" in response.context["form"].errors


@pytest.fixture
def dirty_methodology(partner_a):
    methodology = MethodologyFactory(owner_partner=partner_a, status=Status.PUBLISHED)
    # Stored as earlier versions of the forms let it through.
    Methodology.objects.filter(pk=methodology.pk).update(title=DIRTY,
                                                         summary=f"Summary {DIRTY}")
    return methodology


def test_the_atom_feed_survives_a_stored_control_character(dirty_methodology):
    response = Client(raise_request_exception=False).get(reverse("methodologies:feed"))
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    titles = [e.text for e in root.iter("{http://www.w3.org/2005/Atom}title")]
    assert CLEAN in titles


def test_the_sitemap_survives_a_stored_control_character(dirty_methodology):
    # Every document parses (sitemap_locations), and the record is listed.
    locations = sitemap_locations(Client(raise_request_exception=False))
    assert any(dirty_methodology.slug in loc for loc in locations)


@pytest.fixture
def dirty_provider(partner_a):
    provider = ProviderFactory(owner_partner=partner_a)
    Provider.objects.filter(pk=provider.pk).update(name=DIRTY, city="Novi\x0bSad\x07")
    return provider


@pytest.mark.parametrize("kind", ["providers", "networks"])
def test_the_public_xlsx_download_opens_with_a_stored_control_character(client, dirty_provider,
                                                                        kind):
    if kind == "networks":
        from providers.models import Network
        from tests.factories import NetworkFactory

        Network.objects.filter(pk=NetworkFactory().pk).update(name=DIRTY)
    response = client.get(reverse("providers:public_download", args=[kind, "xlsx"]))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row]
    assert CLEAN in values


def test_the_public_csv_download_answers_with_a_stored_control_character(client,
                                                                         dirty_provider):
    response = client.get(reverse("providers:public_download", args=["providers", "csv"]))
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert any(DIRTY in row for row in rows[1:])


def test_the_xlsx_writer_cleans_headers_title_and_cells(tmp_path):
    path = tmp_path / "export.xlsx"
    write_xlsx(path, [f"Name{DIRTY}"], [(DIRTY,), (f"={DIRTY}",)], title="Export\x07 of providers")
    sheet = load_workbook(path).worksheets[0]
    assert "\x07" not in sheet.title
    rows = list(sheet.iter_rows(values_only=True))
    assert rows == [(f"Name{CLEAN}",), (CLEAN,), (f"={CLEAN}",)]
