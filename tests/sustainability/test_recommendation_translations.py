"""Policy recommendations in several languages (netw/translations.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from netw.workflow import Status
from sustainability.models import Recommendation
from tests.sustainability.factories import RecommendationFactory, UptakeStepFactory

pytestmark = pytest.mark.django_db

LIST = reverse("sustainability:recommendation_list")


def hungarian(client):
    client.cookies["django_language"] = "hu"
    return client


def translate(original, language="hu", status=Status.PUBLISHED, **kwargs):
    return RecommendationFactory(
        translation_of=original, language=language, status=status,
        owner_partner=kwargs.pop("owner_partner", original.owner_partner),
        title=kwargs.pop("title", f"Szerződések fenntartása ({language})"),
        summary="Az önkormányzatok tartsanak fenn szerződéseket.", **kwargs)


@pytest.fixture
def original(partners):
    return RecommendationFactory(title="Reserve public contracts", status=Status.PUBLISHED)


def test_a_hungarian_visitor_reads_the_published_hungarian_recommendation(client, original):
    hu = translate(original, text="Tartsanak fenn részeket.")
    response = hungarian(client).get(original.get_absolute_url())
    assert response.status_code == 302 and response.url == hu.get_absolute_url()
    page = client.get(hu.get_absolute_url()).content.decode()
    assert '<h1 lang="hu">Szerződések fenntartása (hu)</h1>' in page
    assert '<div lang="hu"><p>Tartsanak fenn részeket.</p>' in page
    assert "Translation of" in page or "translation-of" in page


def test_the_original_with_a_note_when_the_hungarian_one_is_a_draft(client, original):
    translate(original, status=Status.DRAFT)
    page = hungarian(client).get(original.get_absolute_url()).content.decode()
    assert '<h1 lang="en">Reserve public contracts</h1>' in page
    assert 'class="meta written-in"' in page


def test_a_translation_shows_the_originals_uptake_and_records_none_of_its_own(client, original,
                                                                             outsider):
    UptakeStepFactory(recommendation=original, owner_partner=original.owner_partner)
    sr = translate(original, "sr", owner_partner=outsider.memberships.get().partner)
    client.force_login(outsider)
    page = client.get(sr.get_absolute_url()).content.decode()
    assert reverse("sustainability:uptake_create", args=[original.slug]) in page
    assert client.get(reverse("sustainability:uptake_create", args=[sr.slug])).status_code == 403
    matrix = client.get(reverse("sustainability:uptake_matrix")).content.decode()
    assert sr.title not in matrix and original.title in matrix


def test_the_list_shows_originals_only_in_bounded_queries(client, partners):
    hungarian(client)

    def queries(count):
        for _ in range(count):
            record = RecommendationFactory(status=Status.PUBLISHED)
            translate(record, "hu")
            translate(record, "sk", status=Status.DRAFT)
        with CaptureQueriesContext(connection) as captured:
            page = client.get(LIST).content.decode()
        assert page.count('lang="hu">Szerződések') == Recommendation.objects.originals().count()
        return len(captured)

    assert queries(1) == queries(4)


def test_a_translation_starts_from_the_original_and_belongs_to_the_translator(
        client, original, outsider, partner_b):
    client.force_login(outsider)
    url = reverse("sustainability:recommendation_translate", args=[original.slug])
    form = client.get(url).context["form"]
    assert form.initial["text"] == original.text
    response = client.post(url, {"language": "sr", "owner_partner": partner_b.pk,
                                 "title": "Резервисати уговоре", "summary": "Резиме.",
                                 "text": "Текст."})
    translation = Recommendation.objects.get(translation_of=original)
    assert response.status_code == 302
    assert (translation.owner_partner, translation.status) == (partner_b, Status.DRAFT)
    assert client.get(reverse("sustainability:recommendation_translate",
                              args=[translation.slug])).status_code == 403
