"""The nightly open data package: complete, valid, public only, and swapped in atomically."""

import csv
import json
from pathlib import Path

import frictionless
import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from netw.opendata import package
from netw.opendata.datasets import open_datasets
from providers.vocabulary import Verification
from tests.factories import NetworkFactory, ProviderFactory

pytestmark = pytest.mark.django_db


def _rows(directory: Path, name: str) -> list[dict]:
    with open(directory / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def registry(partners):
    network = NetworkFactory(name="Rede Portuguesa", city="Lisbon")
    public = ProviderFactory(name="Public Provider", sectors=["recycling", "catering"],
                             target_groups=["roma"], networks=[network],
                             description="Line one,\n\"quoted\" — ünïcode")
    unverified = ProviderFactory(name="Unverified Provider",
                                 verification=Verification.UNVERIFIED)
    deleted = ProviderFactory(name="Deleted Provider")
    deleted.deleted_at = timezone.now()
    deleted.save(update_fields=["deleted_at"])
    return {"network": network, "public": public, "unverified": unverified, "deleted": deleted}


@pytest.fixture
def every_dataset(partners, coordinator, registry):
    """A public and some private records of every dataset the API serves."""
    from tests.api.records import private_records, public_records

    return {"public": public_records(partners),
            "private": private_records(partners, deleted_by=coordinator)}


def _csv_ids(directory: Path, name: str) -> set[str]:
    return {row["id"] for row in _rows(directory, name)}


def test_the_built_package_is_a_valid_frictionless_data_package(every_dataset):
    directory = package.build_package()

    report = frictionless.validate(str(directory / package.DESCRIPTOR))

    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    for dataset in open_datasets():
        assert _rows(directory, dataset.name), f"{dataset.name}.csv has no row"


def test_a_file_that_breaks_its_table_schema_is_reported_invalid(registry):
    directory = package.build_package()
    providers = directory / "providers.csv"
    providers.write_text(providers.read_text(encoding="utf-8").replace(",PT,", ",Portugal,"),
                         encoding="utf-8")
    descriptor = json.loads((directory / package.DESCRIPTOR).read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        resource.pop("bytes"), resource.pop("hash")  # only the schema is to fail here
    (directory / package.DESCRIPTOR).write_text(json.dumps(descriptor), encoding="utf-8")

    report = frictionless.validate(str(directory / package.DESCRIPTOR))

    assert not report.valid
    assert "constraint-error" in {error[2] for error in report.flatten(
        ["rowNumber", "fieldName", "type"])}


def test_only_what_visitors_see_is_in_the_files(every_dataset):
    directory = package.build_package()

    for name, record in every_dataset["public"].items():
        assert str(record.pk) in _csv_ids(directory, name.replace("/", "-")), name
    for name, records in every_dataset["private"].items():
        if name == "study visits":
            continue  # no dataset at all
        ids = _csv_ids(directory, name.replace("/", "-"))
        assert not {str(record.pk) for record in records} & ids, name


def test_every_api_dataset_is_a_resource_with_its_schema_licence_and_keys(registry):
    directory = package.build_package()
    descriptor = json.loads((directory / package.DESCRIPTOR).read_text(encoding="utf-8"))

    names = [resource["name"] for resource in descriptor["resources"]]
    assert names == [dataset.name for dataset in open_datasets()]
    assert {"providers", "networks", "partners"} <= set(names)
    assert descriptor["licenses"] == [{
        "name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
        "title": "Attribution 4.0 International (CC BY 4.0)"}]
    assert descriptor["homepage"] == f"{settings.SITE_URL}/open-data/"
    assert descriptor["created"].endswith("Z")
    providers = next(r for r in descriptor["resources"] if r["name"] == "providers")
    fields = {field["name"]: field for field in providers["schema"]["fields"]}
    assert providers["schema"]["primaryKey"] == ["id"]
    assert {"fields": ["registered_by"], "reference": {"resource": "partners",
                                                        "fields": ["id"]}} \
        in providers["schema"]["foreignKeys"]
    # Codes with their vocabulary, descriptions from the serializers' help_text.
    assert fields["legal_form"]["constraints"]["enum"][:2] == ["association", "foundation"]
    assert fields["country"]["constraints"]["pattern"] == "[A-Z]{2}"
    assert "recycling" in fields["sectors"]["constraints"]["pattern"]
    assert fields["id"]["description"].startswith("The record's stable identifier")
    assert (directory / package.README).read_text(encoding="utf-8").startswith(
        "# Net-Works open data")
    assert "CC BY 4.0" in (directory / package.LICENCE_FILE).read_text(encoding="utf-8")


def test_private_records_and_contacts_are_in_no_file(registry):
    directory = package.build_package()

    everything = "\n".join(path.read_text(encoding="utf-8") for path in directory.iterdir())
    assert "Public Provider" in everything
    for private in ("Unverified Provider", "Deleted Provider", "Maria Contact",
                    registry["public"].contact_email, registry["public"].contact_phone):
        assert private not in everything
    header = _rows(directory, "providers")[0].keys()
    assert not {"contact_person", "contact_email", "contact_phone", "verification"} & set(header)


def test_a_csv_row_says_what_the_api_says_for_the_same_record(client, registry):
    directory = package.build_package()
    public = registry["public"]

    row = next(r for r in _rows(directory, "providers") if r["id"] == str(public.pk))
    api = client.get(f"/api/v1/providers/{public.pk}/").json()

    assert row["name"] == api["name"] == "Public Provider"
    assert row["description"] == api["description"]
    assert row["sectors"] == "|".join(api["sectors"]) == "recycling|catering"
    assert row["networks"] == str(registry["network"].pk)
    assert row["country"] == api["country"] == "PT"
    assert row["modified"] == api["modified"]
    assert row["html_url"] == api["html_url"]


def test_a_failed_build_leaves_the_previous_package_in_place(registry, monkeypatch):
    first = package.build_package()
    before = (first / "providers.csv").read_bytes()

    def broken(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(package, "_write_csv", broken)
    with pytest.raises(RuntimeError):
        package.build_package()

    assert package.current_dir() == first
    assert (package.current_dir() / "providers.csv").read_bytes() == before
    leftovers = [p.name for p in Path(settings.OPEN_DATA_ROOT).iterdir()
                 if p.name.startswith(".tmp-")]
    assert leftovers == []


def test_a_new_build_replaces_the_current_one_and_old_builds_are_pruned(registry, settings):
    settings.OPEN_DATA_KEEP_BUILDS = 1
    builds = [package.build_package() for _ in range(3)]

    assert package.current_dir() == builds[-1]
    assert not builds[0].exists()
    assert builds[1].exists()


def test_the_management_command_and_the_task_build_the_package(registry):
    from netw.opendata.tasks import build_open_data_package

    call_command("build_open_data", stdout=open("/dev/null", "w"))
    first = package.current_dir()
    assert first is not None
    build_open_data_package.delay()
    assert package.current_dir() != first


def test_the_nightly_build_is_in_the_beat_schedule():
    entry = settings.CELERY_BEAT_SCHEDULE["opendata-build-package"]

    assert entry["task"] == "netw.opendata.tasks.build_open_data_package"
    from netw.celery import app

    app.loader.import_default_modules()
    assert entry["task"] in app.tasks


def test_building_costs_the_same_queries_whatever_the_number_of_records(registry):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            package.build_package()
        return len(captured)

    few = queries()
    network = registry["network"]
    ProviderFactory.create_batch(12, sectors=["care"], target_groups=["neet"],
                                 networks=[network])
    assert queries() == few
