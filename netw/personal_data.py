"""What the portal holds about one person: the "Your data" page, its JSON and printable versions,
and what closing an account erases (GDPR articles 15, 17 and 20).

Each part of the portal says what it holds in a module ``personal_data.py``: the apps' are found
with ``netw.discovery.app_modules("personal_data")`` (the core never names an app or a model),
the core's own parts (account, notifications, exports, calendar feed) are listed in
:data:`CORE_MODULES`. A module may define two functions:

- ``personal_data(user) -> list[Section]``: what it holds about the person, as sections of
  plain rows. Each section costs a bounded number of queries and at most :data:`LIMIT` rows (the
  section then says how many there are in all).
- ``erase_personal_data(user) -> None``: called by ``netw.accounts.services.account_close`` in
  its transaction: remove what is the person's own (their settings, profile, tokens…). What the
  person made for their partner stays with the partner.

The JSON download has this structure (``FORMAT`` and ``VERSION`` name it; a later version may add
keys, never rename or remove them)::

    {"format": "net-works-personal-data", "version": 1, "generated_at": "<ISO 8601>",
     "person": {"id": 12, "email": "..."},
     "sections": [{"key": "peersessions.feedback", "title": "...",
                   "fields": [{"key": "session", "label": "..."}, ...],
                   "rows": [{"session": "...", ...}, ...],
                   "count": 3, "total": 3, "truncated": false}, ...]}

Values are strings, numbers, booleans or null; dates and times are ISO 8601 strings.
"""

from __future__ import annotations

import datetime
import importlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Model, QuerySet
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from netw.discovery import app_modules

FORMAT = "net-works-personal-data"
VERSION = 1
# The most rows one section lists; a person with more sees the count and the newest rows.
LIMIT = 1000

CORE_MODULES = (
    "netw.accounts.personal_data",
    "netw.notifications.personal_data",
    "netw.exports.personal_data",
    "netw.events.personal_data",
)


@dataclass(frozen=True)
class Field:
    """One column of a section: its stable key, its translated label, how to read it."""

    key: str
    label: str
    get: Callable[[Any], Any]


@dataclass
class Section:
    """One kind of data the portal holds about the person."""

    key: str  # stable machine name, "<app>.<what>": the JSON's key, never translated
    title: str
    fields: list[Field]
    rows: list[dict[str, Any]] = field(default_factory=list)
    total: int = 0  # rows in the database; more than ``len(rows)`` when the section was cut
    description: str = ""

    @property
    def truncated(self) -> bool:
        return self.total > len(self.rows)

    def table(self) -> list[list[Any]]:
        """The rows as lists in the fields' order, for the HTML version (dates as dates again,
        so the page shows them in the reader's language)."""
        return [[_readable(row.get(f.key)) for f in self.fields] for row in self.rows]

    def as_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "title": str(self.title),
            "fields": [{"key": f.key, "label": str(f.label)} for f in self.fields],
            "rows": self.rows,
            "count": len(self.rows),
            "total": self.total,
            "truncated": self.truncated,
        }


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}.*)?$")


def _readable(value: Any) -> Any:
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            if "T" in value:
                return datetime.datetime.fromisoformat(value)
            return datetime.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def plain(value: Any) -> Any:
    """A value the JSON file and the page can both show as it is."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat() if timezone.is_aware(value) \
            else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Promise | Model):
        return str(value)
    if isinstance(value, list | tuple | set):
        return [plain(v) for v in value]
    return str(value)


def section(key: str, title: str, objects: QuerySet | Iterable, fields: list[Field], *,
            description: str = "", limit: int = LIMIT) -> Section:
    """A section of at most ``limit`` rows read from ``objects`` (one query, plus a count when
    there are more)."""
    if isinstance(objects, QuerySet):
        found = list(objects[: limit + 1])
        total = objects.count() if len(found) > limit else len(found)
    else:
        found = list(objects)
        total = len(found)
    rows = [{f.key: plain(f.get(obj)) for f in fields} for obj in found[:limit]]
    return Section(key=key, title=title, fields=fields, rows=rows, total=total,
                   description=description)


def records_section(key: str, title: str, querysets: Iterable[QuerySet], user, *,
                    limit: int = LIMIT) -> Section:
    """The records (``netw.models.OwnedModel``) the person created or last edited, of several
    kinds in one section: one query per kind, newest changes first. The records are their
    partner's: closing the account leaves them where they are."""
    from django.db.models import Q

    found = []
    total = 0
    for queryset in querysets:
        mine = queryset.filter(Q(created_by=user) | Q(updated_by=user))
        objects = list(mine.select_related("owner_partner").order_by("-updated_at", "-pk")
                       [: limit + 1])
        total += mine.count() if len(objects) > limit else len(objects)
        found.extend(objects[:limit])
    found.sort(key=lambda o: o.updated_at, reverse=True)
    fields = [
        Field("kind", _("Kind"), lambda o: capfirst(o._meta.verbose_name)),
        Field("record", _("Record"), str),
        Field("owner_partner", _("Owner partner"), lambda o: o.owner_partner),
        Field("created_by_you", _("Created by you"), lambda o: o.created_by_id == user.pk),
        Field("created_at", _("Created"), lambda o: o.created_at),
        Field("updated_at", _("Last changed"), lambda o: o.updated_at),
    ]
    rows = [{f.key: plain(f.get(o)) for f in fields} for o in found[:limit]]
    return Section(key=key, title=title, fields=fields, rows=rows,
                   total=max(total, len(rows)))


def events_section(key: str, title: str, queryset: QuerySet) -> Section:
    """Meetings the person takes part in (``netw.events.ScheduledEvent``), latest first."""
    return section(key, title, queryset.order_by("-starts_at", "-pk"), [
        Field("title", _("Title"), lambda e: e.title),
        Field("starts_at", _("Starts at"), lambda e: e.starts_at),
        Field("cancelled", _("Cancelled"), lambda e: e.is_cancelled),
    ])


def modules() -> list:
    """The core's parts first, then each app's, in INSTALLED_APPS order."""
    return [*(importlib.import_module(name) for name in CORE_MODULES),
            *app_modules("personal_data")]


def collect(user) -> list[Section]:
    """Every section the portal holds about ``user``; empty sections included, so the page shows
    what is held and what is not."""
    found: list[Section] = []
    for module in modules():
        hook = getattr(module, "personal_data", None)
        if hook is not None:
            found.extend(hook(user))
    return found


def as_document(user, sections: list[Section]) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "generated_at": timezone.now().isoformat(),
        "person": {"id": user.pk, "email": user.email},
        "sections": [s.as_json() for s in sections],
    }


def erase(user) -> None:
    """Each part removes what is the person's own (see the module's docstring)."""
    for module in modules():
        hook = getattr(module, "erase_personal_data", None)
        if hook is not None:
            hook(user)
