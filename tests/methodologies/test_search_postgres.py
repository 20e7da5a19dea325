"""PostgreSQL's full-text search: the trigger's weights, ranking, and the GIN index in the plan."""

import random

import pytest
from django.db import connection

from methodologies.models import Methodology
from methodologies.search import headlines
from netw.workflow import Status
from providers.models import Partner
from tests.methodologies.factories import MethodologyFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="full-text search with a GIN index exists on PostgreSQL only"),
]


def test_the_trigger_weights_title_above_summary_above_description():
    MethodologyFactory(title="Cooking", summary="Kitchen", body="Apprenticeship in a kitchen",
                       status=Status.PUBLISHED)
    MethodologyFactory(title="Cooking too", summary="An apprenticeship", body="Kitchen",
                       status=Status.PUBLISHED)
    MethodologyFactory(title="Apprenticeship first", summary="Kitchen", body="Kitchen",
                       status=Status.PUBLISHED)
    found = list(Methodology.objects.published().search("apprenticeship")
                 .values_list("title", flat=True))
    assert found == ["Apprenticeship first", "Cooking too", "Cooking"]


def test_prefixes_match_and_headlines_mark_the_words():
    m = MethodologyFactory(title="Peer mentoring", body="Mentors meet trainees weekly.",
                           status=Status.PUBLISHED)
    assert list(Methodology.objects.search("mentor")) == [m]
    fragment = headlines(Methodology, [m.pk], "mentor")[m.pk]
    assert "<mark>Mentors</mark>" in fragment


def test_search_uses_the_gin_index_at_a_few_thousand_rows():
    """Real descriptions run to a few hundred words; the planner weighs the table's size."""
    rng = random.Random(6)
    vocabulary = [f"{stem}{suffix}" for stem in (
        "train", "learn", "work", "tutor", "coach", "skill", "job", "shop", "team", "client",
        "order", "craft", "kitchen", "garden", "repair", "print", "clean", "sort", "pack",
        "sell", "plan", "assess", "guide", "place", "hire") for suffix in ("", "s", "ing", "er")]
    partner = Partner.objects.get(slug="a3s")
    Methodology.objects.bulk_create([
        Methodology(owner_partner=partner, slug=f"m-{i}", status=Status.PUBLISHED,
                    title=" ".join(rng.choices(vocabulary, k=5)),
                    summary=" ".join(rng.choices(vocabulary, k=30)),
                    body=" ".join(rng.choices(vocabulary, k=250)))
        for i in range(3000)
    ] + [Methodology(owner_partner=partner, slug="needle", status=Status.PUBLISHED,
                     title="Beekeeping apprenticeship", body="Hives")])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE methodologies_methodology")
    plan = Methodology.objects.published().search("beekeeping").explain()
    assert "methodologies_methodology_search_gin" in plan, plan
    assert [m.slug for m in Methodology.objects.search("beekeeping")] == ["needle"]
