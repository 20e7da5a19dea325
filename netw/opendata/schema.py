"""A serializer's fields as Table Schema fields, and its output as CSV cells.

The API's serializers hold the public field set of each record once; this module reads them so
that the CSV files, their Table Schemas and the data page follow whatever the API shows.

How values become CSV cells (the data page and the package's README say the same):

- codes, never labels: countries as ISO 3166-1 alpha-2, regions as ISO 3166-2, languages as BCP 47
  tags, vocabulary codes (with an ``enum`` constraint listing the vocabulary);
- a list of codes or ids is one cell, its items joined by ``|`` (:data:`LIST_DELIMITER`), with a
  ``pattern`` constraint when the items come from a vocabulary;
- a nested object becomes one column per part, named ``parent.part``;
- a list of objects is one cell holding a JSON array (Table Schema type ``array``);
- an empty cell is a missing value; booleans are ``true``/``false``; dates and times ISO 8601.
"""

from __future__ import annotations

import json
import re
import typing
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from rest_framework import serializers

LIST_DELIMITER = "|"


@dataclass(frozen=True)
class Column:
    """One CSV column: where its value is in the serializer's output, and its Table Schema."""

    name: str
    path: tuple[str, ...]
    descriptor: dict
    kind: str = "scalar"  # "scalar", "list" (joined by LIST_DELIMITER) or "json"
    related_model: type | None = None  # the model a foreign key column points at
    related_field: str = "id"
    item_codes: tuple[str, ...] = ()  # a list column's vocabulary (its pattern is built from it)

    def cell(self, data: dict) -> str:
        value = data
        for key in self.path:
            if value is None:
                break
            value = value.get(key)
        return to_cell(value, self.kind)


@dataclass
class TableSchema:
    columns: list[Column] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [column.name for column in self.columns]

    def row(self, data: dict) -> list[str]:
        return [column.cell(data) for column in self.columns]

    def descriptor(self, *, foreign_keys: list[dict]) -> dict:
        schema: dict = {"fields": [column.descriptor for column in self.columns],
                        "missingValues": [""]}
        if "id" in self.names:
            schema["primaryKey"] = ["id"]
        if foreign_keys:
            schema["foreignKeys"] = foreign_keys
        return schema


def to_cell(value, kind: str = "scalar") -> str:
    if value is None:
        return ""
    if kind == "json" or isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    if isinstance(value, list | tuple):
        return LIST_DELIMITER.join(to_cell(item) for item in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float | Decimal):
        return format(value, "f") if isinstance(value, Decimal) else repr(value)
    return str(value)


def table_schema(serializer_class: type[serializers.BaseSerializer]) -> TableSchema:
    """The columns of ``serializer_class``'s output, in its field order."""
    return TableSchema(list(_columns(serializer_class(), prefix=(), model=_model_of(
        serializer_class))))


def _model_of(serializer) -> type | None:
    meta = getattr(serializer, "Meta", None)
    return getattr(meta, "model", None)


def _columns(serializer: serializers.Serializer, *, prefix: tuple[str, ...],
             model) -> Iterable[Column]:
    for name, serializer_field in serializer.fields.items():
        if serializer_field.write_only:
            continue
        path = (*prefix, name)
        if isinstance(serializer_field, serializers.Serializer):
            # A nested object: one column per part (its own id becomes a foreign key column).
            yield from _columns(serializer_field, prefix=path,
                                model=_model_of(serializer_field))
            continue
        yield _column(serializer_field, path, model)


def _base_descriptor(serializer_field, name: str) -> dict:
    descriptor = {"name": name}
    if serializer_field.label:
        descriptor["title"] = str(serializer_field.label)
    if serializer_field.help_text:
        descriptor["description"] = str(serializer_field.help_text)
    return descriptor


def _related_model(serializer_field, model):
    queryset = getattr(serializer_field, "queryset", None)
    if queryset is not None:
        return queryset.model
    if model is None or not serializer_field.source or "." in serializer_field.source:
        return None
    try:
        return model._meta.get_field(serializer_field.source).related_model
    except Exception:  # a property or an annotation: not a relation the model describes
        return None


def _column(serializer_field, path: tuple[str, ...], model) -> Column:
    name = ".".join(path)
    descriptor = _base_descriptor(serializer_field, name)
    if path[-1] == "id" and len(path) == 1:
        descriptor["constraints"] = {"required": True, "unique": True}

    annotated = _openapi_annotation(serializer_field)
    if annotated is not None and annotated.get("type") == "array":
        descriptor["type"] = "string"
        item_pattern = _pattern(annotated.get("items", {}))
        if item_pattern:
            descriptor["constraints"] = {"pattern": _list_pattern(item_pattern)}
        return Column(name, path, descriptor, kind="list")

    # Lists: of related ids, of choices, of plain values; or of objects (a JSON array).
    child = None
    if isinstance(serializer_field, serializers.ManyRelatedField):
        child = serializer_field.child_relation
    elif isinstance(serializer_field, serializers.ListField):
        child = serializer_field.child
    elif isinstance(serializer_field, serializers.MultipleChoiceField):
        child = serializers.ChoiceField(choices=serializer_field.choices)
    elif isinstance(serializer_field, serializers.ListSerializer):
        if isinstance(serializer_field.child, serializers.Serializer):
            return Column(name, path, {**descriptor, "type": "array"}, kind="json")
        child = serializer_field.child
    elif isinstance(serializer_field, serializers.SerializerMethodField):
        hint = _method_return_hint(serializer_field)
        if typing.get_origin(hint) in (list, tuple):
            return Column(name, path, {**descriptor, "type": "string"}, kind="list")
    if child is not None:
        item = _scalar(child)
        descriptor["type"] = "string"
        enum = item.get("constraints", {}).get("enum")
        item_pattern = ("|".join(re.escape(str(code)) for code in enum) if enum
                        else item.get("constraints", {}).get("pattern"))
        if item.get("type") == "integer":
            item_pattern = "[0-9]+"
        if item_pattern:
            descriptor["constraints"] = {"pattern": _list_pattern(item_pattern)}
        return Column(name, path, descriptor, kind="list", item_codes=tuple(enum or ()))

    related = None
    related_field = "id"
    if isinstance(serializer_field, serializers.PrimaryKeyRelatedField):
        related = _related_model(serializer_field, model)
    elif isinstance(serializer_field, serializers.SlugRelatedField):
        related = _related_model(serializer_field, model)
        related_field = serializer_field.slug_field
    elif path[-1] == "id" and len(path) > 1:
        related = model  # a nested object's id: the model of the nested serializer
    scalar = _scalar(serializer_field)
    constraints = {**scalar.pop("constraints", {}), **descriptor.pop("constraints", {})}
    descriptor.update(scalar)
    if constraints:
        descriptor["constraints"] = constraints
    return Column(name, path, descriptor, related_model=related, related_field=related_field)


def _method_return_hint(serializer_field):
    parent = serializer_field.parent
    method = getattr(parent, serializer_field.method_name, None)
    if method is None:
        return None
    try:
        return typing.get_type_hints(method).get("return")
    except Exception:  # an annotation that does not resolve: treat the value as text
        return None


def _list_pattern(item: str) -> str:
    """Items matching ``item`` joined by the delimiter (Table Schema patterns match the whole
    cell)."""
    return f"(?:{item})(?:{re.escape(LIST_DELIMITER)}(?:{item}))*"


def _pattern(openapi: dict) -> str | None:
    pattern = openapi.get("pattern")
    if pattern:
        # OpenAPI patterns carry their anchors; Table Schema patterns match the whole value.
        return pattern.removeprefix("^").removesuffix("$")
    if openapi.get("enum"):
        return "|".join(re.escape(str(code)) for code in openapi["enum"] if code)
    return None


def _openapi_annotation(serializer_field) -> dict | None:
    """The OpenAPI schema a custom field declares with drf-spectacular's
    ``extend_schema_field`` (the API's own fields: codes, coordinates, links)."""
    from drf_spectacular.drainage import get_override
    from drf_spectacular.plumbing import build_basic_type

    if isinstance(serializer_field, serializers.SerializerMethodField):
        method = getattr(serializer_field.parent, serializer_field.method_name, None)
        annotation = get_override(method, "field") if method is not None else None
    else:
        annotation = get_override(type(serializer_field), "field")
    if annotation is None or isinstance(annotation, dict):
        return annotation
    try:
        return build_basic_type(annotation)
    except Exception:  # a serializer class or an unknown type: described as text
        return None


_OPENAPI_TYPES = {"integer": "integer", "number": "number", "boolean": "boolean",
                  "object": "object", "string": "string"}
_OPENAPI_FORMATS = {"date": ("date", None), "date-time": ("datetime", None),
                    "uri": ("string", "uri"), "email": ("string", "email")}


def _from_openapi(openapi: dict) -> dict:
    table_type = _OPENAPI_TYPES.get(openapi.get("type", "string"), "string")
    descriptor: dict = {"type": table_type}
    if openapi.get("format") in _OPENAPI_FORMATS:
        table_type, table_format = _OPENAPI_FORMATS[openapi["format"]]
        descriptor["type"] = table_type
        if table_format:
            descriptor["format"] = table_format
    constraints = {}
    if openapi.get("enum"):
        constraints["enum"] = [str(code) for code in openapi["enum"] if code not in ("", None)]
    elif openapi.get("pattern") and table_type == "string":
        constraints["pattern"] = _pattern(openapi)
    if constraints:
        descriptor["constraints"] = constraints
    return descriptor


def _scalar(serializer_field) -> dict:
    """Type, format and constraints of one value."""
    s = serializers
    annotated = _openapi_annotation(serializer_field)
    if annotated is not None:
        return _from_openapi(annotated)
    if isinstance(serializer_field, s.BooleanField):
        return {"type": "boolean"}
    if isinstance(serializer_field, s.IntegerField):
        constraints = {}
        if serializer_field.min_value is not None:
            constraints["minimum"] = serializer_field.min_value
        if serializer_field.max_value is not None:
            constraints["maximum"] = serializer_field.max_value
        return {"type": "integer", **({"constraints": constraints} if constraints else {})}
    if isinstance(serializer_field, s.FloatField | s.DecimalField):
        return {"type": "number"}
    if isinstance(serializer_field, s.DateTimeField):
        return {"type": "datetime"}
    if isinstance(serializer_field, s.DateField):
        return {"type": "date"}
    if isinstance(serializer_field, s.ChoiceField):
        codes = [str(code) for code in serializer_field.choices if code not in ("", None)]
        return {"type": "string", "constraints": {"enum": codes}} if codes else {
            "type": "string"}
    if isinstance(serializer_field, s.URLField | s.HyperlinkedIdentityField
                  | s.HyperlinkedRelatedField):
        return {"type": "string", "format": "uri"}
    if isinstance(serializer_field, s.EmailField):
        return {"type": "string", "format": "email"}
    if isinstance(serializer_field, s.JSONField | s.DictField):
        return {"type": "object"}
    if isinstance(serializer_field, s.PrimaryKeyRelatedField):
        return {"type": "integer"}
    if isinstance(serializer_field, s.SerializerMethodField):
        hint = _method_return_hint(serializer_field)
        for python_type, table_type in ((bool, "boolean"), (int, "integer"),
                                        (float, "number")):
            if hint is python_type or hint == python_type | None:
                return {"type": table_type}
    return {"type": "string"}
