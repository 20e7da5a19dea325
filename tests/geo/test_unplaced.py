"""The records not on the map yet: each partner's people see their own; the reviewers see all."""

from decimal import Decimal

import pytest
from django.urls import reverse

from tests.factories import NetworkFactory, ProviderFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(partner_a, partner_b):
    return {
        "a_provider": ProviderFactory(owner_partner=partner_a, name="Oficina Sem Lugar",
                                      city="Atlantida"),
        "a_network": NetworkFactory(owner_partner=partner_a, name="Rede Sem Cidade"),
        "a_placed": ProviderFactory(owner_partner=partner_a, name="Reviver Lisboa",
                                    latitude=Decimal("38.7"), longitude=Decimal("-9.1"),
                                    subdivision="PT-11", placed_by="gazetteer"),
        "b_provider": ProviderFactory(owner_partner=partner_b, name="Zadruga Bez Mesta",
                                      country="RS", city="Nigde"),
    }


def names_on_the_page(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("providers:unplaced_list"))
    assert response.status_code == 200
    return response.content.decode()


def test_a_member_sees_their_partners_records_not_on_the_map_only(client, owner, records):
    page = names_on_the_page(client, owner)
    assert "Oficina Sem Lugar" in page and "Rede Sem Cidade" in page
    assert "Reviver Lisboa" not in page  # on the map
    assert "Zadruga Bez Mesta" not in page  # another partner's


def test_another_partners_member_never_sees_partner_as_names(client, outsider, records):
    page = names_on_the_page(client, outsider)
    assert "Zadruga Bez Mesta" in page
    assert "Oficina Sem Lugar" not in page and "Rede Sem Cidade" not in page


@pytest.mark.parametrize("persona", ["coordinator", "lead"])
def test_coordinators_and_the_wp1_lead_see_every_record_not_on_the_map(client, request,
                                                                      persona, records):
    page = names_on_the_page(client, request.getfixturevalue(persona))
    for name in ("Oficina Sem Lugar", "Rede Sem Cidade", "Zadruga Bez Mesta"):
        assert name in page


def test_each_record_links_to_its_form_where_it_is_placed(client, owner, records):
    page = names_on_the_page(client, owner)
    edit = reverse("providers:provider_update", args=[records["a_provider"].pk])
    assert f'href="{edit}#id_latitude"' in page


def test_my_home_says_how_many_of_my_partners_records_are_not_on_the_map(client, owner,
                                                                         outsider, records):
    client.force_login(owner)
    page = client.get(reverse("netw:my_home")).content.decode()
    assert "2 of your partner&#x27;s records are not on the map" in page
    assert reverse("providers:unplaced_list") in page
    client.force_login(outsider)
    page = client.get(reverse("netw:my_home")).content.decode()
    assert "1 of your partner&#x27;s records is not on the map" in page


def test_the_lists_link_to_the_records_to_place_for_partners_only(client, owner, records):
    url = reverse("providers:unplaced_list")
    assert url not in client.get(reverse("providers:provider_list")).content.decode()
    client.force_login(owner)
    assert url in client.get(reverse("providers:provider_list")).content.decode()
    assert url in client.get(reverse("providers:network_list")).content.decode()


def test_the_list_pages_and_its_queries_do_not_grow_with_the_records(
        client, owner, partner_a, django_assert_max_num_queries):
    ProviderFactory.create_batch(30, owner_partner=partner_a, city="")
    client.force_login(owner)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("providers:unplaced_list"))
    assert response.context["sections"][0][1].paginator.count == 30
    assert len(response.context["sections"][0][1].object_list) == 25
