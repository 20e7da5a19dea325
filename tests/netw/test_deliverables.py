"""The deliverables register (netw/monitoring/deliverables.py): who reads and keeps it, evidence
picked among the records one may see, and the evidence pack (a ZIP with the files, a manifest
with their SHA-256 and a printable index), made in the background with flat memory."""

import csv
import datetime as dt
import hashlib
import io
import time
import tracemalloc
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from netw.exports import services
from netw.exports.models import Export
from netw.monitoring import evidence_pack
from netw.monitoring.deliverables import (
    Deliverable,
    DeliverableEvidence,
    DeliverableStatus,
    deliverable_evidence_add,
)
from netw.uploads import private_storage
from peersessions.models import Material, Session
from tests.methodologies.factories import DisseminationFactory
from tests.peersessions.factories import ParticipantFactory, SessionFactory

pytestmark = pytest.mark.django_db


def _deliverable(partner, **kwargs) -> Deliverable:
    fields = {"code": "D1.2", "work_package": 1, "title": "Peer sessions report",
              "due_on": dt.date(2026, 6, 30), "responsible_partner": partner, **kwargs}
    return Deliverable.objects.create(**fields)


def _material(session, name: str, content: bytes) -> Material:
    stored = private_storage.save(f"peersessions/materials/test/{name}", ContentFile(content))
    return Material.objects.create(session=session, title=name, file=stored, original_name=name,
                                   content_type="text/plain", size=len(content))


def _pack(user, deliverable, django_capture_on_commit_callbacks) -> Export:
    with django_capture_on_commit_callbacks(execute=True):
        export, _created = services.export_request(
            user=user, list_name="evidence_pack", filters={"deliverable": [str(deliverable.pk)]},
            format="zip")
    export.refresh_from_db()
    return export


def _manifest(zf: zipfile.ZipFile) -> list[dict]:
    return list(csv.DictReader(io.StringIO(zf.read("manifest.csv").decode("utf-8-sig"))))


# --- The register --------------------------------------------------------------------------------


def test_every_partner_member_reads_the_register_with_overdue_ones_marked(
        client, outsider, partner_a):
    _deliverable(partner_a, due_on=timezone.localdate() - dt.timedelta(days=3))
    _deliverable(partner_a, code="D1.3", title="MOOC", due_on=timezone.localdate()
                 + dt.timedelta(days=30))
    client.force_login(outsider)
    page = client.get(reverse("deliverables:list")).content.decode()
    assert "D1.2" in page and "D1.3" in page
    assert page.count('class="overdue"') == 1


def test_visitors_log_in_and_learners_are_refused(client, mooc_learner, partner_a):
    deliverable = _deliverable(partner_a)
    response = client.get(reverse("deliverables:list"))
    assert response.status_code == 302 and reverse("account_login") in response.url
    client.force_login(mooc_learner)
    assert client.get(reverse("deliverables:list")).status_code == 403
    assert client.get(deliverable.get_absolute_url()).status_code == 404


def test_the_work_package_lead_moves_the_status_but_only_coordinators_edit_the_rest(
        client, lead, coordinator, partner_a):
    deliverable = _deliverable(partner_a)
    client.force_login(lead)
    url = reverse("deliverables:update", args=[deliverable.pk])
    response = client.post(url, {"status": "submitted", "submitted_on": "",
                                 "title": "Renamed"})
    assert response.status_code == 200  # the date it was submitted is asked for
    assert "Say when the deliverable was submitted." in response.content.decode()
    client.post(url, {"status": "submitted", "submitted_on": "2026-06-28", "title": "Renamed"})
    deliverable.refresh_from_db()
    assert deliverable.status == DeliverableStatus.SUBMITTED
    assert deliverable.title == "Peer sessions report"
    client.force_login(coordinator)
    client.post(url, {"code": "D1.2", "work_package": 1, "title": "Renamed",
                      "due_on": "2026-06-30", "responsible_partner": partner_a.pk,
                      "status": "accepted", "submitted_on": "2026-06-28"})
    deliverable.refresh_from_db()
    assert (deliverable.title, deliverable.status) == ("Renamed", "accepted")
    assert deliverable.history.count() == 3


# --- Evidence ------------------------------------------------------------------------------------


def test_adding_evidence_offers_only_the_records_the_person_may_see(
        client, owner, outsider, partner_a, partner_b):
    deliverable = _deliverable(partner_b)
    draft = SessionFactory(owner_partner=partner_a, status=Session.Status.DRAFT,
                           title="A's draft session")
    scheduled = SessionFactory(owner_partner=partner_a, title="A's scheduled session")
    client.force_login(outsider)
    url = reverse("deliverables:evidence_add", args=[deliverable.pk])
    page = client.get(url, {"kind": "peersessions.session"}).content.decode()
    assert "A&#x27;s scheduled session" in page
    assert "draft session" not in page
    response = client.post(url, {"kind": "peersessions.session", "record": draft.pk})
    assert response.status_code == 200 and not deliverable.evidence.exists()
    response = client.post(url, {"kind": "peersessions.session", "record": scheduled.pk,
                                 "note": "The spring session"})
    assert response.status_code == 302
    evidence = deliverable.evidence.get()
    assert (evidence.record, evidence.added_by, evidence.note) == (scheduled, outsider,
                                                                    "The spring session")
    # A's own staff see their draft, but may not add evidence to B's deliverable.
    client.force_login(owner)
    assert client.get(url).status_code == 403


def test_the_deliverable_page_groups_evidence_by_kind_and_hides_what_one_may_not_see(
        client, owner, outsider, coordinator, partner_a):
    deliverable = _deliverable(partner_a)
    draft = SessionFactory(owner_partner=partner_a, status=Session.Status.DRAFT,
                           title="Draft session of A")
    activity = DisseminationFactory(owner_partner=partner_a, title="Conference talk")
    deliverable_evidence_add(deliverable=deliverable, record=draft, by=owner)
    deliverable_evidence_add(deliverable=deliverable, record=activity, by=owner)
    client.force_login(outsider)
    page = client.get(deliverable.get_absolute_url()).content.decode()
    assert "Conference talk" in page and "Draft session of A" not in page
    assert "Peer-to-peer session" in page and "Dissemination activity" in page
    assert "Make the evidence pack" in page
    client.force_login(coordinator)
    evidence = deliverable.evidence.get(label="Conference talk")
    client.post(reverse("deliverables:evidence_remove", args=[deliverable.pk, evidence.pk]))
    assert [e.record for e in DeliverableEvidence.objects.all()] == [draft]


# --- The evidence pack ---------------------------------------------------------------------------


@pytest.fixture
def evidence(partner_a, owner):
    deliverable = _deliverable(partner_a)
    session = SessionFactory(owner_partner=partner_a, minutes="We agreed on three things.")
    ParticipantFactory(session=session, user=owner, attended=True)
    _material(session, "slides.txt", b"slide one\nslide two\n")
    activity = DisseminationFactory(owner_partner=partner_a)
    activity.evidence.save("photo.txt", ContentFile(b"a photo, in words"))
    deliverable_evidence_add(deliverable=deliverable, record=session, by=owner)
    deliverable_evidence_add(deliverable=deliverable, record=activity, by=owner)
    return deliverable, session, activity


def test_the_pack_holds_the_files_a_manifest_and_an_index_with_their_checksums(
        evidence, outsider, django_capture_on_commit_callbacks, monkeypatch):
    deliverable, session, _activity = evidence
    printed = []
    write_pdf = evidence_pack.writers.write_pdf
    monkeypatch.setattr(evidence_pack.writers, "write_pdf", lambda path, html, base_url: (
        printed.append(html), write_pdf(path, html, base_url=base_url)))
    export = _pack(outsider, deliverable, django_capture_on_commit_callbacks)
    assert export.status == Export.Status.DONE, export.error
    assert export.download_filename().endswith(".zip")
    with zipfile.ZipFile(services.file_path(export.file_name)) as zf:
        manifest = _manifest(zf)
        names = set(zf.namelist())
        assert {"manifest.csv", "index.pdf"} <= names
        assert zf.read("index.pdf").startswith(b"%PDF")
        files = {row["path"].rsplit("/", 1)[-1].split("-", 1)[-1]: row for row in manifest}
        assert {"agenda.md", "attendance.csv", "minutes.md", "slides.txt"} <= files.keys()
        assert any(name.endswith("photo.txt") for name in files)
        for row in manifest:
            assert row["status"] == "included"
            data = zf.read(row["path"])
            assert row["sha256"] == hashlib.sha256(data).hexdigest()
            assert int(row["size"]) == len(data)
        assert zf.read(files["slides.txt"]["path"]) == b"slide one\nslide two\n"
        assert "owner@a3s.example.org" in zf.read(files["attendance.csv"]["path"]).decode() \
            or session.participants.get().user.get_full_name() in zf.read(
                files["attendance.csv"]["path"]).decode()
    # The printable index lists every file with its checksum.
    for row in manifest:
        assert row["path"] in printed[0]
        assert f'{row["sha256"][:32]}<br>{row["sha256"][32:]}' in printed[0]
    # Each record in a folder of its own.
    assert len({row["path"].split("/", 1)[0] for row in manifest}) == 2
    # The page "My exports" lists it.
    assert export.requested_by == outsider and export.format == "zip"


def test_a_file_deleted_meanwhile_is_missing_in_the_manifest_and_the_pack_still_succeeds(
        evidence, coordinator, django_capture_on_commit_callbacks):
    deliverable, session, _activity = evidence
    private_storage.delete(session.materials.get().file.name)
    export = _pack(coordinator, deliverable, django_capture_on_commit_callbacks)
    assert export.status == Export.Status.DONE, export.error
    with zipfile.ZipFile(services.file_path(export.file_name)) as zf:
        rows = {row["path"].rsplit("/", 1)[-1].split("-", 1)[-1]: row for row in _manifest(zf)}
        assert rows["slides.txt"]["status"] == "missing"
        assert rows["slides.txt"]["sha256"] == ""
        assert rows["agenda.md"]["status"] == "included"
        assert not [n for n in zf.namelist() if n.endswith("slides.txt")]


def test_a_record_deleted_since_is_missing_and_one_hidden_from_the_asker_is_withheld(
        partner_a, owner, outsider, tmp_path):
    deliverable = _deliverable(partner_a)
    draft = SessionFactory(owner_partner=partner_a, status=Session.Status.DRAFT)
    gone = DisseminationFactory(owner_partner=partner_a)
    deliverable_evidence_add(deliverable=deliverable, record=draft, by=owner)
    deliverable_evidence_add(deliverable=deliverable, record=gone, by=owner)
    gone.delete()
    path = tmp_path / "pack.zip"
    evidence_pack.write_pack(path, outsider, {"deliverable": [str(deliverable.pk)]})
    with zipfile.ZipFile(path) as zf:
        statuses = sorted(row["status"] for row in _manifest(zf))
        assert statuses == ["missing", "withheld"]
        assert [n for n in zf.namelist() if n not in ("manifest.csv", "index.pdf")] == []


def test_only_partners_may_ask_for_a_pack(mooc_learner, partner_a):
    from django.core.exceptions import PermissionDenied

    deliverable = _deliverable(partner_a)
    with pytest.raises(PermissionDenied):
        services.export_request(user=mooc_learner, list_name="evidence_pack",
                                filters={"deliverable": [str(deliverable.pk)]}, format="zip")


def test_a_pack_of_a_thousand_files_is_written_with_flat_memory(
        partner_a, coordinator, tmp_path, monkeypatch):
    """The files are copied in chunks: the peak is far below the files' total size, and what
    grows per file is a manifest row and a ZIP directory entry (about a kilobyte)."""
    deliverable = _deliverable(partner_a)
    session = SessionFactory(owner_partner=partner_a)
    body = bytes(range(256)) * 64  # 16 KiB each, 16 MiB in all
    root = private_storage.path("peersessions/materials/many")
    import os

    os.makedirs(root)
    materials = []
    for i in range(1000):
        name = f"file-{i:04d}.bin"
        with open(os.path.join(root, name), "wb") as handle:
            handle.write(body)
        materials.append(Material(session=session, title=name, original_name=name,
                                  file=f"peersessions/materials/many/{name}",
                                  content_type="application/octet-stream", size=len(body)))
    Material.objects.bulk_create(materials)
    deliverable_evidence_add(deliverable=deliverable, record=session, by=coordinator)
    # The index is measured apart: a printable table of 1,000 rows is a document, not a stream.
    monkeypatch.setattr(evidence_pack.writers, "write_pdf",
                        lambda path, html, base_url: path.write_bytes(b"%PDF-1.7 stub"))
    started = time.monotonic()
    tracemalloc.start()
    try:
        count = evidence_pack.write_pack(tmp_path / "big.zip", coordinator,
                                         {"deliverable": [str(deliverable.pk)]})
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 1002  # the agenda, the attendance list and the thousand materials
    assert peak < 6 * 1024 * 1024, peak  # of 16 MiB of files
    assert time.monotonic() - started < 30
    with zipfile.ZipFile(tmp_path / "big.zip") as zf:
        assert len(zf.namelist()) == 1004
        assert zf.testzip() is None


def test_the_demo_seeds_deliverables_of_every_work_package_with_evidence_once(partners):
    import io as _io

    from django.core.management import call_command

    call_command("seed_demo", stdout=_io.StringIO())
    counts = (Deliverable.objects.count(), DeliverableEvidence.objects.count())
    call_command("seed_demo", stdout=_io.StringIO())
    assert (Deliverable.objects.count(), DeliverableEvidence.objects.count()) == counts
    assert 6 <= counts[0] <= 9 and counts[1] > 0
    assert set(Deliverable.objects.values_list("work_package", flat=True)) == {1, 2, 3}
    assert set(DeliverableEvidence.objects.values_list(
        "deliverable__work_package", flat=True)) == {1, 2, 3}
