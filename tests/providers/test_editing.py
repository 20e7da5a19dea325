"""Partners register, edit and delete records; coordinators restore them; history is shown."""

import pytest
from django.urls import reverse

from providers.models import Network, Provider, Sector, Stakeholder, TargetGroup
from providers.services import record_delete
from providers.vocabulary import Verification
from tests.factories import ProviderFactory

pytestmark = pytest.mark.django_db


def provider_form(**changes):
    data = {
        "name": "Humana Eco", "country": "SK", "region": "Bratislava Region",
        "city": "Bratislava", "legal_form": "association",
        "sectors": [Sector.objects.get(code="textile").pk],
        "target_groups": [TargetGroup.objects.get(code="roma").pk],
        "learners_per_year": "40", "workers_per_year": "12", "website": "humana.example.sk",
        "contact_person": "Jana Nováková", "contact_email": "jana@humana.example.sk",
        "contact_phone": "+421 2 000 000", "language": "sk", "description": "Second-hand.",
    }
    data.update(changes)
    return data


def test_a_member_registers_a_provider_for_their_partner(client, owner, partner_a):
    client.force_login(owner)
    response = client.post(reverse("providers:provider_create"), provider_form())
    provider = Provider.objects.get(name="Humana Eco")
    assert response.status_code == 302 and response.url == provider.get_absolute_url()
    assert provider.owner_partner == partner_a
    assert provider.website == "https://humana.example.sk"
    assert provider.verification == Verification.UNVERIFIED
    assert [s.code for s in provider.sectors.all()] == ["textile"]
    assert provider.history.count() == 1


def test_the_form_says_what_is_wrong(client, owner):
    client.force_login(owner)
    response = client.post(reverse("providers:provider_create"),
                           provider_form(name="", country="XX", learners_per_year="many",
                                         contact_email="not-an-address"))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"name", "country", "learners_per_year", "contact_email"}
    assert not Provider.objects.exists()


def test_a_colleague_edits_and_the_change_is_in_the_history(client, owner, colleague, provider):
    client.force_login(colleague)
    response = client.post(reverse("providers:provider_update", args=[provider.pk]),
                           provider_form(name=provider.name, city="Porto", country="PT"))
    assert response.status_code == 302
    page = client.get(provider.get_absolute_url()).content.decode()
    assert "History of changes" in page
    assert "<del>Lisbon</del>" in page and "<ins>Porto</ins>" in page
    assert str(colleague) in page


def test_another_partners_member_may_not_edit_or_delete(client, outsider, provider):
    client.force_login(outsider)
    assert client.get(reverse("providers:provider_update", args=[provider.pk])).status_code == 403
    response = client.post(reverse("providers:provider_update", args=[provider.pk]),
                           provider_form(name="Hijacked"))
    assert response.status_code == 403
    assert client.post(reverse("providers:provider_delete", args=[provider.pk])).status_code == 403
    provider.refresh_from_db()
    assert provider.name == "Reviver Lisboa" and provider.deleted_at is None


def test_the_edit_button_is_shown_only_to_those_who_may_edit(client, owner, outsider, provider):
    edit_url = reverse("providers:provider_update", args=[provider.pk])
    client.force_login(outsider)
    assert edit_url not in client.get(provider.get_absolute_url()).content.decode()
    client.force_login(owner)
    assert edit_url in client.get(provider.get_absolute_url()).content.decode()


def test_a_coordinator_edits_any_record_and_may_move_it_to_another_partner(
        client, coordinator, provider, partner_b):
    client.force_login(coordinator)
    response = client.post(reverse("providers:provider_update", args=[provider.pk]),
                           provider_form(owner_partner=partner_b.pk))
    assert response.status_code == 302
    provider.refresh_from_db()
    assert provider.owner_partner == partner_b


def test_a_member_cannot_hand_a_record_to_another_partner(client, owner, provider, partner_b):
    client.force_login(owner)
    client.post(reverse("providers:provider_update", args=[provider.pk]),
                provider_form(owner_partner=partner_b.pk))
    provider.refresh_from_db()
    assert provider.owner_partner.slug == "a3s"


def test_the_wp1_lead_verifies_a_provider_and_visitors_then_see_it(client, lead, draft_provider):
    assert client.get(draft_provider.get_absolute_url()).status_code == 404
    client.force_login(lead)
    client.post(reverse("providers:provider_verify", args=[draft_provider.pk]))
    client.logout()
    assert client.get(draft_provider.get_absolute_url()).status_code == 200


def test_a_member_may_not_verify_their_own_provider(client, owner, draft_provider):
    client.force_login(owner)
    response = client.post(reverse("providers:provider_verify", args=[draft_provider.pk]))
    assert response.status_code == 403
    draft_provider.refresh_from_db()
    assert draft_provider.verification == Verification.UNVERIFIED


def test_delete_hides_the_record_and_a_coordinator_restores_it(client, owner, coordinator,
                                                               provider):
    client.force_login(owner)
    response = client.post(reverse("providers:provider_delete", args=[provider.pk]))
    assert response.status_code == 302
    listed = client.get(reverse("providers:provider_list")).context["records"]
    assert provider not in listed
    assert client.get(provider.get_absolute_url()).status_code == 404

    client.force_login(coordinator)
    page = client.get(reverse("providers:deleted_list")).content.decode()
    assert "Reviver Lisboa" in page and str(owner) in page
    response = client.post(reverse("providers:record_restore", args=["provider", provider.pk]))
    assert response.status_code == 302 and response.url == provider.get_absolute_url()
    history = client.get(reverse("providers:provider_history", args=[provider.pk]))
    text = history.content.decode()
    assert f"Restored by {coordinator}" in text and f"Deleted by {owner}" in text


def test_members_may_not_restore(client, owner, provider):
    record_delete(record=provider, by=owner)
    client.force_login(owner)
    assert client.get(reverse("providers:deleted_list")).status_code == 403
    response = client.post(reverse("providers:record_restore", args=["provider", provider.pk]))
    assert response.status_code == 403
    assert not Provider.objects.filter(pk=provider.pk).exists()


def test_restoring_an_unknown_kind_or_a_live_record_is_a_404(client, coordinator, provider):
    client.force_login(coordinator)
    url = reverse("providers:record_restore", args=["partner", provider.pk])
    assert client.post(url).status_code == 404
    url = reverse("providers:record_restore", args=["provider", provider.pk])
    assert client.post(url).status_code == 404


def test_networks_and_stakeholders_are_registered_edited_and_deleted_too(
        client, owner, partner_a):
    client.force_login(owner)
    client.post(reverse("providers:network_create"), {
        "name": "Slovenská sieť sociálnych podnikov", "level": "national", "country": "SK",
        "maturity": "emerging", "language": "sk"})
    network = Network.objects.get()
    assert network.owner_partner == partner_a
    client.post(reverse("providers:network_update", args=[network.pk]), {
        "name": network.name, "level": "national", "country": "SK",
        "maturity": "established", "language": "sk"})
    network.refresh_from_db()
    assert network.maturity == "established"
    client.post(reverse("providers:stakeholder_create"), {
        "name": "Úrad práce", "kind": "employment_service", "level": "national",
        "country": "SK", "language": "sk"})
    stakeholder = Stakeholder.objects.get()
    client.post(reverse("providers:stakeholder_delete", args=[stakeholder.pk]))
    assert not Stakeholder.objects.exists()
    page = client.get(reverse("providers:network_history", args=[network.pk])).content.decode()
    assert "<ins>Established</ins>" in page


def test_a_national_network_needs_a_country(client, owner):
    client.force_login(owner)
    response = client.post(reverse("providers:network_create"), {
        "name": "Nowhere", "level": "national", "maturity": "emerging", "language": "en"})
    assert "country" in response.context["form"].errors


def test_someone_without_a_partner_may_not_register(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    assert client.get(reverse("providers:provider_create")).status_code == 403


def test_the_partner_page_counts_its_records(client, partner_a, provider, draft_provider,
                                             network):
    page = client.get(reverse("providers:partner_detail", args=[partner_a.slug])).content.decode()
    assert "1 provider registered" in page  # the unverified one is not counted for visitors
    assert "1 network registered" in page


def test_every_deleted_record_can_be_reached_page_by_page(client, coordinator, owner, partner_a):
    from providers.views.records import DELETED_PAGE_SIZE

    for n in range(DELETED_PAGE_SIZE + 2):
        record_delete(record=ProviderFactory(owner_partner=partner_a, name=f"Gone {n:02}"),
                      by=owner)
    client.force_login(coordinator)
    first = client.get(reverse("providers:deleted_list")).content.decode()
    assert "Gone 00" not in first and "provider_page=2" in first  # newest first
    second = client.get(reverse("providers:deleted_list"), {"provider_page": 2}).content.decode()
    assert "Gone 00" in second and "Gone 01" in second
