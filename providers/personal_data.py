"""The registry's part of "Your data": memberships, the records the person wrote, their imports.

Closing an account removes the memberships and the person's own import vocabulary; the records
stay with their owner partner.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from netw.personal_data import Field, Section, records_section, section
from providers.models import (
    ImportValueMapping,
    Membership,
    Network,
    Provider,
    ProviderImport,
    Stakeholder,
)


def personal_data(user) -> list[Section]:
    return [
        section("providers.memberships", _("Partner membership and role"),
                Membership.objects.filter(user=user).select_related("partner")
                .order_by("partner__short_name"), [
                    Field("partner", _("Partner"), lambda m: m.partner.name),
                    Field("role", _("Role"), lambda m: m.get_role_display()),
                    Field("since", _("Since"), lambda m: m.created_at),
                ]),
        records_section("providers.records", _("Registry records you created or last edited"),
                        [Provider.all_objects.all(), Network.all_objects.all(),
                         Stakeholder.all_objects.all()], user),
        section("providers.imports", _("Spreadsheets you imported"),
                ProviderImport.objects.filter(uploaded_by=user).select_related("partner")
                .order_by("-created_at", "-pk"), [
                    Field("file_name", _("File"), lambda i: i.file_name),
                    Field("partner", _("Partner"), lambda i: i.partner.short_name),
                    Field("created_at", _("Uploaded at"), lambda i: i.created_at),
                    Field("status", _("Status"), lambda i: i.get_status_display()),
                ]),
        section("providers.import_words", _("Words of your spreadsheets you explained"),
                ImportValueMapping.objects.filter(user=user).order_by("column", "source"), [
                    Field("column", _("Column"), lambda m: m.column),
                    Field("source", _("Value in the file"), lambda m: m.source),
                    Field("code", _("Code"), lambda m: m.code),
                ]),
    ]


def erase_personal_data(user) -> None:
    # One by one, so that each membership's history records its end.
    for membership in Membership.objects.filter(user=user):
        membership.delete()
    ImportValueMapping.objects.filter(user=user).delete()
