from __future__ import annotations

from urllib.parse import parse_qs

from django import forms
from django.utils.translation import gettext_lazy as _

from netw.exports import registry
from netw.exports.models import Export
from netw.forms import PortalForm


class ExportRequestForm(PortalForm):
    """What the "Export" button on a list posts: the list, a format and the list's query string
    (its current filters). A report with parameters (its ``filterset``, e.g. the period report's
    period) has them posted as fields of their own, next to its buttons on "My exports": they
    are checked by the report's form and become its filters."""

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
        if entry and entry.is_report and entry.filterset is not None:
            self._clean_report_parameters(entry, cleaned)
        return cleaned

    def _clean_report_parameters(self, entry, cleaned) -> None:
        names = entry.filterset(self.user, {}).form.fields
        params: dict[str, list[str]] = dict(cleaned.get("filters") or {})
        for name in names:
            values = (self.data.getlist(name) if hasattr(self.data, "getlist")
                      else [self.data.get(name)])
            values = [str(v) for v in values if v not in (None, "")]
            if values:
                params[name] = values
        form = entry.filterset(self.user, params).form
        if not form.is_valid():
            self.add_error(None, " ".join(str(e) for errors in form.errors.values()
                                          for e in errors))
            return
        cleaned["filters"] = params
