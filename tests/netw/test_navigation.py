"""The main menu and each section's menu: where people are, and only what they may open."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _nav(html: str, label: str) -> str:
    match = re.search(rf'<nav class="[^"]*" aria-label="{label}">(.*?)</nav>', html, re.S)
    assert match, f"no navigation named {label!r}"
    return match.group(1)


def _links(nav_html: str) -> dict[str, str]:
    """Link text → aria-current value ("" when not current)."""
    return {text.strip(): current or "" for current, text in re.findall(
        r'<a href="[^"]*"(?: aria-current="([a-z]+)")?>([^<]+)</a>', nav_html)}


def _page(client, user, name, *args):
    if user is not None:
        client.force_login(user)
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    return response.content.decode()


def test_a_visitor_sees_the_public_sections_only(client, partners):
    main = _links(_nav(_page(client, None, "netw:home"), "Main"))
    assert list(main) == ["Methodologies", "Sustainability", "Registry", "Peer sessions",
                          "Calendar", "Courses", "About"]


def test_a_member_also_has_their_own_pages(client, owner):
    main = _links(_nav(_page(client, owner, "netw:home"), "Main"))
    assert "My home" in main


def test_the_section_menu_shows_where_you_are(client, owner):
    html = _page(client, owner, "providers:network_list")
    assert _links(_nav(html, "Main"))["Registry"] == "true"
    section = _links(_nav(html, "Registry"))
    assert section["Networks"] == "page"
    assert section["Providers"] == ""


def test_a_record_page_marks_its_list_in_the_section_menu(client, owner):
    from tests.factories import ProviderFactory

    provider = ProviderFactory(owner_partner=owner.memberships.get().partner)
    html = _page(client, owner, "providers:provider_detail", provider.pk)
    assert _links(_nav(html, "Registry"))["Providers"] == "true"


def test_partners_pages_belong_to_about_not_to_the_registry(client, partners):
    html = _page(client, None, "providers:partner_detail", "a3s")
    assert _links(_nav(html, "Main"))["About"] == "true"
    assert _links(_nav(html, "About"))["Partners"] == "true"


def test_the_calendar_is_current_in_the_main_menu_itself(client, partners):
    main = _links(_nav(_page(client, None, "events:calendar_month"), "Main"))
    assert main["Calendar"] == "page"
    assert main["Peer sessions"] == ""  # one current entry, not two


@pytest.mark.parametrize(("persona", "hidden", "shown"), [
    ("anonymous", {"Stakeholders", "Import providers", "Deleted records"},
     {"Providers", "Networks", "Countries"}),
    ("member_a", {"Deleted records"}, {"Stakeholders", "Import providers"}),
    ("coordinator", set(), {"Stakeholders", "Import providers", "Deleted records"}),
])
def test_registry_menu_per_role(client, personas, persona, hidden, shown):
    links = _links(_nav(_page(client, personas[persona], "providers:provider_list"), "Registry"))
    assert shown <= set(links)
    assert not hidden & set(links)


@pytest.mark.parametrize(("persona", "hidden", "shown"), [
    ("anonymous", {"My methodologies", "Study visits", "Matchmaking", "Dissemination"},
     {"Inventory", "Roundtables", "Publications"}),
    ("member_b", set(), {"My methodologies", "Study visits", "Matchmaking", "Dissemination"}),
])
def test_methodologies_menu_per_role(client, personas, persona, hidden, shown):
    html = _page(client, personas[persona], "methodologies:methodology_list")
    links = _links(_nav(html, "Methodologies"))
    assert shown <= set(links)
    assert not hidden & set(links)


@pytest.mark.parametrize(("persona", "has_coordinator_pages"), [
    ("member_a", False), ("lead", False), ("coordinator", True)])
def test_my_home_menu_per_role(client, personas, persona, has_coordinator_pages):
    links = _links(_nav(_page(client, personas[persona], "netw:my_home"), "My home"))
    assert {"Notifications", "My exports", "Profile and security"} <= set(links)
    assert ("Invitations" in links) is has_coordinator_pages
    assert ("Undelivered e-mails" in links) is has_coordinator_pages


def test_every_menu_link_opens_for_the_person_it_is_shown_to(client, personas, partners):
    """No dead ends: each entry a persona sees answers 200 for that persona."""
    from django.contrib.auth.models import AnonymousUser

    from netw.navigation import SECTIONS

    for persona, user in personas.items():
        client.logout()
        if user is not None:
            client.force_login(user)
        viewer = user or AnonymousUser()
        for section in SECTIONS:
            if section.needs_login and not viewer.is_authenticated:
                continue
            for entry in section.entries:
                if not entry.visible_to(viewer):
                    continue
                response = client.get(reverse(entry.url_name))
                assert response.status_code == 200, (persona, entry.url_name)


def test_the_calendar_list_keeps_the_calendar_current(client, partners):
    html = _page(client, None, "events:calendar_list")
    main = _links(_nav(html, "Main"))
    assert main["Calendar"] == "true"
    assert main["Peer sessions"] == ""
    # The calendar is named once: in the main menu, not again in the peer sessions' band.
    assert "Calendar" not in _links(_nav(html, "Peer sessions"))


def test_the_menus_name_the_calendar_once(client, personas, partners):
    client.force_login(personas["member_a"])
    for name in ("peersessions:session_list", "events:calendar_month", "netw:home"):
        menus = re.findall(r"<nav .*?</nav>", _page(client, None, name), re.S)
        assert sum(len(re.findall(r">\s*Calendar\s*</a>", m)) for m in menus) == 1, name


def test_a_learner_finds_the_courses_and_their_own_learning_page(client, mooc_learner):
    html = _page(client, mooc_learner, "peersessions:course_list")
    assert _links(_nav(html, "Main"))["Courses"] == "page"
    section = _links(_nav(html, "Courses"))
    assert list(section) == ["Courses", "My learning"]
