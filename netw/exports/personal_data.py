"""The files a person asked for: the record of each request (the files hold partners' lists)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from netw.exports import services
from netw.exports.models import Export
from netw.personal_data import Field, Section, section


def personal_data(user) -> list[Section]:
    return [
        section("exports.exports", _("Exports you asked for"),
                Export.objects.filter(requested_by=user).order_by("-created_at", "-pk"), [
                    Field("created_at", _("Requested at"), lambda e: e.created_at),
                    Field("list_name", _("List"), lambda e: e.list_name),
                    Field("format", _("Format"), lambda e: e.get_format_display()),
                    Field("status", _("Status"), lambda e: e.get_status_display()),
                    Field("expires_at", _("Available until"), lambda e: e.expires_at),
                ]),
    ]


def erase_personal_data(user) -> None:
    exports = Export.objects.filter(requested_by=user)
    names = [name for name in exports.values_list("file_name", flat=True) if name]
    exports.delete()
    # The files go once the rows are gone for good: a rolled-back closing keeps them.
    transaction.on_commit(lambda: [services._remove(name) for name in names])
