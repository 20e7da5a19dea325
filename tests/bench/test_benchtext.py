"""The benchmark's generated texts (netw/benchtext.py): deterministic, and a searched word
finds a realistic share of the records — the bench's searches find some rows, not all."""

import re
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest

from netw import benchmark, benchtext


def _share(texts: list[str], word: str) -> float:
    return sum(bool(re.search(rf"\b{word}", t, re.IGNORECASE)) for t in texts) / len(texts)


def test_the_same_record_number_gives_the_same_text_and_others_differ():
    assert benchtext.text("methodology", 7, 300) == benchtext.text("methodology", 7, 300)
    assert benchtext.name("provider", 7) == benchtext.name("provider", 7)
    assert benchtext.text("methodology", 7, 300) != benchtext.text("methodology", 8, 300)
    assert benchtext.title("practice", 7) != benchtext.title("methodology", 7)
    assert len(benchtext.text("methodology", 7, 300).split()) == 300


def test_a_word_is_in_a_realistic_share_of_records_whatever_their_length():
    names = [benchtext.name("provider", n) for n in range(2000)]
    assert 0.05 < _share(names, "enterprise") < 0.35
    bodies = [benchtext.title("methodology", n) + " "
              + benchtext.text("methodology", n, 300, field="body") for n in range(500)]
    assert 0.03 < _share(bodies, "enterprise") < 0.4
    assert 0.0 < _share(bodies, "beekeeping") < 0.1


def _without_q(path: str) -> str:
    parts = urlsplit(path)
    rest = [(k, v) for k, v in parse_qsl(parts.query) if k != "q"]
    return parts.path + ("?" + urlencode(rest) if rest else "")


@pytest.mark.django_db
def test_the_bench_searches_find_some_rows_but_not_all(partners):
    with benchmark.measuring_settings():
        ctx = benchmark.make_context()
        benchmark.generate(ctx, start=0, stop=1, log=lambda _: None)
        searched = [(page, persona) for page in benchmark.bench_pages()
                    for persona in page.personas if "q=" in page.path(ctx)]
        assert any(page.name == "inventory search" for page, _ in searched)
        checked = 0
        for page, persona in searched:
            client = benchmark.client_for(ctx, persona)
            found = client.get(page.path(ctx)).context
            if found is None or "page_obj" not in found:
                continue  # not a list page (the map's points)
            everything = client.get(_without_q(page.path(ctx))).context["page_obj"]
            count = found["page_obj"].paginator.count
            assert 0 < count < everything.paginator.count, (page.name, count)
            checked += 1
        assert checked >= 5
