"""Valid values for the registry's forms in the hostile-input sweep (tests/security/)."""

BASELINES = {
    "providers:provider_create": lambda o: {"name": "Bakery of the sweep", "country": "PT",
                                            "language": "en"},
    "providers:network_create": lambda o: {"name": "Network of the sweep", "level": "national",
                                           "country": "PT", "maturity": "emerging",
                                           "language": "en"},
    "providers:stakeholder_create": lambda o: {"name": "Ministry of the sweep",
                                               "kind": "public_authority", "level": "national",
                                               "country": "PT", "language": "en"},
}
