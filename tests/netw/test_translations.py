"""Records in several languages (netw/languages.py, netw/translations.py), through the
methodology inventory: the first model that uses them."""

import re

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import ProtectedError
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from methodologies.models import Methodology
from netw.languages import bcp47, record_language_choices
from netw.translations import (
    best_version,
    check_translation,
    language_versions,
    missing_languages,
    with_best_versions,
)
from netw.workflow import Status
from tests.methodologies.factories import MethodologyFactory
from tests.sitemap import sitemap_text

pytestmark = pytest.mark.django_db

LIST = reverse("methodologies:methodology_list")


def hungarian(client):
    client.cookies["django_language"] = "hu"
    return client


def translate(original, language="hu", status=Status.PUBLISHED, **kwargs):
    return MethodologyFactory(
        translation_of=original, language=language, status=status,
        owner_partner=kwargs.pop("owner_partner", original.owner_partner),
        title=kwargs.pop("title", f"Munkában tanulás ({language})"),
        summary=kwargs.pop("summary", "Magyar összefoglaló."), **kwargs)


@pytest.fixture
def original(partners):
    return MethodologyFactory(title="Learning by doing", status=Status.PUBLISHED)


# --- Languages --------------------------------------------------------------------------------


def test_record_languages_go_beyond_the_interface_and_start_with_the_projects():
    codes = [code for code, _name in record_language_choices()]
    assert codes[:5] == ["en", "hu", "mk", "pt", "sr"]
    for code in ("sq", "bs", "uk", "rom", "de", "pl", "sr-latn"):
        assert code in codes


def test_language_names_are_in_the_viewers_language():
    with translation.override("hu"):
        names = dict(record_language_choices())
    assert names["en"] == "Angol"
    assert names["de"] == "Német"


def test_tags_take_the_bcp47_casing():
    assert bcp47("sr-latn") == "sr-Latn"
    assert bcp47("pt-br") == "pt-BR"
    assert bcp47("hu") == "hu"


def test_values_stored_before_stay_valid(original):
    original.language = "sr-latn"
    original.full_clean()


# --- Rules ------------------------------------------------------------------------------------


def test_a_translation_cannot_be_translated(original):
    hu = translate(original)
    with pytest.raises(ValidationError):
        check_translation(hu, "pt")


def test_a_language_cannot_be_added_twice_nor_the_originals(original):
    translate(original, "hu", status=Status.DRAFT)
    with pytest.raises(ValidationError):
        check_translation(original, "hu")
    with pytest.raises(ValidationError):
        check_translation(original, "en")
    check_translation(original, "sq")  # Albanian: not an interface language


def test_the_database_refuses_a_second_translation_in_one_language(original):
    translate(original, "hu")
    with pytest.raises(IntegrityError), transaction.atomic():
        translate(original, "hu", slug="second-hungarian")


def test_deleting_an_original_does_not_wipe_its_translations(original):
    translate(original, "hu")
    with pytest.raises(ProtectedError), transaction.atomic():
        original.delete()
    assert Methodology.objects.filter(translation_of=original).exists()


# --- Versions ---------------------------------------------------------------------------------


def test_best_version_is_the_published_translation_in_the_viewers_language(original):
    hu = translate(original, "hu")
    assert best_version(original, "hu", None) == hu
    assert best_version(hu, "en", None) == original
    assert best_version(original, "pt", None) == original


def test_a_draft_translation_is_not_the_best_version(original):
    translate(original, "hu", status=Status.DRAFT)
    assert best_version(original, "hu", None) == original


def test_other_partners_draft_translations_are_not_among_the_versions(original, partners,
                                                                      outsider, owner):
    draft = translate(original, "pt", status=Status.DRAFT, owner_partner=partners["a3s"])
    assert draft not in language_versions(original, outsider)
    assert draft in language_versions(original, owner)
    assert "pt" in missing_languages(original, outsider)
    assert "pt" not in missing_languages(original, owner)


def test_missing_languages_are_the_interface_languages_without_a_version(original):
    translate(original, "hu")
    missing = missing_languages(original)
    assert "hu" not in missing and "en" not in missing
    assert {"fr", "it", "mk", "pt", "sk", "sr", "sr-latn"} <= set(missing)


def test_best_versions_of_a_page_take_one_query_whatever_their_number(partners):
    originals = [MethodologyFactory(status=Status.PUBLISHED) for _ in range(4)]
    for record in originals:
        translate(record, "hu")
        translate(record, "pt")
    with translation.override("hu"), CaptureQueriesContext(connection) as queries:
        rows = with_best_versions(Methodology.objects.filter(pk__in=[o.pk for o in originals]),
                                  None)
    assert len(queries) == 2  # the page, then every translation of it
    assert all(row.shown.language == "hu" for row in rows)


# --- Pages ------------------------------------------------------------------------------------


def _list_queries(client, count):
    for _ in range(count):
        record = MethodologyFactory(status=Status.PUBLISHED)
        translate(record, "hu")
        translate(record, "sk", status=Status.DRAFT)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(LIST).status_code == 200
    return len(queries)


def test_the_list_takes_as_many_queries_for_five_records_as_for_one(client, partners):
    hungarian(client)
    one = _list_queries(client, 1)
    five = _list_queries(client, 4)
    assert one == five


def test_the_list_shows_originals_through_the_hungarian_version(client, original):
    translate(original, "hu", title="Tanulás munka közben")
    page = hungarian(client).get(LIST).content.decode()
    url = original.translations.get().get_absolute_url()
    assert f'<a href="{url}" hreflang="hu" lang="hu">Tanulás munka közben</a>' in page
    assert "Learning by doing" not in page


def test_the_list_shows_the_original_when_the_hungarian_one_is_a_draft(client, original):
    translate(original, "hu", status=Status.DRAFT, title="Tanulás munka közben")
    page = hungarian(client).get(LIST).content.decode()
    assert 'lang="en">Learning by doing</a>' in page
    assert "Tanulás munka közben" not in page


def test_a_hungarian_visitor_reads_the_published_hungarian_version(client, original):
    hu = translate(original, "hu", title="Tanulás munka közben")
    response = hungarian(client).get(original.get_absolute_url())
    assert response.status_code == 302 and response.url == hu.get_absolute_url()
    page = client.get(hu.get_absolute_url()).content.decode()
    assert '<h1 lang="hu">Tanulás munka közben</h1>' in page
    assert "written-in" not in page
    # A translation links back to its original, which shows itself when asked for.
    assert f'href="{original.get_absolute_url()}?original=1" hreflang="en" lang="en"' in page
    assert client.get(original.get_absolute_url() + "?original=1").status_code == 200


def test_its_authors_stay_on_the_original_whatever_their_language(client, original, owner):
    translate(original, "hu")
    client.force_login(owner)
    response = hungarian(client).get(original.get_absolute_url())
    assert response.status_code == 200
    assert '<h1 lang="en">Learning by doing</h1>' in response.content.decode()


def test_a_hungarian_visitor_reads_the_original_with_a_note_when_hu_is_a_draft(client,
                                                                                original):
    translate(original, "hu", status=Status.DRAFT, title="Tanulás munka közben")
    response = hungarian(client).get(original.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert '<h1 lang="en">Learning by doing</h1>' in page
    assert re.search(r'class="meta written-in"[^>]*>Nyelve: angol\.', page)  # "Written in English"
    assert "Tanulás munka közben" not in page


def test_every_block_of_record_text_carries_the_language_shown(client, original):
    hu = translate(original, "hu", body="Négy nap a műhelyben.", problem="Nincs tapasztalat.")
    page = hungarian(client).get(hu.get_absolute_url()).content.decode()
    assert '<div lang="hu"><p>Négy nap a műhelyben.</p>' in page
    assert '<p class="lead" lang="hu">Magyar összefoglaló.</p>' in page
    english = client.get(original.get_absolute_url() + "?original=1").content.decode()
    assert '<p class="lead" lang="en">' in english


def test_the_languages_box_lists_versions_and_missing_languages(client, original):
    hu = translate(original, "hu")
    page = client.get(original.get_absolute_url()).content.decode()
    box = page[page.index('class="panel languages-box'):]
    box = box[:box.index("</aside>")]
    assert f'href="{hu.get_absolute_url()}" hreflang="hu" lang="hu"' in box
    assert "Portuguese" in box and "Slovak" in box  # not translated yet
    assert "Hungarian, original" not in box and "Add a translation" not in box
    # On SITE_URL, like the canonical address, whatever host the request came by.
    assert (f'<link rel="alternate" hreflang="hu" '
            f'href="{settings.SITE_URL}{hu.get_absolute_url()}">') in page


def test_partners_staff_are_offered_to_translate_a_published_methodology(client, original,
                                                                         outsider):
    client.force_login(outsider)
    page = client.get(original.get_absolute_url()).content.decode()
    assert reverse("methodologies:methodology_translate", args=[original.slug]) in page


def test_a_translation_starts_from_the_originals_text_without_its_languages(client, original,
                                                                            outsider):
    translate(original, "hu", status=Status.DRAFT)
    client.force_login(outsider)
    response = client.get(reverse("methodologies:methodology_translate", args=[original.slug]))
    form = response.context["form"]
    assert form.initial["title"] == "Learning by doing"
    assert form.initial["body"] == original.body
    choices = [code for code, _name in form.fields["language"].choices]
    assert "en" not in choices and "hu" not in choices and "sq" in choices


def test_creating_a_translation_makes_a_draft_of_the_translators_partner(client, original,
                                                                         outsider, partner_b):
    client.force_login(outsider)
    response = client.post(
        reverse("methodologies:methodology_translate", args=[original.slug]),
        {"language": "sr", "owner_partner": partner_b.pk, "title": "Учење кроз рад",
         "summary": "Резиме.", "body": "Текст."})
    translation_ = Methodology.objects.get(translation_of=original)
    assert response.status_code == 302 and response.url == translation_.get_absolute_url()
    assert translation_.owner_partner == partner_b and translation_.status == Status.DRAFT
    assert translation_.language == "sr"


def test_a_language_already_there_is_refused(client, original, outsider, partner_b):
    translate(original, "hu", status=Status.DRAFT)
    client.force_login(outsider)
    response = client.post(
        reverse("methodologies:methodology_translate", args=[original.slug]),
        {"language": "hu", "owner_partner": partner_b.pk, "title": "Második"})
    assert response.status_code == 200 and response.context["form"].errors
    assert Methodology.objects.filter(translation_of=original).count() == 1


def test_a_translation_cannot_be_translated_through_the_page(client, original, owner):
    hu = translate(original, "hu")
    client.force_login(owner)
    response = client.get(reverse("methodologies:methodology_translate", args=[hu.slug]))
    assert response.status_code == 403


def test_a_translation_is_reviewed_like_the_original(client, original, outsider, coordinator,
                                                     partner_b):
    hu = translate(original, "hu", status=Status.DRAFT, owner_partner=partner_b)
    client.force_login(outsider)
    response = client.post(reverse("methodologies:methodology_submit", args=[hu.slug]))
    hu.refresh_from_db()
    assert response.status_code == 302 and hu.status == Status.SUBMITTED
    client.force_login(coordinator)
    client.post(reverse("methodologies:methodology_review", args=[hu.slug]),
                {"decision": "publish", "comment": "", "confirm_public": "on"})
    hu.refresh_from_db()
    assert hu.status == Status.PUBLISHED


@pytest.mark.parametrize(("persona", "sees"), [
    ("anonymous", False), ("member_a", True), ("member_b", False), ("lead", False),
    ("coordinator", True), ("learner", False)])
def test_draft_translations_follow_the_rules_of_drafts(client, original, personas, persona,
                                                        sees):
    draft = translate(original, "pt", status=Status.DRAFT, title="Aprender fazendo (rascunho)")
    if personas[persona] is not None:
        client.force_login(personas[persona])
    assert (client.get(draft.get_absolute_url()).status_code == 200) is sees
    page = client.get(original.get_absolute_url()).content.decode()
    assert ("Aprender fazendo (rascunho)" in page) is sees
    assert "Aprender fazendo (rascunho)" not in client.get(LIST).content.decode()


def test_sitemap_lists_published_translations_with_their_own_address(client, original):
    hu = translate(original, "hu")
    draft = translate(original, "pt", status=Status.DRAFT)
    sitemap = sitemap_text(client)
    assert hu.get_absolute_url() in sitemap and draft.get_absolute_url() not in sitemap


def test_the_language_filter_finds_originals_readable_in_that_language(client, original,
                                                                        partners):
    translate(original, "hu", title="Tanulás munka közben")
    drafted = MethodologyFactory(title="Only drafted in Hungarian", status=Status.PUBLISHED)
    translate(drafted, "hu", status=Status.DRAFT, title="Piszkozat")
    page = client.get(LIST, {"language": "hu"}).content.decode()
    assert "Learning by doing" in page and "Only drafted in Hungarian" not in page
    assert client.get(LIST, {"language": "sq"}).status_code == 200  # a record language
