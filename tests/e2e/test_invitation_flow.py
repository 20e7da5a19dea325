"""The demo coordinator logs in with the second factor, invites someone; the invitee joins."""

import re

from django.core import mail

from netw.demo import DEMO_TOTP_SECRET
from netw.roles import Role
from tests.e2e.conftest import login
from tests.factories import DEFAULT_PASSWORD, MembershipFactory, UserFactory


def test_coordinator_invites_a_person_who_then_joins(page, partners, screenshot):
    coordinator = MembershipFactory(
        partner=partners["ensie"], role=Role.COORDINATOR,
        user=UserFactory(email="coordinator@ensie.example.org", totp=True),
    ).user

    login(page, coordinator.email, DEFAULT_PASSWORD, totp_secret=DEMO_TOTP_SECRET)
    page.get_by_role("heading", name=re.compile("Welcome")).wait_for()
    screenshot(page, "my-home-coordinator")

    # Invitations are among the coordinator's own pages, under "My home".
    page.get_by_role("navigation", name="Main").get_by_role("link", name="My home").click()
    page.get_by_role("navigation", name="My home").get_by_role("link", name="Invitations").click()
    page.get_by_label("E-mail address").fill("new.colleague@example.org")
    page.get_by_label("Partner").select_option(label="CDI Macedonia")
    page.get_by_label("Role").select_option(label="Work-package lead")
    page.get_by_role("button", name="Send invitation").click()
    page.get_by_text("Invitation sent to new.colleague@example.org").wait_for()
    screenshot(page, "invitations-coordinator")

    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/invite/\S+/", mail.outbox[0].body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]

    page.get_by_role("button", name="Log out").first.click()
    page.goto("/" + path)
    page.get_by_label("First name").fill("Ana")
    page.get_by_label("Last name").fill("Petrovska")
    page.locator("#id_password1").fill("a-long-enough-passphrase")
    page.get_by_label("Password (again)").fill("a-long-enough-passphrase")
    page.get_by_role("button", name="Create my account").click()
    page.get_by_role("heading", name="Welcome, Ana").wait_for()
    assert page.get_by_text("CDI Macedonia").first.is_visible()
    screenshot(page, "my-home-new-member")

    # The link works once.
    page.get_by_role("button", name="Log out").first.click()
    page.goto("/" + path)
    page.get_by_text("already been used").wait_for()
