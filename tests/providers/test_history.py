"""Nothing is lost on edit and deletes are recoverable: who changed what and when."""

import pytest

from providers.forms import ProviderForm
from providers.history import history_entries
from providers.models import Provider, Sector
from providers.services import provider_verify, record_delete, record_restore, record_save
from providers.vocabulary import Verification

pytestmark = pytest.mark.django_db


def provider_data(**changes):
    data = {"name": "Reviver Lisboa", "country": "PT", "city": "Lisbon", "language": "pt",
            "legal_form": "cooperative", "sectors": [Sector.objects.get(code="recycling").pk]}
    data.update(changes)
    return data


def save(user, instance=None, **changes):
    form = ProviderForm(provider_data(**changes), instance=instance, user=user)
    assert form.is_valid(), form.errors
    return record_save(form=form, by=user)


def test_a_new_provider_belongs_to_its_registrants_partner_and_is_not_yet_verified(owner,
                                                                                   partner_a):
    provider = save(owner)
    assert provider.owner_partner == partner_a
    assert provider.created_by == owner == provider.updated_by
    assert provider.verification == Verification.UNVERIFIED
    assert provider.language == "pt"


def test_each_save_is_one_history_entry_with_its_sectors(owner):
    provider = save(owner)
    save(owner, provider, city="Porto", sectors=[Sector.objects.get(code="catering").pk])
    assert provider.history.count() == 2
    entries, more = history_entries(provider)
    assert not more
    changed, created = entries
    assert created.action == "created" and created.who == owner
    assert changed.action == "changed"
    assert {(c.label, c.old, c.new) for c in changed.changes} == {
        ("City", "Lisbon", "Porto"),
        # The new city's place on the map (netw.geo), in the same entry.
        ("Latitude", "38.72509", "41.14850"), ("Longitude", "-9.14980", "-8.61097"),
        ("Region (ISO 3166-2)", "PT-11", "PT-13"),
        ("Sectors", "Recycling and repair", "Catering and food"),
    }


def test_colleagues_edits_are_signed_with_their_name(owner, colleague):
    provider = save(owner)
    save(colleague, provider, name="Reviver Lisboa CRL")
    latest = history_entries(provider)[0][0]
    assert latest.who == colleague
    assert latest.changes[0].old == "Reviver Lisboa"


def test_delete_and_restore_are_in_the_history(owner, coordinator):
    provider = save(owner)
    record_delete(record=provider, by=owner)
    assert not Provider.objects.filter(pk=provider.pk).exists()
    record_restore(record=Provider.all_objects.get(pk=provider.pk), by=coordinator)
    assert Provider.objects.filter(pk=provider.pk).exists()
    entries, _ = history_entries(provider)
    assert [(e.action, e.who) for e in entries] == [
        ("restored", coordinator), ("deleted", owner), ("created", owner)]


def test_verification_is_in_the_history(owner, lead):
    provider = save(owner)
    provider_verify(provider=provider, by=lead)
    latest = history_entries(provider)[0][0]
    assert latest.who == lead
    assert (latest.changes[0].old, latest.changes[0].new) == ("Not yet verified", "Verified")


def test_a_long_history_is_cut_and_says_so(owner):
    provider = save(owner)
    for n in range(6):
        save(owner, provider, city=f"City {n}")
    entries, more = history_entries(provider, limit=5)
    assert len(entries) == 5 and more
    assert entries[-1].changes[0].new == "City 1"


def test_history_reads_a_fixed_number_of_queries(owner, django_assert_max_num_queries):
    provider = save(owner)
    for n in range(10):
        save(owner, provider, city=f"City {n}")
    with django_assert_max_num_queries(7):
        history_entries(provider)
