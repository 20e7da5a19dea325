"""Search that understands the portal's languages (PostgreSQL: the project's text search
configurations with unaccent and the stemmers; SQLite keeps a plain fallback).

Accents are ignored both ways, words are stemmed in the record's language, the names of a
record's tags are searched in every interface language, an original is found by the words of its
published translations, and a search that finds nothing proposes the closest words."""

import pytest
from django.db import connection
from django.urls import reverse

from methodologies.models import Methodology
from methodologies.search import SEARCH, search_methodologies
from netw import search
from netw.workflow import Status
from tests.methodologies.factories import MethodologyFactory
from tests.sustainability.factories import GoodPracticeFactory

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="language-aware search needs PostgreSQL (SQLite searches plainly); CI runs it there")


def _found(text: str) -> set[str]:
    return set(search_methodologies(Methodology.objects.published(), text)
               .values_list("title", flat=True))


@pytest.fixture
def inventory(partners):
    return {
        "pt": MethodologyFactory(status=Status.PUBLISHED, language="pt",
                                 title="Formação em contexto de trabalho",
                                 summary="Formações práticas para adultos desempregados."),
        "hu": MethodologyFactory(status=Status.PUBLISHED, language="hu",
                                 title="Munkahelyi képzés hátrányos helyzetű felnőtteknek",
                                 summary="Gyakorlati képzések szociális szövetkezetben."),
        "en": MethodologyFactory(status=Status.PUBLISHED, language="en",
                                 title="Job coaching on the shop floor",
                                 summary="Trainees learn by working on real orders.",
                                 target_groups=["roma"]),
        "draft": MethodologyFactory(status=Status.DRAFT, language="en",
                                    title="Secret training plan"),
    }


@postgres_only
@pytest.mark.parametrize("text, title", [
    ("formacao", "Formação em contexto de trabalho"),        # accents ignored in the query
    ("FORMAÇÃO", "Formação em contexto de trabalho"),
    ("kepzes", "Munkahelyi képzés hátrányos helyzetű felnőtteknek"),
    ("felnottek", "Munkahelyi képzés hátrányos helyzetű felnőtteknek"),  # a prefix, unaccented
])
def test_accents_are_ignored_both_ways(inventory, text, title):
    assert title in _found(text)


@postgres_only
@pytest.mark.parametrize("text, title", [
    ("coaches", "Job coaching on the shop floor"),                       # English stem
    ("formações", "Formação em contexto de trabalho"),                   # Portuguese stem
    ("képzések", "Munkahelyi képzés hátrányos helyzetű felnőtteknek"),   # Hungarian stem
])
def test_words_are_stemmed_in_the_records_language(inventory, text, title):
    assert title in _found(text)


@postgres_only
def test_every_word_must_match_and_drafts_stay_hidden(inventory):
    assert _found("formação adultos") == {"Formação em contexto de trabalho"}
    assert _found("formação képzés") == set()
    assert "Secret training plan" not in _found("secret")


@postgres_only
def test_a_tag_word_finds_every_record_tagged_with_it_in_any_language(inventory):
    assert _found("Roma") == {"Job coaching on the shop floor"}
    assert _found("romák") == {"Job coaching on the shop floor"}  # the Hungarian name of the tag
    inventory["pt"].target_groups.add(*inventory["en"].target_groups.all())
    assert _found("roma") == {"Job coaching on the shop floor", "Formação em contexto de trabalho"}
    inventory["en"].target_groups.clear()
    assert _found("roma") == {"Formação em contexto de trabalho"}


@postgres_only
def test_good_practices_search_their_tags_too(partners):
    practice = GoodPracticeFactory(status=Status.PUBLISHED, title="Tienda solidaria")
    practice.target_groups.set(Methodology.target_groups.field.related_model.objects.filter(
        code="roma"))
    from sustainability.models import PRACTICE_SEARCH, GoodPractice

    found = search.ranked_search(GoodPractice.objects.published(), "Roma", PRACTICE_SEARCH)
    assert list(found) == [practice]


@postgres_only
def test_a_search_with_no_result_suggests_the_closest_words(inventory):
    published = Methodology.objects.published()
    assert search.suggestion(published, "coachnig", SEARCH) == "coaching"
    assert search.suggestion(published, "shop flor", SEARCH) == "shop floor"
    assert search.suggestion(published, "zzzzqqq", SEARCH) == ""
    assert search.suggestion(published, "secrte", SEARCH) == ""  # only from what may be seen


def test_the_inventory_page_offers_the_suggestion_as_a_link(client, inventory):
    page = client.get(reverse("methodologies:methodology_list"), {"q": "coachnig"})
    assert page.status_code == 200
    assert "Did you mean" in page.text and "?q=coaching" in page.text
    page = client.get(reverse("methodologies:methodology_list"), {"q": "coaching"})
    assert "Did you mean" not in page.text


@postgres_only
@pytest.mark.parametrize("text", ["'", "a:* & b", "&|!()", "x" * 10_000, "\\", "formação:*",
                                  "<script>", "1 2 3 4 5 6 7 8 9 10 11"])
def test_hostile_queries_are_only_words(client, inventory, text):
    page = client.get(reverse("methodologies:methodology_list"), {"q": text})
    assert page.status_code == 200


@postgres_only
def test_the_projects_configurations_stem_without_accents(db):
    assert set(search.STEMMED_CONFIGS) == {"en", "fr", "hu", "it", "pt"}
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('netw_portuguese', 'Formações')::text")
        (vector,) = cursor.fetchone()
    assert "ç" not in vector and "õ" not in vector


@postgres_only
def test_an_original_is_found_by_the_words_of_its_published_translation(inventory, partners):
    original = inventory["en"]
    hungarian = MethodologyFactory(status=Status.PUBLISHED, language="hu",
                                   translation_of=original, title="Munkahelyi mentorálás",
                                   summary="Mentorok kísérik a résztvevőket.")
    MethodologyFactory(status=Status.DRAFT, language="pt", translation_of=original,
                       title="Xilofonia secreta", summary="Rascunho.")
    found = search_methodologies(Methodology.objects.published().filter(
        translation_of__isnull=True), "mentorálás")
    assert list(found) == [original]
    assert hungarian.pk  # the translation itself is a record of its own
    assert not search_methodologies(Methodology.objects.published().filter(
        translation_of__isnull=True), "xilofonia").exists()  # a draft translation finds nothing
