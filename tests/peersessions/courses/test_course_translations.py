"""A course in several languages (netw/translations.py): a translation is a course of its own
(its modules and lessons, its partner, its review) linked to the original; the catalogue lists
originals, each through the viewer's language's published version."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from netw.workflow import Status
from peersessions.models import Course, Enrolment
from tests.peersessions.courses.factories import (
    CourseFactory,
    EnrolmentFactory,
    LessonFactory,
    ModuleFactory,
    published_course,
)

pytestmark = pytest.mark.django_db

CATALOGUE = reverse("peersessions:course_list")


def hungarian(client):
    client.cookies["django_language"] = "hu"
    return client


def translate(original, language="hu", status=Status.PUBLISHED, **kwargs):
    course = CourseFactory(
        translation_of=original, language=language, status=status,
        owner_partner=kwargs.pop("owner_partner", original.owner_partner),
        title=kwargs.pop("title", f"Hálózatok építése ({language})"),
        summary="Hogyan nőnek a szolgáltatók hálózatai.", **kwargs)
    LessonFactory(module=ModuleFactory(course=course, title="Első modul"), title="Első lecke")
    return course


@pytest.fixture
def original(partners):
    return published_course(title="Building networks", language="en")


def test_a_hungarian_visitor_reads_the_published_hungarian_course(client, original):
    hu = translate(original)
    page = hungarian(client).get(CATALOGUE).content.decode()
    assert f'href="{hu.get_absolute_url()}" hreflang="hu" lang="hu">Hálózatok építése (hu)' in page
    assert "Building networks" not in page
    response = client.get(original.get_absolute_url())
    assert response.status_code == 302 and response.url == hu.get_absolute_url()
    page = client.get(hu.get_absolute_url()).content.decode()
    assert '<h1 lang="hu">Hálózatok építése (hu)</h1>' in page
    assert '<h3 lang="hu">Első modul</h3>' in page  # its own modules, not the original's
    assert 'class="meta translation-of"' in page
    # The languages box links the original as such, in its language.
    assert f'href="{original.get_absolute_url()}?original=1" hreflang="en" lang="en"' in page


def test_the_original_with_a_note_when_the_hungarian_course_is_a_draft(client, original):
    translate(original, status=Status.DRAFT)
    assert hungarian(client).get(original.get_absolute_url()).status_code == 200
    page = client.get(original.get_absolute_url()).content.decode()
    assert '<h1 lang="en">Building networks</h1>' in page
    assert 'class="meta written-in"' in page
    assert "Hálózatok" not in page
    assert "Hálózatok" not in client.get(CATALOGUE).content.decode()


@pytest.mark.parametrize("persona", ["anonymous", "member_b", "learner"])
def test_a_draft_translation_is_invisible_to_others(client, original, personas, persona):
    draft = translate(original, status=Status.DRAFT)
    if personas[persona] is not None:
        client.force_login(personas[persona])
    detail = reverse("peersessions:course_detail", args=[draft.slug])
    assert client.get(detail).status_code == 404
    assert client.get(reverse("peersessions:course_author_detail", args=[draft.slug])
                      ).status_code in (302, 403, 404)
    hungarian(client)
    assert "Hálózatok" not in client.get(CATALOGUE).content.decode()
    assert "Hálózatok" not in client.get(original.get_absolute_url()).content.decode()


def test_the_draft_translation_is_listed_for_its_authors(client, original, owner):
    translate(original, status=Status.DRAFT)
    client.force_login(owner)
    page = client.get(original.get_absolute_url()).content.decode()
    assert 'lang="hu">Hálózatok építése (hu)</a>' in page


def test_the_authors_page_lists_the_translations_and_offers_one_more(client, original, owner):
    draft = translate(original, status=Status.DRAFT)
    client.force_login(owner)
    page = client.get(reverse("peersessions:course_author_detail", args=[original.slug])
                      ).content.decode()
    assert f'href="{draft.get_absolute_url()}" hreflang="hu" lang="hu"' in page
    assert reverse("peersessions:course_translate", args=[original.slug]) in page
    page = client.get(draft.get_absolute_url()).content.decode()
    assert '<h1 lang="hu">Hálózatok építése (hu)</h1>' in page
    assert 'class="meta translation-of"' in page


def test_a_learner_enrolled_in_the_original_stays_on_it(client, original, mooc_learner):
    translate(original)
    EnrolmentFactory(course=original, learner=mooc_learner)
    client.force_login(mooc_learner)
    response = hungarian(client).get(original.get_absolute_url())
    assert response.status_code == 200
    assert response.context["enrolment"].course == original


def test_a_learner_enrols_in_the_version_they_read(client, original, mooc_learner):
    hu = translate(original)
    client.force_login(mooc_learner)
    client.post(reverse("peersessions:course_enrol", args=[hu.slug]))
    assert list(Enrolment.objects.filter(learner=mooc_learner).values_list("course", flat=True)
                ) == [hu.pk]


def test_the_catalogue_shows_originals_in_bounded_queries(client, partners):
    hungarian(client)

    def queries(count):
        for _ in range(count):
            record = published_course()
            translate(record)
            translate(record, "sk", status=Status.DRAFT)
        with CaptureQueriesContext(connection) as captured:
            page = client.get(CATALOGUE).content.decode()
        assert page.count('lang="hu">Hálózatok építése') == Course.objects.originals().count()
        return len(captured)

    assert queries(1) == queries(4)


def test_the_catalogues_language_filter_finds_translated_courses(client, original):
    translate(original)
    page = client.get(CATALOGUE, {"language": "hu"}).content.decode()
    assert "1 course" in page
    assert client.get(CATALOGUE, {"language": "sk"}).context["count"] == 0


def test_a_translation_starts_from_the_original_and_belongs_to_the_translator(
        client, original, outsider, partner_b):
    client.force_login(outsider)
    url = reverse("peersessions:course_translate", args=[original.slug])
    response = client.get(url)
    assert response.context["form"].initial["summary"] == original.summary
    assert "modules and lessons" in response.content.decode()
    response = client.post(url, {"language": "mk", "owner_partner": partner_b.pk,
                                 "title": "Градење мрежи", "summary": "Резиме.",
                                 "outcomes": "Опиши ги услугите"})
    translation = Course.objects.get(translation_of=original)
    assert response.status_code == 302
    assert (translation.owner_partner, translation.status) == (partner_b, Status.DRAFT)
    assert translation.modules.count() == 0  # written by the translator, not copied
    # Its own workflow: no lesson yet, so it cannot be submitted.
    client.post(reverse("peersessions:course_submit", args=[translation.slug]))
    translation.refresh_from_db()
    assert translation.status == Status.DRAFT
    LessonFactory(module=ModuleFactory(course=translation))
    client.post(reverse("peersessions:course_submit", args=[translation.slug]))
    translation.refresh_from_db()
    assert translation.status == Status.SUBMITTED


@pytest.mark.parametrize("language", ["hu", "en"])
def test_a_duplicate_language_is_refused(client, original, owner, language):
    translate(original, status=Status.DRAFT)
    client.force_login(owner)
    response = client.post(reverse("peersessions:course_translate", args=[original.slug]),
                           {"language": language, "owner_partner": original.owner_partner_id,
                            "title": "Again", "summary": "Again."})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert Course.objects.filter(translation_of=original).count() == 1


def test_a_translation_is_not_translated_again(client, original, owner):
    hu = translate(original)
    client.force_login(owner)
    url = reverse("peersessions:course_translate", args=[hu.slug])
    assert client.get(url).status_code == 403
    page = client.get(hu.get_absolute_url()).content.decode()
    assert url not in page


def test_a_learner_may_not_translate(client, original, mooc_learner):
    client.force_login(mooc_learner)
    url = reverse("peersessions:course_translate", args=[original.slug])
    assert client.get(url).status_code == 403
    assert url not in client.get(original.get_absolute_url()).content.decode()
