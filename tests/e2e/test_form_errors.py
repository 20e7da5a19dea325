"""A form sent back with errors opens on its error summary: the focus is there (a screen reader
reads the problems first), and each link of the summary puts the focus in its field."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse


def _log_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME,
                               "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                               "url": live_server.url}])


def _focused(page) -> dict:
    return page.evaluate("""() => ({id: document.activeElement.id,
        summary: document.activeElement.hasAttribute('data-error-summary')})""")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [1280, 390])
def test_the_error_summary_takes_the_focus_and_its_links_lead_to_the_fields(
        page, live_server, owner, screenshot, width):
    _log_in(page, live_server, owner)
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(reverse("peersessions:session_create"))
    page.get_by_role("button", name="Save and send invitations").click()
    page.wait_for_load_state()

    summary = page.locator("[data-error-summary]")
    assert summary.is_visible()
    assert _focused(page)["summary"]
    screenshot(page, f"form-errors-session-{width}", full_page=False)

    # Every link of the summary leads to a control of the page.
    targets = summary.locator("a").evaluate_all(
        "links => links.map(a => [a.hash.slice(1), !!document.getElementById(a.hash.slice(1))])")
    assert targets and all(found for _, found in targets), targets

    summary.get_by_role("link", name="Title").click()
    assert _focused(page)["id"] == "id_title"
    assert page.get_by_label("Title").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
