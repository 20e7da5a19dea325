"""Every list, record page and overview reads a fixed number of queries, whatever the rows.

Each page is measured with 10 and with 200 providers (spread over networks, sectors and target
groups) and must issue exactly the same number of queries.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from providers.models import Sector, TargetGroup
from tests.factories import NetworkFactory, ProviderFactory, StakeholderFactory

pytestmark = pytest.mark.django_db


def grow(partners, count: int, networks: list) -> None:
    """Add providers (and a stakeholder per ten) until there are ``count``, in bulk."""
    from providers.models import Provider

    slugs = list(partners)
    sectors = list(Sector.objects.all())
    groups = list(TargetGroup.objects.all())
    start = Provider.objects.count()
    created = Provider.objects.bulk_create([
        ProviderFactory.build(owner_partner=partners[slugs[n % len(slugs)]],
                              verification="verified" if n % 3 else "unverified")
        for n in range(start, count)
    ])
    sector_rows, group_rows, network_rows = [], [], []
    for n, provider in enumerate(created, start=start):
        sector_rows += [Provider.sectors.through(provider=provider, sector=s)
                        for s in sectors[n % 5: n % 5 + 3]]
        group_rows += [Provider.target_groups.through(provider=provider, targetgroup=g)
                       for g in groups[n % 4: n % 4 + 2]]
        network_rows += [Provider.networks.through(provider=provider, network=w)
                         for w in networks[n % 3: n % 3 + 2]]
    Provider.sectors.through.objects.bulk_create(sector_rows)
    Provider.target_groups.through.objects.bulk_create(group_rows)
    Provider.networks.through.objects.bulk_create(network_rows)
    for n in range(start, count, 10):
        StakeholderFactory(owner_partner=partners[slugs[n % len(slugs)]])


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.fixture
def networks(partner_a):
    return [NetworkFactory(owner_partner=partner_a, name=f"Network {n}") for n in range(4)]


def pages(first_provider, first_network, first_stakeholder):
    return [
        reverse("providers:provider_list"),
        reverse("providers:provider_list") + "?country=PT&sector=recycling&sort=-updated",
        first_provider.get_absolute_url(),
        reverse("providers:network_list"),
        reverse("providers:network_list") + "?sort=-members",
        first_network.get_absolute_url(),
        reverse("providers:stakeholder_list"),
        first_stakeholder.get_absolute_url(),
        reverse("providers:country_overview"),
    ]


@pytest.mark.parametrize("persona", ["anonymous", "member_a", "lead", "coordinator"])
def test_registry_pages_read_as_many_queries_at_10_and_at_200_providers(
        client, partners, personas, networks, persona, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the views' own queries, not the visitors' page cache
    user = personas[persona]
    if user is not None:
        client.force_login(user)
    grow(partners, 10, networks)
    from providers.models import Provider, Stakeholder

    provider = Provider.objects.verified().order_by("pk").first()
    stakeholder = Stakeholder.objects.order_by("pk").first()
    urls = [u for u in pages(provider, networks[0], stakeholder)
            if user is not None or "stakeholders" not in u]
    client.get(urls[0])  # the first request of a session does its own bookkeeping
    small = {url: count_queries(client, url) for url in urls}
    grow(partners, 200, networks)
    large = {url: count_queries(client, url) for url in urls}
    assert large == small
