"""The registry's rows of the access matrix (tests/netw/test_access_matrix.py).

Records belong to partner A (A3S): ``member_a`` is their owner's colleague, ``member_b`` is from
another partner, ``lead`` leads WP1 (the mapping) at AFF and verifies providers.
"""

from tests.access import LOGIN, Row, coordinator_only, everyone, logged_in, url
from tests.factories import NetworkFactory, ProviderFactory, StakeholderFactory


def objects(personas, partners) -> dict:
    from providers.models import ProviderImport
    from providers.services import record_delete
    from providers.vocabulary import seed_vocabulary

    seed_vocabulary()
    a3s = partners["a3s"]
    deleted = ProviderFactory(owner_partner=a3s, name="Deleted by mistake")
    record_delete(record=deleted, by=personas["member_a"])
    return {
        "registry.provider_import": ProviderImport.objects.create(
            uploaded_by=personas["member_a"], partner=a3s, file_name="providers.csv",
            stored_name="no-such-file.csv", extension="csv", language="en",
            status=ProviderImport.Status.READY, detected_encoding="cp1250", analysis=PREVIEW),
        "registry.deleted_provider": deleted,
        # On the map (Lisbon), so that the walks meet a marker on the map pages.
        "registry.provider": ProviderFactory(owner_partner=a3s, latitude="38.72231",
                                             longitude="-9.13934"),
        "registry.network": NetworkFactory(owner_partner=a3s, city="Lisbon",
                                           latitude="38.71667", longitude="-9.13333"),
        "registry.stakeholder": StakeholderFactory(owner_partner=a3s),
    }


# A checked file: one row rejected for a word the sectors' list does not know (the preview
# asks what it means), one row to create.
PREVIEW = {
    "file_name": "providers.csv", "columns": ["name", "country", "sectors"], "notes": [],
    "rows": [[2, "reject", "Szociális Konyha", "HU",
              [["sectors", "“food”: not one of the sectors."]], []],
             [3, "create", "Horta da Vila", "PT", [], []]],
    "unknown": {"sectors": [["food", "food", 1, ["catering"]]]}, "mapped": {},
}


def _pk(name):
    # Keys are prefixed: every app's objects share one dictionary.
    return lambda objects: objects[f"registry.{name}"].pk


# Members of the owner partner and coordinators edit; others may see the record, so: 403.
EDIT = {"anonymous": LOGIN, "member_a": 200, "member_b": 403, "lead": 403, "coordinator": 200}
VERIFY = {"anonymous": LOGIN, "member_a": 403, "member_b": 403, "lead": 302, "coordinator": 302}

ROWS = {
    # Public: the verified providers and the networks.
    "providers:provider_list": Row(url("providers:provider_list"), everyone(200)),
    "providers:provider_detail": Row(url("providers:provider_detail", _pk("provider")),
                                     everyone(200)),
    "providers:network_list": Row(url("providers:network_list"), everyone(200)),
    "providers:network_detail": Row(url("providers:network_detail", _pk("network")),
                                    everyone(200)),
    "providers:country_overview": Row(url("providers:country_overview"), everyone(200)),
    # The maps and their points (GeoJSON): what each person may see of the lists.
    "providers:provider_map": Row(url("providers:provider_map"), everyone(200)),
    "providers:provider_map_points": Row(url("providers:provider_map_points"), everyone(200)),
    "providers:network_map": Row(url("providers:network_map"), everyone(200)),
    "providers:network_map_points": Row(url("providers:network_map_points"), everyone(200)),
    # The public lists as files: public details of what visitors see, for anyone.
    "providers:public_download": Row(
        url("providers:public_download", lambda o: "providers", lambda o: "csv"), everyone(200)),
    # The partners' working map.
    "providers:stakeholder_list": Row(url("providers:stakeholder_list"), logged_in(200)),
    "providers:stakeholder_detail": Row(url("providers:stakeholder_detail", _pk("stakeholder")),
                                        logged_in(200)),
    # Registering, editing, deleting, the history.
    "providers:provider_create": Row(url("providers:provider_create"), logged_in(200)),
    "providers:provider_update": Row(url("providers:provider_update", _pk("provider")), EDIT),
    "providers:provider_delete": Row(url("providers:provider_delete", _pk("provider")), EDIT),
    "providers:provider_history": Row(url("providers:provider_history", _pk("provider")),
                                      logged_in(200)),
    "providers:provider_verify": Row(url("providers:provider_verify", _pk("provider")), VERIFY,
                                     method="post"),
    "providers:network_create": Row(url("providers:network_create"), logged_in(200)),
    "providers:network_update": Row(url("providers:network_update", _pk("network")), EDIT),
    "providers:network_delete": Row(url("providers:network_delete", _pk("network")), EDIT),
    "providers:network_history": Row(url("providers:network_history", _pk("network")),
                                     logged_in(200)),
    "providers:stakeholder_create": Row(url("providers:stakeholder_create"), logged_in(200)),
    "providers:stakeholder_update": Row(url("providers:stakeholder_update",
                                            _pk("stakeholder")), EDIT),
    "providers:stakeholder_delete": Row(url("providers:stakeholder_delete",
                                            _pk("stakeholder")), EDIT),
    "providers:stakeholder_history": Row(url("providers:stakeholder_history",
                                             _pk("stakeholder")), logged_in(200)),
    # The import: every partner member; an import (its preview, progress and result, and its
    # buttons: tests/providers/test_import.py) is its uploader's alone: not even a coordinator
    # opens another person's file.
    "providers:provider_import": Row(url("providers:provider_import"), logged_in(200)),
    "providers:provider_import_template": Row(
        url("providers:provider_import_template", lambda o: "xlsx"), logged_in(200)),
    "providers:provider_import_preview": Row(
        url("providers:provider_import_preview", _pk("provider_import")),
        {"anonymous": LOGIN, "member_a": 200, "member_b": 404, "lead": 404,
         "coordinator": 404}),
    # Deleted records: coordinators restore them.
    "providers:deleted_list": Row(url("providers:deleted_list"), coordinator_only()),
    "providers:record_restore": Row(
        url("providers:record_restore", lambda o: "provider", _pk("deleted_provider")),
        coordinator_only(302), method="post"),
}
