"""Every way a provider or network is written puts it on the map from its city; its owner may
place it by hand, and that place survives a change of city."""

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.contrib.admin.sites import site as admin_site
from django.core.management import call_command
from django.urls import reverse

from netw.geo.placing import place_records
from providers.admin import NetworkAdmin, ProviderAdmin
from providers.imports import providers_import
from providers.models import Network, Provider, Sector
from providers.services import provider_register
from tests.factories import NetworkFactory, ProviderFactory

pytestmark = pytest.mark.django_db


def provider_form(**changes):
    data = {"name": "Humana Eco", "country": "RS", "city": "Niš", "legal_form": "association",
            "sectors": [Sector.objects.get(code="textile").pk], "language": "sr",
            "description": ""}
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def network_form(**changes):
    data = {"name": "Mreža Vojvodine", "level": "regional", "country": "RS", "city": "Novi Sad",
            "maturity": "emerging", "language": "sr"}
    data.update(changes)
    return data


def edit(client, record, data):
    kind = record._meta.model_name
    return client.post(reverse(f"providers:{kind}_update", args=[record.pk]), data)


# --- Every write path ---------------------------------------------------------------------


def test_registering_a_provider_places_it_from_its_city_and_the_history_has_the_place(
        client, owner):
    client.force_login(owner)
    response = client.post(reverse("providers:provider_create"), provider_form())
    assert response.status_code == 302
    provider = Provider.objects.get(name="Humana Eco")
    assert (provider.latitude, provider.longitude) == (Decimal("43.32472"), Decimal("21.90333"))
    assert provider.subdivision == "RS-20" and provider.placed_by == "gazetteer"
    entry = provider.history.get()
    assert entry.latitude == provider.latitude and entry.subdivision == "RS-20"


def test_a_city_the_gazetteer_does_not_know_leaves_the_provider_off_the_map(client, owner):
    client.force_login(owner)
    client.post(reverse("providers:provider_create"), provider_form(city="Atlantida"))
    provider = Provider.objects.get(name="Humana Eco")
    assert not provider.is_placed and provider.subdivision == "" and provider.placed_by == ""
    assert list(Provider.objects.to_place_by(owner)) == [provider]


def test_changing_the_city_moves_a_record_placed_from_its_city(client, owner):
    provider = provider_register(by=owner, partner=owner.memberships.get().partner,
                                 name="Oficina", country="PT", city="Porto")
    assert provider.subdivision == "PT-13"
    client.force_login(owner)
    data = provider_form(name="Oficina", country="PT", city="Faro",
                         latitude=str(provider.latitude), longitude=str(provider.longitude),
                         subdivision="PT-13")
    assert edit(client, provider, data).status_code == 302
    provider.refresh_from_db()
    assert provider.subdivision == "PT-08" and provider.placed_by == "gazetteer"
    assert provider.latitude == Decimal("37.01869")


def test_a_network_gets_a_city_in_its_form_and_is_placed(client, owner):
    client.force_login(owner)
    assert client.post(reverse("providers:network_create"), network_form()).status_code == 302
    network = Network.objects.get(name="Mreža Vojvodine")
    assert network.city == "Novi Sad" and network.subdivision == "RS-06"
    assert network.history.latest().subdivision == "RS-06"


def test_the_import_places_the_providers_it_creates_and_updates(owner, partner_a):
    existing = ProviderFactory(owner_partner=partner_a, name="Zberný dvor", country="SK",
                               city="")
    providers_import(
        rows=[(2, {"id": str(existing.pk), "name": "Zberný dvor", "country": "SK",
                   "city": "Košice"}),
              (3, {"id": "", "name": "Kuchyňa", "country": "SK", "city": "Nowhere-on-earth"})],
        columns=["id", "name", "country", "city"], file_name="sk.csv", user=owner,
        partner=partner_a, default_language="sk")
    existing.refresh_from_db()
    assert existing.subdivision == "SK-KI" and existing.is_placed
    assert existing.history.latest().subdivision == "SK-KI"
    new = Provider.objects.get(name="Kuchyňa")
    assert not new.is_placed


def test_the_admin_places_from_the_city_or_keeps_coordinates_typed_there(rf, partner_a,
                                                                        coordinator):
    request = rf.post("/")
    request.user = coordinator
    provider = ProviderFactory(owner_partner=partner_a, country="HU", city="Szeged")
    admin = ProviderAdmin(Provider, admin_site)
    admin.save_model(request, provider, SimpleNamespace(changed_data=["city"]), True)
    provider.refresh_from_db()
    assert provider.subdivision == "HU-CS" and provider.placed_by == "gazetteer"
    network = NetworkFactory(owner_partner=partner_a, country="HU", city="Szeged")
    network.latitude, network.longitude = Decimal("46.1"), Decimal("20.1")
    NetworkAdmin(Network, admin_site).save_model(
        request, network, SimpleNamespace(changed_data=["latitude", "longitude"]), True)
    network.refresh_from_db()
    assert network.placed_by == "owner" and network.latitude == Decimal("46.1")


def test_place_records_places_existing_records_once_and_leaves_hand_placed_ones(partner_a):
    waiting = ProviderFactory(owner_partner=partner_a, country="SK", city="Žilina")
    by_hand = NetworkFactory(owner_partner=partner_a, country="SK", city="Žilina",
                             latitude=Decimal("49.1"), longitude=Decimal("18.9"),
                             subdivision="SK-TC", placed_by="owner")
    before = waiting.history.count()
    call_command("place_records", stdout=open("/dev/null", "w"))
    waiting.refresh_from_db()
    by_hand.refresh_from_db()
    assert waiting.subdivision == "SK-ZI" and waiting.history.count() == before + 1
    assert waiting.history.latest().history_change_reason
    assert by_hand.subdivision == "SK-TC" and by_hand.latitude == Decimal("49.1")
    # Again: nothing changes, nothing is written.
    assert place_records()[Provider._meta.label][0] == 0
    assert waiting.history.count() == before + 1


# --- The owner's place --------------------------------------------------------------------


def test_an_owner_places_a_record_by_hand_and_a_new_city_does_not_move_it(client, owner):
    client.force_login(owner)
    client.post(reverse("providers:provider_create"), provider_form(city="Atlantida"))
    provider = Provider.objects.get(name="Humana Eco")
    response = edit(client, provider, provider_form(city="Atlantida", latitude="43.1234567",
                                                    longitude="21.5", subdivision="RS-21"))
    assert response.status_code == 302
    provider.refresh_from_db()
    assert provider.placed_by == "owner" and provider.subdivision == "RS-21"
    assert provider.latitude == Decimal("43.12346")  # rounded to five places
    edit(client, provider, provider_form(city="Beograd", latitude="43.12346", longitude="21.5",
                                         subdivision="RS-21"))
    provider.refresh_from_db()
    assert provider.city == "Beograd"
    assert provider.latitude == Decimal("43.12346") and provider.subdivision == "RS-21"


def test_an_owner_goes_back_to_the_citys_place(client, owner, partner_a):
    provider = ProviderFactory(owner_partner=partner_a, country="RS", city="Niš",
                               latitude=Decimal("44"), longitude=Decimal("21"),
                               subdivision="RS-21", placed_by="owner")
    client.force_login(owner)
    page = client.get(reverse("providers:provider_update", args=[provider.pk])).content.decode()
    assert "Place it from its city again" in page
    edit(client, provider, provider_form(latitude="44", longitude="21", subdivision="RS-21",
                                         place_from_city="on"))
    provider.refresh_from_db()
    assert provider.placed_by == "gazetteer" and provider.subdivision == "RS-20"


@pytest.mark.parametrize("changes, field, message", [
    ({"latitude": "95", "longitude": "20"}, "latitude", "A latitude is between -90 and 90."),
    ({"latitude": "45", "longitude": "-181"}, "longitude",
     "A longitude is between -180 and 180."),
    ({"latitude": "45"}, "longitude", "Give the longitude too, or neither."),
    ({"longitude": "20"}, "latitude", "Give the latitude too, or neither."),
    ({"latitude": "north"}, "latitude", "Enter a number."),
    ({"subdivision": "HU-PE"}, "subdivision", "HU-PE is not a region of Serbia."),
    ({"subdivision": "RS-KM"}, "subdivision", "RS-KM is not a region of Serbia."),
])
def test_a_wrong_place_is_refused_with_the_error_next_to_its_field(client, owner, changes,
                                                                    field, message):
    client.force_login(owner)
    response = client.post(reverse("providers:provider_create"), provider_form(**changes))
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    page = response.content.decode()
    # Shown in the field's own block: after its label, before its input.
    label_at, input_at = page.index(f'for="id_{field}"'), page.index(f'id="id_{field}"')
    assert message in page[label_at:input_at]
    assert not Provider.objects.exists()


def test_the_region_select_offers_the_regions_of_the_records_country(client, owner, partner_a):
    provider = ProviderFactory(owner_partner=partner_a, country="SK", city="Nitra")
    client.force_login(owner)
    form = client.get(reverse("providers:provider_update", args=[provider.pk])).context["form"]
    codes = [code for code, _label in form.fields["subdivision"].widget.choices if code]
    assert sorted(codes) == ["SK-BC", "SK-BL", "SK-KI", "SK-NI", "SK-PV", "SK-TA", "SK-TC",
                             "SK-ZI"]


def test_only_those_who_may_edit_a_record_may_place_it(client, outsider, lead, partner_a):
    provider = ProviderFactory(owner_partner=partner_a, country="PT", city="Porto")
    for person in (outsider, lead):
        client.force_login(person)
        response = edit(client, provider, provider_form(country="PT", city="Porto",
                                                        latitude="1", longitude="1"))
        assert response.status_code == 403
    provider.refresh_from_db()
    assert provider.latitude is None
