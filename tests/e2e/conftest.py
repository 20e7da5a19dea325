"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Without Chromium they skip with the reason shown; in CI (``CI=true``) a missing browser fails.
Screenshots go to var/screenshots/.
"""

import os
import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings

from tests.netw.test_access_matrix import objects  # noqa: F401  (fixture: partner A's records)

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make to
# prepare data are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which(
    "chromium-browser")
SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def _unavailable(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} — browser tests may not be skipped in CI")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM:
        _unavailable("Debian's chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, partners):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900},
                                  locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def screenshot():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str, full_page: bool = True) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return take


def login(page, email: str, password: str, totp_secret: str | None = None) -> None:
    """Log in through the real form, answering the second-factor step if one is asked."""
    from netw.demo import current_totp_code

    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    if totp_secret:
        page.get_by_label("Code").fill(current_totp_code(totp_secret))
        page.get_by_role("button", name="Log in", exact=True).click()  # the second-factor step


# --- Walking the main pages (tests/e2e/pages.py) -----------------------------------------------

NODE_MODULES = Path(settings.BASE_DIR) / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


class MainPagesBrowser:
    """What the main-page walks need: the browser, the live server, the matrix's objects."""

    def __init__(self, browser, live_server, personas, records, screenshot):
        self.browser, self.live_server = browser, live_server
        self.personas, self.objects, self.screenshot = personas, records, screenshot
        self.html = ""
        self.problems: list[str] = []  # what the walk of the matrix's pages met on the way

    def context_for(self, persona: str, *, language: str = "", **options):
        """A browser context logged in as ``persona``; in ``language`` when given (the
        browser's language and the language cookie for a visitor, the profile's for a user)."""
        from django.test import Client

        context = self.browser.new_context(base_url=self.live_server.url,
                                           locale=language or "en-GB",
                                           viewport={"width": 1280, "height": 900}, **options)
        user = self.personas[persona]
        if language:
            context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language,
                                  "url": self.live_server.url}])
            if user is not None:
                user.language = language
                user.save(update_fields=["language"])
        if user is not None:
            client = Client()
            client.force_login(user)
            context.add_cookies([{"name": settings.SESSION_COOKIE_NAME,
                                  "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                                  "url": self.live_server.url}])
        return context


@pytest.fixture
def main_pages_browser(browser, live_server, personas, objects, screenshot):  # noqa: F811
    return MainPagesBrowser(browser, live_server, personas, objects, screenshot)


# The first POST form of ``main`` that is safe to send empty (tests/e2e/walk.py): it posts to
# the page itself, a required field of it is empty (so the server refuses it), and nothing in the
# page's address, its action or its button's name is dangerous. Its button is marked; the
# button's name is returned (null: no such form).
EMPTY_FORM_BUTTON = """(dangerous) => {
  const danger = new RegExp(dangerous, 'i');
  if (danger.test(location.pathname)) return null;
  for (const form of document.querySelectorAll('main form')) {
    if ((form.getAttribute('method') || 'get').toLowerCase() !== 'post') continue;
    const action = new URL(form.getAttribute('action') || location.href, location.href);
    if (action.pathname !== location.pathname || danger.test(action.pathname)) continue;
    const refused = [...form.elements].some(el => el.required && !el.disabled && (
      el.type === 'checkbox' || el.type === 'radio'
        ? !form.querySelector(`[name="${CSS.escape(el.name)}"]:checked`) : !el.value));
    if (!refused) continue;
    const button = [...form.querySelectorAll('button, input[type=submit]')].find(
      b => b.type === 'submit' && !b.disabled && b.getClientRects().length);
    const name = button && (button.innerText || button.value || '').trim();
    if (!name || danger.test(name)) continue;
    button.setAttribute('data-walk-submit', '');
    return name;
  }
  return null;
}"""


MAPS_DRAWN = "() => [...document.querySelectorAll('[data-map]')].every(m => m.dataset.mapReady)"


def browse_main_pages(walker: MainPagesBrowser, *, keyboard_only: bool = False, language: str = "",
                      pages=None, **options):
    """Open every page (by default the hand-kept main pages, tests/e2e/pages.py) as its persona
    (one browser context per persona) and yield it, after filling and submitting its form when
    the page asks for it. A page of the access matrix (tests/e2e/walk.py) is yielded again after
    its form is sent empty, when that is safe. The HTML the server sent is in ``walker.html``."""
    from tests.e2e.pages import MAIN_PAGES
    from tests.e2e.walk import DANGEROUS, empty_variant

    if pages is None:
        pages = [p for p in MAIN_PAGES if p.keyboard or not keyboard_only]
    # The forms a hand-kept page presses itself are not sent empty a second time.
    pressed = {p.path(walker.objects) for p in pages if p.submit}
    for persona in dict.fromkeys(p.persona for p in pages):
        context = walker.context_for(persona, language=language, **options)
        page = context.new_page()
        page.set_default_timeout(15_000)
        try:
            for page_def in (p for p in pages if p.persona == persona):
                path = page_def.path(walker.objects)
                response = page.goto(path)
                for label, value in page_def.fill.items():
                    exact = re.compile(rf"^\s*{re.escape(label)}:?\s*$")
                    page.locator("main").get_by_label(exact).fill(value)
                if page_def.submit:
                    with page.expect_navigation() as navigation:
                        page.locator("main").get_by_role("button", name=page_def.submit).click()
                    response = navigation.value
                assert response is not None and response.status < 500, page_def
                if page_def.matrix and response.status != 200:
                    walker.problems.append(f"{page_def.slug} ({path}): {response.status}")
                    continue
                if page_def.matrix and "text/html" not in response.headers.get("content-type", ""):
                    walker.problems.append(f"{page_def.matrix} is not a page: add it to SKIPPED "
                                           "in tests/e2e/walk.py")
                    continue
                walker.html = response.text()
                # A map (templates/geo/map.html) draws its markers after the page has loaded.
                page.wait_for_function(MAPS_DRAWN)
                yield page_def, page
                if not page_def.matrix or path in pressed:
                    continue
                button = page.evaluate(EMPTY_FORM_BUTTON, DANGEROUS)
                if not button:
                    continue
                with page.expect_navigation() as navigation:
                    page.locator("[data-walk-submit]").click()
                response = navigation.value
                # A required field was empty: the form must come back with its errors.
                if (response is None or response.status != 200
                        or response.request.redirected_from is not None):
                    walker.problems.append(
                        f"{page_def.slug} ({path}): sent empty, {button!r} was not refused "
                        f"({response and response.status}, {page.url})")
                    continue
                walker.html = response.text()
                yield empty_variant(page_def, button), page
        finally:
            context.close()
