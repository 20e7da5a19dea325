"""The public lists as files, for visitors: the verified providers and the networks, filtered as
on the page, with the public columns only (no contact person, e-mail or phone).

Partners use the background exporter instead (netw/exports), whose files carry the contacts.
The rows come the exporter's way (``registry.export_rows``: labels resolved once in the visitor's
language, to-many values in the main query). The CSV streams row by row; the XLSX is written to a
temporary file by XlsxWriter's constant-memory mode and sent from there. Memory stays flat
whatever the number of rows.
"""

from __future__ import annotations

import os
import tempfile

from django.contrib.auth.models import AnonymousUser
from django.http import FileResponse, Http404, HttpRequest, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from netw.exports import registry
from netw.exports.writers import csv_lines, write_xlsx
from providers.filters import NetworkFilter, ProviderFilter
from providers.models import Network, Provider

# Partners' working details: never in a file anyone can download.
PRIVATE_COLUMNS = {"contact_person", "contact_email", "contact_phone", "verification"}
KINDS = {
    "providers": (Provider, ProviderFilter),
    "networks": (Network, NetworkFilter),
}
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _rows(kind: str, request: HttpRequest):
    """Headers and the rows of the public list as the page filters it."""
    model, filterset_class = KINDS[kind]
    visitor = AnonymousUser()  # the public's view, whoever asks
    queryset = model.objects.visible_to(visitor)
    if hasattr(queryset, "for_list"):
        queryset = queryset.for_list()
    filterset = filterset_class(request.GET, queryset=queryset, request=None)
    records = filterset.qs if filterset.is_valid() else queryset.none()
    columns = [c for c in registry.get(kind).columns if c.path not in PRIVATE_COLUMNS]
    return [str(c.header) for c in columns], registry.export_rows(records, columns)


def public_download(request: HttpRequest, kind: str, extension: str):
    if kind not in KINDS or extension not in CONTENT_TYPES:
        raise Http404
    headers, rows = _rows(kind, request)
    filename = f"net-works-{kind}-{timezone.localdate():%Y-%m-%d}.{extension}"
    if extension == "csv":
        response = StreamingHttpResponse(csv_lines(headers, rows),
                                         content_type=CONTENT_TYPES["csv"])
    else:
        handle = tempfile.NamedTemporaryFile(suffix=".xlsx", delete=False)  # noqa: SIM115
        handle.close()
        try:
            write_xlsx(handle.name, headers, rows, title=_("Net-Works"))
            # Opened, then unlinked: the file goes away when the response has been sent.
            stream = open(handle.name, "rb")  # noqa: SIM115
        finally:
            os.unlink(handle.name)
        response = FileResponse(stream, content_type=CONTENT_TYPES["xlsx"])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Robots-Tag"] = "noindex"
    return response
