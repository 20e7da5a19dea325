"""The registry on a map: the providers' and networks' map pages and their GeoJSON points.

The points are the list's records — what the person may see, filtered by the list's parameters
— with coordinates only; a bad filter is a 400 naming it (the page: the message next to the
field), never a 500; the queries do not grow with the records.
"""

import json

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from providers.vocabulary import Level, Verification
from tests.factories import NetworkFactory, ProviderFactory

pytestmark = pytest.mark.django_db

POINTS = reverse("providers:provider_map_points")
NETWORK_POINTS = reverse("providers:network_map_points")
MAP = reverse("providers:provider_map")


def points(client, url=POINTS, user=None) -> dict:
    if user is not None:
        client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/geo+json")
    assert response.streaming
    return json.loads(b"".join(response.streaming_content))


def names(collection: dict) -> set[str]:
    return {f["properties"]["name"] for f in collection["features"]}


@pytest.fixture
def placed(partner_a, partner_b):
    """Partner A's verified provider in Lisbon, its draft in Porto, a provider without a place,
    and partner B's verified provider in Belgrade."""
    return {
        "lisbon": ProviderFactory(owner_partner=partner_a, name="Reviver Lisboa", city="Lisbon",
                                  latitude="38.722312", longitude="-9.139337",
                                  sectors=["catering"]),
        "draft": ProviderFactory(owner_partner=partner_a, name="Oficina Secreta", city="Porto",
                                 latitude="41.15794", longitude="-8.62911",
                                 verification=Verification.UNVERIFIED),
        "unplaced": ProviderFactory(owner_partner=partner_a, name="Sem Lugar", city="Nowhere"),
        "draft_unplaced": ProviderFactory(owner_partner=partner_a, name="Rascunho Sem Lugar",
                                          verification=Verification.UNVERIFIED),
        "belgrade": ProviderFactory(owner_partner=partner_b, name="Radionica Beograd",
                                    country="RS", city="Belgrade", latitude="44.78657",
                                    longitude="20.44892", sectors=["recycling"]),
    }


# --- Who gets which points ---------------------------------------------------------------------


def test_visitors_get_the_verified_providers_with_a_place_rounded_and_linked(client, placed):
    collection = points(client)
    assert collection["type"] == "FeatureCollection" and collection["truncated"] is False
    assert names(collection) == {"Reviver Lisboa", "Radionica Beograd"}
    lisbon = next(f for f in collection["features"] if f["properties"]["name"] == "Reviver Lisboa")
    assert lisbon["geometry"] == {"type": "Point", "coordinates": [-9.1393, 38.7223]}
    assert lisbon["properties"]["url"] == placed["lisbon"].get_absolute_url()
    assert lisbon["properties"]["detail"] == "Lisbon, Portugal"
    assert "badge" not in lisbon["properties"]


def test_points_carry_no_contact_and_no_private_field(client, placed):
    body = json.dumps(points(client))
    for private in ("Maria Contact", "@provider.example.org", "+351", "verification"):
        assert private not in body


def test_another_partners_member_never_gets_the_unverified_provider_nor_its_name(
        client, placed, outsider):
    collection = points(client, user=outsider)
    assert names(collection) == {"Reviver Lisboa", "Radionica Beograd"}
    page = client.get(MAP).content.decode()
    assert "Oficina Secreta" not in page and "Rascunho Sem Lugar" not in page
    # Counted only among what they may see: one provider (of A, verified) has no place.
    assert "1 record has no place yet" in page


def test_the_owners_colleagues_see_their_unverified_provider_marked(client, placed, colleague):
    collection = points(client, user=colleague)
    assert names(collection) == {"Reviver Lisboa", "Oficina Secreta", "Radionica Beograd"}
    draft = next(f for f in collection["features"] if f["properties"]["name"] == "Oficina Secreta")
    assert draft["properties"]["badge"] == "Not yet verified"
    assert "2 records have no place yet" in client.get(MAP).content.decode()


@pytest.mark.parametrize("persona", ["lead", "coordinator"])
def test_the_reviewers_see_every_provider_with_a_place(client, placed, persona, request):
    collection = points(client, user=request.getfixturevalue(persona))
    assert names(collection) == {"Reviver Lisboa", "Oficina Secreta", "Radionica Beograd"}


def test_deleted_providers_leave_the_map(client, placed, owner):
    from providers.services import record_delete

    record_delete(record=placed["lisbon"], by=owner)
    assert names(points(client)) == {"Radionica Beograd"}


# --- The list's filters ------------------------------------------------------------------------


@pytest.mark.parametrize(("query", "expected"), [
    ("country=RS", {"Radionica Beograd"}),
    ("sector=catering", {"Reviver Lisboa"}),
    ("q=beograd", {"Radionica Beograd"}),
    ("partner=a3s", {"Reviver Lisboa"}),
    ("country=PT&sort=-updated&page=3", {"Reviver Lisboa"}),
])
def test_the_lists_filters_apply_to_the_points(client, placed, query, expected):
    assert names(points(client, f"{POINTS}?{query}")) == expected


def test_the_status_filter_is_the_members_as_on_the_list(client, placed, colleague):
    collection = points(client, f"{POINTS}?status=unverified", user=colleague)
    assert names(collection) == {"Oficina Secreta"}


def test_the_map_page_hands_its_filters_to_the_points_and_back_to_the_list(client, placed):
    page = client.get(MAP + "?country=RS&page=1").content.decode()
    assert f'data-points-url="{POINTS}?country=RS"' in page
    assert reverse("providers:provider_list") + "?country=RS" in page
    assert "Radionica Beograd" in page and "Reviver Lisboa" not in page


@pytest.mark.parametrize("query", ["country=XX", "sector=no-such-sector", "network=99999999999",
                                   "q=" + "x" * 300, "level=galactic"])
def test_a_bad_filter_is_a_400_naming_it_on_the_points(client, placed, query):
    response = client.get(f"{POINTS}?{query}")
    assert response.status_code == 400
    assert query.split("=")[0] in response.json()["errors"]


def test_a_bad_filter_shows_its_message_on_the_map_page_and_draws_no_map(client, placed):
    response = client.get(MAP + "?country=XX")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Some filters are not valid" in page
    assert "data-points-url" not in page


def test_the_network_map_uses_the_network_lists_filters(client, partner_a):
    NetworkFactory(owner_partner=partner_a, name="Rede Nacional", level=Level.NATIONAL,
                   city="Lisbon", latitude="38.7167", longitude="-9.1333")
    NetworkFactory(owner_partner=partner_a, name="Red Local", level=Level.LOCAL,
                   latitude="40.4168", longitude="-3.7038", country="ES")
    NetworkFactory(owner_partner=partner_a, name="Rede Sem Lugar", level=Level.LOCAL)
    assert names(points(client, NETWORK_POINTS)) == {"Rede Nacional", "Red Local"}
    local = points(client, f"{NETWORK_POINTS}?level=local&sort=-members")
    assert names(local) == {"Red Local"}
    assert local["features"][0]["properties"]["detail"] == "Local · Spain"
    page = client.get(reverse("providers:network_map") + "?level=local").content.decode()
    assert "Rede Sem Lugar" in page and "1 record has no place yet" in page


# --- Bounded -----------------------------------------------------------------------------------


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
        else:
            response.content  # noqa: B018
    assert response.status_code == 200
    return len(queries)


def _more_providers(partner, count: int):
    for n in range(count):
        ProviderFactory(owner_partner=partner, name=f"Grown {n}", latitude="40.1",
                        longitude=f"-8.{n:02d}", sectors=["catering"],
                        verification=Verification.VERIFIED if n % 2 else
                        Verification.UNVERIFIED)


@pytest.mark.parametrize("url", [POINTS, POINTS + "?sector=catering&country=PT", MAP,
                                 MAP + "?sector=catering", NETWORK_POINTS,
                                 reverse("providers:network_map")])
def test_the_queries_do_not_grow_with_the_records(client, placed, partner_a, owner, url):
    client.force_login(owner)
    NetworkFactory(owner_partner=partner_a, latitude="38.7", longitude="-9.1")
    _queries(client, url)  # warm up: the session's and the caches' first reads
    few = _queries(client, url)
    _more_providers(partner_a, 30)
    NetworkFactory.create_batch(5, owner_partner=partner_a, latitude="38.7", longitude="-9.1")
    assert _queries(client, url) == few


def test_past_the_limit_the_points_say_they_are_truncated_and_the_page_says_so(
        client, placed, settings, monkeypatch):
    from providers.views import maps

    monkeypatch.setattr(maps, "POINTS_LIMIT", 1)
    collection = points(client)
    assert len(collection["features"]) == 1 and collection["truncated"] is True
    assert "The map shows 1 places only" in client.get(MAP).content.decode()


# --- The page ----------------------------------------------------------------------------------


def test_the_map_page_lists_the_same_records_under_the_map(client, placed):
    page = client.get(MAP).content.decode()
    assert 'data-map' in page and 'href="#results"' in page  # "Skip the map" to the list
    for name in ("Reviver Lisboa", "Sem Lugar", "Radionica Beograd"):
        assert name in page
    assert "Not on the map yet" in page
    assert "1 record has no place yet" in page


def test_without_a_tile_server_the_map_draws_the_shipped_outline(client, placed):
    page = client.get(MAP).content.decode()
    assert "vendor/natural-earth/europe.geojson" in page and "data-tile-url" not in page


def test_with_a_tile_server_the_map_draws_its_tiles_with_their_credit(client, placed, settings):
    settings.MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    settings.MAP_TILE_ATTRIBUTION = "© Example tiles"
    page = client.get(MAP).content.decode()
    assert 'data-tile-url="https://tiles.example.org/{z}/{x}/{y}.png"' in page
    assert 'data-tile-attribution="© Example tiles"' in page
    assert "europe.geojson" not in page


def test_the_lists_and_the_registry_menu_lead_to_the_maps(client, placed):
    providers = client.get(reverse("providers:provider_list") + "?country=PT&page=1")
    assert f'href="{MAP}?country=PT"' in providers.content.decode()
    networks = client.get(reverse("providers:network_list")).content.decode()
    assert f'href="{reverse("providers:network_map")}"' in networks
    menu = client.get(reverse("providers:network_map")).context["section_menu"]
    current = [link for link in menu["links"] if link["current"]]
    assert [str(link["label"]) for link in current] == ["Map"]


def test_the_points_follow_the_persons_view_not_a_shared_cache(client, placed):
    response = client.get(POINTS)
    assert "private" in response["Cache-Control"]
    assert AnonymousUser().is_anonymous
