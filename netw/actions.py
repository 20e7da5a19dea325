"""A person's actions across the portal, declared by each app in ``<app>/actions.py``.

An app lists its sources in ``ACTION_SOURCES`` (instances of :class:`ActionSource`), the way
``<app>/calendar.py`` lists its calendar sources; the core finds them with
``netw.discovery.app_modules("actions")`` and never names an app or a model. Today: WP1's
follow-up actions of sessions (peersessions/actions.py) and WP3's actions of the long-term action
plans (sustainability/actions.py).

From them the core builds, once for every kind of action:

- **"My actions"** (``netw:my_actions``, :func:`actions_of`): every action of the person, as
  uniform :class:`ActionRow` rows, open ones by due date first, then the done ones, latest
  first. Each source answers in one query, whatever the number of actions, so the page costs the
  same with ten actions or a thousand (a person's own actions are few enough to merge in memory).
- **The home page's panel** (:func:`open_actions_of`): the few most pressing open actions.
- **Reminders** (:func:`actions_needing_reminder`, :func:`action_send_reminder`, queued each
  morning by ``netw.tasks.queue_action_reminders``): on the due date if a source asks for it, and
  when an action is overdue — once, or again every ``overdue_reminder_every`` — each marked on
  the action's row in the same transaction that writes the notification, so an overlapping beat or
  a retried task sends nothing twice. A source's services clear the markers when the due date
  moves.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from netw.discovery import app_modules


@dataclass(frozen=True)
class ActionRow:
    """One action as "My actions" shows it, whatever app it comes from."""

    source_kind: str  # the source's ``kind``
    pk: int
    title: str  # what to do
    kind: str  # what readers call it: "Follow-up action", "Plan action"
    context: str  # where it comes from: the session's or the plan's title
    context_url: str  # the page where the action is kept
    due_on: date
    done: bool
    done_at: datetime | None = None
    status: str = ""  # a status label when the source has more than open/done ("dropped")
    # A URL the person may POST ``done=1`` (or ``done=0`` to reopen) and ``next`` to; "" if none.
    done_url: str = ""
    # Set when the action is the person's partner's and names no one: "for your partner".
    for_partner: str = ""

    @property
    def overdue(self) -> bool:
        return not self.done and self.due_on < timezone.localdate()

    @property
    def sort_key(self) -> tuple:
        if not self.done:
            return (0, self.due_on.toordinal(), self.title, self.pk)
        done_at = self.done_at.timestamp() if self.done_at else 0.0
        return (1, -done_at, -self.due_on.toordinal(), self.pk)


class ActionSource:
    """One kind of action. Subclass it in ``<app>/actions.py`` and list an instance in
    ``ACTION_SOURCES``."""

    kind: str = ""  # short and stable: it travels in task arguments
    label = ""  # translatable name of the kind
    model: type[models.Model]

    # Reminders: the field marking that the due-date reminder went out ("" for none), the one
    # marking the overdue reminder ("" for none), and how often an overdue reminder is repeated
    # (None: once).
    due_reminder_field = ""
    overdue_reminder_field = ""
    overdue_reminder_every: timedelta | None = None

    def rows(self, user, *, open_only: bool = False, limit: int | None = None
             ) -> list[ActionRow]:
        """The person's actions (only the open ones with ``open_only``; the first ``limit`` by
        due date), in ONE query whatever their number."""
        raise NotImplementedError

    # --- reminders ---

    def remindable(self) -> models.QuerySet:
        """The open actions that may get a reminder (with a ``due_on`` field)."""
        raise NotImplementedError

    def send_reminder(self, action, *, overdue: bool) -> None:
        """Tell the action's owner(s) (the pipeline has locked the row, checked that the reminder
        is due, and marks it afterwards)."""
        raise NotImplementedError


def all_sources() -> list[ActionSource]:
    """Every installed app's sources, in INSTALLED_APPS order."""
    return [source for module in app_modules("actions")
            for source in getattr(module, "ACTION_SOURCES", ())]


def source_for(kind: str) -> ActionSource:
    for source in all_sources():
        if source.kind == kind:
            return source
    raise LookupError(f"No action source of kind {kind!r}")


def sort_rows(rows: Iterable[ActionRow]) -> list[ActionRow]:
    return sorted(rows, key=lambda row: row.sort_key)


def actions_of(user) -> list[ActionRow]:
    """Every action of the person, open ones by due date, then done ones: one query a source."""
    if not getattr(user, "is_authenticated", False):
        return []
    return sort_rows(row for source in all_sources() for row in source.rows(user))


def open_actions_of(user, *, limit: int) -> list[ActionRow]:
    """The person's ``limit`` most pressing open actions (each source asked for no more)."""
    if not getattr(user, "is_authenticated", False):
        return []
    rows = [row for source in all_sources()
            for row in source.rows(user, open_only=True, limit=limit)]
    return sort_rows(rows)[:limit]


# --- Reminders -----------------------------------------------------------------------------------


def _reminder_due(source: ActionSource, *, overdue: bool, today: date, now: datetime
                  ) -> models.QuerySet:
    queryset = source.remindable()
    if not overdue:
        return queryset.filter(due_on=today,
                               **{f"{source.due_reminder_field}__isnull": True})
    field = source.overdue_reminder_field
    not_sent = Q(**{f"{field}__isnull": True})
    if source.overdue_reminder_every is not None:
        not_sent |= Q(**{f"{field}__lte": now - source.overdue_reminder_every})
    return queryset.filter(not_sent, due_on__lt=today)


def actions_needing_reminder(*, today: date | None = None) -> list[tuple[str, int, bool]]:
    """(kind, id, overdue) of every action whose due-date or overdue reminder should go out."""
    today = today or timezone.localdate()
    now = timezone.now()
    found = []
    for source in all_sources():
        for overdue, field in ((False, source.due_reminder_field),
                               (True, source.overdue_reminder_field)):
            if field:
                found += [(source.kind, pk, overdue) for pk in _reminder_due(
                    source, overdue=overdue, today=today, now=now).values_list("pk", flat=True)]
    return found


@transaction.atomic
def action_send_reminder(*, kind: str, action_id: int, overdue: bool) -> bool:
    """Send one reminder, once. False when it is no longer due (sent, done, moved, deleted)."""
    source = source_for(kind)
    field = source.overdue_reminder_field if overdue else source.due_reminder_field
    if not field:
        return False
    # The row is locked on its own (no join: PostgreSQL would lock the joined rows too), then
    # the source's conditions, joins and all, are checked with the lock held.
    if not source.model._base_manager.select_for_update().filter(pk=action_id).exists():
        return False
    today, now = timezone.localdate(), timezone.now()
    action = _reminder_due(source, overdue=overdue, today=today, now=now).filter(
        pk=action_id).first()
    if action is None:
        return False
    source.send_reminder(action, overdue=overdue)
    source.model._base_manager.filter(pk=action_id).update(**{field: now})
    return True
