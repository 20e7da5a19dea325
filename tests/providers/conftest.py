"""The registry's fixtures: its vocabulary, and records of partner A (A3S) in each state."""

import pytest

from providers.vocabulary import Verification, seed_vocabulary
from tests.factories import NetworkFactory, ProviderFactory, StakeholderFactory


@pytest.fixture(autouse=True)
def vocabulary(partners):
    seed_vocabulary()  # there from the migration, unless a browser test's flush removed it


@pytest.fixture
def provider(partner_a):
    """A verified provider registered by partner A."""
    return ProviderFactory(owner_partner=partner_a, name="Reviver Lisboa", city="Lisbon")


@pytest.fixture
def draft_provider(partner_a):
    """A provider of partner A that nobody has verified yet."""
    return ProviderFactory(owner_partner=partner_a, name="Oficina Nova",
                           verification=Verification.UNVERIFIED)


@pytest.fixture
def network(partner_a):
    return NetworkFactory(owner_partner=partner_a, name="Rede Portuguesa de Empresas Sociais")


@pytest.fixture
def stakeholder(partner_a):
    return StakeholderFactory(owner_partner=partner_a, name="IEFP Lisboa")
