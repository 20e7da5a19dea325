"""Importing providers from CSV or XLSX: template, preview, refusal, confirmation, bad files.

Nothing is written before the person confirms; a file with one invalid row is not imported at
all; every bad file gets a message naming the problem, never a server error. The file is read,
checked and written by tasks (run in-process here, once the request's transaction commits).
"""

import csv
import io
import time

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook, load_workbook

from providers import imports
from providers.models import ImportValueMapping, Provider, ProviderImport
from providers.tasks import check_provider_import, write_provider_import
from providers.vocabulary import Verification
from tests.factories import NetworkFactory, ProviderFactory

pytestmark = pytest.mark.django_db

HEADER = ["name", "country", "city", "sectors", "target_groups", "learners_per_year",
          "website", "contact_email", "networks"]


@pytest.fixture(autouse=True)
def private_folder(settings, tmp_path):
    settings.PROVIDER_IMPORTS_ROOT = tmp_path / "imports"
    return settings.PROVIDER_IMPORTS_ROOT


RUN_TASKS = []


@pytest.fixture(autouse=True)
def tasks_after_commit(django_capture_on_commit_callbacks):
    """Requests queue tasks after their transaction commits: run them, as a worker would."""
    RUN_TASKS[:] = [django_capture_on_commit_callbacks]
    yield


def post(client, url, data=None, **kwargs):
    with RUN_TASKS[0](execute=True):
        return client.post(url, data or {}, **kwargs)


@pytest.fixture
def member(client, owner):
    client.force_login(owner)
    return owner


def csv_bytes(rows, header=HEADER, delimiter=",", encoding="utf-8") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(rows, header=HEADER) -> bytes:
    workbook = Workbook()
    workbook.active.append(header)
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


GOOD = [
    ["Humana Nova", "Serbia", "Novi Sad", "Textile and clothing; recycling", "roma", "120",
     "humananova.example.rs", "info@humananova.example.rs", ""],
    ["Kuchyňa bez hraníc", "SK", "Bratislava", "catering", "Refugees and migrants", "30", "",
     "", ""],
]


def upload(client, content: bytes, name="providers.csv", **data):
    file = SimpleUploadedFile(name, content)
    return post(client, reverse("providers:provider_import"),
                {"file": file, "encoding": "auto", "language": "en", **data})


def preview_of(client, response):
    assert response.status_code == 302, response.context["form"].errors
    preview = client.get(response.url)
    assert preview.context["job"].status == ProviderImport.Status.READY, \
        preview.context["job"].error
    return response.url, preview


def file_error(response) -> str:
    """The message about a bad file: on the upload form (what needs no reading), or on the
    import's page once the task has read it."""
    if response.status_code == 302:
        page = response.client.get(response.url)
        job = page.context["job"]
        assert job.status == ProviderImport.Status.FAILED
        assert job.error in page.content.decode()
        return job.error
    assert response.status_code == 200
    return " ".join(response.context["form"].errors["file"])


# --- The template --------------------------------------------------------------------------------


def test_the_templates_have_the_columns(client, member):
    response = client.get(reverse("providers:provider_import_template", args=["csv"]))
    text = response.content.decode("utf-8-sig")
    assert text.strip() == ",".join(imports.KEYS)
    response = client.get(reverse("providers:provider_import_template", args=["xlsx"]))
    workbook = load_workbook(io.BytesIO(response.content))
    assert [c.value for c in workbook["Providers"][1]] == imports.KEYS
    assert workbook["Help"].max_row > len(imports.KEYS)


def test_the_template_reads_back_as_an_empty_file(client, member):
    content = client.get(reverse("providers:provider_import_template", args=["xlsx"])).content
    assert "no rows" in file_error(upload(client, content, "template.xlsx"))


# --- Preview and confirmation --------------------------------------------------------------------


def test_the_preview_lists_each_row_and_writes_nothing(client, member):
    url, preview = preview_of(client, upload(client, csv_bytes(GOOD)))
    page = preview.content.decode()
    assert "Humana Nova" in page and "Kuchyňa bez hraníc" in page
    assert preview.context["analysis"].created == 2
    assert not Provider.objects.exists()


def test_confirming_imports_every_row_for_the_partner_with_history(client, member, partner_a,
                                                                   private_folder):
    url, _ = preview_of(client, upload(client, csv_bytes(GOOD)))
    response = post(client, url, {"action": "confirm"})
    assert response.status_code == 302 and response.url == url
    humana = Provider.objects.get(name="Humana Nova")
    assert humana.owner_partner == partner_a and humana.created_by == member
    assert humana.country == "RS" and humana.learners_per_year == 120
    assert humana.website == "https://humananova.example.rs"
    assert humana.verification == Verification.UNVERIFIED
    assert sorted(s.code for s in humana.sectors.all()) == ["recycling", "textile"]
    assert [g.code for g in humana.target_groups.all()] == ["roma"]
    (entry,) = humana.history.all()
    assert entry.history_type == "+" and entry.history_user == member
    assert "import of providers.csv" in entry.history_change_reason
    assert sorted(r.sector.code for r in entry.sectors.all()) == ["recycling", "textile"]
    page = client.get(url)
    assert "Imported: 2 providers created, 0 updated" in page.content.decode()
    assert not list(private_folder.iterdir())  # the file is gone
    assert not page.context["job"].table  # and so is the copy of its rows


def test_an_xlsx_file_imports_too(client, member):
    rows = [["Horta Solidária", "PT", "Porto", "agriculture", "", 25.0, "", "", ""]]
    url, preview = preview_of(client, upload(client, xlsx_bytes(rows), "providers.xlsx"))
    assert preview.context["analysis"].created == 1
    post(client, url, {"action": "confirm"})
    assert Provider.objects.get().learners_per_year == 25


def test_one_invalid_row_refuses_the_whole_file(client, member):
    rows = [*GOOD, ["", "Atlantis", "", "", "", "about fifty", "", "not-an-address", ""]]
    url, preview = preview_of(client, upload(client, csv_bytes(rows)))
    analysis = preview.context["analysis"]
    assert analysis.rejected == 1 and not analysis.can_confirm
    (bad,) = [r for r in analysis.rows if r.action == "reject"]
    assert bad.line == 4
    reasons = dict(bad.problems)
    assert set(reasons) == {"name", "country", "learners_per_year", "contact_email"}
    assert "“Atlantis” is not a country we know" in reasons["country"]
    assert "“about fifty” is not a whole number" in reasons["learners_per_year"]
    assert 'value="confirm"' not in preview.content.decode()
    response = post(client, url, {"action": "confirm"})
    assert response.status_code == 400
    assert "Nothing was imported" in response.content.decode()
    assert not Provider.objects.exists()


def test_a_row_updates_a_provider_of_the_partner_by_its_id(client, member, provider, partner_b):
    other = ProviderFactory(owner_partner=partner_b, name="Not yours")
    header = ["id", "name", "country", "city"]
    rows = [[provider.pk, provider.name, "PT", "Coimbra"], [other.pk, "Hijack", "RS", ""]]
    url, preview = preview_of(client, upload(client, csv_bytes(rows, header)))
    actions = [r.action for r in preview.context["analysis"].rows]
    assert actions == ["update", "reject"]
    assert "registered by IDC Serbia" in preview.content.decode()
    rows.pop()
    url, preview = preview_of(client, upload(client, csv_bytes(rows, header)))
    post(client, url, {"action": "confirm"})
    provider.refresh_from_db()
    assert provider.city == "Coimbra"
    assert provider.contact_email  # a column not in the file is left as it was
    assert provider.history.first().history_type == "~"


def test_likely_duplicates_are_flagged_but_allowed(client, member, partner_b):
    ProviderFactory(owner_partner=partner_b, name="Humana Nova", country="RS")
    ProviderFactory(owner_partner=partner_b, name="Other", website="https://www.kuchyna.example.sk/")
    rows = [GOOD[0], ["Kuchyna", "SK", "", "", "", "", "http://kuchyna.example.sk", "", ""],
            ["HUMANA NOVA", "RS", "", "", "", "", "", "", ""]]
    url, preview = preview_of(client, upload(client, csv_bytes(rows)))
    analysis = preview.context["analysis"]
    warnings = [" ".join(r.warnings) for r in analysis.rows]
    assert "same name and country as “Humana Nova”" in warnings[0]
    assert "same website as “Other”" in warnings[1]
    assert "same name and country as line 2 of this file" in warnings[2]
    assert analysis.flagged == 3 and analysis.can_confirm


def test_networks_are_linked_by_name_or_acronym_and_unknown_ones_rejected(client, member):
    network = NetworkFactory(name="Rede Portuguesa", acronym="RPES")
    rows = [["A", "PT", "", "", "", "", "", "", "rpes"], ["B", "PT", "", "", "", "", "", "",
                                                          "Nowhere Network"]]
    url, preview = preview_of(client, upload(client, csv_bytes(rows)))
    first, second = preview.context["analysis"].rows
    assert first.action == "create"
    assert second.action == "reject" and second.problems[0][0] == "networks"
    url, _ = preview_of(client, upload(client, csv_bytes(rows[:1])))
    post(client, url, {"action": "confirm"})
    assert list(Provider.objects.get().networks.all()) == [network]


def test_cancel_discards_the_file(client, member, private_folder):
    url, _ = preview_of(client, upload(client, csv_bytes(GOOD)))
    assert list(private_folder.iterdir())
    post(client, url, {"action": "cancel"})
    assert not list(private_folder.iterdir())
    assert client.get(url).status_code == 404


def test_a_preview_belongs_to_the_session_that_uploaded(client, member, colleague):
    url, _ = preview_of(client, upload(client, csv_bytes(GOOD)))
    client.force_login(colleague)
    assert client.get(url).status_code == 404
    assert post(client, url, {"action": "confirm"}).status_code == 404
    assert not Provider.objects.exists()


def test_the_file_waits_outside_the_public_media_folder(client, member, settings,
                                                        private_folder):
    preview_of(client, upload(client, csv_bytes(GOOD)))
    (stored,) = private_folder.iterdir()
    assert settings.MEDIA_ROOT not in stored.parents
    assert "providers" not in stored.name  # a random name, not the uploaded one


# --- Bad files -----------------------------------------------------------------------------------


def test_a_file_of_another_type_is_refused(client, member):
    assert "Only .csv and .xlsx" in file_error(upload(client, b"%PDF-1.4", "list.pdf"))
    assert "not read: save the sheet as Excel" in file_error(
        upload(client, b"\xd0\xcf\x11\xe0", "list.xls"))
    assert "not a text file" in file_error(upload(client, b"%PDF-1.4 ...", "list.csv"))
    assert "not an Excel workbook" in file_error(upload(client, b"name,country\n", "list.xlsx"))
    assert "not a CSV text file" in file_error(upload(client, b"name\x00\x01\x02", "a.csv"))


def test_a_damaged_workbook_is_refused(client, member):
    assert "not a valid Excel workbook" in file_error(
        upload(client, b"PK\x03\x04 this is not really a zip", "broken.xlsx"))


def test_an_empty_file_is_refused(client, member):
    assert "empty" in file_error(upload(client, b""))
    assert "The file is empty" in file_error(upload(client, b"\n\n  \n"))
    assert "no rows" in file_error(upload(client, csv_bytes([])))


def test_a_file_over_10_mb_is_refused(client, member):
    big = csv_bytes(GOOD) + b"#" * (10 * 1024 * 1024)
    assert "the limit is 10.0" in file_error(upload(client, big))


WINDOWS_ROWS = {
    "cp1250": [["Szövetkezet Ősz", "HU", "Pécs"], ["Kuchyňa bez hraníc", "SK", "Bratislava"],
               ["Zadruga Čačak", "RS", "Čačak"]],
    "cp1252": [["Associação Coração", "PT", "Évora"], ["Cooperativa São João", "PT", "Porto"]],
}


@pytest.mark.parametrize(("encoding", "name"), [("cp1250", "Windows-1250"),
                                                ("cp1252", "Windows-1252")])
def test_a_windows_encoded_csv_is_read_without_choosing_its_encoding(client, member, encoding,
                                                                     name):
    rows = WINDOWS_ROWS[encoding]
    content = csv_bytes(rows, header=["name", "country", "city"], encoding=encoding)
    url, preview = preview_of(client, upload(client, content))
    assert [r.name for r in preview.context["analysis"].rows] == [r[0] for r in rows]
    assert f"Read as {name}." in preview.content.decode()


def test_another_encoding_can_be_chosen_and_the_file_is_checked_again(client, member):
    content = csv_bytes(WINDOWS_ROWS["cp1250"], header=["name", "country", "city"],
                        encoding="cp1250")
    url, preview = preview_of(client, upload(client, content))
    assert 'name="encoding"' in preview.content.decode()
    response = post(client, url, {"action": "encoding", "encoding": "cp1252"})
    assert response.status_code == 302
    preview = client.get(url)
    assert preview.context["job"].detected_encoding == "cp1252"
    assert "Read as Windows-1252." in preview.content.decode()
    assert preview.context["analysis"].rows[0].name == "Szövetkezet Õsz"


def test_a_file_that_is_not_in_the_chosen_encoding_says_so(client, member):
    content = csv_bytes([["Szövetkezet", "HU", "Pécs"]], header=["name", "country", "city"])
    message = file_error(upload(client, "Ős".encode("cp1250") + content, encoding="utf-8"))
    assert "cannot be read as UTF-8" in message


def test_utf8_with_and_without_a_byte_order_mark_reads_as_utf8(client, member):
    for prefix in (b"", b"\xef\xbb\xbf"):
        url, preview = preview_of(client, upload(client, prefix + csv_bytes(GOOD)))
        assert preview.context["analysis"].rows[1].name == "Kuchyňa bez hraníc"
        assert "Read as UTF-8." in preview.content.decode()


def test_a_byte_order_mark_is_read_past(client, member):
    url, preview = preview_of(client, upload(client, b"\xef\xbb\xbf" + csv_bytes(GOOD)))
    assert preview.context["analysis"].created == 2


def test_semicolons_as_separators_are_recognised(client, member):
    url, preview = preview_of(client, upload(client, csv_bytes(GOOD, delimiter=";")))
    assert preview.context["analysis"].created == 2
    assert "separated by “;”" in preview.content.decode()


def test_missing_columns_are_named(client, member):
    message = file_error(upload(client, csv_bytes([["Humana"]], header=["name"])))
    assert "Missing column: country" in message


def test_unknown_columns_are_named(client, member):
    content = csv_bytes([[*GOOD[0], "x"]], header=[*HEADER, "Favourite colour"])
    assert "Unknown column: “Favourite colour”" in file_error(upload(client, content))


def test_values_beyond_the_last_column_reject_the_row(client, member):
    content = csv_bytes([[*GOOD[0], "stray"]])
    url, preview = preview_of(client, upload(client, content))
    assert preview.context["analysis"].rows[0].action == "reject"


def test_headers_written_as_labels_or_from_the_export_are_understood(client, member):
    header = ["Name", "Country", "Learners per year", "Contact e-mail", "Verification",
              "Registered by"]
    content = csv_bytes([["Horta", "Portugal", "12", "a@b.pt", "Verified", "A3S"]], header)
    url, preview = preview_of(client, upload(client, content))
    assert preview.context["analysis"].created == 1
    assert "Read past" in preview.content.decode()


def test_more_than_10000_rows_are_refused(client, member):
    rows = [[f"Provider {n}", "PT", "", "", "", "", "", "", ""] for n in range(20_000)]
    message = file_error(upload(client, csv_bytes(rows)))
    assert "more than 10,000 rows" in message


def test_control_characters_in_cells_are_dropped_on_the_way_in(client, member):
    rows = [["Humana\x1b[0;31m Nova\x07", "RS", "", "", "", "", "", "", ""]]
    url, _preview = preview_of(client, upload(client, csv_bytes(rows)))
    post(client, url, {"action": "confirm"})
    assert Provider.objects.get().name == "Humana[0;31m Nova"


def test_visitors_may_not_import(client):
    response = client.get(reverse("providers:provider_import"))
    assert response.status_code == 302 and "login" in response.url


# --- Size ----------------------------------------------------------------------------------------


def test_10000_rows_import_in_the_background_in_batches(client, member):
    rows = [[f"Enterprise {n}", ["PT", "HU", "SK", "RS", "MK"][n % 5], "Town", "recycling; care",
             "neet", str(n), f"https://e{n}.example.org", "", ""] for n in range(10_000)]
    url, preview = preview_of(client, upload(client, csv_bytes(rows)))
    assert preview.context["analysis"].created == 10_000
    assert len(preview.context["page_obj"].object_list) == 200  # the preview is paged
    with CaptureQueriesContext(connection) as queries:
        response = post(client, url, {"action": "confirm"})
    assert response.status_code == 302
    assert Provider.objects.count() == 10_000
    assert Provider.history.count() == 10_000
    # Per batch of 500: a few reads and a few bulk writes, nothing per row. (SQLite splits a
    # bulk insert by its limit on query parameters, hence the generous bound.)
    assert len(queries) < 2_000


# --- In the background: tasks, progress, running twice ------------------------------------------


def uploaded_without_tasks(client, content, name="providers.csv") -> ProviderImport:
    """Upload, as if no worker had taken the task yet."""
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
    assert "Imported: 2 providers created, 0 updated" in text
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


def test_imports_stranded_by_a_broker_outage_are_queued_again(client, member):
    from providers.tasks import requeue_stranded_provider_imports

    job = uploaded_without_tasks(client, csv_bytes(GOOD))  # the task never reached a worker
    with RUN_TASKS[0](execute=True):
        assert requeue_stranded_provider_imports.delay().get() == 0  # too recent to tell
    ProviderImport.objects.filter(pk=job.pk).update(updated_at=job.updated_at.replace(year=2000))
    with RUN_TASKS[0](execute=True):
        assert requeue_stranded_provider_imports.delay().get() == 1
    job.refresh_from_db()
    assert job.status == ProviderImport.Status.READY


def test_a_person_who_left_the_partner_since_confirming_imports_nothing(client, member):
    url, _preview = preview_of(client, upload(client, csv_bytes(GOOD)))
    job = ProviderImport.objects.get()
    client.post(url, {"action": "confirm"})
    member.memberships.all().delete()
    assert write_provider_import.delay(job.pk).get() == "failed"
    assert not Provider.objects.exists()
    job.refresh_from_db()
    assert "You may no longer import providers for A3S" in job.error


# --- Partners' own words --------------------------------------------------------------------------


WORDS_HEADER = ["name", "country", "legal_form", "sectors", "target_groups"]
# Written the way partners write: their words, not the portal's codes.
PARTNERS_FILE = [
    ["Szociális Konyha", "Hungary", "association", "food", "youth"],
    ["Mladi Kuvari", "Serbia", "Cooperative", "Food; recycling", "Youth; roma"],
    ["Horta da Vila", "Portugal", "ngo", "gardening", "youth"],
]


def field_for(form, column, value):
    for name, field_column, folded, _automatic in form.entries:
        if field_column == column and folded == value:
            return name
    raise AssertionError(f"no question about {value!r} in {column}")


def answers(form, mapping: dict[tuple[str, str], str]) -> dict:
    data = {"action": "map"}
    for name, column, folded, _automatic in form.entries:
        data[name] = mapping.get((column, folded), form.fields[name].initial or "")
    return data


def test_the_closest_labels_are_suggested_in_the_persons_language():
    assert imports.suggestions("sectors", "food")[0] == "catering"
    assert imports.suggestions("target_groups", "youth")[0] == "neet"
    assert imports.suggestions("sectors", "gardening")[0] == "agriculture"
    assert imports.suggestions("legal_form", "ngo") == []
    assert imports.suggestions("country", "Macedonia")[0] == "MK"
    with translation.override("fr"):
        labels = dict(imports.vocabulary("country"))
    assert labels["HU"] == "Hongrie"  # the labels offered are the person's language's


def test_each_distinct_unknown_value_is_asked_once_instead_of_rejecting_each_row(client,
                                                                                 member):
    url, preview = preview_of(client, upload(client, csv_bytes(PARTNERS_FILE, WORDS_HEADER)))
    analysis = preview.context["analysis"]
    assert analysis.rejected == 3
    unknown = {column: {folded: count for _written, folded, count, _suggested in entries}
               for column, entries in analysis.unknown.items()}
    assert unknown == {"legal_form": {"ngo": 1}, "sectors": {"food": 2, "gardening": 1},
                       "target_groups": {"youth": 3}}
    form = preview.context["mapping_form"]
    food = form.fields[field_for(form, "sectors", "food")]
    assert food.initial == "catering"  # the closest first, chosen in advance
    assert food.choices[0] == ("", "Leave it as an error")
    assert food.choices[1][1][0] == ("catering", "Catering and food")
    page = preview.content.decode()
    assert "“food” in sectors" in page and "“youth” in target groups" in page


def test_mapping_the_values_checks_the_rows_again_and_imports_them(client, member):
    url, preview = preview_of(client, upload(client, csv_bytes(PARTNERS_FILE, WORDS_HEADER)))
    data = answers(preview.context["mapping_form"], {("legal_form", "ngo"): "association",
                                                     ("target_groups", "youth"): "neet"})
    assert post(client, url, data).status_code == 302
    preview = client.get(url)
    analysis = preview.context["analysis"]
    assert analysis.rejected == 0 and analysis.created == 3
    assert {(c, e[1], e[2]) for c, entries in analysis.mapped.items() for e in entries} == {
        ("legal_form", "ngo", "association"), ("sectors", "food", "catering"),
        ("sectors", "gardening", "agriculture"), ("target_groups", "youth", "neet")}
    post(client, url, {"action": "confirm"})
    kuvari = Provider.objects.get(name="Mladi Kuvari")
    assert sorted(s.code for s in kuvari.sectors.all()) == ["catering", "recycling"]
    assert sorted(g.code for g in kuvari.target_groups.all()) == ["neet", "roma"]
    assert Provider.objects.get(name="Horta da Vila").legal_form == "association"


def test_the_mapping_is_remembered_for_the_persons_next_file_and_can_be_changed(client,
                                                                                member):
    url, preview = preview_of(client, upload(client, csv_bytes(PARTNERS_FILE, WORDS_HEADER)))
    post(client, url, answers(preview.context["mapping_form"],
                              {("legal_form", "ngo"): "association",
                               ("target_groups", "youth"): "neet"}))
    assert ImportValueMapping.objects.filter(user=member).count() == 4

    url, preview = preview_of(client, upload(client, csv_bytes(PARTNERS_FILE, WORDS_HEADER)))
    assert preview.context["analysis"].rejected == 0
    page = preview.content.decode()
    assert "Mapped automatically" in page
    form = preview.context["mapping_form"]
    assert not form.asked_fields() and len(form.automatic_fields()) == 4
    # Changing one: "gardening" is left as an error from now on.
    post(client, url, answers(form, {("sectors", "gardening"): ""}))
    analysis = client.get(url).context["analysis"]
    assert analysis.rejected == 1 and analysis.unknown["sectors"][0][1] == "gardening"
    assert not ImportValueMapping.objects.filter(source="gardening").exists()


def test_leaving_a_value_as_an_error_keeps_the_rows_rejected(client, member):
    url, preview = preview_of(client, upload(client, csv_bytes(PARTNERS_FILE, WORDS_HEADER)))
    form = preview.context["mapping_form"]
    post(client, url, {"action": "map", **{name: "" for name, *_rest in form.entries}})
    analysis = client.get(url).context["analysis"]
    assert analysis.rejected == 3
    assert not ImportValueMapping.objects.exists()


def test_a_mapping_is_one_persons_own(client, member, colleague):
    ImportValueMapping.objects.create(user=member, column="sectors", source="food",
                                      code="catering")
    client.force_login(colleague)
    rows = [["Szociális Konyha", "Hungary", "", "food", ""]]
    url, preview = preview_of(client, upload(client, csv_bytes(rows, WORDS_HEADER)))
    assert preview.context["analysis"].rejected == 1


def test_a_code_that_is_not_in_the_vocabulary_is_refused(client, member):
    url, preview = preview_of(client, upload(client, csv_bytes(PARTNERS_FILE, WORDS_HEADER)))
    form = preview.context["mapping_form"]
    data = answers(form, {("sectors", "food"): "space-travel"})
    post(client, url, data)
    assert not ImportValueMapping.objects.exists()
    assert ProviderImport.objects.get().status == ProviderImport.Status.READY
