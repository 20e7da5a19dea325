"""Streaming writers: each takes an iterator of rows and writes them to a file as they come, so
the memory a worker needs does not depend on how many rows there are."""

from __future__ import annotations

import csv
import datetime as dt
import itertools
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path

from django.utils import timezone

from netw.text import xml_safe

# A cell that starts with one of these is read as a formula by spreadsheet programs
# (CSV/formula injection): it is written as text — with a leading apostrophe in CSV, which has
# no types (the "My exports" page says so), as a typed text cell in XLSX.
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


# Column widths are read off the header and the first rows (the file is written as it streams:
# a width must be set before the first row), in characters, within these bounds.
_WIDTH_SAMPLE = 200
_MIN_WIDTH, _MAX_WIDTH = 8, 60


def _width(value) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.datetime):
        return 19
    if isinstance(value, dt.date):
        return 10
    text = str(value)
    return max((len(line) for line in text.splitlines()), default=0)


def write_xlsx(path: Path, headers: list[str], rows: Iterable[tuple], *, title: str = "Export"
               ) -> int:
    """openpyxl's write-only mode: rows go to a temporary file as they are appended.

    A sheet people can work with at once: the header row frozen and filterable, columns as wide
    as their first rows need. Text stays text: a value that begins like a formula ("=…", or a
    phone number "+389…") is a typed text cell, so the file needs no apostrophe in front of it
    (the CSV does: it has no types). Text is cleaned of the control characters XML refuses
    (openpyxl raises IllegalCharacterError on them): records stored before the forms dropped
    them must still export."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    count = _append_sheet(workbook, headers, rows, title=_sheet_name(title, set()))
    workbook.save(path)
    return count


def write_xlsx_sheets(path: Path, sheets: Iterable[tuple[str, list[str], Iterable[tuple]]]
                      ) -> int:
    """Several tables in one workbook, one sheet each (``(title, headers, rows)``), each like
    ``write_xlsx``'s: header frozen and filterable. Titles are made unique within the 31
    characters a sheet name may have. Returns the rows written in all."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    used: set[str] = set()
    count = 0
    for title, headers, rows in sheets:
        name = _sheet_name(title, used)
        used.add(name.lower())
        count += _append_sheet(workbook, headers, rows, title=name)
    if not used:
        _append_sheet(workbook, [], [], title="Export")
    workbook.save(path)
    return count


# Characters a sheet name may not hold.
_SHEET_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


def _sheet_name(title: str, used: set[str]) -> str:
    base = " ".join(xml_safe(str(title)).translate(_SHEET_FORBIDDEN).split())[:31] or "Sheet"
    name, number = base, 2
    while name.lower() in used:
        suffix = f" ({number})"
        name, number = base[:31 - len(suffix)] + suffix, number + 1
    return name


def _append_sheet(workbook, headers: list[str], rows: Iterable[tuple], *, title: str) -> int:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(title=xml_safe(str(title))[:31] or "Export")
    headers = [xml_safe(str(header)) for header in headers]

    def cells(row) -> list:
        out = []
        for value in row:
            value = _plain(value)
            if isinstance(value, str):
                value = xml_safe(value)
                if value.startswith(_FORMULA_START):
                    # openpyxl would store "=…" as a formula: force a text cell.
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.data_type = "s"
                    value = cell
            out.append(value)
        return out

    rows = iter(rows)
    sample = [cells(row) for row in itertools.islice(rows, _WIDTH_SAMPLE)]
    for index, header in enumerate(headers, start=1):
        widest = max([len(header) + 2,
                      *(_width(getattr(row[index - 1], "value", row[index - 1]))
                        for row in sample if len(row) >= index)])
        sheet.column_dimensions[get_column_letter(index)].width = min(
            max(widest + 1, _MIN_WIDTH), _MAX_WIDTH)
    sheet.freeze_panes = "A2"
    sheet.append(headers)
    count = 0
    for row in itertools.chain(sample, (cells(row) for row in rows)):
        sheet.append(row)
        count += 1
    if headers:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{count + 1}"
    return count


def write_pdf(path: Path, html: str, *, base_url: str) -> None:
    from weasyprint import HTML

    HTML(string=html, base_url=base_url).write_pdf(path)
