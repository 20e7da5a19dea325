"""Commitments to the roadmap: recorded by a partner, public once confirmed, reminded once when
late."""

import datetime as dt

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from netw import tasks
from netw.exports import registry
from netw.monitoring import indicators
from netw.notifications.models import Notification
from netw.workflow import Status
from sustainability.models import Commitment, CommitmentStatus, Recommendation
from tests.factories import MembershipFactory, StakeholderFactory, UserFactory
from tests.sitemap import sitemap_text
from tests.sustainability.factories import CommitmentFactory, MilestoneFactory

pytestmark = pytest.mark.django_db

LIST = reverse("sustainability:commitment_list")
CREATE = reverse("sustainability:commitment_create")
TODAY = timezone.localdate()


def _data(**changes):
    data = {"description": "Host the national network's yearly assembly until 2030.",
            "due_on": (TODAY + dt.timedelta(days=200)).isoformat(), "status": "open",
            "evidence_link": "", **changes}
    return {k: v for k, v in data.items() if v is not None}


def _recommendation(partner, status=Status.PUBLISHED, title="Reserve public contracts"):
    return Recommendation.objects.create(owner_partner=partner, title=title,
                                         slug=title.lower().replace(" ", "-"), status=status)


def test_a_member_records_a_commitment_that_stays_private_until_the_wp3_lead_confirms_it(
        client, owner, outsider, wp3_lead, partner_a, django_capture_on_commit_callbacks):
    client.force_login(owner)
    response = client.post(CREATE, _data(partner=partner_a.pk, owner_partner=partner_a.pk))
    commitment = Commitment.objects.get()
    assert response.status_code == 302
    assert commitment.owner_partner == partner_a and commitment.created_by == owner
    assert not commitment.is_confirmed
    detail = commitment.get_absolute_url()

    client.logout()
    assert client.get(detail).status_code == 404
    assert "yearly assembly" not in client.get(LIST).content.decode()
    client.force_login(outsider)
    assert client.get(detail).status_code == 404
    assert "yearly assembly" not in client.get(LIST).content.decode()

    client.force_login(wp3_lead)
    assert "Confirm: make it public" in client.get(detail).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("sustainability:commitment_confirm",
                                       args=[commitment.pk]))
    commitment.refresh_from_db()
    assert response.status_code == 302
    assert commitment.confirmed_by == wp3_lead and commitment.confirmed_at is not None
    notice = Notification.objects.get(kind="commitment_confirmed")
    assert notice.recipient == owner and notice.url == detail
    assert [m.to for m in mail.outbox] == [[owner.email]]

    client.logout()
    assert client.get(detail).status_code == 200
    assert "yearly assembly" in client.get(LIST).content.decode()


def test_confirming_twice_notifies_once(client, wp3_lead, owner,
                                        django_capture_on_commit_callbacks):
    commitment = CommitmentFactory(created_by=owner)
    client.force_login(wp3_lead)
    url = reverse("sustainability:commitment_confirm", args=[commitment.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    assert client.post(url).status_code == 403  # confirmed already: nothing left to confirm
    assert Notification.objects.filter(kind="commitment_confirmed").count() == 1


def test_a_member_cannot_confirm_a_commitment(client, owner):
    commitment = CommitmentFactory()
    client.force_login(owner)
    response = client.post(reverse("sustainability:commitment_confirm", args=[commitment.pk]))
    assert response.status_code == 403
    assert not Commitment.objects.get().is_confirmed


def test_members_of_another_partner_do_not_learn_of_unconfirmed_commitments(client, outsider,
                                                                             partner_a):
    CommitmentFactory(partner=partner_a, description="Secret pledge of A3S")
    client.force_login(outsider)
    page = client.get(LIST).content.decode()
    assert "Secret pledge" not in page
    assert "0 commitments" in page


def test_a_member_commits_only_for_their_own_partner(client, owner, partners):
    client.force_login(owner)
    response = client.post(CREATE, _data(partner=partners["idc-serbia"].pk))
    assert response.status_code == 200
    assert "partner" in response.context["form"].errors
    assert not Commitment.objects.exists()


def test_a_coordinator_records_a_commitment_of_any_partner(client, coordinator, partners):
    client.force_login(coordinator)
    response = client.post(CREATE, _data(partner=partners["idc-serbia"].pk,
                                          owner_partner=partners["ensie"].pk))
    assert response.status_code == 302
    assert Commitment.objects.get().partner == partners["idc-serbia"]


def test_a_commitment_of_a_registered_stakeholder(client, owner, wp3_lead, partner_a):
    ministry = StakeholderFactory(name="Demo Ministry of Social Economy")
    client.force_login(owner)
    response = client.post(CREATE, _data(stakeholder=ministry.pk))
    assert response.status_code == 302
    commitment = Commitment.objects.get()
    assert commitment.stakeholder == ministry and commitment.partner is None
    commitment.confirmed_at = timezone.now()
    commitment.save()
    client.logout()
    page = client.get(commitment.get_absolute_url()).content.decode()
    # Confirmed, the commitment is public with its committer's name, not the registry's page.
    assert "Demo Ministry of Social Economy" in page
    assert ministry.get_absolute_url() not in page


def test_who_commits_is_one_partner_or_one_stakeholder(client, owner, partner_a):
    client.force_login(owner)
    response = client.post(CREATE, _data())
    assert "Say who commits" in str(response.context["form"].errors["partner"])
    ministry = StakeholderFactory()
    response = client.post(CREATE, _data(partner=partner_a.pk, stakeholder=ministry.pk))
    assert "one partner or one stakeholder" in str(response.context["form"].errors["stakeholder"])
    assert "Host the national network" in response.content.decode()  # nothing lost
    assert not Commitment.objects.exists()


def test_the_recommendations_offered_are_those_the_member_may_see(client, owner, partner_a,
                                                                   partner_b):
    published = _recommendation(partner_b, title="Published recommendation")
    own_draft = _recommendation(partner_a, Status.DRAFT, title="Own draft recommendation")
    foreign_draft = _recommendation(partner_b, Status.DRAFT, title="Foreign draft")
    client.force_login(owner)
    page = client.get(CREATE).content.decode()
    assert "Published recommendation" in page and "Own draft recommendation" in page
    assert "Foreign draft" not in page
    response = client.post(CREATE, _data(partner=partner_a.pk,
                                          recommendation=foreign_draft.pk))
    assert "recommendation" in response.context["form"].errors
    for allowed in (published, own_draft):
        client.post(CREATE, _data(partner=partner_a.pk, recommendation=allowed.pk))
    assert Commitment.objects.count() == 2


def test_a_confirmed_commitments_draft_recommendation_is_not_named_to_visitors(client,
                                                                               partner_a):
    draft = _recommendation(partner_a, Status.DRAFT, title="Draft recommendation title")
    commitment = CommitmentFactory(recommendation=draft, confirmed_at=timezone.now())
    page = client.get(commitment.get_absolute_url()).content.decode()
    assert "Draft recommendation title" not in page
    assert "Draft recommendation title" not in client.get(LIST).content.decode()


def test_editing_a_confirmed_commitment_keeps_it_confirmed_and_its_history(client, owner,
                                                                          partner_a):
    commitment = CommitmentFactory(confirmed_at=timezone.now(), description="First wording")
    client.force_login(owner)
    response = client.post(reverse("sustainability:commitment_edit", args=[commitment.pk]),
                           _data(partner=partner_a.pk, description="Second wording",
                                 status="in_progress"))
    assert response.status_code == 302
    commitment.refresh_from_db()
    assert commitment.is_confirmed and commitment.description == "Second wording"
    assert [h.description for h in commitment.history.order_by("history_date")] == [
        "First wording", "Second wording"]
    assert "First wording" not in client.get(commitment.get_absolute_url()).content.decode()


def test_the_committed_partners_members_update_a_commitment_others_may_not(
        client, outsider, partner_b, partner_a, owner):
    commitment = CommitmentFactory(owner_partner=partner_b, partner=partner_a,
                                   confirmed_at=timezone.now())
    client.force_login(owner)
    url = reverse("sustainability:commitment_edit", args=[commitment.pk])
    assert client.get(url).status_code == 200
    other = CommitmentFactory(owner_partner=partner_a, partner=partner_a,
                              confirmed_at=timezone.now())
    client.force_login(outsider)
    assert client.get(reverse("sustainability:commitment_edit",
                              args=[other.pk])).status_code == 403


def test_the_evidence_file_is_private_to_the_partners(client, owner, outsider, partner_a):
    client.force_login(owner)
    upload = SimpleUploadedFile("letter.txt", b"We commit.", content_type="text/plain")
    client.post(CREATE, {**_data(partner=partner_a.pk), "evidence_file": upload})
    commitment = Commitment.objects.get()
    evidence = reverse("sustainability:commitment_evidence", args=[commitment.pk])
    response = client.get(evidence)
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"We commit."
    assert response["Content-Security-Policy"].startswith("default-src 'none'")
    client.force_login(outsider)
    assert client.get(evidence).status_code == 404  # not confirmed: not theirs to know
    commitment.confirmed_at = timezone.now()
    commitment.save()
    assert client.get(evidence).status_code == 200
    client.logout()
    assert client.get(evidence).status_code == 302  # to the log-in page
    assert "letter.txt" not in client.get(commitment.get_absolute_url()).content.decode()


def test_the_list_filters_by_status_partner_and_lateness_and_pages(client, partners):
    a, b = partners["a3s"], partners["idc-serbia"]
    now = timezone.now()
    CommitmentFactory(partner=a, owner_partner=a, description="Kept one", confirmed_at=now,
                      status=CommitmentStatus.KEPT)
    CommitmentFactory(partner=b, owner_partner=b, description="Late one", confirmed_at=now,
                      due_on=TODAY - dt.timedelta(days=5))
    for n in range(22):
        CommitmentFactory(partner=b, owner_partner=b, description=f"Bulk {n}",
                          confirmed_at=now)

    def rows(query):
        return client.get(LIST + query).content.decode()

    assert "Kept one" in rows("?status=kept") and "Late one" not in rows("?status=kept")
    page = rows("?late=on")
    assert "Late one" in page and "Kept one" not in page and "Bulk" not in page
    assert "1 commitment" in page
    assert "Kept one" in rows("?partner=a3s") and "Late one" not in rows("?partner=a3s")
    assert "24 commitments" in rows("")
    assert 'href="?page=2"' in rows("") or "page=2" in rows("")
    assert client.get(LIST + "?partner=" + "x" * 500).status_code == 200


def test_a_late_commitment_shows_late(client, partner_a):
    CommitmentFactory(confirmed_at=timezone.now(), due_on=TODAY - dt.timedelta(days=1),
                      status=CommitmentStatus.IN_PROGRESS)
    assert 'class="late-flag">late' in client.get(LIST).content.decode()


# --- The one late reminder -----------------------------------------------------------------------


def _run(capture):
    with capture(execute=True):
        tasks.queue_action_reminders.delay()


def test_a_late_commitment_is_reminded_once_to_its_recorder_and_the_committed_partner(
        owner, colleague, outsider, partner_a, partner_b, django_capture_on_commit_callbacks):
    recorder = MembershipFactory(partner=partner_b, user=UserFactory()).user
    late = CommitmentFactory(owner_partner=partner_b, partner=partner_a, created_by=recorder,
                             due_on=TODAY - dt.timedelta(days=1))
    CommitmentFactory(due_on=TODAY - dt.timedelta(days=1), status=CommitmentStatus.KEPT)
    CommitmentFactory(due_on=TODAY + dt.timedelta(days=1))
    _run(django_capture_on_commit_callbacks)
    _run(django_capture_on_commit_callbacks)
    reminded = Notification.objects.filter(kind="commitment_late")
    assert sorted(n.recipient_id for n in reminded) == sorted([recorder.pk, owner.pk,
                                                               colleague.pk])
    assert all(n.url == late.get_absolute_url() for n in reminded)
    late.refresh_from_db()
    assert late.late_reminder_sent_at is not None
    assert sum("Late commitment" in m.subject for m in mail.outbox) == 3


def test_a_commitment_given_a_later_date_can_be_reminded_again(
        client, owner, partner_a, django_capture_on_commit_callbacks):
    late = CommitmentFactory(created_by=owner, due_on=TODAY - dt.timedelta(days=1))
    _run(django_capture_on_commit_callbacks)
    client.force_login(owner)
    client.post(reverse("sustainability:commitment_edit", args=[late.pk]),
                _data(partner=partner_a.pk, due_on=(TODAY + dt.timedelta(days=30)).isoformat()))
    late.refresh_from_db()
    assert late.late_reminder_sent_at is None and not late.is_late


def test_the_commitment_reminders_ride_the_cores_action_pipeline_in_the_beat_schedule():
    from netw.actions import source_for

    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "netw.tasks.queue_action_reminders" in scheduled
    assert source_for("commitment").overdue_reminder_field == "late_reminder_sent_at"


def test_my_actions_list_the_commitments_i_recorded_and_my_partners(client, owner, outsider,
                                                                    partner_a, partner_b):
    CommitmentFactory(partner=partner_a, description="My partner's pledge")
    CommitmentFactory(owner_partner=partner_a, partner=partner_b, created_by=owner,
                      description="A pledge I recorded for IDC")
    CommitmentFactory(partner=partner_b, owner_partner=partner_b, description="Not mine")
    client.force_login(owner)
    page = client.get(reverse("netw:my_actions")).content.decode()
    assert "My partner&#x27;s pledge" in page or "My partner's pledge" in page
    assert "A pledge I recorded for IDC" in page and "Not mine" not in page


# --- Figures and exports -------------------------------------------------------------------------


def test_the_commitments_indicator_counts_the_confirmed_ones_not_dropped_per_recording_partner(
        partner_a, partner_b):
    now = timezone.now()
    CommitmentFactory(confirmed_at=now)
    CommitmentFactory(confirmed_at=now, due_on=TODAY - dt.timedelta(days=1))  # late: counts
    CommitmentFactory()  # awaiting confirmation: not yet
    CommitmentFactory(confirmed_at=now, status=CommitmentStatus.DROPPED)
    CommitmentFactory(owner_partner=partner_b, partner=partner_a, confirmed_at=now)
    commitments = indicators.get("wp3.commitments")
    assert indicators.value(commitments) == 3
    assert indicators.value(commitments, partner=partner_a) == 2
    assert indicators.by_partner(commitments) == {partner_a.pk: 2, partner_b.pk: 1}


def test_the_commitment_export_holds_what_the_list_shows_with_its_filters(owner, outsider,
                                                                          partners):
    a, b = partners["a3s"], partners["idc-serbia"]
    CommitmentFactory(partner=a, owner_partner=a, description="A3S unconfirmed")
    CommitmentFactory(partner=b, owner_partner=b, description="IDC confirmed",
                      confirmed_at=timezone.now(), status=CommitmentStatus.KEPT)
    export = registry.get("roadmap_commitments")
    assert {r[0] for r in export.rows(owner, {})} == {"A3S unconfirmed", "IDC confirmed"}
    assert {r[0] for r in export.rows(outsider, {})} == {"IDC confirmed"}
    assert {r[0] for r in export.rows(owner, {"status": ["open"]})} == {"A3S unconfirmed"}


def test_the_milestone_export_shows_late_milestones_as_late(owner, partners):
    MilestoneFactory(title="Overdue one", due_on=TODAY - dt.timedelta(days=2))
    MilestoneFactory(title="Upcoming one")
    export = registry.get("roadmap_milestones")
    rows = {r[1]: r for r in export.rows(owner, {})}
    assert rows["Overdue one"][4] == "late" and rows["Upcoming one"][4] == "planned"
    assert [r[1] for r in export.rows(owner, {"status": ["late"]})] == ["Overdue one"]


def test_the_sitemap_lists_the_roadmap_and_confirmed_commitments_only(client, partner_a):
    confirmed = CommitmentFactory(confirmed_at=timezone.now())
    unconfirmed = CommitmentFactory()
    xml = sitemap_text(client)
    assert reverse("sustainability:roadmap") in xml and LIST in xml
    assert confirmed.get_absolute_url() in xml
    assert unconfirmed.get_absolute_url() not in xml
