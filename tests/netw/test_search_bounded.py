"""A list page's search ranks a bounded set (netw/search.py, ``SEARCH_RANK_LIMIT``): past the cap
it counts "N+ results", shows the best-ranked candidates first and pages within them; below the
cap the count is exact. On both databases (SQLite's plain search has the same bound)."""

import pytest
from django.urls import reverse

from methodologies.models import Methodology
from netw.pagination import CappedPaginator
from netw.workflow import Status
from tests.methodologies.factories import MethodologyFactory
from tests.sustainability.factories import GoodPracticeFactory, RecommendationFactory

pytestmark = pytest.mark.django_db

WORD = "apprenticeship"

LISTS = {
    "inventory": (MethodologyFactory, "methodologies:methodology_list", "methodologies"),
    "repertoire": (GoodPracticeFactory, "sustainability:goodpractice_list", "good practices"),
    "recommendations": (RecommendationFactory, "sustainability:recommendation_list",
                        "recommendations"),
}


def _matches(factory, count: int, *, best_at: int | None = None, **fields) -> list:
    """``count`` published records with the word in their summary, created oldest first; the
    one at ``best_at`` has it in its title too (it ranks first)."""
    return [factory(title=f"{WORD.title()} in a kitchen" if n == best_at else f"Record {n:02d}",
                    summary=f"An {WORD} at work, record {n}.", status=Status.PUBLISHED,
                    **fields)
            for n in range(count)]


def _titles(response) -> list[str]:
    return [row[0].title for row in response.context["rows"]] if "rows" in response.context \
        else [r.title for r in response.context["page_obj"].object_list]


@pytest.mark.parametrize("name", LISTS)
def test_a_search_past_the_cap_counts_n_plus_and_shows_the_best_ranked_first(
        client, settings, name):
    factory, url, _noun = LISTS[name]
    settings.SEARCH_RANK_LIMIT = 5
    # The title match is not the newest: ranking, not age, puts it first.
    records = _matches(factory, 8, best_at=5)
    response = client.get(reverse(url), {"q": WORD})
    assert response.status_code == 200
    assert "5+ results" in response.content.decode()
    titles = _titles(response)
    assert len(titles) == 5
    assert titles[0] == records[5].title
    # The candidates are the newest matches: the oldest ones are left out.
    assert records[0].title not in titles


@pytest.mark.parametrize("name", LISTS)
def test_a_search_below_the_cap_counts_exactly(client, settings, name):
    factory, url, noun = LISTS[name]
    settings.SEARCH_RANK_LIMIT = 5
    _matches(factory, 4)
    factory(title="Something else", summary="Nothing to find here.", status=Status.PUBLISHED)
    response = client.get(reverse(url), {"q": WORD})
    page = response.content.decode()
    assert f"4 {noun}" in page
    assert "+ results" not in page
    assert len(_titles(response)) == 4


def test_exactly_the_cap_of_matches_is_not_counted_as_more(client, settings):
    settings.SEARCH_RANK_LIMIT = 5
    _matches(MethodologyFactory, 5)
    page = client.get(reverse("methodologies:methodology_list"), {"q": WORD}).content.decode()
    assert "5 methodologies" in page and "+ results" not in page


def test_the_second_page_continues_within_the_bounded_set(client, settings):
    settings.SEARCH_RANK_LIMIT = 21  # a page holds 20
    _matches(MethodologyFactory, 24, best_at=10)
    url = reverse("methodologies:methodology_list")
    first = client.get(url, {"q": WORD})
    second = client.get(url, {"q": WORD, "page": 2})
    assert "21+ results" in second.content.decode()
    shown = _titles(first) + _titles(second)
    assert len(shown) == 21 and len(set(shown)) == 21
    assert shown[0] == f"{WORD.title()} in a kitchen"
    assert second.context["page_obj"].paginator.num_pages == 2


def test_the_candidates_are_drawn_from_the_rows_the_other_filters_keep(client, settings):
    """The search applies after the list's other filters: the newest matches elsewhere do not
    crowd out the older ones of the country asked for."""
    settings.SEARCH_RANK_LIMIT = 3
    portuguese = _matches(MethodologyFactory, 4, country="PT")
    _matches(MethodologyFactory, 6, country="HU")
    response = client.get(reverse("methodologies:methodology_list"),
                          {"q": WORD, "country": "PT"})
    assert "3+ results" in response.content.decode()
    assert set(_titles(response)) <= {m.title for m in portuguese}
    assert len(_titles(response)) == 3


def test_a_filter_through_tags_and_the_bounded_search_combine(client, settings):
    """A tag filter joins (and de-duplicates) rows: the candidates are still distinct records."""
    settings.SEARCH_RANK_LIMIT = 3
    for_roma = _matches(MethodologyFactory, 4, target_groups=["roma", "migrants"])
    _matches(MethodologyFactory, 5, target_groups=["women"])
    response = client.get(reverse("methodologies:methodology_list"),
                          {"q": WORD, "target_group": "roma"})
    titles = _titles(response)
    assert "3+ results" in response.content.decode()
    assert len(titles) == 3 and set(titles) <= {m.title for m in for_roma}


def test_a_list_without_a_search_is_not_capped(client, settings):
    settings.SEARCH_RANK_LIMIT = 2
    _matches(MethodologyFactory, 3)
    page = client.get(reverse("methodologies:methodology_list"), {"country": ""}).content
    assert "3 methodologies" in page.decode()


def test_the_bounded_search_ranks_its_candidates_and_pages_them_without_repeats(settings):
    records = _matches(MethodologyFactory, 9, best_at=6)
    found = Methodology.objects.published().search(WORD, limit=5)
    paginator = CappedPaginator(found, 2, cap=5)
    assert paginator.count == 5 and paginator.capped and paginator.num_pages == 3
    rows = [m for n in paginator.page_range for m in paginator.page(n).object_list]
    assert [m.pk for m in rows][0] == records[6].pk
    assert len({m.pk for m in rows}) == 5
    # Unbounded (the API, exports): every match.
    assert Methodology.objects.published().search(WORD).count() == 9
