"""The repertoire's full-text search on PostgreSQL (netw/search.py, as the methodology
inventory's): the trigger's weights, prefixes, headlines, and the GIN index in the plan."""

import random

import pytest
from django.db import connection

from netw import search
from netw.workflow import Status
from providers.models import Partner
from sustainability.models import PRACTICE_SEARCH, GoodPractice
from tests.sustainability.factories import GoodPracticeFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="full-text search with a GIN index exists on PostgreSQL only"),
]


def test_the_trigger_weights_title_above_summary_above_the_description():
    GoodPracticeFactory(title="Catering", summary="Meals", how_it_works="A laundry contract",
                        status=Status.PUBLISHED)
    GoodPracticeFactory(title="Catering too", summary="A laundry as well", how_it_works="Meals",
                        status=Status.PUBLISHED)
    GoodPracticeFactory(title="Laundry first", summary="Meals", how_it_works="Meals",
                        status=Status.PUBLISHED)
    found = list(GoodPractice.objects.published().search("laundry")
                 .values_list("title", flat=True))
    assert found == ["Laundry first", "Catering too", "Catering"]


def test_every_described_field_is_searched_and_an_edit_updates_the_vector():
    practice = GoodPracticeFactory(status=Status.PUBLISHED, organisation="Demo beehive co-op",
                                   transferability="Needs a municipal tender.")
    assert list(GoodPractice.objects.search("beehive")) == [practice]
    assert list(GoodPractice.objects.search("tender")) == [practice]
    practice.results = "Honey sales doubled."
    practice.save()
    assert list(GoodPractice.objects.search("honey")) == [practice]


def test_prefixes_match_and_headlines_mark_the_words():
    practice = GoodPracticeFactory(title="Social procurement",
                                   how_it_works="Municipalities reserve contracts.",
                                   status=Status.PUBLISHED)
    assert list(GoodPractice.objects.search("municipal")) == [practice]
    fragment = search.headlines(GoodPractice, [practice.pk], "municipal",
                                PRACTICE_SEARCH)[practice.pk]
    assert "<mark>Municipalities</mark>" in fragment


def test_search_uses_the_gin_index_at_a_few_thousand_rows():
    rng = random.Random(7)
    vocabulary = [f"{stem}{suffix}" for stem in (
        "shop", "contract", "tender", "grant", "fund", "fee", "member", "donor", "margin",
        "income", "coach", "laundry", "garden", "repair", "kitchen", "cater", "network",
        "market", "client", "service") for suffix in ("", "s", "ing", "er")]
    partner = Partner.objects.get(slug="a3s")
    GoodPractice.objects.bulk_create([
        GoodPractice(owner_partner=partner, slug=f"p-{i}", status=Status.PUBLISHED,
                     title=" ".join(rng.choices(vocabulary, k=5)),
                     summary=" ".join(rng.choices(vocabulary, k=30)),
                     how_it_works=" ".join(rng.choices(vocabulary, k=250)))
        for i in range(3000)
    ] + [GoodPractice(owner_partner=partner, slug="needle", status=Status.PUBLISHED,
                      title="Beekeeping franchise", how_it_works="Hives")])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE sustainability_goodpractice")
    plan = GoodPractice.objects.published().search("beekeeping").explain()
    assert "sustainability_goodpractice_search_gin" in plan, plan
    assert [p.slug for p in GoodPractice.objects.search("beekeeping")] == ["needle"]
