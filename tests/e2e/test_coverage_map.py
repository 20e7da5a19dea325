"""Coverage by region in Chromium: Hungary's regions drawn as figures on the map (the gaps hollow,
nearby regions grouped until zoomed in), reached by keyboard; the page and the provider form's
"Place on the map" fieldset, with its errors, pass axe."""

import pytest
from django.conf import settings
from django.test import Client

from providers.vocabulary import seed_vocabulary
from tests.e2e.conftest import AXE_JS, _unavailable
from tests.e2e.test_accessibility import AXE_RUN, PHONE, WCAG_TAGS, _describe, too_wide
from tests.factories import ProviderFactory

FOCUSED = "() => document.activeElement && document.activeElement.textContent"


@pytest.fixture
def hungary(partners):
    seed_vocabulary()  # a browser test's database is flushed after each test
    for _ in range(2):
        ProviderFactory(owner_partner=partners["asse"], country="HU", city="Budapest",
                        subdivision="HU-BU", latitude="47.49835", longitude="19.04045")


def _wait_for_the_map(page):
    page.locator("[data-map][data-map-ready=true]").wait_for()


def test_the_regions_are_on_the_map_with_their_figures_and_the_gaps_hollow(page, hungary,
                                                                           screenshot):
    page.goto("/countries/HU/regions/")
    _wait_for_the_map(page)
    # Twenty regions: each one a figure, or in a group of nearby ones until zoomed in.
    regions = page.locator(".leaflet-marker-icon.map-marker-region")
    groups = page.locator(".leaflet-marker-icon.map-cluster")
    assert 0 < regions.count() + groups.count() <= 20
    assert page.locator(".map-marker-none").count() == regions.count() - page.locator(
        ".map-marker-region:not(.map-marker-none)").count()
    assert page.get_by_role("row", name="Budapest").get_by_role("link", name="2").is_visible()
    assert page.get_by_text("no provider yet").count() == 19
    screenshot(page, "coverage-hungary")
    # The keyboard reaches the first place of the map: Enter opens a region's figures in words,
    # or zooms into a group until its regions show.
    page.locator("#region-map").focus()
    for _ in range(6):
        page.keyboard.press("Tab")
        if "Places in this group" not in (page.evaluate(FOCUSED) or ""):
            break
        before = regions.count()
        page.keyboard.press("Enter")
        page.wait_for_function(f"() => document.querySelectorAll("
                               f"'.leaflet-marker-icon.map-marker-region').length > {before}")
        page.locator("#region-map").focus()
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup")
    popup.wait_for()
    text = popup.inner_text()
    assert "provider" in text or "No provider or network yet" in text

def test_the_coverage_page_and_the_place_fieldset_pass_axe(browser, live_server, hungary,
                                                          personas):
    if not AXE_JS.exists():
        _unavailable("axe-core is not installed: run `make node-tools` (needs npm)")
    client = Client()
    client.force_login(personas["member_a"])
    context = browser.new_context(base_url=live_server.url, locale="en-GB", bypass_csp=True,
                                  viewport={"width": 1280, "height": 900})
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME,
                          "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                          "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        for path in ("/countries/regions/", "/countries/RS/regions/", "/providers/new/",
                     "/registry/not-on-the-map/"):
            page.goto(path)
            if path == "/providers/new/":
                # Send a place with errors: they show next to their fields.
                page.get_by_label("Latitude").fill("95")
                page.get_by_role("button", name="Register").click()
                page.get_by_text("A latitude is between -90 and 90.", exact=True).wait_for()
            if "/regions/" in path and path != "/countries/regions/":
                _wait_for_the_map(page)
            page.add_script_tag(path=str(AXE_JS))
            violations = page.evaluate(AXE_RUN, WCAG_TAGS)
            assert not violations, f"{path}\n{_describe(violations)}"
            page.set_viewport_size(PHONE)
            assert too_wide(page) is None, path
            page.set_viewport_size({"width": 1280, "height": 900})
    finally:
        context.close()
