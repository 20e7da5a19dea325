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
# no types (the "My exports" page says so), as a typed text cell in XLSX. Only text can start
# like one, so only text is tested, on its first character.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_FIRST = frozenset(_FORMULA_START)
_AS_IS = frozenset({bool, int, float, Decimal, dt.date})


def _plain(value):
    kind = type(value)
    if kind is str or kind in _AS_IS:
        return value
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
    if type(value) is not str:
        value = _plain(value)
        if type(value) is not str:
            return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value
    return "'" + value if value[:1] in _FORMULA_FIRST else value


def _csv_row(row) -> list:
    return [csv_cell(v) for v in row]


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
        yield writer.writerow(_csv_row(row))


def write_csv(path: Path, headers: list[str], rows: Iterable[tuple]) -> int:
    """UTF-8 with a byte-order mark, so that spreadsheet programs read accents right."""
    count = 0

    def counted() -> Iterator[list]:
        nonlocal count
        for row in rows:
            count += 1
            yield _csv_row(row)

    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        writer.writerows(counted())
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


# Cells as openpyxl wrote them: dates and times in ISO order, the header row plain.
_DATETIME_FORMAT = "yyyy-mm-dd h:mm:ss"
_DATE_FORMAT = "yyyy-mm-dd"


def _workbook(path: Path):
    """XlsxWriter in constant-memory mode: each row goes to a temporary file as soon as the next
    one starts. Text is only ever text: no formula, number or link is read into it."""
    import xlsxwriter

    return xlsxwriter.Workbook(str(path), {
        "constant_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
        "strings_to_urls": False, "default_date_format": _DATE_FORMAT})


def write_xlsx(path: Path, headers: list[str], rows: Iterable[tuple], *, title: str = "Export"
               ) -> int:
    """A sheet people can work with at once: the header row frozen and filterable, columns as
    wide as their first rows need. Rows are written as they come (XlsxWriter's constant-memory
    mode). Text stays text: a value that begins like a formula ("=…", or a phone number
    "+389…") is a text cell, so the file needs no apostrophe in front of it (the CSV does: it
    has no types). Text is cleaned of the control characters XML refuses: records stored before
    the forms dropped them must still export."""
    workbook = _workbook(path)
    count = _append_sheet(workbook, headers, rows, title=_sheet_name(title, set()))
    workbook.close()
    return count


def write_xlsx_sheets(path: Path, sheets: Iterable[tuple[str, list[str], Iterable[tuple]]]
                      ) -> int:
    """Several tables in one workbook, one sheet each (``(title, headers, rows)``), each like
    ``write_xlsx``'s: header frozen and filterable. Titles are made unique within the 31
    characters a sheet name may have. Returns the rows written in all."""
    workbook = _workbook(path)
    used: set[str] = set()
    count = 0
    for title, headers, rows in sheets:
        name = _sheet_name(title, used)
        used.add(name.lower())
        count += _append_sheet(workbook, headers, rows, title=name)
    if not used:
        _append_sheet(workbook, [], [], title="Export")
    workbook.close()
    return count


# Characters a sheet name may not hold.
_SHEET_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


def _sheet_name(title: str, used: set[str]) -> str:
    base = " ".join(xml_safe(str(title)).translate(_SHEET_FORBIDDEN).split())[:31] or "Sheet"
    # XlsxWriter also refuses a name that starts or ends with an apostrophe.
    base = base.strip("'").strip() or "Sheet"
    name, number = base, 2
    while name.lower() in used:
        suffix = f" ({number})"
        name, number = base[:31 - len(suffix)] + suffix, number + 1
    return name


def _cell_value(value):
    """A value as the cell holds it: text cleaned for XML, dates without a time zone."""
    value = _plain(value)
    return xml_safe(value) if type(value) is str else value


def _append_sheet(workbook, headers: list[str], rows: Iterable[tuple], *, title: str) -> int:
    sheet = workbook.add_worksheet(title)
    datetime_format = workbook.add_format({"num_format": _DATETIME_FORMAT})
    date_format = workbook.add_format({"num_format": _DATE_FORMAT})
    headers = [xml_safe(str(header)) for header in headers]

    write_string, write_number = sheet.write_string, sheet.write_number
    write_boolean, write_datetime = sheet.write_boolean, sheet.write_datetime

    def write(index: int, row: list) -> None:
        for column, value in enumerate(row):
            kind = type(value)
            if kind is str:
                if value:  # an empty cell is left out, as openpyxl left it
                    write_string(index, column, value)
            elif kind is int or kind is float or kind is Decimal:
                write_number(index, column, value)
            elif kind is bool:
                write_boolean(index, column, value)
            elif kind is dt.datetime:
                write_datetime(index, column, value, datetime_format)
            elif kind is dt.date:
                write_datetime(index, column, value, date_format)
            elif isinstance(value, (int, float, Decimal)):
                write_number(index, column, value)
            elif value is not None:
                write_string(index, column, str(value))

    rows = iter(rows)
    sample = [[_cell_value(v) for v in row] for row in itertools.islice(rows, _WIDTH_SAMPLE)]
    for index, header in enumerate(headers):
        widest = max([len(header) + 2, *(_width(row[index]) for row in sample
                                         if len(row) > index)])
        sheet.set_column(index, index, min(max(widest + 1, _MIN_WIDTH), _MAX_WIDTH))
    sheet.freeze_panes(1, 0)
    for column, header in enumerate(headers):
        write_string(0, column, header)
    count = 0
    for row in sample:
        count += 1
        write(count, row)
    for row in rows:
        count += 1
        write(count, [_cell_value(v) for v in row])
    if headers:
        sheet.autofilter(0, 0, count, len(headers) - 1)
    return count


def write_pdf(path: Path, html: str, *, base_url: str) -> None:
    from weasyprint import HTML

    HTML(string=html, base_url=base_url).write_pdf(path)
