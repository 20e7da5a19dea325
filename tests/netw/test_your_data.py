""""Your data": a person sees and downloads what the portal holds about them (and nobody else's),
and closes their own account."""

import json

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.urls import reverse

from netw.accounts.services import account_close
from netw.events.models import CalendarFeed
from netw.models import User
from netw.notifications.models import Notification, NotificationPreference
from peersessions.models import Certificate, Enrolment
from providers.models import Membership
from providers.services import provider_register
from tests.access import ALL_PERSONAS, LOGIN, expected_status
from tests.factories import DEFAULT_PASSWORD, InvitationFactory, ProviderFactory
from tests.netw.access_rows_yourdata import EXTRA_ROWS
from tests.peersessions.courses.learner_factories import CourseFactory
from tests.peersessions.factories import FeedbackFactory, FollowUpActionFactory

pytestmark = pytest.mark.django_db

PAGE = "/account/your-data/"


def download(client) -> dict:
    response = client.get(reverse("netw:your_data_download"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return json.loads(response.content)


def rows(document, key) -> list[dict]:
    return next(s for s in document["sections"] if s["key"] == key)["rows"]


def test_the_page_has_the_address_the_privacy_notice_links_to():
    assert reverse("netw:your_data") == PAGE


def test_the_json_holds_the_persons_own_records_and_not_another_persons(
        client, owner, colleague, partner_a):
    ProviderFactory(owner_partner=partner_a, name="Mine Provider", created_by=owner,
                    updated_by=owner)
    ProviderFactory(owner_partner=partner_a, name="Colleague Provider", created_by=colleague,
                    updated_by=colleague)
    FeedbackFactory(user=owner, comment="My own view of it")
    FeedbackFactory(user=colleague, comment="The colleague's view")
    FollowUpActionFactory(owner=owner, description="Send the survey")
    client.force_login(owner)
    document = download(client)
    assert document["format"] == "net-works-personal-data" and document["version"] == 1
    assert document["person"]["email"] == owner.email
    assert rows(document, "accounts.account")[0]["email"] == owner.email
    assert rows(document, "providers.memberships")[0]["partner"] == partner_a.name
    assert [r["record"] for r in rows(document, "providers.records")] == ["Mine Provider"]
    assert [r["comment"] for r in rows(document, "peersessions.feedback")] == [
        "My own view of it"]
    assert rows(document, "peersessions.actions")[0]["action"] == "Send the survey"
    text = json.dumps(document)
    assert "Colleague Provider" not in text and colleague.email not in text
    assert "The colleague's view" not in text
    # Every section says what its fields are, whether empty or not.
    for section in document["sections"]:
        assert {"key", "title", "fields", "rows", "count", "total", "truncated"} <= set(section)


def test_a_learner_downloads_their_enrolments_and_certificates(client, mooc_learner):
    enrolment = Enrolment.objects.create(course=CourseFactory(title="Networks 101"),
                                         learner=mooc_learner)
    Certificate.objects.create(enrolment=enrolment, learner_name="Lea Learner",
                               course_title="Networks 101")
    client.force_login(mooc_learner)
    document = download(client)
    assert rows(document, "peersessions.learner_profile")[0]["display_name"] == "Lea Learner"
    assert rows(document, "peersessions.enrolments")[0]["course"] == "Networks 101"
    assert rows(document, "peersessions.certificates")[0]["name"] == "Lea Learner"


def test_the_page_summarises_and_the_readable_version_lists_everything_to_print(
        client, owner):
    FeedbackFactory(user=owner, comment="Printed feedback")
    client.force_login(owner)
    summary = client.get(PAGE).content.decode()
    assert "Your feedback on sessions" in summary
    assert reverse("netw:your_data_download") in summary
    assert reverse("netw:your_data_print") in summary
    assert 'name="password"' in summary
    printable = client.get(reverse("netw:your_data_print")).content.decode()
    assert "Printed feedback" in printable and owner.email in printable
    assert "data-print" in printable and 'class="wrap printable' in printable


def test_closing_anonymises_the_person_and_keeps_the_partners_records(client, owner, partner_a):
    provider = provider_register(by=owner, partner=partner_a, name="Kept Provider",
                                 country="PT")
    old_email = owner.email
    CalendarFeed.objects.create(user=owner)
    NotificationPreference.objects.create(user=owner, kind="session_scheduled",
                                          delivery="never")
    Notification.objects.create(recipient=owner, kind="x", subject="Hello", body="Hi")
    invitation = InvitationFactory(email=owner.email, partner=partner_a)
    client.force_login(owner)
    response = client.post(PAGE, {"password": DEFAULT_PASSWORD})
    assert response.status_code == 200
    assert "Your account is closed" in response.content.decode()
    owner.refresh_from_db()
    assert not owner.is_active and not owner.has_usable_password()
    assert owner.email != old_email and owner.email.endswith("@closed.invalid")
    assert str(owner) == "Former member" and owner.last_name == ""
    assert not EmailAddress.objects.filter(user=owner).exists()
    assert not Membership.objects.filter(user=owner).exists()
    assert not CalendarFeed.objects.filter(user=owner).exists()
    assert not NotificationPreference.objects.filter(user=owner).exists()
    assert not Notification.objects.filter(recipient=owner).exists()
    invitation.refresh_from_db()
    assert invitation.email != old_email
    provider.refresh_from_db()
    assert provider.owner_partner == partner_a and provider.created_by == owner
    # The record's history still points at the account, which now shows the placeholder.
    assert str(provider.history.earliest().history_user) == "Former member"
    # Logged out: the page sends to the log-in again, and the old password no longer works.
    assert client.get(PAGE).status_code == 302
    assert not client.login(email=old_email, password=DEFAULT_PASSWORD)


def test_closing_ends_the_second_factor(coordinator, partners):
    from tests.factories import MembershipFactory, UserFactory

    MembershipFactory(partner=partners["ensie"], role="coordinator", user=UserFactory())
    assert Authenticator.objects.filter(user=coordinator).exists()
    account_close(user=coordinator)
    assert not Authenticator.objects.filter(user=coordinator).exists()


def test_closing_refuses_a_wrong_password(client, owner):
    client.force_login(owner)
    response = client.post(PAGE, {"password": "not-my-password"})
    assert response.status_code == 200
    assert "This is not your password." in response.content.decode()
    owner.refresh_from_db()
    assert owner.is_active and owner.email == "owner@a3s.example.org"


def test_the_last_coordinator_is_warned_and_refused(client, coordinator):
    client.force_login(coordinator)
    assert "the project's last coordinator" in client.get(PAGE).content.decode()
    response = client.post(PAGE, {"password": DEFAULT_PASSWORD})
    assert "Invite another coordinator before you close your account" in (
        response.content.decode())
    coordinator.refresh_from_db()
    assert coordinator.is_active


def test_a_coordinator_with_a_colleague_is_warned_but_may_close(client, coordinator, partners):
    from tests.factories import MembershipFactory, UserFactory

    MembershipFactory(partner=partners["ensie"], role="coordinator", user=UserFactory())
    client.force_login(coordinator)
    assert "You are a coordinator." in client.get(PAGE).content.decode()
    client.post(PAGE, {"password": DEFAULT_PASSWORD})
    coordinator.refresh_from_db()
    assert not coordinator.is_active


def test_a_learner_closes_their_account_and_their_certificates_are_withdrawn(
        client, mooc_learner):
    enrolment = Enrolment.objects.create(course=CourseFactory(), learner=mooc_learner)
    certificate = Certificate.objects.create(enrolment=enrolment, learner_name="Lea Learner",
                                             course_title="Networks 101")
    client.force_login(mooc_learner)
    client.post(PAGE, {"password": DEFAULT_PASSWORD})
    certificate.refresh_from_db()
    assert certificate.is_revoked and certificate.learner_name == "Former member"
    assert not certificate.history.filter(learner_name="Lea Learner").exists()
    assert not User.objects.get(pk=mooc_learner.pk).is_active
    verify = client.get(certificate.get_absolute_url()).content.decode()
    assert "Lea Learner" not in verify


@pytest.mark.parametrize(("name", "persona"),
                         [(n, p) for n in EXTRA_ROWS for p in ALL_PERSONAS])
def test_posting_the_closing_form_without_a_password_closes_nothing(
        client, personas, name, persona):
    row = EXTRA_ROWS[name]
    user = personas[persona]
    if user is not None:
        client.force_login(user)
    path = row.url({})
    response = client.post(path, row.data)
    expected = expected_status(row, persona, path)
    if expected == LOGIN:
        assert response.status_code == 302
    else:
        assert response.status_code == expected
        user.refresh_from_db()
        assert user.is_active


def test_the_download_costs_the_same_queries_for_few_or_many_records(client, owner, partner_a):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def make(n):
        for i in range(n):
            FeedbackFactory(user=owner)
            FollowUpActionFactory(owner=owner)
            ProviderFactory(owner_partner=partner_a, name=f"Provider {n}-{i}", created_by=owner,
                            updated_by=owner)

    client.force_login(owner)
    make(1)
    download(client)  # the first request of a session also fills the cache (memberships…)
    with CaptureQueriesContext(connection) as few:
        download(client)
    make(4)
    with CaptureQueriesContext(connection) as many:
        document = download(client)
    assert len(rows(document, "peersessions.feedback")) == 5
    assert len(many) == len(few)
