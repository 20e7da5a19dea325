"""WP2 shows on a provider's page the methodologies it has adopted, through methodologies/panels.py
(found by the core), not through template tags the registry would have to load."""

import datetime as dt

import pytest

from methodologies.models import Adoption
from netw.workflow import Status
from tests.factories import ProviderFactory
from tests.methodologies.factories import MethodologyFactory

pytestmark = pytest.mark.django_db


def _adopt(methodology, provider):
    Adoption.objects.create(methodology=methodology, provider=provider,
                            owner_partner_id=methodology.owner_partner_id,
                            since=dt.date(2025, 9, 1))


def test_a_providers_page_lists_the_methodologies_it_adopted_that_the_viewer_may_see(
        client, partner_a, outsider):
    provider = ProviderFactory(name="Bakery Porto", country="PT")
    _adopt(MethodologyFactory(title="Job coaching in a bakery", status=Status.PUBLISHED),
           provider)
    _adopt(MethodologyFactory(title="A draft of A3S", owner_partner=partner_a), provider)
    page = client.get(provider.get_absolute_url()).content.decode()
    assert "Methodologies it has adopted" in page
    assert "Job coaching in a bakery" in page and "since September 2025" in page
    assert "A draft of A3S" not in page
    client.force_login(outsider)
    assert "A draft of A3S" not in client.get(provider.get_absolute_url()).content.decode()


def test_the_registry_page_asks_the_apps_for_their_panels(client):
    from netw.discovery import gather

    provider = ProviderFactory()
    panels = gather("panels", "provider_panels", provider, None)
    assert [p.template for p in panels] == ["methodologies/includes/provider_adoptions.html"]
    assert client.get(provider.get_absolute_url()).status_code == 200
