"""The shared publish workflow, exercised on methodologies: every transition and refusal."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from methodologies.models import Methodology
from netw.notifications.models import Notification
from netw.workflow import (
    IncompleteItem,
    ReviewEvent,
    Status,
    WorkflowError,
    item_publish,
    item_return,
    item_submit,
)
from tests.methodologies.factories import MethodologyFactory

pytestmark = pytest.mark.django_db


def kinds_for(user):
    return list(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


def test_member_submits_a_complete_draft_and_the_wp2_leads_and_coordinators_are_asked(
        owner, wp2_lead, lead, coordinator, outsider):
    methodology = MethodologyFactory(created_by=owner)
    item_submit(item=methodology, by=owner, comment="Ready, I think.")
    methodology.refresh_from_db()
    assert methodology.status == Status.SUBMITTED
    assert methodology.submitted_by == owner and methodology.submitted_at
    event = methodology.review_events.get()
    assert (event.action, event.from_status, event.to_status, event.comment) == (
        "submitted", "draft", "submitted", "Ready, I think.")
    assert kinds_for(wp2_lead) == ["workflow_review_requested"]
    assert kinds_for(coordinator) == ["workflow_review_requested"]
    assert kinds_for(lead) == [] and kinds_for(outsider) == [] and kinds_for(owner) == []


def test_an_incomplete_draft_cannot_be_submitted_and_nothing_changes(owner):
    methodology = MethodologyFactory(evidence="", transfer="", target_groups=[])
    with pytest.raises(IncompleteItem) as refused:
        item_submit(item=methodology, by=owner)
    assert set(refused.value.errors) == {"evidence", "transfer", "target_groups"}
    assert "evidence of results" in refused.value.message
    methodology.refresh_from_db()
    assert methodology.status == Status.DRAFT
    assert not ReviewEvent.objects.exists()


def test_member_of_another_partner_cannot_submit(outsider):
    methodology = MethodologyFactory()
    with pytest.raises(PermissionDenied):
        item_submit(item=methodology, by=outsider)


@pytest.mark.parametrize("status", [Status.SUBMITTED, Status.PUBLISHED])
def test_submitting_twice_is_refused_with_a_clear_message(owner, status):
    methodology = MethodologyFactory(status=status)
    with pytest.raises(WorkflowError, match="already"):
        item_submit(item=methodology, by=owner)


def test_wp2_lead_publishes_and_the_author_is_told(owner, wp2_lead):
    methodology = MethodologyFactory(status=Status.SUBMITTED, submitted_by=owner)
    item_publish(item=methodology, by=wp2_lead, comment="Great example.")
    methodology.refresh_from_db()
    assert methodology.status == Status.PUBLISHED
    assert methodology.published_by == wp2_lead and methodology.published_at
    assert kinds_for(owner) == ["workflow_published"]
    assert Methodology.objects.published().get() == methodology


def test_coordinator_may_publish(coordinator):
    methodology = MethodologyFactory(status=Status.SUBMITTED)
    item_publish(item=methodology, by=coordinator)
    assert methodology.status == Status.PUBLISHED


@pytest.mark.parametrize("persona", ["owner", "outsider", "lead"])
def test_only_reviewers_may_publish(request, persona):
    methodology = MethodologyFactory(status=Status.SUBMITTED)
    with pytest.raises(PermissionDenied):
        item_publish(item=methodology, by=request.getfixturevalue(persona))
    methodology.refresh_from_db()
    assert methodology.status == Status.SUBMITTED


def test_a_draft_cannot_be_published_before_it_is_submitted(wp2_lead):
    methodology = MethodologyFactory()
    with pytest.raises(WorkflowError, match="still a draft"):
        item_publish(item=methodology, by=wp2_lead)


def test_publishing_an_already_published_item_changes_nothing(wp2_lead, coordinator):
    methodology = MethodologyFactory(status=Status.SUBMITTED)
    item_publish(item=methodology, by=coordinator)
    first = Methodology.objects.get(pk=methodology.pk)
    with pytest.raises(WorkflowError, match="already published"):
        item_publish(item=methodology, by=wp2_lead)
    again = Methodology.objects.get(pk=methodology.pk)
    assert (again.published_by, again.published_at) == (coordinator, first.published_at)
    assert ReviewEvent.objects.filter(action="published").count() == 1


def test_returning_needs_comments(wp2_lead):
    methodology = MethodologyFactory(status=Status.SUBMITTED)
    with pytest.raises(WorkflowError) as refused:
        item_return(item=methodology, by=wp2_lead, comment="  ")
    assert "comment" in refused.value.errors


def test_reviewer_returns_with_comments_the_author_sees_them_and_can_resubmit(owner, wp2_lead):
    methodology = MethodologyFactory(status=Status.SUBMITTED, submitted_by=owner)
    item_return(item=methodology, by=wp2_lead, comment="Add figures on job placement.")
    methodology.refresh_from_db()
    assert methodology.status == Status.DRAFT
    assert methodology.last_return().comment == "Add figures on job placement."
    assert kinds_for(owner) == ["workflow_returned"]
    item_submit(item=methodology, by=owner)
    assert methodology.status == Status.SUBMITTED


def test_a_published_item_cannot_be_returned(wp2_lead):
    methodology = MethodologyFactory(status=Status.PUBLISHED)
    with pytest.raises(WorkflowError, match="already published"):
        item_return(item=methodology, by=wp2_lead, comment="Too late")


@pytest.mark.parametrize(("persona", "sees"), [
    (None, {"published"}),
    ("owner", {"draft", "submitted", "published"}),
    ("outsider", {"published"}),
    ("lead", {"published"}),
    ("wp2_lead", {"submitted", "published"}),
    ("coordinator", {"draft", "submitted", "published"}),
])
def test_who_sees_which_state(request, persona, sees):
    from django.contrib.auth.models import AnonymousUser

    for status in ("draft", "submitted", "published"):
        MethodologyFactory(status=status, title=status)
    user = request.getfixturevalue(persona) if persona else AnonymousUser()
    visible = set(Methodology.objects.visible_to(user).values_list("title", flat=True))
    assert visible == sees


def test_editing_a_published_methodology_keeps_it_published_with_history(client, owner):
    methodology = MethodologyFactory(status=Status.PUBLISHED)
    client.force_login(owner)
    data = {"title": "A new title", "language": "en", "summary": methodology.summary,
            "body": methodology.body, "problem": methodology.problem,
            "learning_setting": "mixed", "country": "PT", "evidence": "e", "transfer": "t",
            "target_groups": [methodology.target_groups.get().pk]}
    response = client.post(reverse("methodologies:methodology_edit", args=[methodology.slug]),
                           data)
    assert response.status_code == 302
    methodology.refresh_from_db()
    assert methodology.title == "A new title" and methodology.status == Status.PUBLISHED
    assert methodology.history.count() == 2
    assert methodology.history.earliest().title != "A new title"


def test_submitting_an_incomplete_draft_in_the_browser_lists_the_missing_fields(client, owner):
    methodology = MethodologyFactory(evidence="", target_groups=[])
    client.force_login(owner)
    response = client.post(reverse("methodologies:methodology_submit", args=[methodology.slug]),
                           follow=True)
    # On the draft's edit page, each missing field says so.
    assert response.redirect_chain[-1][0] == reverse(
        "methodologies:methodology_edit", args=[methodology.slug]) + "?missing=1"
    form = response.context["form"]
    assert set(form.errors) == {"evidence", "target_groups"}
    assert "Required for publication." in response.content.decode()


def test_save_and_submit_from_the_form(client, owner):
    client.force_login(owner)
    from providers.models import TargetGroup

    data = {"title": "Job coaching in a bakery", "language": "en", "summary": "s", "body": "b",
            "problem": "p", "learning_setting": "on_the_job", "country": "PT", "evidence": "e",
            "transfer": "t", "target_groups": [TargetGroup.objects.first().pk], "submit": "1"}
    response = client.post(reverse("methodologies:methodology_create"), data)
    assert response.status_code == 302
    methodology = Methodology.objects.get()
    assert methodology.slug == "job-coaching-in-a-bakery"
    assert methodology.status == Status.SUBMITTED
    assert methodology.owner_partner.slug == "a3s" and methodology.created_by == owner


def test_reviewer_publishes_through_the_review_page(client, wp2_lead):
    methodology = MethodologyFactory(status=Status.SUBMITTED)
    client.force_login(wp2_lead)
    page = reverse("methodologies:methodology_review", args=[methodology.slug])
    assert client.get(page).status_code == 200
    response = client.post(page, {"decision": "publish", "comment": "",
                                  "confirm_public": "on"}, follow=True)
    assert "it is now public" in response.content.decode()
    methodology.refresh_from_db()
    assert methodology.is_published
    response = client.post(page, {"decision": "return", "comment": "late"}, follow=True)
    assert "already published" in response.content.decode()


def test_return_without_comment_shows_the_error_next_to_the_field(client, wp2_lead):
    methodology = MethodologyFactory(status=Status.SUBMITTED)
    client.force_login(wp2_lead)
    response = client.post(reverse("methodologies:methodology_review", args=[methodology.slug]),
                           {"decision": "return", "comment": ""})
    assert response.status_code == 200
    assert "comment" in response.context["form"].errors
    methodology.refresh_from_db()
    assert methodology.is_submitted
