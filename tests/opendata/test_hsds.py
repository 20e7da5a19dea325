"""The HSDS 3 feed of providers and networks (/api/v1/hsds/), checked against JSON schemas of
HSDS 3 objects shipped in a PyPI package (see make_hsds_schemas.py for which and how)."""

import json
from pathlib import Path

import jsonschema
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from netw.opendata.hsds import OBJECT_TYPES, hsds_id
from providers.hsds import PROVIDER
from providers.vocabulary import Verification
from tests.factories import NetworkFactory, ProviderFactory

pytestmark = pytest.mark.django_db

SCHEMAS = json.loads(Path(__file__).with_name("hsds_schemas.json").read_text())["schemas"]
# HSDS 3's API answers lists as pages of this shape.
PAGE = {
    "type": "object",
    "required": ["total_items", "total_pages", "page_number", "size", "first_page",
                 "last_page", "empty", "contents"],
    "properties": {
        "total_items": {"type": "integer", "minimum": 0},
        "total_pages": {"type": "integer", "minimum": 1},
        "page_number": {"type": "integer", "minimum": 1},
        "size": {"type": "integer", "minimum": 1},
        "first_page": {"type": "boolean"},
        "last_page": {"type": "boolean"},
        "empty": {"type": "boolean"},
        "contents": {"type": "array"},
    },
}


@pytest.fixture
def registry(partners):
    network = NetworkFactory(name="Rede Portuguesa", acronym="RP", city="Porto")
    public = ProviderFactory(name="Public Provider", sectors=["recycling"],
                             target_groups=["roma", "migrants"], networks=[network],
                             latitude="38.72225", longitude="-9.13934", subdivision="PT-11")
    unverified = ProviderFactory(name="Unverified Provider",
                                 verification=Verification.UNVERIFIED)
    deleted = ProviderFactory(name="Deleted Provider")
    deleted.deleted_at = timezone.now()
    deleted.save(update_fields=["deleted_at"])
    return {"network": network, "public": public, "unverified": unverified, "deleted": deleted}


def _get(client, path, **params):
    response = client.get(f"/api/v1/hsds/{path}", params)
    assert response.status_code == 200, response.content
    return response.json()


@pytest.mark.parametrize("kind", OBJECT_TYPES)
def test_every_list_is_an_hsds_page_of_valid_hsds_objects(client, registry, kind):
    page = _get(client, f"{kind}/")

    jsonschema.validate(page, PAGE)
    assert page["total_items"] == len(page["contents"]) > 0
    for item in page["contents"]:
        jsonschema.validate(item, SCHEMAS[kind])
        detail = _get(client, f"{kind}/{item['id']}/")
        assert detail == item


def test_the_feed_holds_verified_providers_and_networks_only_and_never_a_contact(
        client, registry):
    everything = json.dumps([_get(client, f"{kind}/", per_page=100)
                             for kind in OBJECT_TYPES])

    assert "Public Provider" in everything and "Rede Portuguesa" in everything
    for private in ("Unverified Provider", "Deleted Provider", "Maria Contact",
                    registry["public"].contact_email, registry["public"].contact_phone):
        assert private not in everything
    unverified_id = hsds_id(PROVIDER, registry["unverified"].pk)
    assert client.get(f"/api/v1/hsds/organizations/{unverified_id}/").status_code == 404
    assert client.get("/api/v1/hsds/organizations/not-an-id/").status_code == 404


def test_a_provider_is_an_organization_with_a_service_tagged_with_its_vocabulary_and_a_place(
        client, registry):
    public = registry["public"]
    organization = _get(client, f"organizations/{hsds_id(PROVIDER, public.pk)}/")
    services = _get(client, "services/")["contents"]
    locations = _get(client, "locations/")["contents"]
    terms = {term["id"]: term for term in _get(client, "taxonomy_terms/")["contents"]}

    assert organization["name"] == "Public Provider"
    assert organization["legal_status"] == "cooperative"
    assert organization["uri"].endswith(public.get_absolute_url())
    service = next(s for s in services if s["organization_id"] == organization["id"])
    codes = sorted(terms[attribute["taxonomy_term_id"]]["code"]
                   for attribute in service["attributes"])
    assert codes == ["migrants", "recycling", "roma"]
    location = next(loc for loc in locations if loc["organization_id"] == organization["id"])
    assert (location["latitude"], location["longitude"]) == (38.72225, -9.13934)
    assert location["addresses"][0]["country"] == "PT"
    assert location["addresses"][0]["region"] == "PT-11"
    network = next(o for o in _get(client, "organizations/")["contents"]
                   if o["name"] == "Rede Portuguesa")
    assert network["alternate_name"] == "RP"


def test_pages_are_sized_capped_and_numbered(client, registry):
    ProviderFactory.create_batch(3)

    first = _get(client, "organizations/", per_page=2)
    second = _get(client, "organizations/", per_page=2, page=2)
    beyond = _get(client, "organizations/", per_page=2, page=9)
    capped = _get(client, "organizations/", per_page=5000)

    assert (first["total_items"], first["total_pages"]) == (5, 3)  # 4 providers + 1 network
    assert first["first_page"] and not first["last_page"]
    assert not {o["id"] for o in first["contents"]} & {o["id"] for o in second["contents"]}
    assert beyond["empty"] and beyond["contents"] == []
    assert capped["size"] == 100


@pytest.mark.parametrize(("params", "parameter"), [
    ({"page": "two"}, "page"), ({"page": "0"}, "page"), ({"per_page": "-3"}, "per_page"),
    ({"modified_after": "yesterday"}, "modified_after"),
    ({"modified_after": "2026-02-31"}, "modified_after"),
])
def test_a_wrong_parameter_is_a_400_naming_it(client, registry, params, parameter):
    response = client.get("/api/v1/hsds/organizations/", params)

    assert response.status_code == 400
    assert parameter in response.json()


def test_modified_after_harvests_only_what_changed(client, registry):
    later = timezone.now() + timezone.timedelta(minutes=5)
    registry["public"].__class__.objects.filter(pk=registry["public"].pk).update(
        updated_at=later + timezone.timedelta(minutes=1))

    page = _get(client, "organizations/", modified_after=later.isoformat())

    assert [o["name"] for o in page["contents"]] == ["Public Provider"]


def test_a_page_costs_the_same_queries_whatever_the_number_of_providers(client, registry):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            _get(client, "services/", per_page=100)
        return len(captured)

    few = queries()
    ProviderFactory.create_batch(8, sectors=["catering"], target_groups=["neet"])
    assert queries() == few


def test_the_feed_is_throttled_like_the_api(client, registry, settings):
    settings.API_THROTTLE_RATE = "2/minute"

    answers = [client.get("/api/v1/hsds/organizations/", HTTP_ORIGIN="https://r.example.org")
               for _ in range(3)]

    assert [a.status_code for a in answers] == [200, 200, 429]
    assert int(answers[-1]["Retry-After"]) > 0
    assert answers[0]["Access-Control-Allow-Origin"] == "*"
