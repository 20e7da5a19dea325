"""The monitoring dashboard in Chromium: a coordinator reads the statuses in words, axe finds
nothing, at 390 px the page does not scroll sideways, and the keyboard alone reaches a figure's
drill-down and opens it."""

import datetime

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from netw.monitoring.models import ReportingPeriod, Target
from netw.roles import Role
from tests.e2e.conftest import AXE_JS, _unavailable
from tests.e2e.test_accessibility import AXE_RUN, PHONE, WCAG_TAGS, _describe, too_wide
from tests.factories import MembershipFactory, ProviderFactory, UserFactory


@pytest.fixture
def coordinator_page(browser, live_server, partners):
    # A coordinator has a second factor, or the portal sends them to set one up.
    user = UserFactory(email="coord@ensie.example.org", totp=True)
    coordinator = MembershipFactory(partner=partners["ensie"], role=Role.COORDINATOR,
                                    user=user).user
    context = browser.new_context(base_url=live_server.url, locale="en-GB", bypass_csp=True,
                                  viewport={"width": 1280, "height": 900})
    client = Client()
    client.force_login(coordinator)
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME,
                          "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                          "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_the_dashboard_reads_in_words_and_the_keyboard_reaches_the_records(coordinator_page,
                                                                           partners, screenshot):
    page = coordinator_page
    today = timezone.localdate()
    period = ReportingPeriod.objects.create(name="Interim", starts_on=today - datetime.timedelta(
        days=30), ends_on=today + datetime.timedelta(days=30))
    ProviderFactory.create_batch(3, owner_partner=partners["a3s"], name="Lisbon cooperative")
    Target.objects.create(indicator="wp1.providers_mapped", period=period, value=4)
    Target.objects.create(indicator="wp1.stakeholders", period=period, value=8)

    page.goto("/monitoring/")
    page.get_by_label("Reporting period").select_option(value=str(period.pk))
    page.get_by_role("button", name="Show").first.click()
    page.get_by_text("1 indicator behind:").wait_for()
    row = page.locator("#ind-wp1-providers_mapped")
    assert "3 of 4 (75 %)" in row.inner_text()
    assert "on track" in row.inner_text()
    screenshot(page, "monitoring-dashboard")

    if not AXE_JS.exists():
        _unavailable("axe-core is not installed: run `make node-tools` (needs npm)")
    page.add_script_tag(path=str(AXE_JS))
    violations = page.evaluate(AXE_RUN, WCAG_TAGS)
    assert not violations, _describe(violations)

    page.set_viewport_size(PHONE)
    assert too_wide(page) is None
    screenshot(page, "monitoring-dashboard-phone")
    page.set_viewport_size({"width": 1280, "height": 900})

    link = row.get_by_role("link")
    for _ in range(200):
        page.keyboard.press("Tab")
        if link.evaluate("a => a === document.activeElement"):
            break
    else:
        raise AssertionError("the keyboard never reached the providers' drill-down link")
    page.keyboard.press("Enter")
    page.get_by_role("heading", level=1, name="3 records behind ‘Providers mapped’ in Interim"
                     ).wait_for()
    assert page.get_by_role("link", name="Lisbon cooperative").count() == 3
