"""The registry in Chromium: a member registers a provider, edits it and reads its history; a
visitor filters the public list, and the filters stay in the address."""

import re

from providers.vocabulary import seed_vocabulary
from tests.e2e.conftest import login
from tests.factories import DEFAULT_PASSWORD, MembershipFactory, ProviderFactory, UserFactory


def test_a_member_registers_edits_and_reads_the_history_then_a_visitor_filters(
        page, partners, screenshot):
    seed_vocabulary()  # a browser test's database is flushed after each test
    ProviderFactory(name="Cozinha com Alma", country="PT", city="Porto", sectors=["catering"],
                    owner_partner=partners["a3s"])
    ProviderFactory(name="Horta de Marvila", country="PT", city="Lisboa",
                    sectors=["agriculture"], owner_partner=partners["a3s"])
    ProviderFactory(name="Kuchyňa bez hraníc", country="SK", city="Košice",
                    sectors=["catering"], owner_partner=partners["asse"])
    member = MembershipFactory(partner=partners["a3s"], user=UserFactory(
        email="ines@a3s.example.org", first_name="Inês", last_name="Carvalho")).user

    login(page, member.email, DEFAULT_PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Registry").click()
    page.get_by_role("heading", name="Work-based adult education providers").wait_for()
    page.get_by_role("link", name="Register a provider").click()
    page.get_by_label(re.compile(r"^Name:?$")).fill("Reviver – Cooperativa de Inserção")
    page.get_by_label("Country").select_option(label="Portugal")
    page.get_by_label("City").fill("Lisbon")
    page.get_by_label("Legal form").select_option(label="Cooperative")
    page.get_by_label("Recycling and repair").check()
    page.get_by_label("Long-term unemployed people").check()
    page.get_by_label("Learners per year").fill("80")
    page.get_by_label("Website").fill("reviver.example.pt")
    page.get_by_label("Contact e-mail").fill("ola@reviver.example.pt")
    page.get_by_role("button", name="Register").click()
    page.get_by_role("heading", name="Reviver – Cooperativa de Inserção").wait_for()
    page.get_by_text("“Reviver – Cooperativa de Inserção” was registered.").wait_for()
    assert page.get_by_text("Not yet verified").first.is_visible()
    assert page.get_by_role("link", name="https://reviver.example.pt").is_visible()

    page.locator("main").get_by_role("link", name="Edit").click()
    page.get_by_label("City").fill("Lisboa")
    page.get_by_label("Learners per year").fill("95")
    page.get_by_role("button", name="Save changes").click()
    page.get_by_text("Your changes were saved.").wait_for()
    history = page.get_by_role("region", name="History of changes")
    history.get_by_text("Inês Carvalho").first.wait_for()
    changes = history.get_by_role("table").first
    assert changes.get_by_role("row", name=re.compile("City")).inner_text().split() == [
        "City", "Lisbon", "Lisboa"]
    assert "95" in changes.get_by_role("row", name=re.compile("Learners")).inner_text()
    screenshot(page, "registry-provider-history-member")

    page.get_by_role("button", name="Log out").first.click()
    page.goto("/providers/")
    filters = page.get_by_role("search", name="Filter providers")
    filters.get_by_label("Country").select_option(label="Portugal")
    filters.get_by_label("Sector").select_option(label="Catering and food")
    filters.get_by_role("button", name="Apply filters").click()
    page.get_by_role("heading", name="1 provider").wait_for()
    assert re.search(r"country=PT", page.url) and re.search(r"sector=catering", page.url)
    results = page.get_by_role("region", name="1 provider")
    assert results.get_by_role("link", name="Cozinha com Alma").is_visible()
    assert results.get_by_role("link", name="Kuchyňa bez hraníc").count() == 0
    screenshot(page, "registry-provider-list-filtered-visitor")

    # The unverified provider is the partner's until someone verifies it.
    filters.get_by_label("Sector").select_option(label="All sectors")
    filters.get_by_role("button", name="Apply filters").click()
    page.get_by_role("heading", name="2 providers").wait_for()
    assert page.get_by_role("link", name="Reviver – Cooperativa de Inserção").count() == 0
    page.get_by_role("link", name="Cozinha com Alma").click()
    assert page.get_by_text("ola@reviver").count() == 0
    assert page.get_by_role("heading", name="History of changes").count() == 0
