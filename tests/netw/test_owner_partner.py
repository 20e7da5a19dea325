"""One way to choose the partner a new record belongs to, in every form that creates one.

A member of one partner gets theirs; a member of two partners chooses between them; a coordinator
chooses any partner; nobody may name a partner that is not theirs (a field error, nothing saved).
Before, there were three ways, and a coordinator or a member of two partners could not choose
the owner of a methodology, a publication, a roundtable, a study visit or an activity.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from methodologies.models import (
    Adoption,
    DisseminationActivity,
    Methodology,
    Publication,
    Roundtable,
    StudyVisit,
)
from peersessions.models import Session, Topic
from providers.models import Network, Provider, Stakeholder
from tests.factories import MembershipFactory, NetworkFactory, ProviderFactory
from tests.methodologies.factories import MethodologyFactory

pytestmark = pytest.mark.django_db

SOON = timezone.now() + dt.timedelta(days=20)
START, END = SOON.strftime("%Y-%m-%dT10:00"), SOON.strftime("%Y-%m-%dT12:00")


def _session(o):
    return {"title": "Peer session", "topic": Topic.objects.first().pk, "language": "en",
            "starts_at": START, "ends_at": END, "timezone": "Europe/Brussels",
            "format": "online", "meeting_url": "https://meet.example.org/x"}


def _visit(o):
    return {"title": "Visit", "language": "en", "starts_at": START, "ends_at": END,
            "timezone": "Europe/Rome", "location": "Padova", "objectives": "Learn.",
            "visiting_network": NetworkFactory(maturity="emerging").pk,
            "host_network": NetworkFactory(maturity="established").pk}


# (name, URL, valid data without the owner, the model created)
FORMS = {
    "provider": (lambda o: reverse("providers:provider_create"),
                 lambda o: {"name": "Bakery", "country": "PT", "language": "en"}, Provider),
    "network": (lambda o: reverse("providers:network_create"),
                lambda o: {"name": "WISE network", "level": "national", "country": "PT",
                           "maturity": "emerging", "language": "en"}, Network),
    "stakeholder": (lambda o: reverse("providers:stakeholder_create"),
                    lambda o: {"name": "Ministry", "kind": "public_authority",
                               "level": "national", "country": "PT", "language": "en"},
                    Stakeholder),
    "session": (lambda o: reverse("peersessions:session_create"), _session, Session),
    "methodology": (lambda o: reverse("methodologies:methodology_create"),
                    lambda o: {"title": "Mentoring", "language": "en"}, Methodology),
    "publication": (lambda o: reverse("methodologies:publication_create"),
                    lambda o: {"title": "Guidebook", "kind": "guidebook", "language": "en"},
                    Publication),
    "dissemination": (lambda o: reverse("methodologies:dissemination_create"),
                      lambda o: {"kind": "event", "date": "2026-05-04", "title": "Fair",
                                 "channel": "Lisbon fair", "audience": "general",
                                 "people_reached": "40", "language": "en"},
                      DisseminationActivity),
    "roundtable": (lambda o: reverse("methodologies:roundtable_create"),
                   lambda o: {"title": "Roundtable", "theme": "Mentoring", "language": "en",
                              "starts_at": START, "ends_at": END,
                              "timezone": "Europe/Brussels", "location": "Brussels"},
                   Roundtable),
    "study visit": (lambda o: reverse("methodologies:studyvisit_create"), _visit, StudyVisit),
    "adoption": (lambda o: reverse("methodologies:adoption_create", args=[o["methodology"].slug]),
                 lambda o: {"provider": o["provider"].pk, "place": "Lisbon"}, Adoption),
}


@pytest.fixture
def o(partners):
    from netw.workflow import Status

    return {"methodology": MethodologyFactory(owner_partner=partners["galileo-progetti"],
                                              status=Status.PUBLISHED),
            "provider": ProviderFactory(owner_partner=partners["galileo-progetti"])}


def _new(model):
    # The adoption's methodology and the visit's networks exist already: only new records.
    return model.objects.order_by("-pk").first()


@pytest.mark.parametrize("kind", FORMS)
def test_a_member_of_one_partner_gets_theirs(client, owner, partners, o, kind):
    url, data, model = FORMS[kind]
    client.force_login(owner)
    field = client.get(url(o)).context["form"]["owner_partner"]
    assert [str(c.choice_label) for c in field] == ["A3S"]
    assert field.value() == partners["a3s"].pk
    response = client.post(url(o), data(o))
    assert response.status_code == 302, response.context["form"].errors
    assert _new(model).owner_partner == partners["a3s"]


@pytest.mark.parametrize("kind", FORMS)
def test_a_member_of_two_partners_chooses(client, owner, partners, o, kind):
    MembershipFactory(user=owner, partner=partners["cdi-macedonia"])
    url, data, model = FORMS[kind]
    client.force_login(owner)
    field = client.get(url(o)).context["form"]["owner_partner"]
    assert sorted(str(c.choice_label) for c in field) == ["A3S", "CDI Macedonia"]
    response = client.post(url(o), {**data(o), "owner_partner": partners["cdi-macedonia"].pk})
    assert response.status_code == 302, response.context["form"].errors
    assert _new(model).owner_partner == partners["cdi-macedonia"]


@pytest.mark.parametrize("kind", FORMS)
def test_a_coordinator_chooses_any_partner(client, coordinator, partners, o, kind):
    url, data, model = FORMS[kind]
    client.force_login(coordinator)
    field = client.get(url(o)).context["form"]["owner_partner"]
    assert len(list(field)) == len(partners)
    response = client.post(url(o), {**data(o), "owner_partner": partners["asse"].pk})
    assert response.status_code == 302, response.context["form"].errors
    assert _new(model).owner_partner == partners["asse"]


@pytest.mark.parametrize("kind", FORMS)
def test_a_member_cannot_name_another_partner(client, owner, partners, o, kind):
    url, data, model = FORMS[kind]
    before = model.objects.count()
    client.force_login(owner)
    response = client.post(url(o), {**data(o), "owner_partner": partners["idc-serbia"].pk})
    assert response.status_code == 200
    assert "owner_partner" in response.context["form"].errors
    assert model.objects.count() == before


def test_an_existing_record_keeps_its_partner(client, owner, partners):
    MembershipFactory(user=owner, partner=partners["cdi-macedonia"])
    methodology = MethodologyFactory(owner_partner=partners["a3s"])
    client.force_login(owner)
    url = reverse("methodologies:methodology_edit", args=[methodology.slug])
    form = client.get(url).context["form"]
    assert form.fields["owner_partner"].disabled
    response = client.post(url, {"title": "Renamed", "language": "en",
                                 "owner_partner": partners["cdi-macedonia"].pk})
    assert response.status_code == 302
    methodology.refresh_from_db()
    assert (methodology.title, methodology.owner_partner) == ("Renamed", partners["a3s"])


def test_a_coordinator_moves_a_registry_record_to_another_partner(client, coordinator,
                                                                   partners):
    provider = ProviderFactory(owner_partner=partners["a3s"])
    client.force_login(coordinator)
    url = reverse("providers:provider_update", args=[provider.pk])
    response = client.post(url, {"name": provider.name, "country": "PT", "language": "en",
                                 "owner_partner": partners["asse"].pk})
    assert response.status_code == 302
    provider.refresh_from_db()
    assert provider.owner_partner == partners["asse"]
