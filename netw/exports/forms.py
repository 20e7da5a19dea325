from __future__ import annotations

from urllib.parse import parse_qs

from django import forms
from django.utils.translation import gettext_lazy as _

from netw.exports import registry
from netw.exports.models import Export
from netw.forms import PortalForm


class ExportRequestForm(PortalForm):
    """What the "Export" button on a list posts: the list, a format and the list's query string
    (its current filters)."""

    list = forms.CharField(max_length=60, widget=forms.HiddenInput)
    format = forms.ChoiceField(label=_("Format"), choices=Export.Format.choices)
    filters = forms.CharField(required=False, max_length=2000, widget=forms.HiddenInput)

    def clean_list(self) -> str:
        name = self.cleaned_data["list"]
        if registry.get(name) is None:
            raise forms.ValidationError(_("This list cannot be exported."))
        return name

    def clean_filters(self) -> dict[str, list[str]]:
        return parse_qs(self.cleaned_data.get("filters") or "", keep_blank_values=False)

    def clean(self):
        cleaned = super().clean()
        entry = registry.get(cleaned.get("list") or "")
        if entry and cleaned.get("format") and cleaned["format"] not in entry.formats:
            self.add_error("format", _("This list cannot be exported in that format."))
        return cleaned
