"""The main pages keep their query budget (netw.benchmark.QUERY_BUDGETS: 12 for a list or a
dashboard, 10 for a record's page) for every logged-in role, counted as a browser meets them:
through the whole middleware (session, user, memberships, second factor) on the benchmark's
data set, a request after the first of the session (which fills the caches)."""

import pytest

from netw import benchmark

pytestmark = pytest.mark.django_db

# The pages people use every day, by their name in the apps' bench.py.
MAIN_PAGES = [
    "my home", "my actions", "monitoring",
    "provider list", "provider detail", "partner detail", "network detail",
    "session list", "session detail", "topic", "calendar month", "course page",
    "inventory", "methodology", "dissemination log", "roundtables",
    "good practices", "good practice", "recommendation", "expert meeting", "action plan",
]
ROLES = ("member", "lead", "coordinator")


def test_the_main_pages_keep_their_query_budget_for_every_role(
        partners, django_assert_max_num_queries):
    pages = {page.name: page for page in benchmark.bench_pages()}
    with benchmark.measuring_settings():
        ctx = benchmark.make_context()
        benchmark.generate(ctx, start=0, stop=1, log=lambda _: None)
        clients = {role: benchmark.client_for(ctx, role) for role in ROLES}
        for name in MAIN_PAGES:
            page = pages[name]
            path = page.path(ctx)
            for role, client in clients.items():
                assert client.get(path).status_code == 200, f"{name} as {role}"
                with django_assert_max_num_queries(page.query_budget, info=f"{name} as {role}"):
                    response = client.get(path)
                assert response.status_code == 200, f"{name} as {role}"


def test_a_page_over_its_budget_is_a_problem_of_the_bench():
    from netw.management.commands.bench import Command

    def row(queries):
        return benchmark.Measurement(
            page="session detail", persona="member", path="/sessions/1/", status=200,
            queries=queries, budget=10, sql=[], median_ms=1, p90_ms=1, floor_median_ms=1,
            floor_p90_ms=1)

    assert Command()._problems({1: [row(10)], 10: [row(10)]}) == []
    assert Command()._problems({1: [row(11)], 10: [row(11)]}) == [
        "session detail as member: 11 queries at 1x, over its budget of 10",
        "session detail as member: 11 queries at 10x, over its budget of 10",
    ]


def test_every_bench_page_has_a_known_kind_or_its_own_budget():
    for page in benchmark.bench_pages():
        assert page.kind in benchmark.QUERY_BUDGETS
        assert page.query_budget >= 1
    with pytest.raises(ValueError):
        benchmark.BenchPage("odd", "netw:home", kind="gallery")
