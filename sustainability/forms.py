from __future__ import annotations

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from methodologies.models import DisseminationActivity
from netw.forms import ModelMultipleChoiceField, PortalForm, PortalModelForm
from providers.models import Sector, TargetGroup

from .models import GoodPractice, GoodPracticeAttachment

TEXTAREA = {"rows": 6}
SHORT_TEXTAREA = {"rows": 3}
M2M = ("sectors", "target_groups", "presented_at")


class DisseminationChoiceField(ModelMultipleChoiceField):
    """Entries of the dissemination log, named by date, title and channel."""

    def label_from_instance(self, obj: DisseminationActivity) -> str:
        return f"{date_format(obj.date)} · {obj.title} · {obj.channel}"


class GoodPracticeForm(PortalModelForm):
    """Everything but the workflow: a draft may be incomplete; submitting checks the rest."""

    sectors = ModelMultipleChoiceField(
        label=_("Sectors"), queryset=Sector.objects.all(), required=False,
        widget=forms.CheckboxSelectMultiple)
    target_groups = ModelMultipleChoiceField(
        label=_("Target groups"), queryset=TargetGroup.objects.all(), required=False,
        widget=forms.CheckboxSelectMultiple)
    # Scoped to the dissemination log this person may see (PortalModelForm: visible_to).
    presented_at = DisseminationChoiceField(
        label=_("Presented at"), queryset=DisseminationActivity.objects.order_by("-date", "-pk"),
        required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("Activities of the dissemination log where the practice was presented. "
                    "Visitors only see how many times it was presented."))

    class Meta:
        model = GoodPractice
        fields = ["title", "owner_partner", "language", "summary", "funding_model", "country",
                  "level", "provider", "network", "organisation", "problem", "how_it_works",
                  "resources", "results", "revenue_share", "years_running", "transferability",
                  "sectors", "target_groups", "presented_at"]
        widgets = {
            "summary": forms.Textarea(attrs=SHORT_TEXTAREA),
            "problem": forms.Textarea(attrs=TEXTAREA),
            "how_it_works": forms.Textarea(attrs={"rows": 10}),
            "resources": forms.Textarea(attrs=SHORT_TEXTAREA),
            "results": forms.Textarea(attrs=TEXTAREA),
            "transferability": forms.Textarea(attrs=TEXTAREA),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The querysets are already narrowed to what the person may see (PortalModelForm).
        for name in ("provider", "network"):
            self.fields[name].queryset = (self.fields[name].queryset
                                          .only("pk", "name", "country").order_by("name"))

    def m2m(self) -> dict:
        return {name: self.cleaned_data[name] for name in M2M}


class SubmitNoteForm(PortalForm):
    """An author's optional note to the reviewers when submitting."""

    comment = forms.CharField(label=_("Note to the reviewers"), required=False,
                              widget=forms.Textarea(attrs=SHORT_TEXTAREA))


class GoodPracticeAttachmentForm(PortalModelForm):
    class Meta:
        model = GoodPracticeAttachment
        fields = ["title", "language", "file"]
