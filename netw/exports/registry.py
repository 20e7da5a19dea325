"""What can be exported: lists (CSV, XLSX) and printable reports (PDF), registered by the apps.

An app declares its lists in ``<app>/exports.py`` (found on first use, in the web process and in
the worker alike)::

    from netw.exports.registry import Column, ExportList, register

    register(ExportList(
        name="providers",
        label=_("Providers"),
        # Only the rows the person may see, narrowed by the list page's own filters.
        queryset=lambda user, filters: ProviderFilter(filters,
                     queryset=Provider.objects.visible_to(user)).qs,
        columns=[
            Column(_("Name"), "name"),
            Column(_("Country"), "country", lambda code: countries.name(code)),
            Column(_("Partner"), "owner_partner__short_name"),
        ],
    ))

Columns name fields (``values_list`` paths), so the export reads plain tuples, never model
instances: memory stays flat and the row count only costs time. A column over a many-to-many
relation (``many=True``, e.g. ``"sectors__code"``) gets the list of its values per row, read in
the main query on PostgreSQL (``ARRAY_AGG``), with one query per chunk of rows elsewhere. A
converter of labels (``choice_label``, ``country_name``, ``yes_no``, or a function marked with
``@labels``) resolves its labels once per export, not once per cell. The filters are the list page's
query string as a dict of lists (``QueryDict.lists()``), exactly what a django-filter FilterSet
takes. ``can_export`` is checked when the export is asked for, when it completes and at download.

A list filtered like its page names that page's FilterSet (``filterset``: the bound FilterSet
for a person and filters; its ``qs`` is usually the list's queryset too): "My exports" then says
what the file holds in the page's own words ("Country: North Macedonia"), and the file is named
after it (``net-works-providers-north-macedonia-2026-12-01.csv``), not ``country=MK``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.db import connections
from django.db.models import Model, OuterRef, QuerySet, Subquery
from django.http import QueryDict
from django.utils.functional import Promise
from django.utils.translation import gettext

from netw import roles
from netw.discovery import app_modules

Filters = dict[str, list[str]]


def member_or_coordinator(user) -> bool:
    return bool(roles.is_partner_member(user) or roles.is_coordinator(user))


@dataclass(frozen=True)
class Column:
    header: str | Promise
    path: str  # a values_list() path: "name", "owner_partner__short_name"
    convert: Callable[[Any], Any] | None = None
    many: bool = False  # a to-many path: the row gets the list of values (convert gets the list)


def many_values(model, path: str) -> Subquery:
    """The values of a to-many ``path`` ("sectors__code") of each ``model`` row as a list, read in
    the row's own query (PostgreSQL's ``ARRAY_AGG``): ordered by the value, as the per-chunk
    lookup orders them, without the rows that have none (a row without any gets ``None``).

    A correlated subquery rather than an aggregate over the outer query's joins: two to-many
    columns would multiply each other's values, and the list's own counts, otherwise."""
    from django.contrib.postgres.aggregates import ArrayAgg

    values = (model._base_manager.filter(pk=OuterRef("pk"), **{f"{path}__isnull": False})
              .order_by().values("pk").annotate(_values=ArrayAgg(path, order_by=path))
              .values("_values"))
    return Subquery(values)


def prepared(convert: Callable[[Any], Any] | None) -> Callable[[Any], Any] | None:
    """The converter to use for one export. A converter of labels (``choice_label``,
    ``country_name``, ``yes_no``, or any marked with ``@labels``) resolves them here, once, in
    the active language, instead of translating each cell."""
    if convert is None:
        return None
    prepare = getattr(convert, "prepare", None)
    return prepare() if prepare is not None else convert


def export_rows(queryset: QuerySet, columns: list[Column], chunk_size: int = 2000
                ) -> Iterator[tuple]:
    """The queryset's rows as tuples of the columns' values, streamed from the database in
    chunks (a server-side cursor on PostgreSQL). Labels are resolved when this is called, in
    the active language. To-many columns are read in the same query on PostgreSQL
    (``many_values``); elsewhere with one query per chunk of rows."""
    converters = [prepared(c.convert) for c in columns]
    if not any(c.many for c in columns):
        return _plain_rows(queryset.values_list(*[c.path for c in columns]), converters,
                           chunk_size)
    if connections[queryset.db].vendor == "postgresql":
        names = {i: f"_export_many_{i}" for i, c in enumerate(columns) if c.many}
        queryset = queryset.annotate(**{name: many_values(queryset.model, columns[i].path)
                                        for i, name in names.items()})
        for i in names:  # a row without any values reads None: an empty list
            convert = converters[i]
            converters[i] = ((lambda v, convert=convert: convert(v or [])) if convert
                             else (lambda v: v or []))
        values = queryset.values_list(*[names.get(i, c.path) for i, c in enumerate(columns)])
        return _plain_rows(values, converters, chunk_size)
    return _batched_rows(queryset, columns, converters, chunk_size)


def _plain_rows(values: QuerySet, converters: list, chunk_size: int) -> Iterator[tuple]:
    converting = [(i, f) for i, f in enumerate(converters) if f is not None]
    if not converting:
        yield from values.iterator(chunk_size=chunk_size)
        return
    for row in values.iterator(chunk_size=chunk_size):
        row = list(row)
        for i, f in converting:
            row[i] = f(row[i])
        yield tuple(row)


def _batched_rows(queryset: QuerySet, columns: list[Column], converters: list, chunk_size: int
                  ) -> Iterator[tuple]:
    """SQLite's way: the plain columns in the main query, each to-many column with one query
    per chunk of rows."""
    plain = [c for c in columns if not c.many]
    manager = queryset.model._base_manager
    chunk: list[tuple] = []

    def flush() -> Iterator[tuple]:
        pks = [row[0] for row in chunk]
        many_values: dict[str, dict[Any, list]] = {}
        for column in columns:
            if column.many:
                found: dict[Any, list] = {pk: [] for pk in pks}
                pairs = (manager.filter(pk__in=pks).order_by("pk", column.path)
                         .values_list("pk", column.path))
                for pk, value in pairs:
                    if value is not None:  # a row without any: one (pk, None) pair
                        found[pk].append(value)
                many_values[column.path] = found
        for row in chunk:
            plain_values = iter(row[1:])
            values = [many_values[c.path][row[0]] if c.many else next(plain_values)
                      for c in columns]
            yield tuple(f(v) if f else v for f, v in zip(converters, values, strict=True))

    for row in queryset.values_list("pk", *[c.path for c in plain]).iterator(
            chunk_size=chunk_size):
        chunk.append(row)
        if len(chunk) == chunk_size:
            yield from flush()
            chunk = []
    if chunk:
        yield from flush()


# --- Converters the apps' columns share --------------------------------------------------------
# Each returns text in the active language. Called on a single value they translate it then;
# an export calls their ``prepare()`` first (``prepared``), which resolves the labels once.

# Past this many different values a converter of labels stops remembering new ones (memory
# stays flat whatever the column holds).
_LABELS_KEPT = 10_000


def labels(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Mark ``convert`` as a converter of labels: a function of a value from a small set (a
    code, a country, a language) in the active language, so an export works each value out
    once and reuses it (``prepared``)."""

    def prepare() -> Callable[[Any], Any]:
        known: dict = {}

        def convert_once(value):
            try:
                return known[value]
            except KeyError:
                label = convert(value)
                if len(known) < _LABELS_KEPT:
                    known[value] = label
                return label
            except TypeError:  # not hashable (a list)
                return convert(value)

        return convert_once

    convert.prepare = prepare
    return convert


def query_dict(filters: Filters | None) -> QueryDict:
    """The filters (a dict of lists) as the QueryDict a list page's FilterSet reads."""
    data = QueryDict(mutable=True)
    for key, values in (filters or {}).items():
        data.setlist(key, values)
    return data


class choice_label:  # noqa: N801 - used like the function it was
    """A code shown by its label ("national" → "National")."""

    def __init__(self, choices):
        self.labels = dict(choices)

    def __call__(self, value) -> str:
        return str(self.labels.get(value, value or ""))

    def prepare(self) -> Callable[[Any], str]:
        labels = {code: str(label) for code, label in self.labels.items()}
        get = labels.get
        return lambda value: get(value) or str(labels.get(value, value or ""))


class choice_labels:  # noqa: N801
    """For a to-many column of codes: their labels, in the vocabulary's order."""

    def __init__(self, choices):
        choices = list(choices)
        self.labels = dict(choices)
        self.order = {code: position for position, (code, _label) in enumerate(choices)}

    def __call__(self, codes: list) -> list[str]:
        return self.prepare()(codes)

    def prepare(self) -> Callable[[list], list[str]]:
        labels = {code: str(label) for code, label in self.labels.items()}
        order, last = self.order, len(self.order)
        return lambda codes: [labels[code] if code in labels else str(code)
                              for code in sorted(codes, key=lambda c: order.get(c, last))]


@labels
def country_name(code) -> str:
    """A country code shown by its name in the asker's language; empty for none."""
    from django_countries import countries

    return str(countries.name(code)) if code else ""


def yes_no(value) -> str:
    """A yes/no column; empty when the answer is not known (``None``)."""
    if value is None:
        return ""
    return gettext("yes") if value else gettext("no")


def _yes_no_prepared() -> Callable[[Any], str]:
    yes, no = gettext("yes"), gettext("no")
    return lambda value: "" if value is None else (yes if value else no)


yes_no.prepare = _yes_no_prepared


def default_columns(model) -> list[Column]:
    """Every plain field of ``model``, with its verbose name as the header; choices and countries
    shown by name; the owner partner by its short name. Other relations are left out (they would
    be ids). A start for an app's list before it chooses its columns."""
    from django_countries.fields import CountryField

    columns = []
    for f in model._meta.concrete_fields:
        header = str(f.verbose_name).capitalize()
        if f.is_relation:
            if f.name == "owner_partner":
                columns.append(Column(header, "owner_partner__short_name"))
            continue
        if isinstance(f, CountryField):
            columns.append(Column(header, f.name, country_name))
        elif f.choices:
            columns.append(Column(header, f.name, _field_label(f.flatchoices)))
        else:
            columns.append(Column(header, f.name))
    return columns


def _field_label(flatchoices):
    choices = dict(flatchoices)

    @labels
    def label(value):
        return str(choices[value]) if value in choices else value

    return label


@dataclass(frozen=True)
class ExportList:
    name: str
    label: str | Promise
    queryset: Callable[[Any, Filters], QuerySet]
    columns: list[Column]
    formats: tuple[str, ...] = ("csv", "xlsx")
    can_export: Callable[[Any], bool] = member_or_coordinator
    chunk_size: int = 2000
    # The list page's FilterSet, bound for (user, filters): names the filters (describe_filters).
    filterset: Callable[[Any, Filters], Any] | None = None

    is_report = False

    def headers(self) -> list[str]:
        return [str(c.header) for c in self.columns]

    def count(self, user, filters: Filters) -> int:
        return self.queryset(user, filters).order_by().count()

    def rows(self, user, filters: Filters) -> Iterator[tuple]:
        """The rows as tuples, streamed from the database in chunks (``export_rows``)."""
        yield from export_rows(self.queryset(user, filters), self.columns, self.chunk_size)


# One table of a report as a spreadsheet sheet: (title, headers, rows).
Sheet = tuple[str, list[str], list[tuple]]


@dataclass(frozen=True)
class Report:
    """A document meant to be read (PDF): a template rendered with a context built for the user.

    A report that also offers "xlsx" in ``formats`` gives ``tables(user, filters)``: its tables
    as sheets ``(title, headers, rows)``, written one sheet per table (the same numbers as the
    PDF, for people who work on them)."""

    name: str
    label: str | Promise
    template: str
    context: Callable[[Any, Filters], dict]
    formats: tuple[str, ...] = ("pdf",)
    can_export: Callable[[Any], bool] = member_or_coordinator
    description: str | Promise = ""
    extra: dict = field(default_factory=dict)
    # The report's parameters (e.g. its period): an object with a ``form`` bound to the
    # filters, like a FilterSet; "My exports" shows its fields next to the report's buttons.
    filterset: Callable[[Any, Filters], Any] | None = None
    tables: Callable[[Any, Filters], list[Sheet]] | None = None

    is_report = True


@dataclass(frozen=True)
class Archive:
    """A file put together by its own writer (the evidence pack of a deliverable: a ZIP of
    records' files). ``write(path, user, filters, progress)`` writes the file at ``path`` and
    returns how many entries it holds; it calls ``progress(done, total)`` now and then, which
    records the progress and the heartbeat (and stops a run that was taken over)."""

    name: str
    label: str | Promise
    write: Callable[..., int]
    formats: tuple[str, ...] = ("zip",)
    can_export: Callable[[Any], bool] = member_or_coordinator
    filterset: Callable[[Any, Filters], Any] | None = None

    is_report = False


# --- Saying what a file holds ------------------------------------------------------------------


def _flat_choices(choices) -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, label in choices:
        if isinstance(label, (list, tuple)):  # an optgroup
            flat.update(_flat_choices(label))
        else:
            flat[str(key)] = str(label)
    return flat


def _shown(field: forms.Field | None, value: Any, raw: list[str]) -> str:
    """A filter's value as the page's form would show it: a choice by its label, a record by its
    name, a yes/no by the word; otherwise as typed."""
    if isinstance(value, Model):
        return str(value)
    if isinstance(value, QuerySet) or (isinstance(value, (list, tuple))
                                       and value and isinstance(value[0], Model)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    choices = getattr(field, "choices", None)
    if choices is not None and not isinstance(field, forms.ModelChoiceField):
        labels = _flat_choices(choices)
        return ", ".join(labels.get(v, v) for v in raw)
    return ", ".join(raw)


def describe_filters(entry: ExportList | Report | Archive, user, filters: Filters
                     ) -> list[tuple[str, str]]:
    """``[(label, value), …]`` for the filters of an export, in the list page's words (its
    FilterSet's labels and choices) and the active language. Without a FilterSet, or for a
    parameter it does not know, the parameter's name stands in for the label."""
    if not filters:
        return []
    fields: dict[str, forms.Field] = {}
    cleaned: dict[str, Any] = {}
    if entry.filterset is not None:
        form = entry.filterset(user, filters).form
        fields = form.fields
        cleaned = form.cleaned_data if form.is_valid() else {}
    described = []
    for key, raw in filters.items():
        field = fields.get(key)
        if field is None and "_" in key:  # a range's half ("date_after") belongs to "date"
            field = fields.get(key.rsplit("_", 1)[0])
        label = str(field.label) if field is not None and field.label else \
            key.replace("_", " ").capitalize()
        described.append((label, _shown(field, cleaned.get(key), raw)))
    return described


_REGISTRY: dict[str, ExportList | Report | Archive] = {}
_discovered = False


def register(entry: ExportList | Report | Archive) -> ExportList | Report | Archive:
    """Add (or replace, on re-import) a list or report."""
    _REGISTRY[entry.name] = entry
    return entry


def _discover() -> None:
    global _discovered
    if not _discovered:
        _discovered = True
        import netw.exports.lists  # noqa: F401 - the core's own lists and reports

        app_modules("exports")  # each app's <app>/exports.py registers its own on import


def get(name: str) -> ExportList | Report | Archive | None:
    _discover()
    return _REGISTRY.get(name)


def reports() -> list[Report]:
    _discover()
    return [e for e in _REGISTRY.values() if isinstance(e, Report)]
