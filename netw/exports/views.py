from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from netw.access import get_visible_or_404, require
from netw.exports import registry, services
from netw.exports.forms import ExportRequestForm
from netw.exports.models import Export


@login_required
@never_cache
def export_list(request: HttpRequest) -> HttpResponse:
    """My exports: status and progress (the page refreshes itself while one is in progress)."""
    exports = Export.objects.filter(requested_by=request.user)
    page = Paginator(exports, 20).get_page(request.GET.get("page"))
    reports = [(r, r.filterset(request.user, {}).form if r.filterset else None)
               for r in registry.reports() if r.can_export(request.user)]
    return render(request, "exports/export_list.html", {
        "page_obj": page,
        "refresh": any(e.is_active for e in page.object_list),
        "reports": reports,
        "export_keep_days": settings.EXPORTS_KEEP_DAYS,
    })


@login_required
@require_POST
def export_request(request: HttpRequest) -> HttpResponse:
    form = ExportRequestForm(request.POST, user=request.user)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values()
                                         for e in errors))
        return redirect("exports:list")
    # A person who may not export this list gets PermissionDenied (403) from the service.
    export, created = services.export_request(
        user=request.user, list_name=form.cleaned_data["list"],
        filters=form.cleaned_data["filters"], format=form.cleaned_data["format"])
    if created:
        messages.success(request, _("Your export is being prepared. You will be notified when "
                                    "it is ready."))
    else:
        messages.info(request, _("This export is already being prepared."))
    return redirect("exports:list")


@login_required
def export_download(request: HttpRequest, pk: int) -> HttpResponse:
    # Someone else's export does not exist for you; a coordinator may fetch any.
    export = get_visible_or_404(Export, request.user, pk=pk)
    require(request.user, "netw.download_export", export)
    if not export.is_downloadable:
        raise Http404(_("This export is not available (not ready, or expired)."))
    try:
        handle = open(services.file_path(export.file_name), "rb")  # noqa: SIM115 - FileResponse closes
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=export.download_filename())
