"""The registry's demo: a realistic spread over the partner countries; and the generator."""

import io

import pytest
from django.core.management import call_command

from providers import demo
from providers.models import Network, Provider, Stakeholder
from providers.vocabulary import Verification

pytestmark = pytest.mark.django_db


def test_the_demo_maps_the_partner_countries(partners):
    call_command("seed_demo", stdout=io.StringIO())
    providers = Provider.all_objects.all()
    assert providers.count() >= 60
    assert Network.objects.count() >= 10
    assert Stakeholder.objects.count() >= 15
    per_country = {c: providers.filter(country=c).count() for c in ["HU", "MK", "PT", "RS", "SK"]}
    assert min(per_country.values()) >= 8, per_country
    assert {"BE", "IT", "IE"} <= set(providers.values_list("country", flat=True))
    assert providers.filter(verification=Verification.UNVERIFIED).exists()
    assert Provider.all_objects.deleted().count() == 1  # for the restore page
    assert Network.objects.filter(maturity="emerging").exists()
    assert Network.objects.filter(maturity="established").exists()
    reviver = Provider.objects.get(name__startswith="Reviver")
    assert reviver.history.count() >= 3  # registered, verified, corrected by a colleague
    assert reviver.created_by.email == "member.pt@demo.net-works.eu"
    # Visitors see some contact persons (who agreed to be listed), and not others.
    listed = providers.filter(contact_listed_with_consent=True, verification="verified")
    assert listed.exists()
    assert providers.filter(contact_listed_with_consent=False).exclude(contact_person="").exists()
    assert Network.objects.filter(contact_listed_with_consent=True).exists()


def test_the_demo_is_loaded_once(partners):
    demo.seed(io.StringIO())
    count = Provider.all_objects.count()
    out = io.StringIO()
    demo.seed(out)
    assert Provider.all_objects.count() == count
    assert "already there" in out.getvalue()


def test_the_generator_bulk_creates_providers_with_their_links_and_history(
        partners, django_assert_max_num_queries):
    with django_assert_max_num_queries(40):
        made = demo.generate(300, rng_seed=7)
    assert Provider.objects.count() == 300 and made.providers == 300
    assert Network.objects.count() == 6 and Stakeholder.objects.count() == 12
    assert Provider.history.count() == 300
    assert 0.6 < Provider.objects.verified().count() / 300 < 0.95
    assert Provider.sectors.through.objects.count() >= 300
    demo.generate(100, rng_seed=8)  # again: more, no clash
    assert Provider.objects.count() == 400
