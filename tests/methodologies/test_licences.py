"""Methodologies and publications are open outputs (netw/licences.py): a licence, CC BY 4.0 unless
the authors choose another, linked with rel="license" and a citation line on their pages, in the
feed; translations have their original's; visitors download the files of published items."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from methodologies.models import Attachment, Methodology, Publication, PublicationFile
from netw.licences import DEFAULT_LICENCE, demo_licence, get_licence
from netw.workflow import Status
from tests.access import LOGIN, PERSONAS
from tests.methodologies.access_rows import EXTRA_ROWS
from tests.methodologies.access_rows import objects as matrix_objects
from tests.methodologies.factories import MethodologyFactory, PublicationFactory

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
BY = 'href="https://creativecommons.org/licenses/by/4.0/"'


def published(**kwargs):
    kwargs.setdefault("published_at", timezone.now())
    return MethodologyFactory(status=Status.PUBLISHED, **kwargs)


def test_a_new_methodology_and_publication_are_under_cc_by_4_0(partners):
    assert MethodologyFactory().licence == PublicationFactory().licence == "CC-BY-4.0"
    assert get_licence(DEFAULT_LICENCE).url == "https://creativecommons.org/licenses/by/4.0/"


def test_the_page_links_the_licence_and_says_how_to_cite_it(client, partners):
    methodology = published(title="Job coaching in a bakery",
                            published_at=timezone.make_aware(dt.datetime(2025, 11, 3, 10)))
    page = client.get(methodology.get_absolute_url()).content.decode()
    assert f'<link rel="license" {BY}>' in page  # in the head, for machines
    assert f'<a rel="license" {BY}>Attribution 4.0 International (CC BY 4.0)</a>' in page
    absolute = f"http://testserver{methodology.get_absolute_url()}"
    assert (f"{methodology.owner_partner.name}, Job coaching in a bakery, Net-Works project, "
            f"2025, {absolute}, licensed under CC BY 4.0.") in page


def test_the_printable_page_carries_the_licence_and_the_citation(client, partners):
    methodology = published(licence="CC-BY-NC-SA-4.0")
    page = client.get(reverse("methodologies:methodology_print",
                              args=[methodology.slug])).content.decode()
    assert 'rel="license" href="https://creativecommons.org/licenses/by-nc-sa/4.0/"' in page
    assert "licensed under CC BY-NC-SA 4.0." in page


def test_a_publication_is_cited_by_the_year_it_was_issued(client, partners):
    publication = PublicationFactory(title="Guidebook", status=Status.PUBLISHED,
                                     published_at=timezone.now(), issued_on=dt.date(2024, 3, 1),
                                     licence="CC0-1.0")
    page = client.get(publication.get_absolute_url()).content.decode()
    assert "Guidebook, Net-Works project, 2024, http://testserver/" in page
    assert 'rel="license" href="https://creativecommons.org/publicdomain/zero/1.0/"' in page


def test_the_form_offers_the_licences_and_refuses_another_value(client, owner):
    client.force_login(owner)
    url = reverse("methodologies:methodology_create")
    form = client.get(url).context["form"]
    assert form["licence"].value() == "CC-BY-4.0"
    assert [code for code, _name in form.fields["licence"].choices] == [
        "CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-NC-4.0", "CC-BY-NC-SA-4.0", "CC0-1.0"]
    assert "Erasmus+" in str(form.fields["licence"].help_text)
    data = {"title": "Job coaching", "language": "en"}
    response = client.post(url, {**data, "licence": "all-rights-reserved"})
    assert "licence" in response.context["form"].errors and not Methodology.objects.exists()
    client.post(url, {**data, "licence": "CC-BY-SA-4.0"})
    assert Methodology.objects.get().licence == "CC-BY-SA-4.0"


def test_an_edit_sent_without_the_licence_keeps_it(client, owner, partner_a):
    methodology = MethodologyFactory(owner_partner=partner_a, licence="CC-BY-NC-4.0")
    client.force_login(owner)
    response = client.post(reverse("methodologies:methodology_edit", args=[methodology.slug]),
                           {"title": "Renamed", "language": "en"})
    assert response.status_code == 302
    methodology.refresh_from_db()
    assert (methodology.title, methodology.licence) == ("Renamed", "CC-BY-NC-4.0")


def test_a_translation_has_its_originals_licence(client, partners, outsider, partner_b):
    original = published(licence="CC-BY-NC-4.0")
    client.force_login(outsider)
    url = reverse("methodologies:methodology_translate", args=[original.slug])
    page = client.get(url)
    assert "licence" not in page.context["form"].fields  # not asked again: shown
    assert ('under the original\'s licence: <a rel="license" '
            'href="https://creativecommons.org/licenses/by-nc/4.0/">') in page.content.decode()
    client.post(url, {"language": "sr", "owner_partner": partner_b.pk, "title": "Превод",
                      "summary": "Резиме."})
    translation = Methodology.objects.get(translation_of=original)
    assert translation.licence == "CC-BY-NC-4.0"
    # Should the original change its licence, its translations follow on their pages.
    original.licence = "CC-BY-4.0"
    original.save()
    translation.status = Status.PUBLISHED
    translation.save()
    client.logout()
    page = client.get(translation.get_absolute_url()).content.decode()
    assert f'<a rel="license" {BY}>' in page
    assert f"{original.owner_partner.name}, {partner_b.name}, Превод" in page


def test_visitors_download_the_files_of_published_items_without_logging_in(client, partners):
    methodology = published()
    attachment = Attachment(methodology=methodology, title="Handbook", language="en",
                            size=len(PDF))
    attachment.file.save("handbook.pdf", ContentFile(PDF), save=True)
    publication = PublicationFactory(status=Status.PUBLISHED)
    version = PublicationFile(publication=publication, language="en", size=len(PDF))
    version.file.save("guide.pdf", ContentFile(PDF), save=True)
    for url in (attachment.get_absolute_url(), version.get_absolute_url()):
        response = client.get(url)
        assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    methodology.status = Status.DRAFT
    methodology.save()
    assert client.get(attachment.get_absolute_url()).status_code == 404


CASES = [(name, persona) for name in EXTRA_ROWS for persona in PERSONAS]


@pytest.mark.parametrize(("name", "persona"), CASES, ids=[f"{n}-{p}" for n, p in CASES])
def test_the_files_of_drafts_stay_their_partners(client, personas, partners, name, persona):
    row = EXTRA_ROWS[name]
    found = matrix_objects(personas, partners)
    if personas[persona] is not None:
        client.force_login(personas[persona])
    response = client.get(row.url(found))
    expected = row.expect[persona]
    if expected == LOGIN:
        assert response.status_code == 302 and "login" in response.url
    else:
        assert response.status_code == expected


def test_the_feed_gives_each_entrys_licence(client, partners):
    published(title="Open one")
    published(title="Shared alike", licence="CC-BY-SA-4.0")
    xml = client.get(reverse("methodologies:feed")).content.decode()
    assert '<link href="https://creativecommons.org/licenses/by/4.0/" rel="license"/>' in xml
    assert "<rights>CC BY-SA 4.0 https://creativecommons.org/licenses/by-sa/4.0/</rights>" in xml


def test_the_demo_mixes_licences_mostly_cc_by():
    codes = [demo_licence(i) for i in range(16)]
    assert codes.count("CC-BY-4.0") == 12 and len(set(codes)) == 5
    assert Publication._meta.get_field("licence").default == "CC-BY-4.0"
