"""Study visits between networks, matchmaking by the five topics, adoptions by providers."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from methodologies.models import Adoption, MatchmakingProfile, StudyVisit
from methodologies.services import matchmaking_suggestions
from netw.notifications.models import Notification
from netw.workflow import Status
from tests.factories import NetworkFactory, ProviderFactory
from tests.methodologies.factories import MethodologyFactory, StudyVisitFactory

pytestmark = pytest.mark.django_db


def test_matchmaking_ranks_pairs_by_the_topics_they_share(partners):
    new_rs = NetworkFactory(name="Serbian network", maturity="emerging",
                            representing_partner=partners["idc-serbia"])
    new_mk = NetworkFactory(name="Macedonian network", maturity="emerging",
                            representing_partner=partners["cdi-macedonia"])
    old_it = NetworkFactory(name="Italian network", maturity="established",
                            representing_partner=partners["galileo-progetti"])
    old_be = NetworkFactory(name="Belgian network", maturity="established",
                            representing_partner=partners["ensie"])
    MatchmakingProfile.objects.create(network=new_rs, wants=["advocacy-communication",
                                                              "core-drivers", "best-practices"])
    MatchmakingProfile.objects.create(network=new_mk, wants=["network-perks"])
    MatchmakingProfile.objects.create(network=old_it, offers=["core-drivers", "best-practices"])
    MatchmakingProfile.objects.create(network=old_be, offers=["advocacy-communication",
                                                              "network-perks"])
    pairs = [(s.visiting.name, s.host.name, s.score) for s in matchmaking_suggestions()]
    assert pairs == [("Serbian network", "Italian network", 2),
                     ("Macedonian network", "Belgian network", 1),
                     ("Serbian network", "Belgian network", 1)]


def test_a_visit_is_created_from_a_suggestion_and_participants_are_invited(
        client, owner, outsider, partners, django_capture_on_commit_callbacks):
    visiting = NetworkFactory(maturity="emerging", representing_partner=partners["idc-serbia"])
    host = NetworkFactory(maturity="established", representing_partner=partners["galileo-progetti"])
    client.force_login(owner)
    page = client.get(reverse("methodologies:studyvisit_create"),
                      {"visiting": visiting.pk, "host": host.pk, "topic": ["core-drivers"]})
    form = page.context["form"]
    assert form.initial["visiting_network"] == visiting
    assert form.initial["topics"] == ["core-drivers"]
    data = {"title": "Visit", "visiting_network": visiting.pk, "host_network": host.pk,
            "language": "en", "starts_at": "2026-06-01T09:00", "ends_at": "2026-06-03T17:00",
            "timezone": "Europe/Rome", "location": "Padova", "online_url": "",
            "topics": ["core-drivers"], "objectives": "Learn governance.",
            "participants": [outsider.pk]}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("methodologies:studyvisit_create"), data)
    assert response.status_code == 302
    visit = StudyVisit.objects.get()
    assert visit.topics == ["core-drivers"]
    assert Notification.objects.get(recipient=outsider).kind == "studyvisit_scheduled"


def test_the_visiting_network_must_be_emerging_and_the_host_established(client, owner,
                                                                       partners):
    emerging = NetworkFactory(maturity="emerging", representing_partner=partners["idc-serbia"])
    established = NetworkFactory(maturity="established", representing_partner=partners["ensie"])
    client.force_login(owner)
    response = client.post(reverse("methodologies:studyvisit_create"), {
        "title": "Backwards", "visiting_network": established.pk, "host_network": emerging.pk,
        "language": "en", "starts_at": "2026-06-01T09:00", "ends_at": "2026-06-01T17:00",
        "timezone": "Europe/Rome", "location": "Rome", "objectives": "x"})
    assert response.status_code == 200
    assert {"visiting_network", "host_network"} <= set(response.context["form"].errors)


def test_both_networks_partners_see_a_visit_and_nobody_else(client, partners, owner, outsider,
                                                           lead, wp2_lead, coordinator):
    visit = StudyVisitFactory(
        owner_partner=partners["ensie"],
        visiting_network=NetworkFactory(maturity="emerging",
                                        representing_partner=partners["a3s"]),
        host_network=NetworkFactory(maturity="established",
                                    representing_partner=partners["idc-serbia"]))
    url = visit.get_absolute_url()
    for user, status in ((owner, 200), (outsider, 200), (lead, 404), (wp2_lead, 200),
                         (coordinator, 200)):
        client.force_login(user)
        assert client.get(url).status_code == status, user
    client.logout()
    assert client.get(url).status_code == 302


def test_adoptions_show_how_many_providers_in_which_countries(client, owner):
    methodology = MethodologyFactory(status=Status.PUBLISHED)
    for name, country in (("Bakery Porto", "PT"), ("Laundry Lisbon", "PT"),
                          ("Print shop Niš", "RS")):
        Adoption.objects.create(methodology=methodology, owner_partner_id=methodology
                                .owner_partner_id, provider=ProviderFactory(name=name,
                                                                            country=country),
                                since=dt.date(2025, 9, 1))
    html = client.get(methodology.get_absolute_url()).content.decode()
    assert "Used by 3 providers in Portugal, Serbia." in html


def test_a_member_records_an_adoption_once_per_provider(client, owner):
    methodology = MethodologyFactory(status=Status.PUBLISHED)
    provider = ProviderFactory()
    client.force_login(owner)
    url = reverse("methodologies:adoption_create", args=[methodology.slug])
    data = {"provider": provider.pk, "place": "Main workshop", "since": "2025-10-01",
            "result": "12 trainees so far"}
    assert client.post(url, data).status_code == 302
    again = client.post(url, data)
    assert again.status_code == 200 and "provider" in again.context["form"].errors
    assert Adoption.objects.get().owner_partner.slug == "a3s"


def test_matchmaking_profile_is_edited_by_the_networks_partner(client, partners, owner,
                                                              outsider):
    network = NetworkFactory(maturity="emerging", representing_partner=partners["a3s"])
    url = reverse("methodologies:matchmaking_profile_edit", args=[network.pk])
    client.force_login(outsider)
    assert client.get(url).status_code == 403
    client.force_login(owner)
    response = client.post(url, {"wants": ["core-drivers", "network-perks"], "offers": [],
                                 "notes": "Governance first"})
    assert response.status_code == 302
    assert network.wp2_profile.wants == ["core-drivers", "network-perks"]


def test_study_visits_are_remembered_the_day_before(colleague, django_capture_on_commit_callbacks):
    from netw.events.tasks import queue_event_reminders

    visit = StudyVisitFactory(starts_at=timezone.now() + dt.timedelta(hours=3))
    visit.participants.add(colleague)
    with django_capture_on_commit_callbacks(execute=True):
        queue_event_reminders()
    assert Notification.objects.get(recipient=colleague).kind == "studyvisit_reminder"


def test_matchmaking_and_visit_list_queries_do_not_grow_with_networks(client, coordinator,
                                                                       partners):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(coordinator)

    def make(n):
        for i in range(n):
            emerging = NetworkFactory(maturity="emerging",
                                      representing_partner=partners["idc-serbia"])
            established = NetworkFactory(maturity="established",
                                         representing_partner=partners["ensie"])
            MatchmakingProfile.objects.create(network=emerging, wants=["core-drivers"])
            MatchmakingProfile.objects.create(network=established, offers=["core-drivers"])
            StudyVisitFactory(visiting_network=emerging, host_network=established,
                              starts_at=timezone.now() + dt.timedelta(days=-10 if i % 2 else 10))

    def count(name):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse(name)).status_code == 200
        return len(captured)

    names = ["methodologies:matchmaking", "methodologies:studyvisit_list"]
    for name in names:
        client.get(reverse(name))
    make(3)
    small = [count(name) for name in names]
    make(12)
    assert [count(name) for name in names] == small


@pytest.mark.parametrize("value", ["99999999999999999999999", str(2**63), "²", "٣"])
def test_a_suggestion_link_with_an_impossible_network_id_opens_an_empty_form(
        client, owner, partners, value):
    client.force_login(owner)
    page = client.get(reverse("methodologies:studyvisit_create"),
                      {"visiting": value, "host": value})
    assert page.status_code == 200
    assert "visiting_network" not in page.context["form"].initial
