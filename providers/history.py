"""A record's history as people read it: who changed what and when, field by field.

django-simple-history keeps a full copy of the record at each save (and, for providers, of its
sectors, target groups and networks). :func:`history_entries` compares each copy with the one
before it. It reads a fixed number of queries whatever the length of the history: the copies, one
query per many-to-many field, and the names of the partners and networks they point at.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db import models
from django.utils.text import capfirst
from django.utils.translation import pgettext_lazy
from django_countries import countries

from providers.models import Network, Partner, Provider

# Bookkeeping the reader does not need to see as a change.
HIDDEN_FIELDS = {"id", "created_at", "created_by", "updated_by", "deleted_by"}


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class Entry:
    when: datetime
    who: object  # the user, or None when made by a script or the import of a deleted user
    action: str  # "created", "changed", "deleted", "restored" or "deleted for good"
    changes: list[Change] = field(default_factory=list)
    reason: str = ""  # e.g. "import of providers.xlsx"

    @property
    def summary(self) -> str:
        """The entry as one sentence ("Changed by Ana Silva"), whole for the translators."""
        if self.who is None:
            return str(_SUMMARIES_BY_SYSTEM[self.action])
        return str(_SUMMARIES[self.action]) % {"who": self.who}


_SUMMARIES = {
    "created": pgettext_lazy("record history", "Created by %(who)s"),
    "changed": pgettext_lazy("record history", "Changed by %(who)s"),
    "deleted": pgettext_lazy("record history", "Deleted by %(who)s"),
    "restored": pgettext_lazy("record history", "Restored by %(who)s"),
    "deleted for good": pgettext_lazy("record history", "Deleted for good by %(who)s"),
}
_SUMMARIES_BY_SYSTEM = {
    "created": pgettext_lazy("record history", "Created by the system"),
    "changed": pgettext_lazy("record history", "Changed by the system"),
    "deleted": pgettext_lazy("record history", "Deleted by the system"),
    "restored": pgettext_lazy("record history", "Restored by the system"),
    "deleted for good": pgettext_lazy("record history", "Deleted for good by the system"),
}


def _m2m_values(record, history_ids: list[int]) -> dict[str, dict[int, list[str]]]:
    """For each many-to-many field of a provider: history id → the names it held then."""
    found: dict[str, dict[int, list[str]]] = {}
    if not isinstance(record, Provider):
        return found
    historical = type(record).history.model
    for name, target in [("sectors", "sector__code"), ("target_groups", "targetgroup__code"),
                         ("networks", "network_id")]:
        m2m_model = getattr(historical, name).model
        values: dict[int, list] = defaultdict(list)
        for history_id, value in m2m_model.objects.filter(history_id__in=history_ids).values_list(
            "history_id", target
        ):
            values[history_id].append(value)
        found[name] = values
    return found


class _Names:
    """Display values of field values, looked up in bulk."""

    def __init__(self, record, versions, m2m):
        model = type(record)
        partner_ids = {v.owner_partner_id for v in versions}
        if hasattr(model, "representing_partner"):
            partner_ids |= {v.representing_partner_id for v in versions}
        self.partners = {p.pk: str(p)
                         for p in Partner.objects.filter(pk__in=partner_ids - {None})}
        network_ids = {n for values in m2m.get("networks", {}).values() for n in values}
        self.networks = dict(
            Network.all_objects.filter(pk__in=network_ids).values_list("pk", "name"))
        self.sector_labels = dict(model._meta.get_field("sectors").related_model._meta.get_field(
            "code").choices) if isinstance(record, Provider) else {}
        self.group_labels = dict(model._meta.get_field(
            "target_groups").related_model._meta.get_field("code").choices
        ) if isinstance(record, Provider) else {}

    def scalar(self, model_field: models.Field, value) -> str:
        if value in (None, ""):
            return ""
        if model_field.name in ("owner_partner", "representing_partner"):
            return self.partners.get(value, f"#{value}")
        if model_field.name == "country":
            return str(countries.name(value)) or str(value)
        if model_field.choices:
            return str(dict(model_field.flatchoices).get(value, value))
        if isinstance(value, datetime):
            return value.strftime("%Y-%m-%d %H:%M")
        return str(value)

    def many(self, name: str, values: list) -> str:
        if name == "networks":
            labels = [self.networks.get(v, f"#{v}") for v in values]
        elif name == "sectors":
            labels = [str(self.sector_labels.get(v, v)) for v in values]
        else:
            labels = [str(self.group_labels.get(v, v)) for v in values]
        return ", ".join(sorted(labels))


def _action(version, previous) -> str:
    if version.history_type == "+":
        return "created"
    if version.history_type == "-":
        return "deleted for good"
    if previous is not None and previous.deleted_at is None and version.deleted_at is not None:
        return "deleted"
    if previous is not None and previous.deleted_at is not None and version.deleted_at is None:
        return "restored"
    return "changed"


def history_entries(record, *, limit: int | None = None) -> tuple[list[Entry], bool]:
    """The newest ``limit`` entries of the record's history (all when None), newest first, and
    whether there are older ones."""
    versions_qs = record.history.select_related("history_user").order_by("-history_date",
                                                                          "-history_id")
    # One more version than shown: the oldest entry shown is compared with the one before it.
    versions = list(versions_qs[: limit + 1] if limit else versions_qs)
    more = bool(limit) and len(versions) > limit
    m2m = _m2m_values(record, [v.history_id for v in versions])
    names = _Names(record, versions, m2m)
    model_fields = [f for f in type(record)._meta.concrete_fields
                    if f.name not in HIDDEN_FIELDS and f.name != "updated_at"]
    shown = versions[:limit] if limit else versions
    entries = []
    for index, version in enumerate(shown):
        previous = versions[index + 1] if index + 1 < len(versions) else None
        entry = Entry(when=version.history_date, who=version.history_user,
                      action=_action(version, previous),
                      reason=version.history_change_reason or "")
        if previous is not None:
            for model_field in model_fields:
                if model_field.name == "deleted_at":
                    continue  # said by the action
                old = getattr(previous, model_field.attname)
                new = getattr(version, model_field.attname)
                if old != new:
                    entry.changes.append(Change(capfirst(str(model_field.verbose_name)),
                                                names.scalar(model_field, old),
                                                names.scalar(model_field, new)))
            for name, values in m2m.items():
                old, new = values.get(previous.history_id, []), values.get(version.history_id, [])
                if sorted(map(str, old)) != sorted(map(str, new)):
                    label = type(record)._meta.get_field(name).verbose_name
                    entry.changes.append(Change(capfirst(str(label)), names.many(name, old),
                                                names.many(name, new)))
        entries.append(entry)
    return entries, more
