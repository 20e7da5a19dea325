"""The registry's rows of the access matrix (tests/netw/test_access_matrix.py).

Records belong to partner A (A3S): ``member_a`` is their owner's colleague, ``member_b`` is from
another partner, ``lead`` leads WP1 (the mapping) at AFF and verifies providers.
"""

from tests.access import Row, everyone, logged_in, url
from tests.factories import NetworkFactory, ProviderFactory, StakeholderFactory


def objects(personas, partners) -> dict:
    from providers.vocabulary import seed_vocabulary

    seed_vocabulary()
    a3s = partners["a3s"]
    return {
        "registry.provider": ProviderFactory(owner_partner=a3s),
        "registry.network": NetworkFactory(owner_partner=a3s),
        "registry.stakeholder": StakeholderFactory(owner_partner=a3s),
    }


def _pk(name):
    # Keys are prefixed: every app's objects share one dictionary.
    return lambda objects: objects[f"registry.{name}"].pk


ROWS = {
    # Public: the verified providers and the networks.
    "providers:provider_list": Row(url("providers:provider_list"), everyone(200)),
    "providers:provider_detail": Row(url("providers:provider_detail", _pk("provider")),
                                     everyone(200)),
    "providers:network_list": Row(url("providers:network_list"), everyone(200)),
    "providers:network_detail": Row(url("providers:network_detail", _pk("network")),
                                    everyone(200)),
    # The partners' working map.
    "providers:stakeholder_list": Row(url("providers:stakeholder_list"), logged_in(200)),
    "providers:stakeholder_detail": Row(url("providers:stakeholder_detail", _pk("stakeholder")),
                                        logged_in(200)),
}
