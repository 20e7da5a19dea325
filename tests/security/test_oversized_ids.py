"""An id beyond the database's integer range is an invalid choice, not a 500.

SQLite raises OverflowError for a number over 2**63 - 1 and PostgreSQL a DataError: each model
choice of every form, and each filter of the lists, says "Select a valid choice" instead.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from methodologies.models import Methodology, Roundtable, StudyVisit
from peersessions.models import Session
from providers.models import Provider
from tests.factories import NetworkFactory

pytestmark = pytest.mark.django_db

HUGE = ["99999999999999999999999", str(2**63), str(-(2**63) - 1)]

SESSION = {"title": "Peer session", "topic": "", "language": "en",
           "starts_at": "2030-03-03T10:00", "ends_at": "2030-03-03T12:00",
           "timezone": "Europe/Brussels", "format": "online",
           "meeting_url": "https://meet.example.org/x"}
ROUNDTABLE = {"title": "Roundtable", "theme": "Mentoring", "language": "en",
              "starts_at": "2030-05-04T10:00", "ends_at": "2030-05-04T12:00",
              "timezone": "Europe/Brussels", "location": "Brussels"}
VISIT = {"title": "Visit", "language": "en", "starts_at": "2030-06-01T09:00",
         "ends_at": "2030-06-02T17:00", "timezone": "Europe/Rome", "location": "Padova",
         "objectives": "Learn."}

# (URL name, valid data, the choice fields to send the id to, the model nothing must be added to)
FORMS = [
    ("providers:provider_create", {"name": "Bakery", "country": "PT", "language": "en"},
     ["sectors", "target_groups", "networks", "owner_partner"], Provider),
    ("peersessions:session_create", SESSION,
     ["facilitators", "invited_people", "invited_partners", "topic", "owner_partner"], Session),
    ("methodologies:methodology_create", {"title": "Mentoring", "language": "en"},
     ["sectors", "target_groups", "related", "origin_provider", "owner_partner"], Methodology),
    ("methodologies:roundtable_create", ROUNDTABLE,
     ["methodologies", "outcomes", "participants"], Roundtable),
    ("methodologies:studyvisit_create", VISIT,
     ["participants", "visiting_network", "host_network"], StudyVisit),
]
CASES = [(name, data, field, model, value) for name, data, fields, model in FORMS
         for field in fields for value in HUGE]


@pytest.mark.parametrize(("name", "data", "field", "model", "value"), CASES,
                         ids=[f"{c[0]}-{c[2]}-{c[4][:6]}" for c in CASES])
def test_an_oversized_id_is_a_field_error(client, owner, name, data, field, model, value):
    from peersessions.models import Topic

    client.force_login(owner)
    data = {**data, "topic": Topic.objects.first().pk, field: value}
    response = client.post(reverse(name), data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not model.objects.exists()


def test_an_oversized_id_in_the_adoption_form_is_a_field_error(client, owner):
    from tests.methodologies.factories import MethodologyFactory

    methodology = MethodologyFactory(status="published")
    client.force_login(owner)
    response = client.post(reverse("methodologies:adoption_create", args=[methodology.slug]),
                           {"provider": HUGE[0]})
    assert response.status_code == 200
    assert "provider" in response.context["form"].errors


@pytest.mark.parametrize("value", HUGE)
@pytest.mark.parametrize(("name", "parameter"), [
    ("providers:provider_list", "network"),
    ("providers:provider_list", "sector"),
    ("providers:network_list", "represented_by"),
    ("peersessions:session_list", "partner"),
    ("events:calendar_list", "partner"),
    ("methodologies:dissemination_list", "partner"),
    ("methodologies:methodology_list", "sector"),
])
def test_an_oversized_id_in_a_list_filter_is_the_filters_error(client, owner, name, parameter,
                                                                value):
    NetworkFactory()
    client.force_login(owner)
    response = client.get(reverse(name), {parameter: value})
    assert response.status_code == 200
