"""A person's notifications and how they want them e-mailed."""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext as _

from netw.notifications.models import Notification, NotificationPreference
from netw.personal_data import Field, Section, section


def personal_data(user) -> list[Section]:
    return [
        section("notifications.notifications", _("Notifications"),
                Notification.objects.filter(recipient=user).order_by("-created_at", "-pk"), [
                    Field("created_at", _("Date"), lambda n: n.created_at),
                    Field("subject", _("Subject"), lambda n: n.subject),
                    Field("read_at", _("Read"), lambda n: n.read_at),
                    Field("email_status", _("E-mail"), lambda n: n.get_email_status_display()),
                ]),
        section("notifications.preferences", _("Notification settings"),
                NotificationPreference.objects.filter(user=user).order_by("kind"), [
                    Field("kind", _("Kind"), lambda p: p.kind),
                    Field("delivery", _("E-mail"), lambda p: p.get_delivery_display()),
                ]),
    ]


def erase_personal_data(user) -> None:
    # The messages were the person's alone; a pending e-mail to them must not go out either.
    # Also the outbox entries to the address alone (a password reset asked for before).
    Notification.objects.filter(Q(recipient=user) | Q(email__iexact=user.email)).delete()
    NotificationPreference.objects.filter(user=user).delete()
