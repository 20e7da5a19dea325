"""Streaming writers: each takes an iterator of rows and writes them to a file as they come, so
the memory a worker needs does not depend on how many rows there are."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path

from django.utils import timezone

from netw.text import xml_safe

# A cell that starts with one of these is read as a formula by spreadsheet programs
# (CSV/formula injection): it is written as text, with a leading apostrophe in CSV.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _plain(value):
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(tzinfo=None, microsecond=0)
    if isinstance(value, (bool, int, float, Decimal, dt.date)):
        return value
    if isinstance(value, (list, tuple, set)):
        return ", ".join(str(v) for v in value)
    return str(value)


def csv_cell(value):
    value = _plain(value)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    return value


class _Echo:
    """A file-like object whose write() hands the line back, for csv.writer in a generator."""

    def write(self, value: str) -> str:
        return value


def csv_lines(headers: list[str], rows: Iterable[tuple]) -> Iterator[str]:
    """The lines of a CSV file one at a time, for a ``StreamingHttpResponse``: the same cells as
    ``write_csv`` (formulas neutralised, a byte-order mark first) without a file."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(headers)
    for row in rows:
        yield writer.writerow([csv_cell(v) for v in row])


def write_csv(path: Path, headers: list[str], rows: Iterable[tuple]) -> int:
    """UTF-8 with a byte-order mark, so that spreadsheet programs read accents right."""
    count = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        for row in rows:
            writer.writerow([csv_cell(v) for v in row])
            count += 1
    return count


def write_xlsx(path: Path, headers: list[str], rows: Iterable[tuple], *, title: str = "Export"
               ) -> int:
    """openpyxl's write-only mode: rows go to a temporary file as they are appended.

    Text is cleaned of the control characters XML refuses (openpyxl raises IllegalCharacterError
    on them): records stored before the forms dropped them must still export."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=xml_safe(str(title))[:31] or "Export")
    sheet.append([xml_safe(str(header)) for header in headers])
    count = 0
    for row in rows:
        cells = []
        for value in row:
            value = _plain(value)
            if isinstance(value, str):
                value = xml_safe(value)
                if value.startswith("="):
                    # openpyxl would store it as a formula: force a text cell.
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.data_type = "s"
                    value = cell
            cells.append(value)
        sheet.append(cells)
        count += 1
    workbook.save(path)
    return count


def write_pdf(path: Path, html: str, *, base_url: str) -> None:
    from weasyprint import HTML

    HTML(string=html, base_url=base_url).write_pdf(path)
