"""Friction in the publish workflow (issue #15): an incomplete "Save and submit for review", a
second draft with the same title, a review preview that left facts out, a Publish button that
published on one stray press, printable pages without a Print button."""

import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from methodologies.models import Methodology
from netw.workflow import Status, drafts_titled
from providers.models import Sector
from tests.methodologies.factories import MethodologyFactory
from tests.sustainability.factories import GoodPracticeFactory

pytestmark = pytest.mark.django_db

INCOMPLETE = {"title": "Beekeeping apprenticeships", "language": "en",
              "summary": "Young people learn beekeeping.", "submit": "1"}


def _messages(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


# --- An incomplete "Save and submit for review" -------------------------------------------------


def test_an_incomplete_save_and_submit_says_so_and_goes_to_the_drafts_edit_page(client, owner):
    client.force_login(owner)
    response = client.post(reverse("methodologies:methodology_create"), INCOMPLETE)
    methodology = Methodology.objects.get()
    edit = reverse("methodologies:methodology_edit", args=[methodology.slug])
    assert response.status_code == 302 and response.url == edit + "?missing=1"
    assert methodology.is_draft
    [message] = _messages(response)
    assert message.startswith("Your draft was saved. It cannot be submitted yet: ")
    assert "evidence" in message.lower()

    page = client.get(response.url)
    form = page.context["form"]
    assert {"body", "problem", "evidence", "transfer", "target_groups"} <= set(form.errors)
    html = page.content.decode()
    assert "Required for publication." in html
    assert "error-summary" in html


def test_submitting_again_from_the_edit_page_creates_no_duplicate(client, owner):
    client.force_login(owner)
    client.post(reverse("methodologies:methodology_create"), INCOMPLETE)
    methodology = Methodology.objects.get()
    # The person carries on where they were sent: the edit page of the same draft.
    client.post(reverse("methodologies:methodology_edit", args=[methodology.slug]),
                {**INCOMPLETE, "body": "Hives."})
    assert Methodology.objects.count() == 1
    methodology.refresh_from_db()
    assert methodology.body == "Hives." and methodology.is_draft


def test_the_edit_page_shows_no_errors_unless_asked(client, owner):
    methodology = MethodologyFactory(owner_partner=owner.memberships.get().partner, evidence="")
    client.force_login(owner)
    page = client.get(reverse("methodologies:methodology_edit", args=[methodology.slug]))
    assert not page.context["form"].errors


# --- The same title twice -----------------------------------------------------------------------


def test_a_draft_with_the_same_title_is_pointed_out_next_to_the_title(client, owner, partner_a):
    existing = MethodologyFactory(owner_partner=partner_a, title="Beekeeping Apprenticeships")
    client.force_login(owner)
    response = client.post(reverse("methodologies:methodology_create"),
                           {**INCOMPLETE, "submit": ""})
    assert response.status_code == 200  # shown again, nothing saved yet
    assert Methodology.objects.count() == 1
    html = response.content.decode()
    warning = re.search(r'<p class="field-warning"[^>]*>(.*?)</p>', html, re.S).group(1)
    assert "already has a draft with this title" in warning
    assert f'href="{existing.get_absolute_url()}"' in warning
    # Not an error: saving again saves anyway.
    response = client.post(reverse("methodologies:methodology_create"),
                           {**INCOMPLETE, "submit": "", "same_title_seen": "1"})
    assert response.status_code == 302
    assert Methodology.objects.filter(title__iexact="beekeeping apprenticeships").count() == 2


def test_another_partners_draft_is_never_revealed(client, outsider, partner_a):
    MethodologyFactory(owner_partner=partner_a, title="Beekeeping apprenticeships",
                       summary="A's secret plan")
    client.force_login(outsider)
    response = client.post(reverse("methodologies:methodology_create"),
                           {**INCOMPLETE, "submit": ""})
    assert response.status_code == 302  # saved at once: no warning
    assert Methodology.objects.count() == 2
    assert "field-warning" not in client.get(response.url).content.decode()


def test_published_items_are_not_duplicates(owner, partner_a):
    MethodologyFactory(owner_partner=partner_a, title="Same", status=Status.PUBLISHED)
    assert not drafts_titled(Methodology, owner, "same", partner_id=partner_a.pk).exists()
    MethodologyFactory(owner_partner=partner_a, title="Same")
    assert drafts_titled(Methodology, owner, " SAME ", partner_id=partner_a.pk).count() == 1


# --- The reviewer's page ------------------------------------------------------------------------


@pytest.fixture
def submitted(partner_a):
    methodology = MethodologyFactory(
        owner_partner=partner_a, status=Status.SUBMITTED, duration="Eleven weeks",
        origin_organisation="Colmeia cooperative", resources="The **hive handbook**.")
    methodology.sectors.set([Sector.objects.first()])
    return methodology


def test_the_review_preview_shows_the_page_as_the_public_will_see_it(client, wp2_lead,
                                                                      submitted):
    client.force_login(wp2_lead)
    html = client.get(reverse("methodologies:methodology_review",
                              args=[submitted.slug])).content.decode()
    preview = html[html.index("What the public will see"):]
    for text in ("Sectors", str(Sector.objects.first()), "Eleven weeks", "Colmeia cooperative",
                 "Written in", "English", "Resources", "<strong>hive handbook</strong>"):
        assert text in preview, text


def test_the_first_button_of_the_review_form_is_not_publish(client, wp2_lead, submitted):
    client.force_login(wp2_lead)
    html = client.get(reverse("methodologies:methodology_review",
                              args=[submitted.slug])).content.decode()
    form = re.search(r'<form method="post"[^>]*>(.*?)</form>', html[html.index("Your decision")
                                                                    - 200:], re.S).group(1)
    buttons = re.findall(r'<button type="submit" name="decision" value="(\w+)"', form)
    assert buttons == ["return", "publish"]


def test_publishing_without_the_confirmation_publishes_nothing(client, wp2_lead, submitted):
    client.force_login(wp2_lead)
    url = reverse("methodologies:methodology_review", args=[submitted.slug])
    response = client.post(url, {"decision": "publish", "comment": ""})
    assert response.status_code == 200
    assert "confirm_public" in response.context["form"].errors
    assert "Tick this box to confirm" in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.is_submitted and not submitted.review_events.exists()

    response = client.post(url, {"decision": "publish", "comment": "", "confirm_public": "on"})
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.is_published


def test_returning_needs_no_confirmation(client, wp2_lead, submitted):
    client.force_login(wp2_lead)
    client.post(reverse("methodologies:methodology_review", args=[submitted.slug]),
                {"decision": "return", "comment": "Add the hours."})
    submitted.refresh_from_db()
    assert submitted.is_draft


# --- Print buttons ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["methodology", "goodpractice"])
def test_every_printable_page_has_a_print_button(client, partner_a, kind):
    if kind == "methodology":
        item = MethodologyFactory(owner_partner=partner_a, status=Status.PUBLISHED)
        url = reverse("methodologies:methodology_print", args=[item.slug])
    else:
        item = GoodPracticeFactory(owner_partner=partner_a, status=Status.PUBLISHED)
        url = reverse("sustainability:goodpractice_print", args=[item.slug])
    html = client.get(url).content.decode()
    button = re.search(r'<p class="print-controls no-print">.*?</p>', html, re.S).group(0)
    assert re.search(r'<button type="button"[^>]*data-print hidden>Print</button>', button)
    assert "Print command" in button  # the hint for when scripts do not run
    assert "<script>" not in button and "onclick" not in button
