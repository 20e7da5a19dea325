"""The core's ranked search (netw/search.py): its SQL for migrations takes only identifiers, and
the inventory and the repertoire both search through it."""

import pytest

from netw import search


def test_the_trigger_sql_names_its_function_trigger_and_index_after_the_table():
    sql = search.trigger_sql("app_thing", {"A": ("title",), "C": ("body", "notes")})
    assert "CREATE TRIGGER app_thing_search" in sql
    assert "FUNCTION app_thing_search_update()" in sql
    assert "app_thing_search_gin ON app_thing USING gin (search_vector)" in sql
    assert "concat_ws(' ', NEW.body, NEW.notes)), 'C')" in sql
    assert "DROP INDEX IF EXISTS app_thing_search_gin" in search.undo_trigger_sql("app_thing")


@pytest.mark.parametrize(("table", "weights"), [
    ("app_thing; DROP TABLE x", {"A": ("title",)}),
    ("app_thing", {"A": ("title) || now() --",)}),
    ("app_thing", {"Z": ("title",)}),
])
def test_the_trigger_sql_refuses_anything_but_plain_identifiers_and_weights(table, weights):
    with pytest.raises(ValueError):
        search.trigger_sql(table, weights)


def test_search_words_are_few_and_bounded():
    assert search.terms_of("a:* & b | " + "x" * 100) == ["a", "b", "x" * 40]
    assert len(search.terms_of(" ".join(["word"] * 50))) == search.MAX_TERMS


def test_the_inventory_and_the_repertoire_share_the_core_search():
    from methodologies.search import SEARCH as METHODOLOGY_SEARCH
    from sustainability.models import PRACTICE_SEARCH

    for spec in (METHODOLOGY_SEARCH, PRACTICE_SEARCH):
        assert spec.title == "title" and spec.shown[0] == "summary"
