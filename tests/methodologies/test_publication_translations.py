"""A publication's record (title, summary) in several languages (netw/translations.py); its
files per language stay the original's."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from methodologies.models import Publication, PublicationFile
from netw.workflow import Status
from tests.methodologies.factories import PublicationFactory

pytestmark = pytest.mark.django_db

LIST = reverse("methodologies:publication_list")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def hungarian(client):
    client.cookies["django_language"] = "hu"
    return client


def translate(original, language="hu", status=Status.PUBLISHED, **kwargs):
    return PublicationFactory(
        translation_of=original, language=language, status=status,
        owner_partner=kwargs.pop("owner_partner", original.owner_partner),
        title=kwargs.pop("title", f"Útmutató a külső kommunikációhoz ({language})"),
        summary="Hogyan mondják el történetüket.", **kwargs)


@pytest.fixture
def original(partners):
    publication = PublicationFactory(title="Guidebook on communication", status=Status.PUBLISHED)
    version = PublicationFile(publication=publication, language="en", size=len(PDF))
    version.file.save("guidebook.pdf", ContentFile(PDF), save=True)
    return publication


def test_a_hungarian_visitor_reads_the_hungarian_record_with_the_originals_files(client,
                                                                                  original):
    hu = translate(original)
    response = hungarian(client).get(original.get_absolute_url())
    assert response.status_code == 302 and response.url == hu.get_absolute_url()
    page = client.get(hu.get_absolute_url()).content.decode()
    assert '<h1 lang="hu">Útmutató a külső kommunikációhoz (hu)</h1>' in page
    assert '<div lang="hu"><p>Hogyan mondják el történetüket.</p>' in page
    assert reverse("methodologies:publication_file_download", args=[original.slug, "en"]) in page


def test_the_original_with_a_note_when_the_hungarian_record_is_a_draft(client, original):
    translate(original, status=Status.DRAFT)
    page = hungarian(client).get(original.get_absolute_url()).content.decode()
    assert '<h1 lang="en">Guidebook on communication</h1>' in page
    assert 'class="meta written-in"' in page
    assert "Útmutató" not in page


def test_the_list_shows_originals_through_the_viewers_version_in_bounded_queries(client,
                                                                                  partners):
    hungarian(client)

    def queries(count):
        for _ in range(count):
            record = PublicationFactory(status=Status.PUBLISHED)
            translate(record)
            translate(record, "sk", status=Status.DRAFT)
        with CaptureQueriesContext(connection) as captured:
            page = client.get(LIST).content.decode()
        assert page.count('lang="hu">Útmutató') == Publication.objects.originals().count()
        return len(captured)

    assert queries(1) == queries(4)


def test_a_translation_starts_from_the_original_and_belongs_to_the_translator(
        client, original, outsider, partner_b):
    client.force_login(outsider)
    url = reverse("methodologies:publication_translate", args=[original.slug])
    form = client.get(url).context["form"]
    assert form.initial["summary"] == original.summary
    response = client.post(url, {"language": "mk", "owner_partner": partner_b.pk,
                                 "title": "Водич", "summary": "Резиме."})
    translation = Publication.objects.get(translation_of=original)
    assert response.status_code == 302
    assert (translation.owner_partner, translation.status) == (partner_b, Status.DRAFT)
    # Its own workflow: submitted without files of its own (they are the original's).
    client.post(reverse("methodologies:publication_submit", args=[translation.slug]))
    translation.refresh_from_db()
    assert translation.status == Status.SUBMITTED
