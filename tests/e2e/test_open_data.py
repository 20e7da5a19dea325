"""The open data page in Chromium: found from the footer, no axe violation, its field tables
reachable by keyboard, and it fits a phone."""

import pytest

from netw.opendata.package import build_package
from providers.vocabulary import seed_vocabulary
from tests.e2e.conftest import AXE_JS, _unavailable
from tests.e2e.test_accessibility import AXE_RUN, PHONE, WCAG_TAGS, _describe, too_wide
from tests.factories import ProviderFactory


@pytest.fixture
def open_data_page(browser, live_server, partners):
    # axe is injected, so this context bypasses the page's Content-Security-Policy.
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280,
                                                                       "height": 900},
                                  locale="en-GB", bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_a_visitor_finds_the_open_data_page_and_reads_it_by_keyboard(open_data_page, partners,
                                                                     screenshot):
    if not AXE_JS.exists():
        _unavailable("axe-core is not installed: run `make node-tools` (needs npm)")
    seed_vocabulary()  # a browser test's database is flushed after each test
    ProviderFactory(name="Cozinha com Alma", sectors=["catering"], owner_partner=partners["a3s"])
    build_package()
    page = open_data_page

    page.goto("/")
    page.get_by_role("contentinfo").get_by_role("link", name="Open data").click()
    page.get_by_role("heading", level=1, name="Open data").wait_for()
    assert page.get_by_role("link", name="providers.csv", exact=True).is_visible()
    assert page.get_by_role("link", name="Attribution 4.0 International (CC BY 4.0)").is_visible()

    page.add_script_tag(path=str(AXE_JS))
    violations = page.evaluate(AXE_RUN, WCAG_TAGS)
    assert not violations, _describe(violations)

    region = page.get_by_role("region", name="Fields of “Providers”")
    for _ in range(200):
        page.keyboard.press("Tab")
        if region.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("the providers' field table is not reachable with the Tab key")
    table = region.get_by_role("table", name="Fields of “Providers”")
    assert table.get_by_role("rowheader", name="sectors").is_visible()
    assert table.get_by_role("columnheader", name="Meaning").is_visible()
    screenshot(page, "open-data-desktop")

    page.set_viewport_size(PHONE)
    assert too_wide(page) is None
    screenshot(page, "open-data-phone")
