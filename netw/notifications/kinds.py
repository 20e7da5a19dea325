"""The kinds of notification, and how each is e-mailed unless its recipient chose otherwise.

Apps register their kinds once, at import time of their ``notifications.py`` or ``apps.py``::

    from netw.notifications import kinds

    kinds.register("session_scheduled", _("A peer session is scheduled or changed"))
    kinds.register("review_decided", _("A decision on an item you submitted"),
                   default=kinds.Delivery.IMMEDIATELY)

A notification of a kind nobody registered is still stored and e-mailed immediately: a missing
registration must never lose a message. It only cannot be tuned on the preferences page.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Delivery(models.TextChoices):
    IMMEDIATELY = "immediately", _("E-mail me immediately")
    DAILY = "daily", _("Once a day, in a digest")
    NEVER = "never", _("Do not e-mail me (the portal still lists it)")


@dataclass(frozen=True)
class Kind:
    name: str
    label: str | Promise
    default: Delivery = Delivery.IMMEDIATELY
    # Some messages must reach people whatever they chose (e.g. a security notice).
    required: bool = False


_KINDS: dict[str, Kind] = {}


def register(name: str, label: str | Promise, default: Delivery = Delivery.IMMEDIATELY, *,
             required: bool = False) -> Kind:
    """Declare a kind. Registering the same name again replaces it (module reloads in tests)."""
    kind = Kind(name=name, label=label, default=Delivery(default), required=required)
    _KINDS[name] = kind
    return kind


def get(name: str) -> Kind:
    return _KINDS.get(name) or Kind(name=name, label=name)


def all_kinds() -> list[Kind]:
    return sorted(_KINDS.values(), key=lambda k: str(k.label))


def choosable() -> list[Kind]:
    """Kinds a person may tune on the preferences page."""
    return [k for k in all_kinds() if not k.required]


# The portal's own kinds.
register("export_ready", _("An export you asked for is ready"), Delivery.IMMEDIATELY)
register("export_failed", _("An export you asked for failed"), Delivery.IMMEDIATELY)
register("registry_weekly_digest", _("Weekly digest of changes in the registry (coordinators)"),
         Delivery.IMMEDIATELY)
# E-mails to an address rather than to a portal user's list (notify_address): always sent.
register("invitation", _("An invitation to the portal"), required=True)
register("account", _("A message about your account (password reset, e-mail address)"),
         required=True)
register("contact_message", _("A message sent through the contact page"), required=True)
