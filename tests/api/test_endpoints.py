"""Every endpoint, list and detail, as a visitor — and what a visitor must never get."""

import pytest

from netw.api import routes
from tests.api.records import private_records, public_records

pytestmark = pytest.mark.django_db

PREFIXES = [route.prefix for route in routes()]


def test_every_endpoint_is_tested():
    assert set(PREFIXES) == {
        "partners", "networks", "providers", "methodologies", "publications", "good-practices",
        "recommendations", "courses", "events/sessions", "events/roundtables",
        "events/expertmeetings"}


@pytest.fixture
def public(partners):
    return public_records(partners)


@pytest.mark.parametrize("prefix", PREFIXES)
def test_a_public_record_is_listed_and_has_its_detail(client, public, prefix):
    record = public[prefix]
    body = client.get(f"/api/v1/{prefix}/", {"page_size": 100}).json()
    listed = {row["id"]: row for row in body["results"]}
    assert record.pk in listed
    detail = client.get(f"/api/v1/{prefix}/{record.pk}/")
    assert detail.status_code == 200
    assert detail["Link"].endswith('rel="license"')
    row = detail.json()
    assert row == listed[record.pk]
    assert row["url"].endswith(f"/api/v1/{prefix}/{record.pk}/")
    assert row["html_url"].endswith(record.get_absolute_url())


@pytest.mark.parametrize("prefix", PREFIXES)
def test_a_public_record_and_its_page_agree(client, public, prefix):
    from django.conf import settings

    row = client.get(f"/api/v1/{prefix}/{public[prefix].pk}/").json()
    path = row["html_url"].removeprefix(settings.SITE_URL)
    assert client.get(path).status_code == 200


PRIVATE_WORDS = ["contact_", "email", "phone", "meeting_url", "online_url", "meet.example.org",
                 "provider.example.org", "Maria Contact", "deleted_at", "verification", "status"]


def test_no_private_record_or_field_is_reachable(client, partners, personas):
    public = public_records(partners)
    private = private_records(partners, personas["member_a"])
    # Logged in as the records' own partner: the API still answers as to a visitor.
    client.force_login(personas["member_a"])
    for prefix in PREFIXES:
        text = client.get(f"/api/v1/{prefix}/", {"page_size": 100}).content.decode()
        ids = {row["id"] for row in client.get(f"/api/v1/{prefix}/",
                                               {"page_size": 100}).json()["results"]}
        assert public[prefix].pk in ids
        for record in private.get(prefix, []):
            assert record.pk not in ids, (prefix, record)
            assert client.get(f"/api/v1/{prefix}/{record.pk}/").status_code == 404
        for word in PRIVATE_WORDS:
            assert word not in text, (prefix, word)
    assert "events/studyvisits" not in client.get("/api/v1/").json()


def test_a_translation_is_a_record_with_its_originals_facts(client, partners):
    from tests.methodologies.factories import MethodologyFactory

    original = MethodologyFactory(status="published", published_at="2026-01-01T00:00Z",
                                  country="HU", licence="CC-BY-SA-4.0")
    translation = MethodologyFactory(translation_of=original, language="sr-latn", country="",
                                     status="published", published_at="2026-02-01T00:00Z")
    row = client.get(f"/api/v1/methodologies/{translation.pk}/").json()
    assert row["translation_of"] == original.pk
    assert row["language"] == "sr-Latn"
    assert row["country"] == "HU"
    assert row["licence"] == "CC-BY-SA-4.0"
    assert row["target_groups"] == ["long_term_unemployed"]


def test_a_recommendation_names_only_the_published_practices_grounding_it(client, partners):
    from tests.sustainability.factories import GoodPracticeFactory, RecommendationFactory

    published = GoodPracticeFactory(status="published", published_at="2026-01-01T00:00Z")
    draft = GoodPracticeFactory()
    recommendation = RecommendationFactory(status="published",
                                           published_at="2026-01-01T00:00Z")
    recommendation.good_practices.set([published, draft])
    row = client.get(f"/api/v1/recommendations/{recommendation.pk}/").json()
    assert row["good_practices"] == [published.pk]
    assert row["countries"] == ["PT", "RS"]
    assert row["addressees"] == ["municipalities"]


def test_a_practice_names_its_provider_only_when_verified(client, partners):
    from tests.factories import ProviderFactory
    from tests.sustainability.factories import GoodPracticeFactory

    unverified = ProviderFactory(verification="unverified")
    practice = GoodPracticeFactory(status="published", published_at="2026-01-01T00:00Z",
                                   provider=unverified)
    assert client.get(f"/api/v1/good-practices/{practice.pk}/").json()["provider"] is None
    unverified.verification = "verified"
    unverified.save()
    assert client.get(f"/api/v1/good-practices/{practice.pk}/").json()["provider"] == unverified.pk


def test_events_filter_by_start(client, partners):
    from tests.methodologies.factories import RoundtableFactory

    soon = RoundtableFactory()
    assert client.get("/api/v1/events/roundtables/",
                      {"starts_after": "2100-01-01T00:00:00Z"}).json()["count"] == 0
    body = client.get("/api/v1/events/roundtables/", {"starts_before": "2100-01-01"}).json()
    assert [r["id"] for r in body["results"]] == [soon.pk]
    refused = client.get("/api/v1/events/roundtables/", {"starts_after": "soon"})
    assert refused.status_code == 400
    assert refused.json() == {"starts_after": ["Enter a valid date/time."]}
