"""The registry's map in Chromium, under the site's real Content-Security-Policy: the outline and
the markers draw (nearby providers in one cluster), the keyboard reaches a marker with Tab and
opens its popup with Enter, a cluster zooms in with Space; axe finds nothing; at 390 px the page
does not scroll sideways."""

import pytest

from providers.vocabulary import Verification, seed_vocabulary
from tests.e2e.conftest import AXE_JS, _unavailable
from tests.e2e.test_accessibility import AXE_RUN, PHONE, WCAG_TAGS, _describe, too_wide
from tests.factories import NetworkFactory, ProviderFactory

FOCUSED = "() => document.activeElement && document.activeElement.textContent"


@pytest.fixture
def places(partners):
    seed_vocabulary()  # a browser test's database is flushed after each test
    a3s = partners["a3s"]
    ProviderFactory(name="Reviver Lisboa", owner_partner=a3s, city="Lisbon",
                    latitude="38.72231", longitude="-9.13934")
    # Three in Budapest: one cluster until zoomed in.
    for n, (lat, lng) in enumerate([("47.4979", "19.0402"), ("47.5012", "19.0501"),
                                    ("47.4925", "19.0613")]):
        ProviderFactory(name=f"Budapest workshop {n}", owner_partner=partners["asse"],
                        country="HU", city="Budapest", latitude=lat, longitude=lng)
    ProviderFactory(name="Not placed yet", owner_partner=a3s)
    ProviderFactory(name="Unverified draft", owner_partner=a3s, latitude="41.1579",
                    longitude="-8.6291", verification=Verification.UNVERIFIED)
    NetworkFactory(name="Rede Portuguesa", owner_partner=a3s, city="Lisbon",
                   latitude="38.7167", longitude="-9.1333")


def _wait_for_the_map(page):
    page.locator("[data-map][data-map-ready=true]").wait_for()
    page.locator(".map-outline").first.wait_for(state="attached")


def test_the_map_draws_the_providers_and_the_keyboard_opens_them(page, places, screenshot):
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text
            else None)
    page.goto("/providers/map/")
    _wait_for_the_map(page)
    # The visitor: the verified providers with a place, the one without counted below the map.
    markers = page.locator(".leaflet-marker-icon")
    assert page.locator(".leaflet-marker-icon.map-cluster").count() == 1
    assert markers.count() == 2  # Lisbon, and the cluster of Budapest
    assert page.get_by_text("1 record has no place yet").is_visible()
    assert page.get_by_role("region", name="5 providers").get_by_role(
        "link", name="Not placed yet").is_visible()
    assert page.locator(".map-marker-pending").count() == 0
    assert page.get_by_role("button", name="Zoom in", exact=True).is_visible()
    screenshot(page, "map-providers-visitor")

    # Tab from the map itself reaches the first marker; Enter opens its popup and moves into it.
    page.locator("#map").focus()
    page.keyboard.press("Tab")
    focused = page.evaluate(FOCUSED)
    assert "Reviver Lisboa" in focused or "Places in this group: 3" in focused, focused
    if "Places in this group" in focused:
        page.keyboard.press("Tab")
        assert "Reviver Lisboa" in page.evaluate(FOCUSED)
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup")
    popup.get_by_role("link", name="Reviver Lisboa").wait_for()
    assert page.evaluate("() => document.activeElement.textContent") == "Reviver Lisboa"
    assert "Lisbon, Portugal" in popup.inner_text()
    # Escape closes it and gives the focus back to the marker.
    page.keyboard.press("Escape")
    popup.wait_for(state="detached")
    assert "Reviver Lisboa" in page.evaluate(FOCUSED)

    # Space on the cluster zooms in until the three markers show.
    page.locator(".map-cluster").focus()
    page.keyboard.press(" ")
    page.wait_for_function(
        "() => document.querySelectorAll('.leaflet-marker-icon.map-marker-provider').length >= 3")
    assert not refused, refused

    # The filters apply to the map: Hungary only.
    page.goto("/providers/map/?country=HU")
    _wait_for_the_map(page)
    assert page.locator(".map-cluster").count() == 1
    assert page.get_by_role("heading", name="3 providers").is_visible()


def test_the_map_page_passes_axe_and_fits_a_phone(browser, live_server, places, screenshot):
    if not AXE_JS.exists():
        _unavailable("axe-core is not installed: run `make node-tools` (needs npm)")
    context = browser.new_context(base_url=live_server.url, locale="en-GB", bypass_csp=True,
                                  viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        for path in ("/providers/map/", "/networks/map/", "/providers/map/?country=XX"):
            page.goto(path)
            if "XX" in path:
                page.get_by_text("Some filters are not valid").first.wait_for()
            else:
                _wait_for_the_map(page)
            page.add_script_tag(path=str(AXE_JS))
            violations = page.evaluate(AXE_RUN, WCAG_TAGS)
            assert not violations, f"{path}\n{_describe(violations)}"
            page.set_viewport_size(PHONE)
            assert too_wide(page) is None, path
            screenshot(page, "map" + path.replace("/", "-").replace("?", "-") + "phone")
            page.set_viewport_size({"width": 1280, "height": 900})
    finally:
        context.close()
