"""Good practices in several languages (netw/translations.py): the repertoire's side."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from netw.workflow import Status
from sustainability.models import GoodPractice
from tests.sustainability.factories import GoodPracticeFactory

pytestmark = pytest.mark.django_db

LIST = reverse("sustainability:goodpractice_list")


def hungarian(client):
    client.cookies["django_language"] = "hu"
    return client


def translate(original, language="hu", status=Status.PUBLISHED, **kwargs):
    return GoodPracticeFactory(
        translation_of=original, language=language, status=status,
        owner_partner=kwargs.pop("owner_partner", original.owner_partner),
        title=kwargs.pop("title", f"Használtcikk-bolt ({language})"),
        summary=kwargs.pop("summary", "A bolt árrése fizeti a coachot."), **kwargs)


@pytest.fixture
def original(partners):
    return GoodPracticeFactory(title="A second-hand shop", status=Status.PUBLISHED)


def test_a_hungarian_visitor_reads_the_published_hungarian_practice(client, original):
    hu = translate(original, how_it_works="Az adományokat javítják és eladják.")
    response = hungarian(client).get(original.get_absolute_url())
    assert response.status_code == 302 and response.url == hu.get_absolute_url()
    page = client.get(hu.get_absolute_url()).content.decode()
    assert '<h1 lang="hu">Használtcikk-bolt (hu)</h1>' in page
    assert '<div lang="hu"><p>Az adományokat javítják és eladják.</p>' in page
    assert "written-in" not in page
    # The facts are the original's (the translation's own copy is not shown).
    assert "Portugália" in page


def test_a_hungarian_visitor_reads_the_original_with_a_note_when_hu_is_a_draft(client,
                                                                                original):
    translate(original, status=Status.DRAFT)
    response = hungarian(client).get(original.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert '<h1 lang="en">A second-hand shop</h1>' in page
    assert 'class="meta written-in"' in page and "Angol" in page
    assert "Használtcikk-bolt" not in page


def test_the_list_shows_each_original_once_through_the_viewers_version(client, original):
    hu = translate(original)
    translate(original, "pt")
    page = hungarian(client).get(LIST).content.decode()
    assert f'<a href="{hu.get_absolute_url()}" hreflang="hu" lang="hu">' in page
    assert page.count('class="card result') == 1
    assert "A second-hand shop" not in page


def test_the_partner_counts_leave_translations_out(client, original):
    translate(original, "hu")
    translate(original, "pt")
    page = client.get(LIST).content.decode()
    assert "A3S: 1 good practice" in page


def _list_queries(client, count):
    for _ in range(count):
        record = GoodPracticeFactory(status=Status.PUBLISHED)
        translate(record, "hu")
        translate(record, "sk", status=Status.DRAFT)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(LIST).status_code == 200
    return len(queries)


def test_the_list_takes_as_many_queries_for_five_practices_as_for_one(client, partners):
    hungarian(client)
    assert _list_queries(client, 1) == _list_queries(client, 4)


def test_the_languages_box_lists_versions_and_missing_languages(client, original, outsider):
    hu = translate(original)
    client.force_login(outsider)
    page = client.get(original.get_absolute_url()).content.decode()
    box = page[page.index('class="panel languages-box'):]
    box = box[:box.index("</aside>")]
    assert f'href="{hu.get_absolute_url()}" hreflang="hu" lang="hu"' in box
    assert "Portuguese" in box and "French" in box
    assert reverse("sustainability:goodpractice_translate", args=[original.slug]) in box


def test_a_translation_starts_from_the_original_and_belongs_to_the_translator(
        client, original, outsider, partner_b):
    client.force_login(outsider)
    url = reverse("sustainability:goodpractice_translate", args=[original.slug])
    form = client.get(url).context["form"]
    assert form.initial["how_it_works"] == original.how_it_works
    assert "en" not in [code for code, _name in form.fields["language"].choices]
    response = client.post(url, {"language": "sr", "owner_partner": partner_b.pk,
                                 "title": "Продавница половне робе", "summary": "Резиме."})
    translation = GoodPractice.objects.get(translation_of=original)
    assert response.status_code == 302
    assert (translation.owner_partner, translation.status) == (partner_b, Status.DRAFT)


def test_a_translation_is_submitted_and_published_like_the_original(client, original, outsider,
                                                                    coordinator, partner_b):
    hu = translate(original, status=Status.DRAFT, owner_partner=partner_b,
                   problem="", how_it_works="", results="", transferability="")
    client.force_login(outsider)
    client.post(reverse("sustainability:goodpractice_submit", args=[hu.slug]))
    hu.refresh_from_db()
    assert hu.status == Status.DRAFT  # the translated texts are missing
    hu.problem = hu.how_it_works = hu.results = hu.transferability = "Lefordítva."
    hu.save()
    client.post(reverse("sustainability:goodpractice_submit", args=[hu.slug]))
    client.force_login(coordinator)
    client.post(reverse("sustainability:goodpractice_review", args=[hu.slug]),
                {"decision": "publish", "comment": "", "confirm_public": "on"})
    hu.refresh_from_db()
    assert hu.status == Status.PUBLISHED


def test_another_partners_draft_translation_stays_hidden(client, original, outsider):
    translate(original, "pt", status=Status.DRAFT, title="Loja em rascunho")
    client.force_login(outsider)
    assert "Loja em rascunho" not in client.get(original.get_absolute_url()).content.decode()
    assert "Loja em rascunho" not in client.get(LIST).content.decode()
    assert "Loja em rascunho" not in client.get(
        reverse("sustainability:goodpractice_workspace")).content.decode()
