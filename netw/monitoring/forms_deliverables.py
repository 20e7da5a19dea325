"""Forms of the deliverables register: the deliverable (coordinators), its status (the work
package's lead), and a piece of evidence (a record the person may see)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from netw.forms import PortalForm, PortalModelForm
from netw.monitoring.deliverables import (
    Deliverable,
    DeliverableStatus,
    EvidenceSource,
    evidence_sources,
    kind_filter,
)
from netw.widgets import DateInput

# The select of records lists the most recent ones; a person looking for an older one narrows
# nothing here, so keep it generous.
CANDIDATES_MAX = 500


class _SubmittedOnMixin:
    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        if status in (DeliverableStatus.SUBMITTED, DeliverableStatus.ACCEPTED) and not cleaned.get(
                "submitted_on"):
            self.add_error("submitted_on", _("Say when the deliverable was submitted."))
        return cleaned


class DeliverableForm(_SubmittedOnMixin, PortalModelForm):
    class Meta:
        model = Deliverable
        fields = ["code", "work_package", "title", "description", "due_on",
                  "responsible_partner", "status", "submitted_on"]
        widgets = {"due_on": DateInput(), "submitted_on": DateInput(),
                   "description": forms.Textarea(attrs={"rows": 4})}


class DeliverableStatusForm(_SubmittedOnMixin, PortalModelForm):
    class Meta:
        model = Deliverable
        fields = ["status", "submitted_on"]
        widgets = {"submitted_on": DateInput()}


def kind_choices() -> list[tuple[str, str]]:
    return [(s.key, str(s.label)) for s in evidence_sources()]


class EvidenceKindForm(PortalForm):
    kind = forms.ChoiceField(label=_("Kind of record"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "—"), *kind_choices()]


class EvidenceForm(PortalForm):
    """One record of one kind, among those the person may see and not yet linked."""

    kind = forms.CharField(widget=forms.HiddenInput)
    record = forms.TypedChoiceField(label=_("Record"), coerce=int)
    note = forms.CharField(label=_("Note"), max_length=500, required=False,
                           help_text=_("What this record shows for the deliverable."))

    def __init__(self, *args, deliverable: Deliverable, source: EvidenceSource, **kwargs):
        super().__init__(*args, **kwargs)
        self.deliverable, self.source = deliverable, source
        self.fields["kind"].initial = source.key
        self.fields["record"].label = source.label
        self.fields["record"].choices = [("", "—"), *(
            (r.pk, source.describe(r)) for r in self.candidates()[:CANDIDATES_MAX])]

    def candidates(self):
        linked = self.deliverable.evidence.filter(kind_filter(self.source)).values("object_id")
        return self.source.candidates(self.user).exclude(pk__in=linked)

    def clean_kind(self) -> str:
        if self.cleaned_data["kind"] != self.source.key:
            raise forms.ValidationError(_("Choose a kind of record."))
        return self.cleaned_data["kind"]

    def clean_record(self):
        # The choices were the person's; a record hidden from them since is refused here too.
        record = self.candidates().filter(pk=self.cleaned_data["record"]).first()
        if record is None:
            raise forms.ValidationError(_("Choose a record you may see."))
        return record
