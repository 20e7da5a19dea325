"""A visitor signs up, verifies the address, enrols, completes a short course (a quiz included),
downloads the certificate and opens its verification page."""

import re

from django.core import mail

from peersessions.models import Certificate
from tests.peersessions.courses.learner_factories import short_course

PASSWORD = "a-long-enough-learner-passphrase"


def _link(pattern: str) -> str:
    for message in reversed(mail.outbox):
        found = re.search(pattern, message.body)
        if found:
            return "/" + found.group(0).split("://", 1)[1].split("/", 1)[1]
    raise AssertionError(f"No e-mail with {pattern}: {[m.subject for m in mail.outbox]}")


def test_a_visitor_signs_up_verifies_enrols_completes_and_proves_it(page, partners, screenshot):
    parts = short_course(title="Starting a network")
    course = parts["course"]

    # The catalogue, the course page, the free first lesson.
    page.goto("/courses/")
    page.get_by_role("link", name="Starting a network").click()
    page.get_by_role("heading", name="Syllabus").wait_for()
    page.get_by_role("link", name="Read the first lesson now").click()
    page.get_by_role("heading", name="What a network is").wait_for()

    # Sign up.
    page.get_by_role("link", name="Sign up").first.click()
    page.get_by_label("E-mail address").fill("stranger@example.net")
    page.get_by_label("Your name, as it should appear on your certificates").fill("Sam Stranger")
    page.locator("#id_password1").fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    page.get_by_role("heading", name="Check your inbox").wait_for()
    screenshot(page, "mooc-signed-up")

    # Confirm the address with the link of the e-mail, then log in.
    page.goto(_link(r"https?://\S+/accounts/confirm-email/\S+/"))
    page.get_by_role("button", name="Confirm").click()
    page.get_by_label("Email").fill("stranger@example.net")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("heading", name="My learning").wait_for()

    # Enrol, do the first lesson, pass the quiz of the second.
    page.goto(course.get_absolute_url())
    page.get_by_role("button", name="Enrol in this course").click()
    page.get_by_role("heading", name="What a network is").wait_for()
    page.get_by_role("button", name="Mark as done").click()
    page.get_by_role("heading", name="What members get").wait_for()
    page.get_by_label("Buildings").check()
    page.get_by_role("button", name="Check my answers").click()
    page.get_by_text("No: think of the people.").wait_for()
    page.get_by_label("Members").check()
    page.get_by_role("button", name="Try again").click()
    page.get_by_text("you completed the course").wait_for()
    screenshot(page, "mooc-completed")

    # The certificate: its page, its PDF, its verification link from the e-mail.
    certificate = Certificate.objects.get(enrolment__course=course)
    page.get_by_role("link", name="Your certificate").click()
    page.get_by_text("This certificate is valid").wait_for()
    with page.expect_download() as download:
        page.get_by_role("link", name="Certificate (PDF)").click()
    path = download.value.path()
    assert open(path, "rb").read(4) == b"%PDF"

    page.get_by_role("button", name="Log out").first.click()
    page.goto(_link(r"https?://\S+/certificates/\S+/"))
    page.get_by_text("Sam Stranger").wait_for()
    assert page.get_by_text("This certificate is valid").is_visible()
    assert certificate.code in page.url
    screenshot(page, "mooc-certificate-verification")
