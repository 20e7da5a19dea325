"""The logged-in home's dashboard: what waits for each role, their next events and actions, the
project's figures; a bounded number of queries whatever the data."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from netw import dashboard
from netw.roles import Role
from netw.workflow import Status
from providers.vocabulary import Verification
from tests.factories import MembershipFactory, ProviderFactory
from tests.methodologies.factories import MethodologyFactory
from tests.peersessions.factories import (
    FeedbackFactory,
    FollowUpActionFactory,
    ParticipantFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db


def _home(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("netw:my_home"))
    assert response.status_code == 200
    return response.content.decode()


def _waiting(html: str) -> str:
    start = html.index('id="attention"')
    return html[start:html.index("</section>", start)]


def test_a_member_sees_their_invitations_actions_and_partner_drafts(client, owner, partners):
    upcoming = SessionFactory(title="Advocacy with ministries", owner_partner=partners["aff"])
    ParticipantFactory(session=upcoming, user=owner)  # not answered yet
    FollowUpActionFactory(owner=owner, description="Send the survey",
                          due_on=timezone.localdate() - timedelta(days=2))
    MethodologyFactory(owner_partner=partners["a3s"], status=Status.DRAFT)
    ProviderFactory(owner_partner=partners["a3s"], verification=Verification.UNVERIFIED)

    html = _home(client, owner)
    waiting = _waiting(html)
    assert "1 session invitation waits for your answer" in waiting
    assert "1 follow-up action of yours is overdue" in waiting
    assert "1 of your partner&#x27;s methodologies is a draft" in waiting
    assert "1 of your partner&#x27;s providers is not verified yet" in waiting
    assert "await your review" not in waiting  # members do not review
    # The panels list the things themselves.
    assert "Advocacy with ministries" in html and "your answer: No answer yet" in html
    assert "Send the survey" in html and "overdue since" in html


def test_another_partners_drafts_are_not_counted(client, outsider, partners):
    MethodologyFactory(owner_partner=partners["a3s"], status=Status.DRAFT)
    ProviderFactory(owner_partner=partners["a3s"], verification=Verification.UNVERIFIED)
    waiting = _waiting(_home(client, outsider))
    assert "Nothing waits for you right now." in waiting


def test_wp2_leads_and_coordinators_see_what_awaits_their_review(client, coordinator, partners):
    MethodologyFactory(owner_partner=partners["a3s"], status=Status.SUBMITTED)
    wp2_lead = MembershipFactory(partner=partners["galileo-progetti"], role=Role.WP_LEAD).user
    wp1_lead = MembershipFactory(partner=partners["aff"], role=Role.WP_LEAD).user
    assert "1 methodology awaits your review" in _waiting(_home(client, wp2_lead))
    assert "1 methodology awaits your review" in _waiting(_home(client, coordinator))
    assert "await your review" not in _waiting(_home(client, wp1_lead))


def test_wp1_leads_see_every_partners_providers_to_verify(client, lead, partners):
    ProviderFactory(owner_partner=partners["a3s"], verification=Verification.UNVERIFIED)
    ProviderFactory(owner_partner=partners["idc-serbia"], verification=Verification.UNVERIFIED)
    assert "2 providers wait for verification" in _waiting(_home(client, lead))


def test_feedback_is_asked_after_a_session_attended_but_not_after_one_declined(
        client, owner, partners):
    past = timezone.now() - timedelta(days=3)
    attended = SessionFactory(starts_at=past, ends_at=past + timedelta(hours=2))
    declined = SessionFactory(starts_at=past, ends_at=past + timedelta(hours=2))
    ParticipantFactory(session=attended, user=owner, rsvp="attending", attended=True)
    ParticipantFactory(session=declined, user=owner, rsvp="declined")
    html = _home(client, owner)
    assert "1 recent session asks for your feedback" in _waiting(html)
    feedback_url = reverse("peersessions:session_feedback", args=[attended.pk])
    assert feedback_url in html  # the panel links straight to the form
    assert reverse("peersessions:session_feedback", args=[declined.pk]) not in html
    FeedbackFactory(session=attended, user=owner)
    html = _home(client, owner)
    assert "feedback" not in _waiting(html)
    assert 'id="feedback-due"' not in html


def test_the_project_figures_count_public_work_only(client, owner, partners):
    cache.clear()
    ProviderFactory(owner_partner=partners["a3s"])
    ProviderFactory(owner_partner=partners["a3s"], country="HU")
    ProviderFactory(owner_partner=partners["a3s"], verification=Verification.UNVERIFIED)
    MethodologyFactory(owner_partner=partners["a3s"], status=Status.PUBLISHED)
    MethodologyFactory(owner_partner=partners["a3s"], status=Status.DRAFT)
    figures = {figure.label: figure for figure in dashboard.project_figures(owner)}
    assert figures["Providers mapped"].value == 2
    assert figures["Methodologies published"].value == 1
    html = _home(client, owner)
    glance = html[html.index('id="glance"'):]
    assert "Providers mapped" in glance and "WP2 · Pedagogical approach promotion" in glance


def test_the_home_page_queries_do_not_grow_with_the_data(client, owner, partners):
    def queries() -> int:
        cache.clear()
        client.force_login(owner)
        client.get(reverse("netw:my_home"))  # the figures are computed and cached
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("netw:my_home")).status_code == 200
        return len(captured)

    def add(n):
        for _ in range(n):
            session = SessionFactory()
            ParticipantFactory(session=session, user=owner)
            FollowUpActionFactory(session=session, owner=owner)
            MethodologyFactory(owner_partner=partners["a3s"], status=Status.DRAFT)
            ProviderFactory(owner_partner=partners["a3s"], verification=Verification.UNVERIFIED)

    add(1)
    few = queries()
    add(12)
    assert queries() == few


def test_the_activity_report_is_a_pdf_with_every_apps_tables(
        owner, partners, django_capture_on_commit_callbacks):
    from netw.exports import services
    from netw.exports.lists import activity_report

    ProviderFactory(owner_partner=partners["a3s"], country="PT")
    ProviderFactory(owner_partner=partners["a3s"], country="PT",
                    verification=Verification.UNVERIFIED)
    past = timezone.now() - timedelta(days=3)
    held = SessionFactory(starts_at=past, ends_at=past + timedelta(hours=2))
    FeedbackFactory(session=held, user=owner, usefulness=5)
    data = activity_report(owner, {})
    tables = {str(table.title): table for table in data["tables"]}
    assert tables["The registry per country"].rows == [["Portugal", 1, 1, 0, 0, 0]]
    core = next(row for row in tables["Peer-to-peer sessions per topic"].rows
                if row[0] == "The core drivers of a network")
    assert core[1] == 1 and core[4] == "5.0 (1)"
    assert {"Methodologies published, by country of origin", "Roundtables and study visits held",
            "Communication and dissemination"} <= set(tables)

    with django_capture_on_commit_callbacks(execute=True):
        export, _ = services.export_request(user=owner, list_name="activity_report",
                                            filters={}, format="pdf")
    export.refresh_from_db()
    assert export.status == "done", export.error
    assert services.file_path(export.file_name).read_bytes().startswith(b"%PDF")


def test_my_exports_offers_the_activity_report(client, owner):
    client.force_login(owner)
    page = client.get(reverse("exports:list")).content.decode()
    assert 'value="activity_report"' in page


def test_partners_make_the_activity_report_from_their_home(client, owner):
    client.force_login(owner)
    client.post(reverse("exports:request"), {"list": "activity_report", "format": "pdf"})
    assert 'value="activity_report"' in _home(client, owner)
    from netw.exports.models import Export

    assert Export.objects.filter(requested_by=owner, list_name="activity_report").exists()


def _partner_page(client, user, slug="a3s") -> str:
    if user is not None:
        client.force_login(user)
    return client.get(reverse("providers:partner_detail", args=[slug])).content.decode()


def test_a_partners_dashboard_shows_its_share_of_each_indicator(client, owner, partners):
    from netw.monitoring import indicators

    cache.clear()
    MethodologyFactory(owner_partner=partners["a3s"], status=Status.DRAFT)
    MethodologyFactory(owner_partner=partners["a3s"], status=Status.PUBLISHED)
    MethodologyFactory(owner_partner=partners["idc-serbia"], status=Status.PUBLISHED)
    ProviderFactory(owner_partner=partners["a3s"], verification=Verification.UNVERIFIED)
    ProviderFactory(owner_partner=partners["a3s"])
    figures = {f.label: f for f in dashboard.partner_figures(partners["a3s"])}
    assert figures["Methodologies published"].value == 1  # the draft does not count
    assert figures["Providers mapped"].value == 1  # verified ones only
    assert figures["Peer sessions held"].value == 0
    assert figures["Providers mapped"].url == indicators.drilldown_url(
        indicators.get("wp1.providers_mapped"), partner=partners["a3s"])
    assert "A3S's dashboard" in _partner_page(client, owner)


@pytest.mark.parametrize(("persona", "sees"), [
    ("anonymous", False), ("member_a", True), ("member_b", False), ("lead", False),
    ("coordinator", True)])
def test_only_the_partners_people_and_coordinators_see_its_dashboard(
        client, personas, persona, sees):
    page = _partner_page(client, personas[persona])
    assert ("dashboard-title" in page) is sees


def _shown_figures(client, user) -> dict:
    client.force_login(user)
    response = client.get(reverse("netw:my_home"))
    assert response.status_code == 200
    return {str(figure.label): figure for figure in response.context["figures"]}


def _list_count(client, url: str) -> int:
    return client.get(url).context["page_obj"].paginator.count


@pytest.fixture
def learner(db):
    """A MOOC account: logged in, no partner."""
    from tests.factories import UserFactory

    return UserFactory(email="learner@example.org")


def test_a_partners_private_records_do_not_move_the_figures_others_see(
        client, partners, owner, outsider, learner):
    from tests.factories import StakeholderFactory

    cache.clear()
    ProviderFactory(owner_partner=partners["idc-serbia"])
    before = {user: _shown_figures(client, user) for user in (outsider, learner)}
    cache.clear()
    ProviderFactory(owner_partner=partners["a3s"], verification=Verification.UNVERIFIED)
    StakeholderFactory(owner_partner=partners["a3s"])
    for user in (outsider, learner):
        shown = _shown_figures(client, user)
        assert shown["Providers mapped"].value == before[user]["Providers mapped"].value == 1
    # Stakeholders are the partners' working map: a learner is not shown their number at all.
    assert "Stakeholders identified" not in _shown_figures(client, learner)
    assert "Stakeholders identified" in _shown_figures(client, outsider)


def test_each_figure_on_my_home_equals_the_list_it_links_to(client, partners, owner, learner):
    from tests.factories import NetworkFactory, StakeholderFactory

    cache.clear()
    ProviderFactory(owner_partner=partners["a3s"])
    ProviderFactory(owner_partner=partners["a3s"], verification=Verification.UNVERIFIED)
    ProviderFactory(owner_partner=partners["idc-serbia"], verification=Verification.UNVERIFIED)
    NetworkFactory(owner_partner=partners["a3s"])
    StakeholderFactory(owner_partner=partners["a3s"])
    StakeholderFactory(owner_partner=partners["idc-serbia"])
    for user in (owner, learner):
        shown = _shown_figures(client, user)
        for label in ("Providers mapped", "Networks mapped", "Stakeholders identified"):
            if label not in shown:
                continue
            assert shown[label].value == _list_count(client, shown[label].url), (user, label)
    assert _shown_figures(client, owner)["Stakeholders identified"].value == 2


def test_the_cached_figures_hold_no_one_persons_counts(client, partners, owner, learner):
    cache.clear()
    ProviderFactory(owner_partner=partners["a3s"], verification=Verification.UNVERIFIED)
    _shown_figures(client, owner)  # the owner's visit fills the cache
    assert _shown_figures(client, learner)["Providers mapped"].value == 0
