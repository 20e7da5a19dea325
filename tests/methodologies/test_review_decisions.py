"""One review decision (netw.workflow.item_decide and review_decision) for every reviewed item:
methodologies and publications here, good practices and recommendations when WP3 lands."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from netw.workflow import Decision, Status, WorkflowError, item_decide
from tests.methodologies.factories import MethodologyFactory, PublicationFactory

pytestmark = pytest.mark.django_db

KINDS = {
    "methodology": (MethodologyFactory, "methodologies:methodology_review"),
    "publication": (PublicationFactory, "methodologies:publication_review"),
}


@pytest.fixture(params=list(KINDS))
def submitted(request, partner_a):
    factory, review_url = KINDS[request.param]
    item = factory(owner_partner=partner_a, status=Status.SUBMITTED)
    if request.param == "publication":
        item.files.create(language="en", file="x.pdf", size=1)
    return item, reverse(review_url, args=[item.slug])


def test_a_decision_to_publish_publishes(wp2_lead, partner_a):
    item = MethodologyFactory(owner_partner=partner_a, status=Status.SUBMITTED)
    item_decide(item=item, by=wp2_lead, decision=Decision.PUBLISH)
    item.refresh_from_db()
    assert item.is_published
    assert item.review_events.get().action == "published"


def test_a_decision_to_return_needs_comments_and_keeps_them(wp2_lead, partner_a):
    item = MethodologyFactory(owner_partner=partner_a, status=Status.SUBMITTED)
    with pytest.raises(WorkflowError):
        item_decide(item=item, by=wp2_lead, decision=Decision.RETURN, comment=" ")
    item_decide(item=item, by=wp2_lead, decision="return", comment="Add the evidence.")
    item.refresh_from_db()
    assert item.is_draft and item.last_return().comment == "Add the evidence."


def test_an_unknown_decision_is_refused(wp2_lead, partner_a):
    item = MethodologyFactory(owner_partner=partner_a, status=Status.SUBMITTED)
    with pytest.raises(ValueError):
        item_decide(item=item, by=wp2_lead, decision="archive")
    item.refresh_from_db()
    assert item.is_submitted


def test_only_reviewers_decide(owner, partner_a):
    item = MethodologyFactory(owner_partner=partner_a, status=Status.SUBMITTED)
    with pytest.raises(PermissionDenied):
        item_decide(item=item, by=owner, decision=Decision.PUBLISH)


def test_every_reviewed_kind_is_published_through_its_review_address(client, wp2_lead,
                                                                     submitted):
    item, review_url = submitted
    client.force_login(wp2_lead)
    response = client.post(review_url, {"decision": "publish", "comment": "",
                                        "confirm_public": "on"}, follow=True)
    assert "Published: it is now public." in response.content.decode()
    item.refresh_from_db()
    assert item.is_published


def test_every_reviewed_kind_returned_by_another_partners_lead_sends_the_lead_to_the_workspace(
        client, wp2_lead, submitted):
    item, review_url = submitted
    client.force_login(wp2_lead)  # Galileo Progetti: the draft of A3S is no longer theirs to see
    response = client.post(review_url, {"decision": "return", "comment": "Shorter, please."})
    assert response.url == reverse("methodologies:methodology_workspace")
    item.refresh_from_db()
    assert item.is_draft


def test_every_reviewed_kind_refuses_a_return_without_comments(client, wp2_lead, submitted):
    item, review_url = submitted
    client.force_login(wp2_lead)
    response = client.post(review_url, {"decision": "return", "comment": ""}, follow=True)
    assert "Say what should change" in response.content.decode()
    item.refresh_from_db()
    assert item.is_submitted


def test_every_reviewed_kind_refuses_a_decision_from_an_author(client, owner, submitted):
    item, review_url = submitted
    client.force_login(owner)
    assert client.post(review_url, {"decision": "publish",
                                    "confirm_public": "on"}).status_code == 403
    item.refresh_from_db()
    assert item.is_submitted


def test_publishing_needs_the_confirmation_on_every_reviewed_kind(client, wp2_lead, submitted):
    item, review_url = submitted
    client.force_login(wp2_lead)
    response = client.post(review_url, {"decision": "publish", "comment": ""}, follow=True)
    assert "Tick this box to confirm" in response.content.decode()
    item.refresh_from_db()
    assert item.is_submitted and not item.review_events.exists()
