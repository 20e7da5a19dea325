"""The forms of the import's preview: read the file with another encoding, and say what the
words the vocabulary does not know mean (see providers.imports)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from netw.forms import PortalForm
from providers import imports


class EncodingForm(PortalForm):
    encoding = forms.ChoiceField(label=_("Read the file as"), choices=imports.ENCODINGS)


COLUMN_LABELS = {
    "country": _("country"),
    "legal_form": _("legal form"),
    "sectors": _("sectors"),
    "target_groups": _("target groups"),
    "language": _("language"),
}


class ValueMappingForm(PortalForm):
    """One select per distinct value of the file that the vocabulary does not know (or that the
    person's earlier mapping translated): the closest labels first, then every known value,
    and "leave it as an error"."""

    def __init__(self, *args, analysis: imports.Analysis, **kwargs):
        super().__init__(*args, **kwargs)
        self.entries: list[tuple[str, str, str, bool]] = []  # field, column, folded, automatic
        for automatic, groups in ((False, analysis.unknown), (True, analysis.mapped)):
            for column, entries in groups.items():
                if column not in imports.MAPPED_COLUMNS:
                    continue
                for written, folded, extra, *suggested in entries:
                    name = f"value_{len(self.entries)}"
                    self.fields[name] = self._field(
                        column, written, mapped=extra if automatic else None,
                        suggested=suggested[0] if suggested else None)
                    self.entries.append((name, column, folded, automatic))

    @staticmethod
    def _field(column: str, written: str, *, mapped: str | None,
               suggested: list[str] | None) -> forms.ChoiceField:
        known = imports.vocabulary(column)
        labels = dict(known)
        if suggested is None:
            suggested = imports.suggestions(column, written)
        suggested = [code for code in suggested if code in labels]
        choices = [("", _("Leave it as an error"))]
        if suggested:
            choices.append((_("Closest"), [(code, labels[code]) for code in suggested]))
        choices.append((_("Every value"), known))
        if mapped:
            help_text = _("Mapped automatically, as in your earlier file.")
        else:
            help_text = _("Not in the list of %(column)s.") % {"column": COLUMN_LABELS[column]}
        return forms.ChoiceField(
            label=_("“%(value)s” in %(column)s") % {"value": written,
                                                     "column": COLUMN_LABELS[column]},
            choices=choices, required=False, help_text=help_text,
            initial=mapped or (suggested[0] if suggested else ""))

    def automatic_fields(self):
        return [self[name] for name, _c, _f, automatic in self.entries if automatic]

    def asked_fields(self):
        return [self[name] for name, _c, _f, automatic in self.entries if not automatic]

    def choices(self) -> dict[tuple[str, str], str]:
        """``{(column, folded value): code or ""}`` for providers.imports.import_mappings_save."""
        return {(column, folded): self.cleaned_data[name]
                for name, column, folded, _automatic in self.entries}
