"""The import runs in the background: the upload stores the file, tasks read, check and write
it, the page shows progress; a task run twice does the work once; empty rows cannot keep a
worker reading."""

import io
import time

import pytest
from django.core.cache import cache
from django.urls import reverse
from openpyxl import Workbook

from providers import imports
from providers.models import Provider, ProviderImport
from providers.tasks import check_provider_import, write_provider_import
from tests.factories import NetworkFactory
from tests.providers.test_import import (  # noqa: F401 (fixtures)
    GOOD,
    csv_bytes,
    member,
    post,
    preview_of,
    private_folder,
    tasks_after_commit,
    upload,
)

pytestmark = pytest.mark.django_db


def uploaded_without_tasks(client, content, name="providers.csv") -> ProviderImport:
    """Upload, as if no worker had taken the task yet."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(reverse("providers:provider_import"), {
        "file": SimpleUploadedFile(name, content), "encoding": "auto", "language": "en"})
    assert response.status_code == 302
    return ProviderImport.objects.get()


def workbook_with_a_far_row(row_number: int, *, data_rows=()) -> bytes:
    """A small workbook whose last cell sits on row ``row_number``: openpyxl reads every row
    between as empty, as it would a sheet with millions of empty rows."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["name", "country"])
    for row in data_rows:
        sheet.append(row)
    sheet.cell(row=row_number, column=1, value=" ")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- Nothing is read in the request ------------------------------------------------------------


def test_the_upload_only_stores_the_file_and_the_page_waits_for_the_check(client, member):
    job = uploaded_without_tasks(client, csv_bytes(GOOD))
    assert job.status == ProviderImport.Status.UPLOADED and not job.table
    assert job.uploaded_by == member and job.file_name == "providers.csv"
    page = client.get(job.get_absolute_url())
    text = page.content.decode()
    assert "The file waits to be read" in text
    assert '<meta http-equiv="refresh"' in text  # no script: the project's CSP forbids inline
    assert 'value="confirm"' not in text


def test_the_check_task_takes_the_import_id_and_a_second_run_does_nothing(client, member):
    job = uploaded_without_tasks(client, csv_bytes(GOOD))
    assert check_provider_import.delay(job.pk).get() == "ready"
    assert check_provider_import.delay(job.pk).get() == "nothing"
    job.refresh_from_db()
    assert job.status == ProviderImport.Status.READY and job.rows_total == 2
    assert len(job.table["records"]) == 2 and job.analysis["rows"][0][1] == "create"
    page = client.get(job.get_absolute_url())
    assert 'value="confirm"' in page.content.decode()
    assert '<meta http-equiv="refresh"' not in page.content.decode()


def test_a_check_whose_worker_died_is_taken_over_later(client, member):
    job = uploaded_without_tasks(client, csv_bytes(GOOD))
    ProviderImport.objects.filter(pk=job.pk).update(status=ProviderImport.Status.CHECKING)
    assert check_provider_import.delay(job.pk).get() == "nothing"  # it may still be alive
    ProviderImport.objects.filter(pk=job.pk).update(
        updated_at=job.updated_at.replace(year=2000))
    assert check_provider_import.delay(job.pk).get() == "ready"


def test_the_page_shows_the_progress_of_the_check(client, member):
    job = uploaded_without_tasks(client, csv_bytes(GOOD))
    ProviderImport.objects.filter(pk=job.pk).update(
        status=ProviderImport.Status.CHECKING, rows_done=500, rows_total=2000)
    text = client.get(job.get_absolute_url()).content.decode()
    assert "Checking the rows: 500 of 2,000." in text
    assert '<progress max="100" value="25"' in text


def test_confirming_reads_nothing_again_and_the_page_shows_progress_then_the_result(
        client, member, private_folder, monkeypatch):
    url, _preview = preview_of(client, upload(client, csv_bytes(GOOD)))
    job = ProviderImport.objects.get()
    for stored in private_folder.iterdir():
        stored.unlink()  # the rows kept on the import are what gets written

    def no_reading(*args, **kwargs):
        raise AssertionError("the file was read again")

    monkeypatch.setattr(imports, "read_file", no_reading)
    response = client.post(url, {"action": "confirm"})  # the task waits for a worker
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == ProviderImport.Status.IMPORTING and not Provider.objects.exists()
    cache.set(imports._progress_key(job.pk), 1)
    text = client.get(url).content.decode()
    assert "Importing: 1 of 2 rows written." in text and 'http-equiv="refresh"' in text
    assert write_provider_import.delay(job.pk).get() == "done"
    text = client.get(url).content.decode()
    assert "Imported: 2 provider(s) created, 0 updated" in text
    assert Provider.objects.count() == 2


def test_the_write_task_run_twice_imports_once(client, member):
    url, _preview = preview_of(client, upload(client, csv_bytes(GOOD)))
    job = ProviderImport.objects.get()
    client.post(url, {"action": "confirm"})
    client.post(url, {"action": "confirm"})  # a second click
    assert write_provider_import.delay(job.pk).get() == "done"
    assert write_provider_import.delay(job.pk).get() == "nothing"
    assert Provider.objects.count() == 2
    assert Provider.history.count() == 2


def test_a_row_that_became_invalid_refuses_the_whole_import_at_writing(client, member):
    network = NetworkFactory(name="Rede Portuguesa", acronym="RPES")
    rows = [["A", "PT", "", "", "", "", "", "", "rpes"], ["B", "PT", "", "", "", "", "", "", ""]]
    url, _preview = preview_of(client, upload(client, csv_bytes(rows)))
    job = ProviderImport.objects.get()
    client.post(url, {"action": "confirm"})
    network.delete()  # since the preview
    assert write_provider_import.delay(job.pk).get() == "refused"
    assert not Provider.objects.exists()
    page = client.get(url)
    assert "Nothing was imported: some rows are invalid" in page.content.decode()
    assert page.context["analysis"].rejected == 1
    assert 'value="confirm"' not in page.content.decode()


@pytest.mark.parametrize("persona", ["outsider", "colleague", "lead", "coordinator"])
@pytest.mark.parametrize("action", [{"action": "confirm"}, {"action": "cancel"},
                                    {"action": "encoding", "encoding": "cp1250"},
                                    {"action": "map"}])
def test_only_the_uploader_may_act_on_an_import(client, member, request, persona, action):
    url, _preview = preview_of(client, upload(client, csv_bytes(GOOD)))
    client.force_login(request.getfixturevalue(persona))
    assert post(client, url, action).status_code == 404
    assert client.get(url).status_code == 404
    job = ProviderImport.objects.get()
    assert job.status == ProviderImport.Status.READY and job.encoding == "auto"
    assert not Provider.objects.exists()


def test_a_person_keeps_only_their_latest_three_imports(client, member, private_folder):
    for _n in range(5):
        upload(client, csv_bytes(GOOD))
    assert ProviderImport.objects.count() == 3
    assert len(list(private_folder.iterdir())) == 3


# --- Empty rows ----------------------------------------------------------------------------------


def test_a_million_empty_rows_are_not_read(client, member, tmp_path):
    content = workbook_with_a_far_row(1_048_576)  # the last row a sheet has
    assert len(content) < 20_000
    path = tmp_path / "blank.xlsx"
    path.write_bytes(content)
    started = time.monotonic()
    table = imports.open_table(path, "xlsx")
    assert list(imports.records(table)) == []
    assert table.scanned == imports.MAX_BLANK_RUN  # not a million
    assert time.monotonic() - started < 5
    message = file_error_of(client, content)
    assert "no rows" in message
    assert "Reading stopped at line 1,001 after 1,000 empty rows in a row" in message


def test_rows_after_a_long_run_of_empty_rows_are_not_read_and_the_preview_says_so(
        client, member):
    content = workbook_with_a_far_row(50_000, data_rows=[["Horta", "PT"]])
    url, preview = preview_of(client, upload(client, content, "providers.xlsx"))
    assert preview.context["analysis"].created == 1
    assert "Reading stopped at line 1,002" in preview.content.decode()


def test_empty_rows_count_toward_the_limit_of_rows(client, member, monkeypatch, tmp_path):
    monkeypatch.setattr(imports, "MAX_LINES", 50)
    rows = []
    for n in range(40):
        rows += [[f"Provider {n}", "PT", "", "", "", "", "", "", ""], [""] * 9]
    path = tmp_path / "sparse.csv"
    path.write_bytes(csv_bytes(rows))
    table = imports.open_table(path, "csv")
    with pytest.raises(imports.FileProblem, match="more than 50 rows, counting the empty ones"):
        list(imports.records(table))
    assert table.scanned == 51


def file_error_of(client, content, name="providers.xlsx") -> str:
    response = upload(client, content, name)
    page = client.get(response.url)
    assert page.context["job"].status == ProviderImport.Status.FAILED
    return page.context["job"].error
