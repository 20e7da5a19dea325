"""Exports: asked for on a list, written in the background, handed only to who may have them."""

import csv
import io
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from netw.exports import services
from netw.exports.models import Export
from netw.exports.tasks import delete_expired_exports
from netw.notifications.models import Notification
from netw.roles import Role, forget_memberships
from tests.exports.factories import finished_export


def _request(user, list_name="partners", format="csv", filters=None):
    return services.export_request(user=user, list_name=list_name, filters=filters or {},
                                   format=format)


def _csv_rows(export):
    text = services.file_path(export.file_name).read_text(encoding="utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_an_export_is_written_and_the_person_is_notified_with_the_link(
        client, owner, django_capture_on_commit_callbacks):
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("exports:request"),
                               {"list": "partners", "format": "csv", "filters": ""})
    assert response.status_code == 302
    export = Export.objects.get()
    assert (export.status, export.progress, export.row_count, export.attempts) == ("done", 100,
                                                                                    8, 1)
    rows = _csv_rows(export)
    assert rows[0][:3] == ["Short name", "Full name", "Country"]
    assert len(rows) == 9
    note = Notification.objects.get(recipient=owner, kind="export_ready")
    assert note.url == reverse("exports:download", args=[export.pk])
    assert len(mail.outbox) == 1
    page = client.get(reverse("exports:list"))
    assert reverse("exports:download", args=[export.pk]) in page.text
    download = client.get(reverse("exports:download", args=[export.pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content).decode("utf-8-sig").startswith("Short name")


def test_an_xlsx_export_opens_in_a_spreadsheet_and_formulas_stay_text(
        owner, django_capture_on_commit_callbacks):
    from openpyxl import load_workbook

    from netw.notifications.models import Notification as N

    N.objects.create(recipient=owner, kind="test", subject="=HYPERLINK(\"x\")", body="b")
    with django_capture_on_commit_callbacks(execute=True):
        export, _ = _request(owner, "notifications", "xlsx")
    export.refresh_from_db()
    sheet = load_workbook(services.file_path(export.file_name), read_only=True).active
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert values[0][1] == "Subject"
    assert values[1][1] == "=HYPERLINK(\"x\")"
    cell = next(sheet.iter_rows(min_row=2, max_row=2))[1]
    assert cell.data_type == "s"


def test_csv_cells_that_look_like_formulas_are_neutralised(owner,
                                                          django_capture_on_commit_callbacks):
    Notification.objects.create(recipient=owner, kind="test", subject="=1+1", body="b")
    with django_capture_on_commit_callbacks(execute=True):
        export, _ = _request(owner, "notifications")
    export.refresh_from_db()
    assert _csv_rows(export)[1][1] == "'=1+1"


def test_an_empty_list_gives_a_file_with_only_the_headers(owner,
                                                          django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        export, _ = _request(owner, "notifications")
    export.refresh_from_db()
    assert export.status == "done" and export.row_count == 0
    assert len(_csv_rows(export)) == 1


def test_a_filter_that_no_longer_matches_gives_an_empty_file(owner,
                                                             django_capture_on_commit_callbacks):
    n = Notification.objects.create(recipient=owner, kind="test", subject="s", body="b")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        export, _ = _request(owner, "notifications", filters={"unread": ["1"], "page": ["2"]})
    assert export.filters == {"unread": ["1"]}
    n.read_at = timezone.now()
    n.save()
    for callback in callbacks:
        callback()
    export.refresh_from_db()
    assert export.status == "done" and export.row_count == 0


def test_asking_twice_in_a_row_does_no_duplicate_work(owner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        first, created_first = _request(owner, filters={"q": ["x"]})
        second, created_second = _request(owner, filters={"q": ["x"]})
    assert first == second
    assert (created_first, created_second) == (True, False)
    assert len(callbacks) == 1
    other, created = _request(owner, filters={"q": ["y"]})
    assert created and other != first


def test_the_same_export_may_be_asked_again_once_the_first_is_done(
        owner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first, _ = _request(owner)
    with django_capture_on_commit_callbacks(execute=True):
        second, created = _request(owner)
    assert created and second != first


def test_a_person_who_may_not_export_a_list_cannot_ask_for_it(client, owner):
    client.force_login(owner)
    response = client.post(reverse("exports:request"), {"list": "invitations", "format": "csv"})
    assert response.status_code == 403
    assert not Export.objects.exists()


@pytest.mark.parametrize("data", [{"list": "nope", "format": "csv"},
                                  {"list": "partners", "format": "pdf"},
                                  {"list": "partners", "format": "exe"}])
def test_an_unknown_list_or_format_is_refused_with_a_message(client, owner, data):
    client.force_login(owner)
    response = client.post(reverse("exports:request"), data, follow=True)
    assert not Export.objects.exists()
    assert response.context["messages"]


def _remove_coordinator_role(user):
    user.memberships.update(role=Role.MEMBER)
    forget_memberships(user)


def test_access_lost_before_the_export_starts_means_no_file(
        coordinator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        export, _ = _request(coordinator, "invitations")
    _remove_coordinator_role(coordinator)
    for callback in callbacks:
        callback()
    export.refresh_from_db()
    assert export.status == "failed" and export.file_name == ""
    assert not Notification.objects.filter(kind="export_ready").exists()


def test_access_lost_while_the_file_is_written_means_no_file(
        coordinator, monkeypatch, django_capture_on_commit_callbacks):
    real_write = services._write

    def write_then_lose_access(export, token, path):
        count = real_write(export, token, path)
        _remove_coordinator_role(export.requested_by)
        return count

    monkeypatch.setattr(services, "_write", write_then_lose_access)
    with django_capture_on_commit_callbacks(execute=True):
        export, _ = _request(coordinator, "invitations")
    export.refresh_from_db()
    assert export.status == "failed"
    assert list(services.exports_root().glob(f"{export.pk}-*")) == []
    assert Notification.objects.filter(kind="export_failed").count() == 1


def test_access_lost_after_the_export_is_ready_means_no_download(client, coordinator):
    export = finished_export(coordinator, list_name="invitations")
    _remove_coordinator_role(coordinator)
    client.force_login(coordinator)
    assert client.get(reverse("exports:download", args=[export.pk])).status_code == 403


def test_someone_elses_export_does_not_exist_for_you_but_coordinators_may_fetch_it(
        client, owner, colleague, coordinator):
    export = finished_export(owner)
    client.force_login(colleague)
    assert client.get(reverse("exports:download", args=[export.pk])).status_code == 404
    client.force_login(coordinator)
    assert client.get(reverse("exports:download", args=[export.pk])).status_code == 200


def test_files_are_not_under_a_public_url(settings):
    assert not str(settings.EXPORTS_ROOT).startswith(str(settings.MEDIA_ROOT))
    assert not str(settings.EXPORTS_ROOT).startswith(str(settings.STATIC_ROOT))


def test_expired_files_are_deleted_and_no_longer_downloadable(client, owner):
    export = finished_export(owner)
    path = services.file_path(export.file_name)
    Export.objects.filter(pk=export.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    keep = finished_export(owner)
    assert delete_expired_exports() == 1
    export.refresh_from_db()
    assert export.status == "expired" and not path.exists()
    assert services.file_path(keep.file_name).exists()
    client.force_login(owner)
    assert client.get(reverse("exports:download", args=[export.pk])).status_code == 404


def test_my_exports_refreshes_itself_while_one_is_in_progress(client, owner):
    Export.objects.create(requested_by=owner, list_name="partners", format="csv",
                          fingerprint="f", status="running", progress=40)
    client.force_login(owner)
    response = client.get(reverse("exports:list"))
    assert '<meta http-equiv="refresh"' in response.text
    assert 'value="40"' in response.text


def test_my_exports_lists_only_mine_with_bounded_queries(client, owner, colleague,
                                                         django_assert_max_num_queries):
    for _ in range(30):
        finished_export(owner)
    finished_export(colleague, list_name="notifications")
    client.force_login(owner)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("exports:list"))
    assert response.text.count("Download<span") == 20
    assert "My notifications" not in response.text.split("Printable reports")[0]


def test_progress_is_recorded_while_rows_are_written(owner, monkeypatch,
                                                     django_capture_on_commit_callbacks):
    for i in range(7):
        Notification.objects.create(recipient=owner, kind="test", subject=f"s{i}", body="b")
    seen = []
    real_beat = services._beat

    def spy(export, token, *, done, total):
        real_beat(export, token, done=done, total=total)
        seen.append(Export.objects.values_list("progress", "total_rows").get(pk=export.pk))

    monkeypatch.setattr(services, "PROGRESS_EVERY", 2)
    monkeypatch.setattr(services, "_beat", spy)
    with django_capture_on_commit_callbacks(execute=True):
        _request(owner, "notifications")
    assert seen == [(28, 7), (57, 7), (85, 7)]


def test_the_country_overview_is_a_printable_pdf(owner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        export, _ = _request(owner, "country_overview", "pdf")
    export.refresh_from_db()
    assert export.status == "done", export.error
    assert services.file_path(export.file_name).read_bytes().startswith(b"%PDF")
    assert export.download_filename().endswith(".pdf")


def test_exports_waiting_since_a_broker_outage_are_queued_again(owner):
    stuck = Export.objects.create(requested_by=owner, list_name="partners", format="csv",
                                  fingerprint="f")
    Export.objects.filter(pk=stuck.pk).update(created_at=timezone.now() - timedelta(minutes=5))
    assert services.exports_requeue_stranded() == 1
    stuck.refresh_from_db()
    assert stuck.status == "done"


def test_lists_show_the_export_button_to_those_who_may_export(client, owner):
    assert "Export as" not in client.get(reverse("providers:partner_list")).text
    client.force_login(owner)
    page = client.get(reverse("providers:partner_list") + "?country=PT")
    assert 'name="filters" value="country=PT"' in page.text


def test_registry_models_get_a_default_list_with_readable_columns(partners, coordinator):
    from netw.exports.registry import ExportList, default_columns
    from providers.models import Partner

    entry = ExportList(name="partners_default", label="Partners", columns=default_columns(Partner),
                       queryset=lambda user, filters: Partner.objects.order_by("pk"))
    headers = entry.headers()
    assert "Country" in headers and "Leads work package" in headers
    rows = {r[headers.index("Short name")]: r for r in entry.rows(coordinator, {})}
    assert rows["A3S"][headers.index("Country")] == "Portugal"
    assert str(rows["AFF"][headers.index("Leads work package")]).startswith("WP1")


def test_coordinators_can_export_the_invitations_from_their_list(client, coordinator, owner,
                                                                  partners):
    from tests.factories import InvitationFactory

    InvitationFactory(partner=partners["a3s"], invited_by=coordinator)
    client.force_login(coordinator)
    assert 'name="list" value="invitations"' in client.get(reverse("netw:invitation_list")).text
    client.force_login(owner)
    Notification.objects.create(recipient=owner, kind="test", subject="s", body="b")
    assert 'name="list" value="notifications"' in client.get(reverse("notifications:list")).text
