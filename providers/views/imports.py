"""The import of providers: template, upload, preview, confirmation (see providers.imports).

The uploaded file waits on disk under a random name; the uploader's session holds that name, so
a preview address is useless to anyone else (404).
"""

from __future__ import annotations

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from providers import imports
from providers.forms import ImportUploadForm
from providers.models import Partner
from providers.vocabulary import LegalForm, SectorCode, TargetGroupCode

PREVIEW_PAGE_SIZE = 200
KEPT_UPLOADS = 3


def _require_import(request: HttpRequest) -> None:
    if not request.user.has_perm("providers.import_providers"):
        raise PermissionDenied


@login_required
def provider_import(request: HttpRequest) -> HttpResponse:
    _require_import(request)
    form = ImportUploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        token = imports.store_upload(upload, upload.extension)
        path = imports.stored_path(token, upload.extension)
        encoding = form.cleaned_data["encoding"]
        try:
            imports.count_rows(path, upload.extension, encoding)
        except imports.FileProblem as problem:
            imports.discard(token, upload.extension)
            form.add_error("file", str(problem))
        else:
            owner = form.owner()
            if owner is None:
                imports.discard(token, upload.extension)
                raise PermissionDenied
            uploads = request.session.get(imports.SESSION_KEY, {})
            uploads[token] = {"name": upload.name[:200], "ext": upload.extension,
                              "encoding": encoding, "partner": owner.pk,
                              "language": form.cleaned_data["language"]}
            # A person keeps only their latest few uploads waiting.
            for old in list(uploads)[:-KEPT_UPLOADS]:
                imports.discard(old, uploads.pop(old)["ext"])
            request.session[imports.SESSION_KEY] = uploads
            return redirect("providers:provider_import_preview", token=token)
    return render(request, "providers/provider_import.html", {
        "form": form,
        "columns": imports.COLUMNS,
        "max_rows": imports.MAX_ROWS,
    })


def _upload(request: HttpRequest, token: str) -> dict:
    upload = request.session.get(imports.SESSION_KEY, {}).get(token)
    if upload is None or not imports.stored_path(token, upload["ext"]).exists():
        raise Http404
    return upload


def _forget(request: HttpRequest, token: str) -> None:
    uploads = request.session.get(imports.SESSION_KEY, {})
    upload = uploads.pop(token, None)
    if upload:
        imports.discard(token, upload["ext"])
    request.session[imports.SESSION_KEY] = uploads


@login_required
@never_cache
def provider_import_preview(request: HttpRequest, token: str) -> HttpResponse:
    """GET: the preview. POST ``action=confirm``: import; ``action=cancel``: forget the file."""
    _require_import(request)
    upload = _upload(request, token)
    path = imports.stored_path(token, upload["ext"])
    partner = Partner.objects.get(pk=upload["partner"])
    arguments = {"path": path, "extension": upload["ext"], "encoding": upload["encoding"],
                 "file_name": upload["name"], "user": request.user,
                 "default_language": upload["language"]}
    refused = None
    if request.method == "POST":
        if request.POST.get("action") == "cancel":
            _forget(request, token)
            messages.info(request, _("The file was discarded; nothing was imported."))
            return redirect("providers:provider_import")
        try:
            result = imports.providers_import(partner=partner, **arguments)
        except imports.FileProblem as problem:
            _forget(request, token)
            messages.error(request, str(problem))
            return redirect("providers:provider_import")
        except imports.ImportRefused as exc:
            refused = str(exc)
        else:
            _forget(request, token)
            messages.success(request, _("Imported: %(created)d provider(s) created, %(updated)d "
                                        "updated. They wait for verification before visitors "
                                        "see them.") % {"created": result.created,
                                                        "updated": result.updated})
            return redirect(reverse("providers:provider_list")
                            + f"?partner={partner.slug}&sort=-updated")
    try:
        analysis = imports.analyse(**arguments)
    except imports.FileProblem as problem:
        _forget(request, token)
        messages.error(request, str(problem))
        return redirect("providers:provider_import")
    only_problems = request.GET.get("show") == "problems"
    rows = [r for r in analysis.rows if r.problems or r.warnings] if only_problems \
        else analysis.rows
    page = Paginator(rows, PREVIEW_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "providers/provider_import_preview.html", {
        "analysis": analysis,
        "page_obj": page,
        "only_problems": only_problems,
        "partner": partner,
        "refused": refused,
        "token": token,
    }, status=400 if refused else 200)


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
