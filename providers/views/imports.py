"""The import of providers: template, upload, preview, confirmation (see providers.imports).

The upload only stores the file and a ``ProviderImport``; reading, checking and writing happen
in tasks, and the preview page shows their progress (it refreshes itself while they run). An
import is its uploader's: anyone else gets a 404.
"""

from __future__ import annotations

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from netw.access import get_visible_or_404
from providers import imports
from providers.forms import ImportUploadForm
from providers.import_forms import EncodingForm, ValueMappingForm
from providers.models import ProviderImport
from providers.vocabulary import LegalForm, SectorCode, TargetGroupCode

PREVIEW_PAGE_SIZE = 200


def _require_import(request: HttpRequest) -> None:
    if not request.user.has_perm("providers.import_providers"):
        raise PermissionDenied


@login_required
def provider_import(request: HttpRequest) -> HttpResponse:
    _require_import(request)
    form = ImportUploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        owner = form.owner()
        if owner is None:
            raise PermissionDenied
        upload = form.cleaned_data["file"]
        job = imports.provider_import_start(
            user=request.user, partner=owner, upload=upload, extension=upload.extension,
            encoding=form.cleaned_data["encoding"], language=form.cleaned_data["language"])
        return redirect(job)
    return render(request, "providers/provider_import.html", {
        "form": form,
        "columns": imports.COLUMNS,
        "max_rows": imports.MAX_ROWS,
    })


def _preview_post(request: HttpRequest, job: ProviderImport, analysis) -> HttpResponse | None:
    """The preview's buttons. Returns a response, or None to show the page (with errors)."""
    action = request.POST.get("action")
    if action == "cancel":
        if imports.provider_import_discard(job=job):
            messages.info(request, _("The file was discarded; nothing was imported."))
            return redirect("providers:provider_import")
    elif action == "confirm":
        if job.status != ProviderImport.Status.READY or imports.provider_import_confirm(job=job):
            return redirect(job)
        return None
    elif action == "encoding":
        form = EncodingForm(request.POST, user=request.user)
        if form.is_valid() and imports.provider_import_recheck(
                job=job, encoding=form.cleaned_data["encoding"]):
            return redirect(job)
    elif action == "map" and analysis is not None:
        form = ValueMappingForm(request.POST, analysis=analysis, user=request.user)
        if form.is_valid():
            imports.import_mappings_save(user=request.user, choices=form.choices())
            imports.provider_import_recheck(job=job)
            return redirect(job)
    return redirect(job)


@login_required
@never_cache
def provider_import_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The import's page: progress while it is checked, the preview of every row, progress
    while it is written, the result. POST ``action=``: confirm, cancel, encoding, map."""
    _require_import(request)
    # The rows read from the file (``table``) are the tasks' business: the page leaves them.
    job = get_visible_or_404(ProviderImport.objects.select_related("partner").defer("table"),
                             request.user, pk=pk)
    analysis = (imports.Analysis.from_json(job.analysis)
                if job.status == ProviderImport.Status.READY else None)
    refused = None
    if request.method == "POST":
        response = _preview_post(request, job, analysis)
        if response is not None:
            return response
        refused = _("Nothing was imported: some rows are invalid. Correct them in the file and "
                    "upload it again.")
    if analysis is not None and not refused:
        refused = job.error  # a row became invalid while the import was being written
    context = {"job": job, "partner": job.partner, "refused": refused,
               "encoding_name": imports.encoding_name(job.detected_encoding),
               "refresh": job.is_working}
    if job.status == ProviderImport.Status.IMPORTING:
        context["written"] = imports.written_so_far(job)
    if analysis is not None:
        only_problems = request.GET.get("show") == "problems"
        rows = ([r for r in analysis.rows if r.problems or r.warnings] if only_problems
                else analysis.rows)
        context.update({
            "analysis": analysis,
            "page_obj": Paginator(rows, PREVIEW_PAGE_SIZE).get_page(request.GET.get("page")),
            "only_problems": only_problems,
            "mapping_form": ValueMappingForm(analysis=analysis, user=request.user),
        })
    if job.extension == "csv" and job.status in (ProviderImport.Status.READY,
                                                 ProviderImport.Status.FAILED):
        context["encoding_form"] = EncodingForm(
            user=request.user, initial={"encoding": job.detected_encoding or job.encoding})
    return render(request, "providers/provider_import_preview.html", context,
                  status=400 if request.method == "POST" else 200)


def _help_rows() -> list[tuple[str, str]]:
    rows = [(c.key, str(c.help) + (" " + _("Required.") if c.required else ""))
            for c in imports.COLUMNS]
    rows.append(("", ""))
    rows += [("legal_form", f"{code} — {label}") for code, label in LegalForm.choices]
    rows += [("sectors", f"{code} — {label}") for code, label in SectorCode.choices]
    rows += [("target_groups", f"{code} — {label}") for code, label in TargetGroupCode.choices]
    return rows


@login_required
def provider_import_template(request: HttpRequest, extension: str) -> HttpResponse:
    """An empty sheet with the columns; the workbook has a second sheet that explains them."""
    _require_import(request)
    headers = [c.key for c in imports.COLUMNS]
    if extension == "csv":
        buffer = io.StringIO()
        csv.writer(buffer).writerow(headers)
        # With a byte-order mark, spreadsheet programs read the file as UTF-8.
        response = HttpResponse("\ufeff" + buffer.getvalue(),
                                content_type="text/csv; charset=utf-8")
    else:
        from openpyxl import Workbook
        from openpyxl.styles import Font

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "Providers"
        sheet.append(headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        help_sheet = workbook.create_sheet("Help")
        help_sheet.append([_("Column"), _("What to write")])
        for row in _help_rows():
            help_sheet.append(list(row))
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="providers-template.{extension}"'
    return response
