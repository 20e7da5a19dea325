"""Import of providers from a spreadsheet (CSV or XLSX): read, check every row, then write.

The steps, and where each happens:

1. **Upload** (``ImportUploadForm``): the file's type, size and emptiness; the file is stored
   privately (:func:`store_upload`, outside ``MEDIA_ROOT``) under a random name that only the
   uploader's session knows.
2. **Preview** (:func:`analyse`): the file is read (Python's ``csv`` module or openpyxl's
   read-only mode) and every row is checked like a form (``ProviderRowForm``): it will be
   *created*, *updated* (its ``id`` names a provider the person may change) or *rejected*, with
   the column and the reason. Likely duplicates — the same name in the same country, or the same
   website, in the registry or earlier in the file — are flagged. Nothing is written.
3. **Confirm** (:func:`providers_import`): the file is read again, each batch checked again
   and written inside one transaction; one invalid row refuses the import and rolls everything
   back, so the file is all imported or not at all.

Rows are handled in batches of :data:`BATCH` — one query per batch for the ids, names and
websites to compare, one ``bulk_create`` per batch for the writes — so neither the queries nor
the memory grow with the rows held at once: only the preview's short per-row results are kept.
"""

from __future__ import annotations

import codecs
import csv
import difflib
import io
import logging
import re
import secrets
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.template.defaultfilters import filesizeformat
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django_countries import countries

from netw import dataversion, enqueue
from netw.geo.placing import PLACE_FIELDS, place_from_city
from netw.text import strip_control_chars
from providers.models import (
    ImportValueMapping,
    Network,
    Partner,
    Provider,
    ProviderImport,
    Sector,
    TargetGroup,
)
from providers.services import providers_history_in_bulk
from providers.vocabulary import LegalForm, SectorCode, TargetGroupCode, Verification

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 10_000
# An XLSX is a zip: refuse one whose content would unpack to more than this (a "zip bomb").
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
# Empty rows count too: a sheet "formatted" down to row 1,048,576 (or a crafted one claiming
# millions of rows) is read until this many empty rows in a row, and never past MAX_LINES rows,
# empty or not, so a small file cannot keep a worker reading for minutes.
MAX_BLANK_RUN = 1_000
MAX_LINES = 5 * MAX_ROWS
BATCH = 500
FILE_MAX_AGE_SECONDS = 24 * 60 * 60

# Names are Python's codec names (codecs.lookup(...).name), so a detected encoding compares.
ENCODINGS = [
    ("auto", gettext_lazy("Detect automatically (recommended)")),
    ("utf-8", "UTF-8"),
    ("cp1250", gettext_lazy("Windows-1250 (Central European: Hungarian, Slovak, Serbian…)")),
    ("cp1252", gettext_lazy("Windows-1252 (Western European: Portuguese, Italian…)")),
    ("iso8859-2", gettext_lazy("ISO-8859-2 (Latin-2, Central European)")),
    ("cp1251", gettext_lazy("Windows-1251 (Cyrillic: Macedonian, Serbian)")),
]
ENCODING_NAMES = {"utf-8": "UTF-8", "cp1250": "Windows-1250", "cp1252": "Windows-1252",
                  "iso8859-2": "ISO-8859-2", "cp1251": "Windows-1251"}
# What a file that is not UTF-8 is likely to be, in this project's countries. Guessing among
# few keeps the detector from answering with an exotic code page for a short file.
DETECTABLE = ["cp1250", "cp1252", "iso8859-2", "cp1251"]


def encoding_name(encoding: str) -> str:
    return ENCODING_NAMES.get(encoding, encoding)


class FileProblem(Exception):
    """The file as a whole cannot be read: nothing in it is imported."""


@dataclass(frozen=True)
class Column:
    key: str
    help: str
    required: bool = False


# The template's columns, in its order. ``id`` is empty for a new provider; with the id of an
# existing provider the row updates it.
COLUMNS = [
    Column("id", gettext_lazy("Empty for a new provider; the number of an existing provider "
                              "(the end of its page's address) to update it.")),
    Column("name", gettext_lazy("The organisation's name."), required=True),
    Column("country", gettext_lazy("English name or two-letter code: Hungary or HU."),
           required=True),
    Column("region", gettext_lazy("Region, county or district.")),
    Column("city", gettext_lazy("Town or city.")),
    Column("legal_form", gettext_lazy("One of the legal forms listed below.")),
    Column("sectors", gettext_lazy("Sectors listed below, separated by semicolons.")),
    Column("target_groups", gettext_lazy("Target groups listed below, separated by "
                                         "semicolons.")),
    Column("learners_per_year", gettext_lazy("A whole number.")),
    Column("workers_per_year", gettext_lazy("A whole number.")),
    Column("networks", gettext_lazy("Names or acronyms of networks already in the registry, "
                                    "separated by semicolons.")),
    Column("website", gettext_lazy("The address of its website.")),
    Column("contact_person", gettext_lazy("Shown to logged-in partners only.")),
    Column("contact_email", gettext_lazy("Shown to logged-in partners only.")),
    Column("contact_phone", gettext_lazy("Shown to logged-in partners only.")),
    Column("language", gettext_lazy("Language the name and description are written in: en, hu, "
                                    "mk, pt, sr, sk, it, fr. Empty: the one chosen on upload.")),
    Column("description", gettext_lazy("What the organisation does.")),
]
KEYS = [c.key for c in COLUMNS]
REQUIRED = [c.key for c in COLUMNS if c.required]
# Columns of the registry's own export that the import reads past: the registry fills them in.
IGNORED = {"verification", "verification_status", "registered_by", "registering_partner",
           "updated_at", "created_at"}
ALIASES = {
    "contact_e_mail": "contact_email", "e_mail": "contact_email", "email": "contact_email",
    "phone": "contact_phone", "contact": "contact_person", "sector": "sectors",
    "target_group": "target_groups", "network": "networks", "organisation": "name",
    "organization": "name", "learners": "learners_per_year", "workers": "workers_per_year",
}
M2M_KEYS = ("sectors", "target_groups", "networks")


def normalise_header(value: str) -> str:
    key = re.sub(r"[\s\-./]+", "_", str(value or "").strip().lower()).strip("_")
    return ALIASES.get(key, key)


# --- Reading the file --------------------------------------------------------------------------


@dataclass
class Table:
    """A file opened for reading: its columns and, lazily, its rows (line number, cells)."""

    columns: list[str]  # normalised keys, in file order ("" for an empty header cell)
    notes: list[str]
    rows: Iterator[tuple[int, list[str]]]
    close: callable = lambda: None
    encoding: str = ""  # what a CSV file was read as
    scanned: int = 0  # rows read so far, empty ones included
    stopped_at: int | None = None  # the line where a run of empty rows ended the reading

    def note_blank_run(self, line: int) -> None:
        self.stopped_at = line
        self.notes.append(_("Reading stopped at line %(line)s after %(count)s empty rows in a "
                            "row: anything below them was not read.")
                          % {"line": f"{line:,}", "count": f"{MAX_BLANK_RUN:,}"})

    def known(self) -> list[str]:
        return [c for c in self.columns if c in KEYS]


def _check_columns(columns: list[str], raw: list[str]) -> list[str]:
    """Refuse missing required and unknown columns, with their names; return the notes."""
    missing = [key for key in REQUIRED if key not in columns]
    unknown = [raw[i] for i, key in enumerate(columns)
               if key and key not in KEYS and key not in IGNORED]
    duplicated = sorted({key for key in columns if key and columns.count(key) > 1})
    problems = []
    if missing:
        problems.append(ngettext("Missing column: %(columns)s.", "Missing columns: %(columns)s.",
                                 len(missing)) % {"columns": ", ".join(missing)})
    if unknown:
        problems.append(ngettext("Unknown column: %(columns)s.", "Unknown columns: %(columns)s.",
                                 len(unknown)) % {
            "columns": ", ".join(f"“{c}”" for c in unknown)})
    if duplicated:
        problems.append(ngettext("Column given twice: %(columns)s.",
                                 "Columns given twice: %(columns)s.", len(duplicated)) % {
            "columns": ", ".join(duplicated)})
    if problems:
        problems.append(_("The columns are: %(columns)s. Download the template to start from "
                          "the right ones.") % {"columns": ", ".join(KEYS)})
        raise FileProblem(" ".join(problems))
    notes = []
    absent = [key for key in KEYS if key not in columns and key not in REQUIRED]
    if absent:
        notes.append(_("Columns not in the file (left empty for new providers, unchanged for "
                       "updated ones): %(columns)s.") % {"columns": ", ".join(absent)})
    ignored = [raw[i] for i, key in enumerate(columns) if key in IGNORED]
    if ignored:
        notes.append(_("Read past, since the registry fills them in: %(columns)s.")
                     % {"columns": ", ".join(ignored)})
    return notes


# Letters that a Windows or ISO code page produces when it reads another's bytes, and that the
# project's languages (hu, mk, pt, sr, sk, it, fr, en) hardly use: Portuguese "ã" read as
# Windows-1250 is "ă", Slovak "ľ" read as Windows-1252 is "¾", Italian "ì" read as Windows-1250
# is "ě", Serbian "đ" read as Windows-1252 is "ð".
UNLIKELY_LETTERS = frozenset("ăĂşŞţŢłŁźŹńŃęĘąĄůŮřŘěĚðÐøØ¾¼¹³ª¿±µ¶¤¦¨¬¯°²´¸º½")


def _likeliest_encoding(data: bytes) -> str:
    """charset-normalizer's candidates among :data:`DETECTABLE`; on a short file several read
    equally well to it (Portuguese "ã" is a plausible "ă"), so the one producing the fewest
    unlikely letters wins, then the detector's order."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data, cp_isolation=DETECTABLE))
    if not matches:
        raise FileProblem(_("The encoding of this file cannot be recognised. Save it as “CSV "
                            "UTF-8”, or choose its encoding below."))
    least_chaos = min(m.chaos for m in matches)
    close = [m for m in matches if m.chaos <= least_chaos + 0.05]
    best = min(close, key=lambda m: sum(ch in UNLIKELY_LETTERS for ch in str(m)))
    return codecs.lookup(best.encoding).name


def _decode(data: bytes, encoding: str) -> tuple[str, str]:
    """The text and what it was read as: UTF-8 (with or without a byte-order mark) when it is,
    else the likeliest Windows or ISO encoding (charset-normalizer), unless one is chosen."""
    if encoding == "auto":
        try:
            return data.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError:
            pass
        encoding = _likeliest_encoding(data)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise FileProblem(_("This file cannot be read as %(encoding)s. Choose another encoding, "
                            "or save it as “CSV UTF-8”.")
                          % {"encoding": encoding_name(encoding)}) from exc
    return text.removeprefix("\ufeff"), encoding


def _open_csv(path: Path, encoding: str) -> Table:
    data = path.read_bytes()
    if b"\x00" in data[:65536]:
        raise FileProblem(_("This file is not a CSV text file (it contains binary data). "
                            "Upload a .csv or .xlsx file."))
    text, used = _decode(data, encoding)
    del data
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    if not first_line:
        raise FileProblem(_("The file is empty."))
    # The separator is the one that splits the first line into the most known column names:
    # Excel writes ";" where the decimal separator is a comma (Hungary, Portugal, Slovakia…).
    best, best_known = ",", -1
    for delimiter in (",", ";", "\t"):
        header = next(csv.reader([first_line], delimiter=delimiter))
        known = sum(normalise_header(h) in KEYS for h in header)
        if known > best_known:
            best, best_known = delimiter, known
    notes = []
    if best != ",":
        notes.append(_("Columns are separated by “%(sep)s”: read as such.")
                     % {"sep": "tab" if best == "\t" else best})
    reader = csv.reader(io.StringIO(text), delimiter=best)
    raw = []
    for raw in reader:
        if any(cell.strip() for cell in raw):
            break
        if reader.line_num > MAX_BLANK_RUN:
            raise FileProblem(_("The file is empty."))
    columns = [normalise_header(h) for h in raw]
    notes += _check_columns(columns, raw)

    def rows() -> Iterator[tuple[int, list[str]]]:
        try:
            for cells in reader:
                yield reader.line_num, cells
        except csv.Error as exc:
            raise FileProblem(_("Line %(line)d cannot be read as CSV (%(error)s).")
                              % {"line": reader.line_num, "error": exc}) from exc

    return Table(columns=columns, notes=notes, rows=rows(), encoding=used)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _open_xlsx(path: Path) -> Table:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as exc:
        raise FileProblem(_("This file is not a valid Excel workbook (.xlsx). Open it in a "
                            "spreadsheet program and save it as .xlsx or CSV UTF-8.")) from exc
    if unpacked > MAX_UNPACKED_BYTES:
        raise FileProblem(_("This workbook is too large once unpacked. Keep only the provider "
                            "rows, or split the file."))
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        iterator = sheet.iter_rows(values_only=True)
        raw = []
        line = 0
        for values in iterator:
            line += 1
            raw = [_cell(v) for v in values]
            if any(cell.strip() for cell in raw):
                break
            if line >= MAX_BLANK_RUN:
                raw = []
                break
    except FileProblem:
        raise
    except Exception as exc:  # openpyxl raises many kinds of errors on a damaged workbook
        raise FileProblem(_("This workbook cannot be read (%(error)s). Save it again as .xlsx "
                            "or as CSV UTF-8.") % {"error": type(exc).__name__}) from exc
    if not any(cell.strip() for cell in raw):
        workbook.close()
        raise FileProblem(_("The file is empty."))
    while raw and not raw[-1].strip():
        raw.pop()
    columns = [normalise_header(h) for h in raw]
    try:
        notes = _check_columns(columns, raw)
    except FileProblem:
        workbook.close()
        raise

    def rows() -> Iterator[tuple[int, list[str]]]:
        number = line
        try:
            for values in iterator:
                number += 1
                yield number, [_cell(v) for v in values]
        except Exception as exc:
            raise FileProblem(_("Row %(line)d of the workbook cannot be read.")
                              % {"line": number + 1}) from exc

    if len(workbook.worksheets) > 1:
        notes.append(_("Only the first sheet, “%(sheet)s”, is read.") % {"sheet": sheet.title})
    return Table(columns=columns, notes=notes, rows=rows(), close=workbook.close)


def open_table(path: Path, extension: str, encoding: str = "auto") -> Table:
    if extension == "xlsx":
        return _open_xlsx(path)
    return _open_csv(path, encoding)


def _unescape(value: str) -> str:
    """Undo the exports' formula escaping ("'=…" → "=…"), so an export imports back as it was."""
    if value[:1] == "'" and value[1:2] in ("=", "+", "-", "@"):
        return value[1:]
    return value


def records(table: Table) -> Iterator[tuple[int, dict[str, str]]]:
    """The non-empty rows as ``column → text``, refusing the file past :data:`MAX_ROWS` rows
    or :data:`MAX_LINES` rows counting the empty ones, and stopping after
    :data:`MAX_BLANK_RUN` empty rows in a row."""
    count = blank_run = 0
    for line, cells in table.rows:
        table.scanned += 1
        if table.scanned > MAX_LINES:
            raise FileProblem(_("The file has more than %(max)s rows, counting the empty ones. "
                                "Delete the empty rows, or split the file.")
                              % {"max": f"{MAX_LINES:,}"})
        if not any(str(c).strip() for c in cells):
            blank_run += 1
            if blank_run >= MAX_BLANK_RUN:
                table.note_blank_run(line)
                return
            continue
        blank_run = 0
        count += 1
        if count > MAX_ROWS:
            raise FileProblem(_("The file has more than %(max)s rows. Split it into files of at "
                                "most %(max)s rows and import them one after the other.")
                              % {"max": f"{MAX_ROWS:,}"})
        values = {}
        for index, key in enumerate(table.columns):
            if key in KEYS:
                # Control characters go on the way in, as in every form (netw.text).
                values[key] = (strip_control_chars(_unescape(str(cells[index]).strip()))
                               if index < len(cells) else "")
        extra = [c for c in cells[len(table.columns):] if str(c).strip()]
        if extra:
            values["__extra__"] = str(len(extra))
        yield line, values


def read_file(path: Path, extension: str, encoding: str = "auto") -> tuple[Table, list]:
    """Read the whole file once: the table (columns, notes, encoding) and its rows as
    ``[line, {column: text}]``. Raises :class:`FileProblem`."""
    table = open_table(path, extension, encoding)
    try:
        rows = [[line, values] for line, values in records(table)]
    finally:
        table.close()
    if not rows:
        problem = _("The file has column names but no rows.")
        if table.stopped_at:
            problem += " " + table.notes[-1]
        raise FileProblem(problem)
    return table, rows


# --- Checking a row ----------------------------------------------------------------------------


def _split(value: str) -> list[str]:
    return [part.strip() for part in re.split(r"[;,|\n]", value or "") if part.strip()]


class VocabularyField(forms.Field):
    """Codes or labels (English, case-insensitive), one or several, turned into codes."""

    def __init__(self, choices, *, multiple: bool, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.multiple = multiple
        self.labels = {str(code): str(label) for code, label in choices}
        self.lookup = {}
        for code, label in self.labels.items():
            self.lookup[code.lower()] = code
            self.lookup[label.lower()] = code

    def clean(self, value):
        value = (value or "").strip()
        parts = _split(value) if self.multiple else ([value] if value else [])
        codes, unknown = [], []
        for part in parts:
            code = self.lookup.get(part.lower())
            (codes if code else unknown).append(code or part)
        if unknown:
            raise ValidationError(
                _("%(values)s: not one of %(allowed)s.") % {
                    "values": ", ".join(f"“{u}”" for u in unknown),
                    "allowed": "; ".join(self.labels.values())})
        return list(dict.fromkeys(codes)) if self.multiple else (codes[0] if codes else "")


class CountryCellField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        code = countries.alpha2(value) if len(value) in (2, 3) else ""
        if not code:
            code = countries.by_name(value)
        if not code:
            raise ValidationError(_("“%(value)s” is not a country we know: write its English "
                                    "name or its two-letter code (e.g. PT).") % {"value": value})
        return code


class WholeNumberField(forms.IntegerField):
    def __init__(self, **kwargs):
        super().__init__(required=False, min_value=0, **kwargs)

    def clean(self, value):
        text = (value or "").strip().replace(" ", "").replace("\u00a0", "")
        if text.endswith(".0"):
            text = text[:-2]
        try:
            return super().clean(text)
        except ValidationError as exc:
            if text and not text.lstrip("-").isdigit():
                raise ValidationError(_("“%(value)s” is not a whole number.")
                                      % {"value": value}) from exc
            raise


class ProviderNumberField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        if value and not value.isdigit():
            raise ValidationError(_("“%(value)s” is not the number of a provider.")
                                  % {"value": value})
        return int(value) if value else None


class ProviderRowForm(forms.Form):
    """One row of the file, cleaned and converted like the provider form's fields."""

    id = ProviderNumberField(required=False)
    name = forms.CharField(max_length=200)
    country = CountryCellField()
    region = forms.CharField(max_length=100, required=False)
    city = forms.CharField(max_length=100, required=False)
    legal_form = VocabularyField(LegalForm.choices, multiple=False)
    sectors = VocabularyField(SectorCode.choices, multiple=True)
    target_groups = VocabularyField(TargetGroupCode.choices, multiple=True)
    learners_per_year = WholeNumberField()
    workers_per_year = WholeNumberField()
    networks = forms.CharField(required=False)
    website = forms.URLField(max_length=300, required=False, assume_scheme="https")
    contact_person = forms.CharField(max_length=200, required=False)
    contact_email = forms.EmailField(required=False)
    contact_phone = forms.CharField(max_length=50, required=False)
    language = VocabularyField(
        [(code, code) for code, _name in settings.LANGUAGES]
        + [(code, str(name)) for code, name in settings.LANGUAGES], multiple=False)
    description = forms.CharField(max_length=5000, required=False)

    @classmethod
    def clean_row(cls, values: dict[str, str]) -> tuple[dict, dict[str, list[str]]]:
        """The form's cleaning without a form instance per row: a form deep-copies its fields
        and builds bound fields, which costs more than the checks themselves on 10,000 rows.
        The declared fields do the same conversions and raise the same messages."""
        cleaned, errors = {}, {}
        for name, form_field in cls.base_fields.items():
            try:
                cleaned[name] = form_field.clean(values.get(name, ""))
            except ValidationError as exc:
                errors[name] = exc.messages
        return cleaned, errors


@dataclass
class RowResult:
    line: int
    action: str  # create, update, reject
    name: str
    country: str
    problems: list[tuple[str, str]] = field(default_factory=list)  # (column, reason)
    warnings: list[str] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return self.action != "reject"


@dataclass
class Analysis:
    """The preview of a file: every row's fate, and the words of the vocabulary columns that
    were not understood (``unknown``) or were understood through the person's mapping
    (``mapped``), each as ``{column: [[value as written, folded value, count, suggested codes]
    or [value as written, folded value, code], …]}``.
    Kept as JSON on the import (:meth:`as_json`, :meth:`from_json`)."""

    file_name: str
    columns: list[str]
    notes: list[str]
    rows: list[RowResult] = field(default_factory=list)
    unknown: dict[str, list] = field(default_factory=dict)
    mapped: dict[str, list] = field(default_factory=dict)

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def created(self) -> int:
        return self.count("create")

    @property
    def updated(self) -> int:
        return self.count("update")

    @property
    def rejected(self) -> int:
        return self.count("reject")

    @property
    def flagged(self) -> int:
        return sum(1 for r in self.rows if r.warnings)

    @property
    def can_confirm(self) -> bool:
        return bool(self.rows) and not self.rejected

    def as_json(self) -> dict:
        return {"file_name": self.file_name, "columns": self.columns, "notes": self.notes,
                "rows": [[r.line, r.action, r.name, r.country, r.problems, r.warnings]
                         for r in self.rows],
                "unknown": self.unknown, "mapped": self.mapped}

    @classmethod
    def from_json(cls, data: dict) -> Analysis:
        return cls(file_name=data.get("file_name", ""), columns=data.get("columns", []),
                   notes=data.get("notes", []),
                   rows=[RowResult(line=line, action=action, name=name, country=country,
                                   problems=[tuple(p) for p in problems], warnings=warnings)
                         for line, action, name, country, problems, warnings
                         in data.get("rows", [])],
                   unknown=data.get("unknown", {}), mapped=data.get("mapped", {}))


# --- Words the vocabulary does not know --------------------------------------------------------

# The columns with a fixed vocabulary, and whether a cell holds several values.
MAPPED_COLUMNS = {"country": False, "legal_form": False, "sectors": True,
                  "target_groups": True, "language": False}
# The preview asks about this many distinct unknown values at most; the others stay errors.
MAX_ASKED = 100


def fold(value: str) -> str:
    """The form in which a value is compared and remembered: "  Food " is "food"."""
    return " ".join(str(value).split()).casefold()[:200]


def vocabulary(column: str) -> list[tuple[str, str]]:
    """The codes of a column and their labels in the active language."""
    if column == "country":
        return [(code, str(name)) for code, name in countries]
    if column == "language":
        return [(code, str(name)) for code, name in settings.LANGUAGES]
    choices = {"legal_form": LegalForm, "sectors": SectorCode,
               "target_groups": TargetGroupCode}[column]
    return [(code, str(label)) for code, label in choices.choices]


SUGGESTION_CUTOFF = 0.6


def suggestions(column: str, value: str, *, limit: int = 3) -> list[str]:
    """The codes whose label (in the active language) or code is closest to ``value``: as a
    whole, or one of the label's words ("food" → "Catering and food", "youth" → "Young
    people…"). Best first."""
    # The matcher keeps what it learnt about its second sequence: the value, compared with
    # every candidate; the cheap upper bounds skip most of the exact ratios (250 countries).
    matcher = difflib.SequenceMatcher(None, "", fold(value))
    scored = []
    for code, label in vocabulary(column):
        score = 0.0
        for candidate in (fold(label), fold(code), *re.findall(r"\w+", fold(label))):
            matcher.set_seq1(candidate)
            floor = max(score, SUGGESTION_CUTOFF)
            if matcher.real_quick_ratio() >= floor and matcher.quick_ratio() >= floor:
                score = max(score, matcher.ratio())
        if score >= SUGGESTION_CUTOFF:
            scored.append((score, code))
    scored.sort(key=lambda item: -item[0])
    return [code for _score, code in scored[:limit]]


def mappings_of(user) -> dict[str, dict[str, str]]:
    """The person's remembered mappings: ``{column: {folded value: code}}``."""
    mapping: dict[str, dict[str, str]] = {}
    for column, source, code in (ImportValueMapping.objects.filter(user=user)
                                 .values_list("column", "source", "code")):
        mapping.setdefault(column, {})[source] = code
    return mapping


def import_mappings_save(*, user, choices: dict[tuple[str, str], str]) -> None:
    """Remember ``{(column, folded value): code}``; an empty code forgets the value (it is an
    error again)."""
    with transaction.atomic():
        for (column, source), code in choices.items():
            if code:
                ImportValueMapping.objects.update_or_create(
                    user=user, column=column, source=fold(source), defaults={"code": code})
            else:
                ImportValueMapping.objects.filter(user=user, column=column,
                                                  source=fold(source)).delete()


class ValueMapper:
    """Replaces the words of the vocabulary columns that the person mapped by their codes, and
    counts the ones nobody knows, once per distinct value."""

    def __init__(self, mapping: dict[str, dict[str, str]]):
        self.mapping = mapping
        self.fields = ProviderRowForm.base_fields
        self.known: dict[tuple[str, str], bool] = {}
        self.unknown: dict[str, dict[str, list]] = {}
        self.mapped: dict[str, dict[str, list]] = {}

    def _is_known(self, column: str, part: str) -> bool:
        key = (column, part.lower())
        if key not in self.known:
            try:
                self.fields[column].clean(part)
            except ValidationError:
                self.known[key] = False
            else:
                self.known[key] = True
        return self.known[key]

    def apply(self, values: dict[str, str]) -> dict[str, str]:
        values = dict(values)
        for column, multiple in MAPPED_COLUMNS.items():
            text = values.get(column, "")
            if not text.strip():
                continue
            parts = _split(text) if multiple else [text.strip()]
            out = []
            for part in parts:
                folded = fold(part)
                code = self.mapping.get(column, {}).get(folded)
                if self._is_known(column, part):
                    out.append(part)
                elif code:
                    out.append(code)
                    self.mapped.setdefault(column, {}).setdefault(folded, [part, folded, code])
                else:
                    out.append(part)
                    entry = self.unknown.setdefault(column, {}).setdefault(
                        folded, [part, folded, 0])
                    entry[2] += 1
            values[column] = "; ".join(out) if multiple else out[0]
        return values

    def report(self) -> tuple[dict[str, list], dict[str, list]]:
        unknown, asked = {}, 0
        for column, entries in self.unknown.items():
            # Values too long to remember, or past the ones asked about, stay errors.
            kept = [e for e in entries.values() if len(e[1]) < 200][:max(0, MAX_ASKED - asked)]
            asked += len(kept)
            if kept:
                # The closest known values, found here (in the worker, in the person's
                # language) rather than each time the preview is shown.
                unknown[column] = [[*e, suggestions(column, e[0])] for e in kept]
        return unknown, {c: list(e.values()) for c, e in self.mapped.items()}


def website_key(url: str) -> str:
    key = re.sub(r"^[a-z]+://", "", (url or "").strip().lower())
    key = key.removeprefix("www.")
    return key.rstrip("/")


@dataclass
class Checked:
    """A row that passed its checks: what to write."""

    result: RowResult
    data: dict
    target: Provider | None  # the provider to update


class RowChecker:
    """Checks rows batch by batch against the registry and against the earlier rows."""

    def __init__(self, *, user, columns: list[str], default_language: str,
                 mapping: dict[str, dict[str, str]] | None = None):
        self.user = user
        self.mapper = ValueMapper(mapping or {})
        self.columns = set(columns)
        self.default_language = default_language
        self.networks = {}
        for network in Network.objects.only("pk", "name", "acronym"):
            self.networks.setdefault(network.name.casefold(), network)
            if network.acronym:
                self.networks.setdefault(network.acronym.casefold(), network)
        self.seen_names: dict[tuple[str, str], int] = {}
        self.seen_websites: dict[str, int] = {}
        self.visible_ids: set[int] | None = None

    def _visible(self, ids: set[int]) -> set[int]:
        return set(Provider.objects.visible_to(self.user).filter(pk__in=ids)
                   .values_list("pk", flat=True))

    def check(self, batch: list[tuple[int, dict[str, str]]]) -> list[Checked | RowResult]:
        forms_ = [(line, values, ProviderRowForm.clean_row(self.mapper.apply(values)))
                  for line, values in batch]
        ids = {f[0]["id"] for _l, _v, f in forms_ if f[0].get("id")}
        targets = Provider.objects.select_related("owner_partner").in_bulk(ids) if ids else {}
        visible = self._visible(set(targets)) if targets else set()
        names = {f[0]["name"].casefold() for _l, _v, f in forms_ if f[0].get("name")}
        same_name = {}
        if names:
            for pk, name, country in (Provider.objects.annotate(lname=Lower("name"))
                                      .filter(lname__in=names)
                                      .values_list("pk", "name", "country")):
                same_name.setdefault((name.casefold(), country), []).append(pk)
        keys = {website_key(f[0]["website"]) for _l, _v, f in forms_ if f[0].get("website")}
        same_site = {}
        if keys:
            condition = Q()
            for key in keys:
                condition |= Q(website__icontains=key.split("/")[0])
            for pk, website in Provider.objects.filter(condition).values_list("pk", "website"):
                same_site.setdefault(website_key(website), []).append(pk)
        duplicate_ids = {pk for pks in (*same_name.values(), *same_site.values()) for pk in pks}
        names_of = dict(Provider.objects.visible_to(self.user).filter(pk__in=duplicate_ids)
                        .values_list("pk", "name")) if duplicate_ids else {}

        out = []
        for line, values, form in forms_:
            out.append(self._one(line, values, form, targets, visible, same_name, same_site,
                                 names_of))
        return out

    def _one(self, line, values, cleaned, targets, visible, same_name, same_site, names_of):
        data, row_errors = cleaned
        result = RowResult(line=line, action="create", name=values.get("name", ""),
                           country=data.get("country") or values.get("country", ""))
        for key, errors in row_errors.items():
            for error in errors:
                result.problems.append((key, error))
        if "__extra__" in values:
            extra = int(values["__extra__"])
            result.problems.append(("", ngettext("%(n)s value beyond the last column.",
                                                 "%(n)s values beyond the last column.", extra)
                                    % {"n": extra}))
        network_objects = []
        for name in _split(values.get("networks", "")):
            network = self.networks.get(name.casefold())
            if network is None:
                result.problems.append(("networks", _(
                    "No network “%(name)s” in the registry: register it first, or leave it "
                    "out.") % {"name": name}))
            else:
                network_objects.append(network)
        target = None
        if data.get("id"):
            target = targets.get(data["id"])
            if target is None or target.pk not in visible:
                result.problems.append(("id", _("There is no provider number %(id)s (or it was "
                                                "deleted).") % {"id": data["id"]}))
                target = None
            elif not self.user.has_perm("providers.change_provider", target):
                result.problems.append(("id", _(
                    "Provider %(id)s is registered by %(partner)s: only its members and "
                    "coordinators change it.") % {"id": data["id"],
                                                  "partner": target.owner_partner}))
                target = None
            else:
                result.action = "update"
        if result.problems:
            result.action = "reject"
            return result
        # Likely duplicates: flagged, not refused.
        own = {target.pk} if target else set()
        name_key = (data["name"].casefold(), data["country"])
        for pk in set(same_name.get(name_key, [])) - own:
            result.warnings.append(self._duplicate(_("same name and country as"), pk, names_of))
        site = website_key(data.get("website", ""))
        if site:
            for pk in set(same_site.get(site, [])) - own:
                result.warnings.append(self._duplicate(_("same website as"), pk, names_of))
        if name_key in self.seen_names:
            result.warnings.append(_("Likely duplicate: same name and country as line %(line)d "
                                     "of this file.") % {"line": self.seen_names[name_key]})
        else:
            self.seen_names[name_key] = line
        if site:
            if site in self.seen_websites:
                result.warnings.append(_("Likely duplicate: same website as line %(line)d of "
                                         "this file.") % {"line": self.seen_websites[site]})
            else:
                self.seen_websites[site] = line
        data = {key: value for key, value in data.items() if key in self.columns}
        if "networks" in self.columns:
            data["networks"] = network_objects
        if not data.get("language"):
            if target is None or "language" in self.columns:
                data["language"] = target.language if target else self.default_language
        return Checked(result=result, data=data, target=target)

    @staticmethod
    def _duplicate(reason: str, pk: int, names_of: dict[int, str]) -> str:
        if pk in names_of:
            return _("Likely duplicate: %(reason)s “%(name)s” (provider %(id)s).") % {
                "reason": reason, "name": names_of[pk], "id": pk}
        return _("Likely duplicate: %(reason)s a provider another partner is registering.") % {
            "reason": reason}


def _batches(rows: Iterator, size: int = BATCH) -> Iterator[list]:
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def analyse(*, rows: list, columns: list[str], notes: list[str], file_name: str, user,
            default_language: str, mapping: dict | None = None,
            progress: Callable[[int], None] | None = None) -> Analysis:
    """The preview of the rows read from a file: every row's fate, nothing written."""
    analysis = Analysis(file_name=file_name, columns=[c for c in columns if c in KEYS],
                        notes=list(notes))
    checker = RowChecker(user=user, columns=columns, default_language=default_language,
                         mapping=mapping)
    for batch in _batches(iter(rows)):
        for checked in checker.check(batch):
            analysis.rows.append(checked.result if isinstance(checked, Checked) else checked)
        if progress:
            progress(len(analysis.rows))
    analysis.unknown, analysis.mapped = checker.mapper.report()
    return analysis


# --- Writing -----------------------------------------------------------------------------------


class ImportRefused(Exception):
    """A row is invalid: nothing is imported."""


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0


SCALAR_FIELDS = ["name", "country", "region", "city", "legal_form", "learners_per_year",
                 "workers_per_year", "website", "contact_person", "contact_email",
                 "contact_phone", "language", "description"]


def _write_batch(checked: list[Checked], *, user, partner: Partner, reason: str,
                 vocab: dict[str, dict[str, int]], result: ImportResult) -> None:
    new, changed, changed_fields = [], [], set()
    now = timezone.now()
    for row in checked:
        if row.target is None:
            provider = Provider(owner_partner=partner, created_by=user, updated_by=user,
                                verification=Verification.UNVERIFIED)
            for key in SCALAR_FIELDS:
                if key in row.data:
                    setattr(provider, key, row.data[key])
            new.append((provider, row))
        else:
            provider = row.target
            for key in SCALAR_FIELDS:
                if key in row.data:
                    setattr(provider, key, row.data[key])
                    changed_fields.add(key)
            provider.updated_by = user
            provider.updated_at = now  # bulk_update leaves auto_now fields alone
            changed.append((provider, row))
        # Placed from its (new) city, in the row itself: the history written below has it.
        place_from_city(provider)
    created = Provider.objects.bulk_create([p for p, _row in new])
    if changed:
        Provider.objects.bulk_update([p for p, _row in changed],
                                     [*sorted(changed_fields), *PLACE_FIELDS, "updated_by",
                                      "updated_at"])
    touched = [*zip(created, (r for _p, r in new), strict=True), *changed]
    through = {"sectors": (Provider.sectors.through, "sector_id"),
               "target_groups": (Provider.target_groups.through, "targetgroup_id"),
               "networks": (Provider.networks.through, "network_id")}
    for key, (model, column) in through.items():
        rows = [(p, r) for p, r in touched if key in r.data]
        if not rows:
            continue
        model.objects.filter(provider_id__in=[p.pk for p, r in changed if key in r.data]
                             ).delete()
        links = []
        for provider, row in rows:
            targets = ([n.pk for n in row.data[key]] if key == "networks"
                       else [vocab[key][code] for code in row.data[key]])
            links += [model(provider_id=provider.pk, **{column: pk}) for pk in targets]
        model.objects.bulk_create(links)
    providers_history_in_bulk(created=created, changed=[p for p, _r in changed], by=user,
                              reason=reason)
    dataversion.bump()  # bulk writes send no signal: the public pages learn of them here
    result.created += len(created)
    result.updated += len(changed)


def providers_import(*, rows: list, columns: list[str], file_name: str, user,
                     partner: Partner, default_language: str, mapping: dict | None = None,
                     progress: Callable[[int], None] | None = None) -> ImportResult:
    """Write the rows read from a file, or nothing.

    The rows are checked again as they are written (the registry may have changed since the
    preview); the first invalid one raises :class:`ImportRefused` and the transaction rolls
    back everything written before it.
    """
    vocab = {"sectors": dict(Sector.objects.values_list("code", "pk")),
             "target_groups": dict(TargetGroup.objects.values_list("code", "pk"))}
    reason = _("import of %(file)s") % {"file": file_name}
    result = ImportResult()
    with transaction.atomic():
        checker = RowChecker(user=user, columns=columns, default_language=default_language,
                             mapping=mapping)
        for batch in _batches(iter(rows)):
            checked = checker.check(batch)
            if any(not isinstance(c, Checked) for c in checked):
                raise ImportRefused(_("Nothing was imported: some rows are invalid. Correct "
                                      "them in the file and upload it again."))
            _write_batch(checked, user=user, partner=partner, reason=reason, vocab=vocab,
                         result=result)
            if progress:
                progress(result.created + result.updated)
    if not result.created and not result.updated:
        raise FileProblem(_("The file has column names but no rows."))
    return result


# --- The uploaded file between preview and confirmation -----------------------------------------


def imports_root() -> Path:
    """Private: not under MEDIA_ROOT, which the demo serves to anyone."""
    return Path(settings.PROVIDER_IMPORTS_ROOT)


def store_upload(upload, extension: str) -> str:
    """Save the upload under a random name; return the name (the token the session keeps)."""
    root = imports_root()
    root.mkdir(parents=True, exist_ok=True)
    _sweep(root)
    token = secrets.token_urlsafe(24)
    with open(root / f"{token}.{extension}", "wb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    return token


def stored_path(token: str, extension: str) -> Path:
    return imports_root() / f"{token}.{extension}"


def discard(token: str, extension: str) -> None:
    stored_path(token, extension).unlink(missing_ok=True)


def _sweep(root: Path) -> None:
    """Forget uploads nobody confirmed or cancelled within a day."""
    limit = time.time() - FILE_MAX_AGE_SECONDS
    for entry in root.iterdir():
        try:
            if entry.is_file() and entry.stat().st_mtime < limit:
                entry.unlink()
        except OSError:
            pass  # another request swept it first


def size_problem(size: int) -> str | None:
    if size > MAX_BYTES:
        return _("This file is %(size)s; the limit is %(limit)s. Split it, or remove columns "
                 "the registry does not read.") % {"size": filesizeformat(size),
                                                    "limit": filesizeformat(MAX_BYTES)}
    return None


# --- The import as a background job ------------------------------------------------------------
#
# The request stores the file and a ProviderImport; tasks (providers.tasks) take its id, claim
# it by its status and call the services below. So no request reads a file, and a task run
# twice (a broker re-delivers after a lost worker) finds the work claimed or done.

logger = logging.getLogger(__name__)

KEPT_UPLOADS = 3
# A check that has not moved for this long lost its worker: the next run takes it over.
STALE_CHECK_SECONDS = 10 * 60


def _progress_key(job_id: int) -> str:
    return f"providers:import:{job_id}:written"


def written_so_far(job) -> int | None:
    """Rows written by a running import. The import is one transaction, so its progress cannot
    be read from the database until it ends: it goes through the cache (shared with the
    workers in production), and a cache that fails only hides the figure."""
    try:
        return cache.get(_progress_key(job.pk))
    except Exception:  # the cache's errors vary by backend; a missing figure is harmless
        return None


def _note_written(job_id: int, count: int) -> None:
    try:
        cache.set(_progress_key(job_id), count, timeout=FILE_MAX_AGE_SECONDS)
    except Exception:
        logger.warning("Could not note the progress of import %s", job_id, exc_info=True)


def _job_path(job) -> Path:
    return imports_root() / job.stored_name


def provider_import_start(*, user, partner: Partner, upload, extension: str, encoding: str,
                          language: str):
    """Store the upload privately and queue its check. Returns the ProviderImport."""
    from providers.tasks import check_provider_import

    token = store_upload(upload, extension)
    job = ProviderImport.objects.create(
        uploaded_by=user, partner=partner, file_name=(upload.name or "")[:200],
        stored_name=f"{token}.{extension}", extension=extension, encoding=encoding,
        language=language)
    # A person keeps only their latest few imports; one being written is left alone.
    older = (ProviderImport.objects.filter(uploaded_by=user)
             .exclude(status=ProviderImport.Status.IMPORTING).order_by("-created_at", "-pk")
             .only("pk", "stored_name")[KEPT_UPLOADS:])
    for old in older:
        provider_import_discard(job=old)
    enqueue.after_commit(check_provider_import, job.pk)
    return job


def provider_import_discard(*, job) -> bool:
    """Forget an import and its file; not one being written. True when it was forgotten."""
    deleted, _kinds = (ProviderImport.objects.filter(pk=job.pk)
                       .exclude(status=ProviderImport.Status.IMPORTING).delete())
    if deleted:
        _job_path(job).unlink(missing_ok=True)
    return bool(deleted)


def provider_import_recheck(*, job, encoding: str | None = None) -> bool:
    """Check the import again: with the person's current mappings, from the rows already read;
    with another encoding, from the file. False when it is not waiting for review."""
    from providers.tasks import check_provider_import

    changes = {"status": ProviderImport.Status.UPLOADED, "error": "", "rows_done": 0,
               "updated_at": timezone.now()}
    if encoding is not None and encoding != job.encoding:
        changes.update(encoding=encoding, table={})
    updated = ProviderImport.objects.filter(
        pk=job.pk, status__in=[ProviderImport.Status.READY, ProviderImport.Status.FAILED]
    ).update(**changes)
    if updated:
        enqueue.after_commit(check_provider_import, job.pk)
    return bool(updated)


def provider_import_confirm(*, job) -> bool:
    """Queue the writing of an import whose every row is valid. False when it cannot be."""
    from providers.tasks import write_provider_import

    rows = job.analysis.get("rows") or []
    if not rows or any(action == "reject" for _line, action, *_rest in rows):
        return False
    updated = ProviderImport.objects.filter(pk=job.pk, status=ProviderImport.Status.READY).update(
        status=ProviderImport.Status.IMPORTING, error="", rows_done=0,
        updated_at=timezone.now())
    if updated:
        _note_written(job.pk, 0)
        enqueue.after_commit(write_provider_import, job.pk)
    return bool(updated)


def _claim_check(job_id: int) -> bool:
    now = timezone.now()
    working = {"status": ProviderImport.Status.CHECKING, "rows_done": 0, "error": "",
               "updated_at": now}
    if ProviderImport.objects.filter(pk=job_id, status=ProviderImport.Status.UPLOADED
                                     ).update(**working):
        return True
    stale = now - timedelta(seconds=STALE_CHECK_SECONDS)
    return bool(ProviderImport.objects.filter(pk=job_id, status=ProviderImport.Status.CHECKING,
                                              updated_at__lt=stale).update(**working))


class _Cancelled(Exception):
    """The import was discarded (or taken over) while it was being checked."""


def provider_import_check(*, job_id: int) -> str:
    """Read the file (once: the rows are kept) and check every row. Returns "ready",
    "failed", or "nothing" when the import is not waiting to be checked."""
    if not _claim_check(job_id):
        return "nothing"
    job = ProviderImport.objects.select_related("uploaded_by").get(pk=job_id)
    user = job.uploaded_by
    checking = ProviderImport.objects.filter(pk=job_id, status=ProviderImport.Status.CHECKING)

    def progress(done: int) -> None:
        if not checking.update(rows_done=done, updated_at=timezone.now()):
            raise _Cancelled

    with translation.override(user.language or settings.LANGUAGE_CODE):
        try:
            table = job.table
            if not table:
                path = _job_path(job)
                if not path.exists():
                    raise FileProblem(_("The file is no longer here (uploads are kept for a "
                                        "day): upload it again."))
                read, rows = read_file(path, job.extension, job.encoding)
                table = {"columns": read.columns, "notes": read.notes, "records": rows,
                         "encoding": read.encoding}
                if not checking.update(table=table, rows_total=len(rows),
                                       detected_encoding=read.encoding,
                                       updated_at=timezone.now()):
                    raise _Cancelled
            analysis = analyse(rows=table["records"], columns=table["columns"],
                               notes=table["notes"], file_name=job.file_name, user=user,
                               default_language=job.language, mapping=mappings_of(user),
                               progress=progress)
        except _Cancelled:
            return "nothing"
        except FileProblem as problem:
            checking.update(status=ProviderImport.Status.FAILED, error=str(problem),
                            updated_at=timezone.now(), finished_at=timezone.now())
            return "failed"
        except Exception:
            logger.exception("Import %s could not be checked", job_id)
            checking.update(status=ProviderImport.Status.FAILED,
                            error=_("The file could not be checked. Save it again as .xlsx "
                                    "or as CSV UTF-8 and upload it again."),
                            updated_at=timezone.now(), finished_at=timezone.now())
            return "failed"
    checking.update(status=ProviderImport.Status.READY, analysis=analysis.as_json(),
                    rows_done=len(analysis.rows), updated_at=timezone.now())
    return "ready"


def _may_import_for(user, partner_id: int) -> bool:
    """Still allowed to import, for the partner chosen at upload (memberships change)."""
    from netw.forms import partners_for_new_records

    return (user.is_active and user.has_perm("providers.import_providers")
            and partners_for_new_records(user).filter(pk=partner_id).exists())


def provider_imports_requeue_stranded() -> int:
    """Queue again the imports whose task was lost: a broker that was down when the file was
    uploaded or confirmed, a worker that died. A run that finds the import claimed or done does
    nothing, so queuing one that is alive costs a look at its row."""
    now = timezone.now()
    stranded = ProviderImport.objects.filter(
        Q(status=ProviderImport.Status.UPLOADED, updated_at__lt=now - timedelta(minutes=2))
        | Q(status=ProviderImport.Status.CHECKING,
            updated_at__lt=now - timedelta(seconds=STALE_CHECK_SECONDS))
        | Q(status=ProviderImport.Status.IMPORTING,
            updated_at__lt=now - timedelta(seconds=STALE_CHECK_SECONDS)))
    from providers.tasks import check_provider_import, write_provider_import

    count = 0
    for pk, status in stranded.values_list("pk", "status"):
        task = (write_provider_import if status == ProviderImport.Status.IMPORTING
                else check_provider_import)
        enqueue.after_commit(task, pk)
        count += 1
    return count


def provider_import_write(*, job_id: int) -> str:
    """Write a confirmed import, all of it or nothing. Returns "done", "refused" (a row became
    invalid since the preview: the import waits for review again, with the new preview),
    "failed", or "nothing" when it is not waiting to be written.

    The import's row stays locked by the transaction that writes the providers and marks it
    done: a second run waits for that transaction (or, on PostgreSQL, skips a locked row) and
    then finds it done, so a file is never imported twice.
    """
    with transaction.atomic():
        job = (ProviderImport.objects.select_for_update(skip_locked=True)
               .select_related("uploaded_by", "partner").filter(pk=job_id).first())
        if job is None or job.status != ProviderImport.Status.IMPORTING:
            return "nothing"
        user = job.uploaded_by
        table = job.table
        arguments = {"rows": table.get("records", []), "columns": table.get("columns", []),
                     "file_name": job.file_name, "user": user,
                     "default_language": job.language, "mapping": mappings_of(user)}
        with translation.override(user.language or settings.LANGUAGE_CODE):
            if not _may_import_for(user, job.partner_id):
                job.status = ProviderImport.Status.FAILED
                job.error = _("You may no longer import providers for %(partner)s: nothing "
                              "was imported.") % {"partner": job.partner.short_name}
            else:
                try:
                    with transaction.atomic():
                        result = providers_import(
                            partner=job.partner, **arguments,
                            progress=lambda done: _note_written(job_id, done))
                except (ImportRefused, FileProblem) as refused:
                    analysis = analyse(notes=table.get("notes", []), **arguments)
                    job.status = ProviderImport.Status.READY
                    job.error = str(refused)
                    job.analysis = analysis.as_json()
                else:
                    job.status = ProviderImport.Status.DONE
                    job.created_count, job.updated_count = result.created, result.updated
                    job.rows_done = result.created + result.updated
                    # The rows are in the registry now; the file and its copy go.
                    job.table = {}
                    job.analysis = {**job.analysis, "rows": []}
                    path = _job_path(job)
                    transaction.on_commit(lambda: path.unlink(missing_ok=True))
        job.updated_at = job.finished_at = timezone.now()
        job.save()
    return {ProviderImport.Status.DONE: "done", ProviderImport.Status.READY: "refused"}.get(
        job.status, "failed")
