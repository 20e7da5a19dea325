"""Forms of the registry: one per kind of record, and the import's upload form."""

from __future__ import annotations

from pathlib import Path

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from netw.forms import OwnerPartnerField, PortalForm, PortalModelForm
from netw.geo.forms import PlaceOnMapFormMixin
from netw.widgets import FilterableCheckboxList
from providers.models import Network, Partner, PartnerPerson, Provider, Stakeholder


class RegistryRecordForm(PortalModelForm):
    """A registry record: a new one belongs to the partner chosen in ``owner_partner`` (see
    netw.forms); only a coordinator moves an existing record to another partner."""

    coordinators_move_records = True

    owner_partner = OwnerPartnerField(label=_("Registering partner"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        if not self.instance.pk:
            current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
            if current in dict(settings.LANGUAGES):
                self.fields["language"].initial = current

    def owner_for_new_record(self) -> Partner | None:
        return self.cleaned_data.get("owner_partner")


class ProviderForm(PlaceOnMapFormMixin, RegistryRecordForm):
    class Meta:
        model = Provider
        fields = [
            "name", "country", "region", "city", "legal_form", "description", "sectors",
            "target_groups", "learners_per_year", "workers_per_year", "networks", "website",
            "contact_person", "contact_email", "contact_phone", "contact_listed_with_consent",
            "language", "owner_partner",
        ]
        widgets = {
            "sectors": forms.CheckboxSelectMultiple,
            "target_groups": forms.CheckboxSelectMultiple,
            # Many networks, some with long names: a filterable list, not a Ctrl-click select.
            "networks": FilterableCheckboxList,
            "description": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "networks": _("The networks this provider is a member of."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["networks"].queryset = self.fields["networks"].queryset.order_by("name")


class NetworkForm(PlaceOnMapFormMixin, RegistryRecordForm):
    class Meta:
        model = Network
        fields = [
            "name", "acronym", "level", "country", "region", "city", "maturity",
            "representing_partner",
            "founded_year", "description", "website", "contact_person", "contact_email",
            "contact_phone", "contact_listed_with_consent", "language", "owner_partner",
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
        fields = [
            "name", "kind", "level", "country", "region", "city", "description", "website",
            "contact_person", "contact_email", "contact_phone", "contact_listed_with_consent",
            "language", "owner_partner",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"country": _("Leave empty for a European body.")}


class ImportUploadForm(PortalForm):
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
    owner_partner = OwnerPartnerField(label=_("Register them for partner"))

    def __init__(self, *args, user, **kwargs):
        from providers.imports import ENCODINGS

        super().__init__(*args, user=user, **kwargs)
        self.fields["encoding"].choices = ENCODINGS
        current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
        self.fields["language"].initial = current if current in dict(settings.LANGUAGES) else "en"

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
        return self.cleaned_data.get("owner_partner")


class PartnerProfileForm(PortalModelForm):
    """A partner's own profile, edited by its people (and the coordinators). The country, the
    work package it leads and its place in the project are the project's facts: the admin's."""

    class Meta:
        model = Partner
        fields = ["name", "short_name", "description", "logo", "website", "email", "phone"]
        help_texts = {
            "description": _("Markdown: **bold**, *italics*, lists, links, tables."),
        }
        widgets = {"logo": forms.ClearableFileInput(attrs={"accept": ".png,.jpg,.jpeg"})}


class PartnerPersonForm(PortalModelForm):
    class Meta:
        model = PartnerPerson
        fields = ["name", "project_role", "email", "show_publicly"]


PartnerPeopleFormSet = forms.inlineformset_factory(
    Partner, PartnerPerson, form=PartnerPersonForm, extra=1, can_delete=True,
)
