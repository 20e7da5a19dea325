"""The filterable list of checkboxes (netw.widgets.FilterableCheckboxList) in Chromium, on the
session form: typing in the filter box hides the other names and says how many are shown, a
person is ticked with the keyboard (Space), the form is sent with that choice; axe finds nothing
on the form, and at 390 px the page does not scroll sideways."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from netw.topics import seed_topics
from peersessions.models import Session, Topic
from tests.e2e.conftest import AXE_JS, _unavailable
from tests.e2e.test_accessibility import AXE_RUN, PHONE, WCAG_TAGS, _describe, too_wide
from tests.factories import MembershipFactory, UserFactory


@pytest.fixture(autouse=True)
def _topics(transactional_db):
    seed_topics(Topic)  # the live server's tests flush the rows the migration made


def _person(partner, first, last):
    email = f"{first.lower()}@{partner.slug}.example.org"
    return MembershipFactory(partner=partner, user=UserFactory(
        email=email, first_name=first, last_name=last)).user


@pytest.fixture
def host_page(browser, live_server, partners):
    host = _person(partners["a3s"], "Helena", "Host")
    context = browser.new_context(base_url=live_server.url, locale="en-GB", bypass_csp=True,
                                  viewport={"width": 1280, "height": 900})
    client = Client()
    client.force_login(host)
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME,
                          "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                          "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_filtering_ticking_by_keyboard_and_sending(host_page, partners):
    page = host_page
    for first, last in (("Ana", "Sousa"), ("Bálint", "Kovács"), ("Marija",
                        "Petrović-Stojanović with a long name that wraps on a phone")):
        _person(partners["idc-serbia"], first, last)
    page.goto(_create_path())
    invite = page.get_by_role("group", name=re.compile(r"^Invite people"))
    boxes = invite.get_by_role("checkbox")
    total = boxes.count()
    assert total >= 4
    status = invite.get_by_role("status")
    assert status.text_content() == f"Shown: {total} of {total}. Selected: 0."

    filter_box = invite.get_by_label("Filter the list")
    filter_box.fill("kovacs")  # without the accent: found all the same
    status.filter(has_text=f"Shown: 1 of {total}.").wait_for()
    assert invite.get_by_role("checkbox", name=re.compile("Bálint Kovács")).is_visible()
    assert not invite.get_by_role("checkbox", name=re.compile("Ana Sousa")).is_visible()
    assert boxes.filter(visible=True).count() == 1

    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.parentElement.textContent")
    assert "Bálint Kovács" in focused
    page.keyboard.press("Space")
    status.filter(has_text="Selected: 1.").wait_for()
    # A ticked person stays in view whatever is typed; clearing the filter shows everyone.
    filter_box.fill("sousa")
    status.filter(has_text=f"Shown: 2 of {total}. Selected: 1.").wait_for()
    assert invite.get_by_role("checkbox", name=re.compile("Bálint Kovács")).is_checked()
    filter_box.fill("")
    status.filter(has_text=f"Shown: {total} of {total}.").wait_for()
    filter_box.press("Enter")  # only filters: the form is not sent
    assert page.url.endswith(_create_path())

    if not AXE_JS.exists():
        _unavailable("axe-core is not installed: run `make node-tools` (needs npm)")
    page.add_script_tag(path=str(AXE_JS))
    violations = page.evaluate(AXE_RUN, WCAG_TAGS)
    assert not violations, _describe(violations)

    page.get_by_label("Title").fill("Keeping members")
    page.get_by_label("Topic").select_option(label="Advocacy and communication")
    start = timezone.localtime() + timedelta(days=3)
    page.get_by_label("Starts at").fill(start.strftime("%Y-%m-%dT10:00"))
    page.get_by_label("Ends at").fill(start.strftime("%Y-%m-%dT12:00"))
    page.get_by_label("Meeting link").fill("https://meet.example.org/members")
    page.get_by_role("button", name="Save and send invitations").click()
    page.get_by_text("scheduled and the invitations sent").wait_for()
    session = Session.objects.get(title="Keeping members")
    assert list(session.participants.values_list("user__last_name", flat=True)) == ["Kovács"]


def test_the_form_with_long_lists_fits_a_phone(host_page, partners):
    page = host_page
    for number in range(30):
        _person(partners["idc-serbia"], f"Person{number}",
                "Averyveryverylongsurnamewithoutanyspaceinsideittotestwrapping")
    page.set_viewport_size(PHONE)
    page.goto(_create_path())
    invite = page.get_by_role("group", name=re.compile(r"^Invite people"))
    invite.get_by_label("Filter the list").fill("person1")
    invite.get_by_role("status").filter(has_text="Shown: 11 of").wait_for()
    assert too_wide(page) is None
    box = invite.locator("[data-checklist]").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]


def _create_path() -> str:
    from django.urls import reverse

    return reverse("peersessions:session_create")
