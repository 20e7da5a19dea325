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
relation (``many=True``, e.g. ``"sectors__code"``) gets the list of its values per row, read with
one query per chunk of rows. The filters are the list page's
query string as a dict of lists (``QueryDict.lists()``), exactly what a django-filter FilterSet
takes. ``can_export`` is checked when the export is asked for, when it completes and at download.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.utils.functional import Promise

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


def export_rows(queryset: QuerySet, columns: list[Column], chunk_size: int = 2000
                ) -> Iterator[tuple]:
    """The queryset's rows as tuples of the columns' values, streamed from the database in
    chunks (a server-side cursor on PostgreSQL); to-many columns cost one query per chunk."""
    plain = [c for c in columns if not c.many]
    converters = [c.convert for c in columns]
    if len(plain) == len(columns):
        values = queryset.values_list(*[c.path for c in columns])
        if not any(converters):
            yield from values.iterator(chunk_size=chunk_size)
            return
        for row in values.iterator(chunk_size=chunk_size):
            yield tuple(f(v) if f else v for f, v in zip(converters, row, strict=True))
        return
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


def default_columns(model) -> list[Column]:
    """Every plain field of ``model``, with its verbose name as the header; choices and countries
    shown by name; the owner partner by its short name. Other relations are left out (they would
    be ids). A start for an app's list before it chooses its columns."""
    from django_countries import countries
    from django_countries.fields import CountryField

    columns = []
    for f in model._meta.concrete_fields:
        header = str(f.verbose_name).capitalize()
        if f.is_relation:
            if f.name == "owner_partner":
                columns.append(Column(header, "owner_partner__short_name"))
            continue
        if isinstance(f, CountryField):
            columns.append(Column(header, f.name,
                                  lambda code: str(countries.name(code)) if code else ""))
        elif f.choices:
            labels = {k: str(v) for k, v in f.flatchoices}
            columns.append(Column(header, f.name, lambda v, labels=labels: labels.get(v, v)))
        else:
            columns.append(Column(header, f.name))
    return columns


@dataclass(frozen=True)
class ExportList:
    name: str
    label: str | Promise
    queryset: Callable[[Any, Filters], QuerySet]
    columns: list[Column]
    formats: tuple[str, ...] = ("csv", "xlsx")
    can_export: Callable[[Any], bool] = member_or_coordinator
    chunk_size: int = 2000

    is_report = False

    def headers(self) -> list[str]:
        return [str(c.header) for c in self.columns]

    def count(self, user, filters: Filters) -> int:
        return self.queryset(user, filters).order_by().count()

    def rows(self, user, filters: Filters) -> Iterator[tuple]:
        """The rows as tuples, streamed from the database in chunks (``export_rows``)."""
        yield from export_rows(self.queryset(user, filters), self.columns, self.chunk_size)


@dataclass(frozen=True)
class Report:
    """A document meant to be read (PDF): a template rendered with a context built for the user."""

    name: str
    label: str | Promise
    template: str
    context: Callable[[Any, Filters], dict]
    formats: tuple[str, ...] = ("pdf",)
    can_export: Callable[[Any], bool] = member_or_coordinator
    description: str | Promise = ""
    extra: dict = field(default_factory=dict)

    is_report = True


_REGISTRY: dict[str, ExportList | Report] = {}
_discovered = False


def register(entry: ExportList | Report) -> ExportList | Report:
    """Add (or replace, on re-import) a list or report."""
    _REGISTRY[entry.name] = entry
    return entry


def _discover() -> None:
    global _discovered
    if not _discovered:
        _discovered = True
        import netw.exports.lists  # noqa: F401 - the core's own lists and reports

        app_modules("exports")  # each app's <app>/exports.py registers its own on import


def get(name: str) -> ExportList | Report | None:
    _discover()
    return _REGISTRY.get(name)


def reports() -> list[Report]:
    _discover()
    return [e for e in _REGISTRY.values() if isinstance(e, Report)]
