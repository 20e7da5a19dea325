"""The browser walk (tests/e2e/walk.py) opens every page of the access matrix: no GET row that
answers 200 to someone is dropped by the derivation unless ``SKIPPED`` says why. No browser."""

from tests.access import ALL_PERSONAS
from tests.e2e.walk import SKIPPED, answers, matrix_pages
from tests.netw.test_access_matrix import MATRIX


def _pages_of_the_matrix() -> set[str]:
    return {name for name, row in MATRIX.items() if row.method == "get"
            and (200 in row.expect.values()
                 or ("learner" not in row.expect and row.expect.get("anonymous") == 200))}


def test_every_page_of_the_matrix_is_walked_or_skipped_with_a_reason():
    walked = {page.matrix for page in matrix_pages()}
    missing = sorted(_pages_of_the_matrix() - walked - SKIPPED.keys())
    assert not missing, f"pages of the access matrix the walk leaves out: {missing}"
    assert not walked & SKIPPED.keys()


def test_the_skipped_rows_are_pages_of_the_matrix_and_say_why():
    stale = sorted(SKIPPED.keys() - _pages_of_the_matrix())
    assert not stale, f"SKIPPED names rows that are not GET pages answering 200: {stale}"
    assert all(reason.strip() for reason in SKIPPED.values())


def test_each_page_is_walked_as_someone_it_answers_and_by_the_visitor_when_public():
    by_row: dict[str, set[str]] = {}
    for page in matrix_pages():
        assert answers(MATRIX[page.matrix], page.persona) == 200, (page.matrix, page.persona)
        by_row.setdefault(page.matrix, set()).add(page.persona)
    for name, personas in by_row.items():
        row = MATRIX[name]
        assert ("anonymous" in personas) == (row.expect["anonymous"] == 200), name
        logged_in = [p for p in ALL_PERSONAS if p != "anonymous" and answers(row, p) == 200]
        assert len(personas - {"anonymous"}) == (1 if logged_in else 0), name
