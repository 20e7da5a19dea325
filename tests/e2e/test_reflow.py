"""Phones (WCAG 1.4.10 Reflow): the pages that scrolled sideways on a 390 px phone now fit a
320 px one, and what a person came to do on them is on the screen.

The browser walk (test_accessibility.py) checks every main page at 390 px; this file looks closer
at the pages that were too wide: the registry's lists (filter form and table), the calendar's
month and the follow-up actions with their "Mark done" buttons.
"""

import pytest
from django.urls import reverse

from tests.e2e.test_accessibility import too_wide

ON_SCREEN = """(selector) => [...document.querySelectorAll(selector)]
    .filter(el => el.getClientRects().length).map(el => {
  const r = el.getBoundingClientRect();
  return {text: el.textContent.trim().slice(0, 60),
          onScreen: r.left >= 0 && r.right <= document.documentElement.clientWidth};
})"""


def _off_screen(page, selector: str) -> list[str]:
    found = page.evaluate(ON_SCREEN, selector)
    assert found, f"nothing shown matches {selector} on {page.url}"
    return [f["text"] for f in found if not f["onScreen"]]


@pytest.fixture
def phone(main_pages_browser):
    contexts = []

    def open_as(persona: str, width: int):
        context = main_pages_browser.context_for(persona)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.set_viewport_size({"width": width, "height": 740})
        return page

    yield open_as
    for context in contexts:
        context.close()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [320, 390])
def test_registry_lists_fit_a_phone_with_their_filters_and_rows(main_pages_browser, phone, width):
    page = phone("member_a", width)
    for name in ("provider", "network", "stakeholder"):
        page.goto(reverse(f"providers:{name}_list"))
        assert too_wide(page) is None, name
        assert not _off_screen(page, "form.filters select, form.filters input, "
                                     "form.filters button"), name
        # Each record is a card: its name and every detail shown, labelled, within the screen.
        assert not _off_screen(page, "table.records tbody th, table.records tbody td"), name
        label = page.evaluate("""() => getComputedStyle(
            document.querySelector('table.records td[data-label]'), '::before').content""")
        assert label.startswith('"') and label != '""', name


@pytest.mark.django_db(transaction=True)
def test_mark_done_is_on_a_320_px_screen(main_pages_browser, phone):
    page = phone("member_a", 320)
    action = main_pages_browser.objects["ps_action"]
    for path in (reverse("netw:my_actions"),
                 reverse("peersessions:session_actions", args=[action.session_id])):
        page.goto(path)
        assert too_wide(page) is None, path
        assert not _off_screen(page, "main form[action$='/done/'] button"), path
        assert page.get_by_role("button", name="Mark done").first.is_visible(), path


@pytest.mark.django_db(transaction=True)
def test_the_calendar_month_shows_its_events_as_an_agenda_on_a_phone(main_pages_browser, phone):
    session = main_pages_browser.objects["ps_session"]
    month = reverse("events:calendar_month") + f"?month={session.starts_at:%Y-%m}"
    page = phone("member_a", 320)
    page.goto(month)
    assert too_wide(page) is None
    assert not _off_screen(page, ".month-grid .day-events a")
    # The day of each event carries its weekday, since the weekday columns are gone.
    # (Days of the next or last month, shown in the grid around it, are left out on a phone.)
    assert page.locator(
        ".month-grid td:not(.other-month):has(.day-events) .day-weekday").first.is_visible()
    # On a desktop the grid keeps its seven columns, weekday headers and all.
    page.set_viewport_size({"width": 1280, "height": 900})
    assert page.locator(".month-grid thead th").evaluate_all(
        "ths => ths.filter(th => th.getBoundingClientRect().right <= innerWidth).length") == 7
