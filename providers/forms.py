"""Forms of the registry: one per kind of record, and the import's upload form."""

from __future__ import annotations

from pathlib import Path

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from netw import roles
from netw.forms import https_urls
from providers.models import Network, Partner, Provider, Stakeholder


def partner_choices(user):
    """The partners a person may register records for: their own; every partner for a
    coordinator."""
    if roles.is_coordinator(user):
        return Partner.objects.all()
    return Partner.objects.filter(pk__in=roles.partner_ids(user))


class RegistryRecordForm(forms.ModelForm):
    """Adds the owner partner when there is a choice to make.

    A new record belongs to the partner of the person who registers it. Someone with several
    partners (or a coordinator) picks one; only a coordinator moves an existing record to
    another partner.
    """

    owner_partner = forms.ModelChoiceField(
        label=_("Registering partner"), queryset=Partner.objects.none(),
        help_text=_("The partner responsible for this record; its members may edit it."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        choices = partner_choices(user)
        may_choose = (roles.is_coordinator(user) if self.instance.pk
                      else len(roles.partner_ids(user)) > 1 or roles.is_coordinator(user))
        if may_choose:
            self.fields["owner_partner"].queryset = choices
            if not self.instance.pk:
                primary = roles.primary_membership(user)
                self.fields["owner_partner"].initial = primary.partner_id if primary else None
        else:
            del self.fields["owner_partner"]
        if not self.instance.pk:
            current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
            if current in dict(settings.LANGUAGES):
                self.fields["language"].initial = current

    def owner_for_new_record(self) -> Partner | None:
        if "owner_partner" in self.fields:
            return self.cleaned_data["owner_partner"]
        primary = roles.primary_membership(self.user)
        return primary.partner if primary else None


class ProviderForm(RegistryRecordForm):
    class Meta:
        model = Provider
        formfield_callback = https_urls
        fields = [
            "name", "country", "region", "city", "legal_form", "description", "sectors",
            "target_groups", "learners_per_year", "workers_per_year", "networks", "website",
            "contact_person", "contact_email", "contact_phone", "language", "owner_partner",
        ]
        widgets = {
            "sectors": forms.CheckboxSelectMultiple,
            "target_groups": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "networks": _("The networks this provider is a member of."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["networks"].queryset = Network.objects.order_by("name")
        self.fields["networks"].widget.attrs["size"] = 8


class NetworkForm(RegistryRecordForm):
    class Meta:
        model = Network
        formfield_callback = https_urls
        fields = [
            "name", "acronym", "level", "country", "region", "maturity", "representing_partner",
            "founded_year", "description", "website", "contact_person", "contact_email",
            "contact_phone", "language", "owner_partner",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"country": _("Leave empty for a European network.")}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("level") and cleaned["level"] != "european" and not cleaned.get("country"):
            self.add_error("country", _("A national, regional or local network has a country."))
        return cleaned


class StakeholderForm(RegistryRecordForm):
    class Meta:
        model = Stakeholder
        formfield_callback = https_urls
        fields = [
            "name", "kind", "level", "country", "region", "city", "description", "website",
            "contact_person", "contact_email", "contact_phone", "language", "owner_partner",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"country": _("Leave empty for a European body.")}


class ImportUploadForm(forms.Form):
    """The upload of a providers spreadsheet; the file-level checks that need no reading."""

    file = forms.FileField(
        label=_("Spreadsheet"),
        help_text=_("CSV or Excel (.xlsx), at most 10 MB and 10,000 rows, with the template's "
                    "columns."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv,application/"
                                               "vnd.openxmlformats-officedocument."
                                               "spreadsheetml.sheet"}),
    )
    encoding = forms.ChoiceField(
        label=_("Encoding of a CSV file"), initial="auto",
        help_text=_("Found from the file; choose one only if the preview shows wrong letters."),
    )
    language = forms.ChoiceField(
        label=_("Language of the records"), choices=settings.LANGUAGES,
        help_text=_("For the rows whose language column is empty."),
    )
    owner_partner = forms.ModelChoiceField(
        label=_("Register them for partner"), queryset=Partner.objects.none(),
    )

    def __init__(self, *args, user, **kwargs):
        from providers.imports import ENCODINGS

        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["encoding"].choices = ENCODINGS
        current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
        self.fields["language"].initial = current if current in dict(settings.LANGUAGES) else "en"
        choices = partner_choices(user)
        if roles.is_coordinator(user) or len(roles.partner_ids(user)) > 1:
            self.fields["owner_partner"].queryset = choices
            primary = roles.primary_membership(user)
            self.fields["owner_partner"].initial = primary.partner_id if primary else None
        else:
            del self.fields["owner_partner"]

    def clean_file(self):
        from providers.imports import size_problem

        upload = self.cleaned_data["file"]
        extension = Path(upload.name or "").suffix.lower().lstrip(".")
        if extension in ("xls", "ods", "numbers"):
            raise forms.ValidationError(
                _("“.%(ext)s” files are not read: save the sheet as Excel (.xlsx) or as "
                  "“CSV UTF-8” and upload that."), params={"ext": extension}, code="type")
        if extension not in ("csv", "xlsx"):
            raise forms.ValidationError(
                _("Only .csv and .xlsx files are read; this one is “%(name)s”."),
                params={"name": upload.name}, code="type")
        if upload.size == 0:
            raise forms.ValidationError(_("The file is empty."), code="empty")
        problem = size_problem(upload.size)
        if problem:
            raise forms.ValidationError(problem, code="size")
        upload.seek(0)
        head = upload.read(8)
        upload.seek(0)
        is_zip = head.startswith(b"PK\x03\x04")
        if extension == "xlsx" and not is_zip:
            raise forms.ValidationError(
                _("This file is named .xlsx but is not an Excel workbook."), code="type")
        if extension == "csv" and (is_zip or head.startswith(b"%PDF") or head.startswith(
                b"\xd0\xcf\x11\xe0")):
            raise forms.ValidationError(
                _("This file is named .csv but is not a text file: save it as “CSV UTF-8” "
                  "(or upload the workbook as .xlsx)."), code="type")
        upload.extension = extension
        return upload

    def owner(self) -> Partner | None:
        if "owner_partner" in self.fields:
            return self.cleaned_data["owner_partner"]
        primary = roles.primary_membership(self.user)
        return primary.partner if primary else None
