from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from methodologies.models import Methodology
from netw.filters import countries_focus_first
from netw.forms import ModelMultipleChoiceField, PortalForm, PortalModelForm
from netw.widgets import QuickSelect
from providers.models import Sector, TargetGroup

from .models import AddresseeType, GoodPractice, Recommendation, UptakeStep

TEXTAREA = {"rows": 6}
SHORT_TEXTAREA = {"rows": 3}
M2M = ("sectors", "target_groups")


class GoodPracticeForm(PortalModelForm):
    """Everything but the workflow: a draft may be incomplete; submitting checks the rest."""

    sectors = ModelMultipleChoiceField(
        label=_("Sectors"), queryset=Sector.objects.all(), required=False,
        widget=forms.CheckboxSelectMultiple)
    target_groups = ModelMultipleChoiceField(
        label=_("Target groups"), queryset=TargetGroup.objects.all(), required=False,
        widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = GoodPractice
        fields = ["title", "owner_partner", "language", "summary", "funding_model", "country",
                  "level", "provider", "network", "organisation", "problem", "how_it_works",
                  "resources", "results", "revenue_share", "years_running", "transferability",
                  "sectors", "target_groups"]
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


# --- Policy recommendations and their uptake ------------------------------------------------------

RECOMMENDATION_M2M = ("addressees", "good_practices", "methodologies")


class RecommendationForm(PortalModelForm):
    """Everything but the workflow: a draft may be incomplete; submitting checks the rest. The
    grounding practices and methodologies offered are the published ones the person may see
    (a link already made stays a choice)."""

    countries = forms.TypedMultipleChoiceField(
        label=_("Countries addressed"), required=False, choices=countries_focus_first,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Leave empty for a Europe-wide recommendation. Hold Ctrl (or ⌘) to choose "
                    "several."))
    addressees = ModelMultipleChoiceField(
        label=_("Addressed to"), queryset=AddresseeType.objects.all(), required=False,
        widget=forms.CheckboxSelectMultiple)
    good_practices = ModelMultipleChoiceField(
        label=_("Good practices that ground it"), required=False,
        queryset=GoodPractice.objects.published().order_by("title"),
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Published good practices. Hold Ctrl (or ⌘) to choose several."))
    methodologies = ModelMultipleChoiceField(
        label=_("Methodologies that ground it"), required=False,
        queryset=Methodology.objects.published().order_by("title"),
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Published methodologies. Hold Ctrl (or ⌘) to choose several."))

    class Meta:
        model = Recommendation
        fields = ["title", "owner_partner", "language", "summary", "text", "level", "countries",
                  "addressees", "good_practices", "methodologies"]
        widgets = {
            "summary": forms.Textarea(attrs=SHORT_TEXTAREA),
            "text": forms.Textarea(attrs={"rows": 12}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["countries"] = [c.code for c in self.instance.countries]

    def m2m(self) -> dict:
        return {name: self.cleaned_data[name] for name in RECOMMENDATION_M2M}


class UptakeStepForm(PortalModelForm):
    """One step of a recommendation's uptake in one country. The countries offered are those the
    recommendation addresses (every country for a Europe-wide one); the model checks the rest
    (netw: a reason to go back a stage)."""

    class Meta:
        model = UptakeStep
        fields = ["owner_partner", "country", "stage", "date", "stakeholder", "evidence_link",
                  "evidence_file", "note", "reason"]
        labels = {"owner_partner": _("Recorded for")}
        help_texts = {
            "owner_partner": _("The partner that records this step."),
            "evidence_link": _("A public page: a press release, minutes, the law's text. "
                               "Everyone sees it."),
            "evidence_file": _("A letter, minutes, a decision: only the partners' staff may "
                               "open it."),
        }
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "note": forms.Textarea(attrs=SHORT_TEXTAREA),
            "reason": forms.Textarea(attrs=SHORT_TEXTAREA),
            "stakeholder": QuickSelect,
        }

    def __init__(self, *args, recommendation: Recommendation, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.recommendation = recommendation
        self.fields["date"].initial = timezone.localdate
        country = self.fields["country"]
        if recommendation.is_europe_wide:
            country.choices = [("", "---------"), *countries_focus_first()]
        else:
            country.choices = [("", "---------"),
                               *((c.code, c.name) for c in recommendation.countries)]
            country.error_messages["invalid_choice"] = _(
                "This recommendation does not address that country. It addresses: "
                "%(countries)s.") % {"countries": ", ".join(
                    str(c.name) for c in recommendation.countries)}
        stakeholder = self.fields["stakeholder"]
        # Scoped to the registry's stakeholders this person may see (PortalModelForm).
        stakeholder.queryset = stakeholder.queryset.only("pk", "name", "country").order_by(
            "name", "pk")
        stakeholder.help_text = _("The authority, funder or other actor, if it is in the "
                                  "registry.")
