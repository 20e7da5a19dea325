"""On a phone the header's menu folds behind a "Menu" button, so the page starts near the top of
the screen; the keyboard opens and closes it; without JavaScript the menu simply shows."""

import pytest
from django.conf import settings
from django.test import Client

PHONE = {"width": 390, "height": 844}


def _header_height(page) -> float:
    return page.evaluate("document.querySelector('.site-header').getBoundingClientRect().height")


def _focused(page) -> str:
    return page.evaluate("document.activeElement.outerHTML.slice(0, 80)")


@pytest.mark.django_db(transaction=True)
def test_on_a_phone_the_menu_is_folded_behind_a_menu_button(page, live_server, owner):
    client = Client()
    client.force_login(owner)  # a member: the longest header (notifications, account, log out)
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME,
                               "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                               "url": live_server.url}])
    page.set_viewport_size(PHONE)
    page.goto("/")
    menu_button = page.get_by_role("button", name="Menu")
    assert menu_button.is_visible()
    assert menu_button.get_attribute("aria-expanded") == "false"
    assert menu_button.get_attribute("aria-controls") == "site-menu"
    main_menu = page.get_by_role("navigation", name="Main")
    assert not main_menu.is_visible()
    assert _header_height(page) < 120

    menu_button.click()
    assert menu_button.get_attribute("aria-expanded") == "true"
    assert main_menu.get_by_role("link", name="About").is_visible()
    assert page.get_by_role("button", name="Log out").is_visible()
    menu_button.click()
    assert not main_menu.is_visible()


@pytest.mark.django_db(transaction=True)
def test_the_keyboard_reaches_opens_and_closes_the_menu(page):
    page.set_viewport_size(PHONE)
    page.goto("/")
    menu_button = page.get_by_role("button", name="Menu")
    for _ in range(5):  # the skip link, the site's name, then the button
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('menu-toggle')"):
            break
    else:
        pytest.fail(f"Tab never reached the Menu button; the focus is on {_focused(page)}")

    page.keyboard.press("Enter")
    assert menu_button.get_attribute("aria-expanded") == "true"
    page.keyboard.press(" ")
    assert menu_button.get_attribute("aria-expanded") == "false"
    page.keyboard.press(" ")
    assert menu_button.get_attribute("aria-expanded") == "true"

    # The menu's links come next in the tab order; Escape from inside closes it and puts the
    # focus back on the button.
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('#site-menu')"), _focused(page)
    page.keyboard.press("Escape")
    assert menu_button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.classList.contains('menu-toggle')")
    assert not page.get_by_role("navigation", name="Main").is_visible()


@pytest.mark.django_db(transaction=True)
def test_without_javascript_the_menu_shows_and_the_button_does_not(browser, live_server,
                                                                   partners):
    context = browser.new_context(base_url=live_server.url, viewport=PHONE, locale="en-GB",
                                  java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("/")
        assert page.get_by_role("navigation", name="Main").get_by_role(
            "link", name="About").is_visible()
        assert page.locator(".menu-toggle").is_hidden()
    finally:
        context.close()


@pytest.mark.django_db(transaction=True)
def test_on_a_desktop_the_menu_shows_without_a_button(page):
    page.goto("/")
    assert page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="About").is_visible()
    assert page.locator(".menu-toggle").is_hidden()
    # Escape on a desktop leaves the menu where it is.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="About").focus()
    page.keyboard.press("Escape")
    assert page.get_by_role("navigation", name="Main").is_visible()
