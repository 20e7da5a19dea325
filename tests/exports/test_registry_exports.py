"""The registry's lists (providers, networks, stakeholders) exported with the page's filters."""

import csv
import io

from netw.exports import registry, services
from providers.vocabulary import Verification
from tests.factories import NetworkFactory, ProviderFactory, StakeholderFactory


def _export(user, list_name, filters, django_capture_on_commit_callbacks, format="csv"):
    with django_capture_on_commit_callbacks(execute=True):
        export, _ = services.export_request(user=user, list_name=list_name, filters=filters,
                                            format=format)
    export.refresh_from_db()
    assert export.status == "done", export.error
    return export


def _rows(export):
    text = services.file_path(export.file_name).read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_providers_are_exported_with_the_lists_filters_and_readable_values(
        owner, partners, django_capture_on_commit_callbacks):
    ProviderFactory(name="Lisbon coop", country="PT")
    ProviderFactory(name="Bratislava coop", country="SK")
    export = _export(owner, "providers", {"country": ["PT"]}, django_capture_on_commit_callbacks)
    rows = _rows(export)
    assert [r["Name"] for r in rows] == ["Lisbon coop"]
    assert rows[0]["Country"] == "Portugal"
    assert rows[0]["Legal form"] == "Cooperative"
    assert rows[0]["Verification"] == "Verified"
    assert rows[0]["Registered by"] == "A3S"


def test_a_member_exports_only_the_providers_they_may_see(
        outsider, partners, django_capture_on_commit_callbacks):
    ProviderFactory(name="Verified elsewhere")
    ProviderFactory(name="Unverified of A3S", verification=Verification.UNVERIFIED)
    ProviderFactory(name="Unverified of IDC", verification=Verification.UNVERIFIED,
                    owner_partner=partners["idc-serbia"])
    export = _export(outsider, "providers", {}, django_capture_on_commit_callbacks, "xlsx")
    assert export.row_count == 2  # the verified one, and their own partner's unverified one


def test_networks_and_stakeholders_are_exported(owner, partners,
                                                django_capture_on_commit_callbacks):
    NetworkFactory(name="Rede PT", representing_partner=partners["a3s"])
    StakeholderFactory(name="Ministry")
    networks = _rows(_export(owner, "networks", {"sort": ["-members"]},
                             django_capture_on_commit_callbacks))
    assert networks[0]["Name"] == "Rede PT" and networks[0]["Represented by partner"] == "A3S"
    stakeholders = _rows(_export(owner, "stakeholders", {}, django_capture_on_commit_callbacks))
    assert stakeholders[0]["Type"] == "Public authority"


def test_the_country_overview_counts_the_registry(owner, partners):
    ProviderFactory(country="PT")
    ProviderFactory(country="PT")
    NetworkFactory(country="PT")
    overview = registry.get("country_overview").context(owner, {})["overview"]
    assert overview.with_stakeholders
    portugal = next(r for r in overview.rows if r.code == "PT")
    assert (portugal.providers, portugal.network_total, portugal.stakeholder_total) == (2, 1, 0)


def test_the_registry_lists_carry_the_export_button_with_their_filters(client, owner, partners):
    from django.urls import reverse

    client.force_login(owner)
    for name in ("provider", "network", "stakeholder"):
        page = client.get(reverse(f"providers:{name}_list") + "?country=PT")
        assert f'name="list" value="{name}s"' in page.text, name
        assert 'name="filters" value="country=PT"' in page.text
