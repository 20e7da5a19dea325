from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netw import roles
from netw.forms import (
    ModelMultipleChoiceField,
    PortalForm,
    PortalModelForm,
    partners_for_new_records,
)
from providers.models import Partner, Sector, TargetGroup

from .models import Commitment, GoodPractice, Milestone, MilestoneStatus, RoadmapPhase

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


# --- The roadmap and the commitments --------------------------------------------------------------

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RoadmapPhaseForm(PortalModelForm):
    """A phase; the model refuses an end before the start, next to the end date."""

    class Meta:
        model = RoadmapPhase
        fields = ["title", "description", "starts_on", "ends_on", "is_public"]
        widgets = {"description": forms.Textarea(attrs=SHORT_TEXTAREA),
                   "starts_on": DATE, "ends_on": DATE}


class MilestoneForm(PortalModelForm):
    """A milestone; the model refuses a due date before its phase starts, next to the date."""

    class Meta:
        model = Milestone
        fields = ["phase", "title", "description", "owner_partner", "due_on", "status",
                  "done_on", "is_public", "recommendations"]
        labels = {"owner_partner": _("Responsible partner")}
        help_texts = {"owner_partner": _("Its members may update the milestone's status."),
                      "recommendations": _("The policy recommendations this milestone carries "
                                           "forward.")}
        widgets = {"description": forms.Textarea(attrs=SHORT_TEXTAREA), "due_on": DATE,
                   "done_on": DATE, "recommendations": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The WP3 lead shares the milestones out among all the partners: any partner may be
        # responsible, on a new milestone and on an existing one.
        owner = self.fields["owner_partner"]
        owner.queryset = Partner.objects.all()
        owner.disabled = False
        owner.empty_label = None
        self.fields["phase"].empty_label = None
        self.fields["recommendations"].queryset = (self.fields["recommendations"].queryset
                                                   .only("pk", "title").order_by("title"))


class MilestoneStatusForm(PortalModelForm):
    """How the milestone stands, for its responsible partner's staff."""

    class Meta:
        model = Milestone
        fields = ["status", "done_on"]
        widgets = {"done_on": DATE}
        help_texts = {"done_on": _("For a milestone done: the day it was done (today if left "
                                   "empty).")}

    def clean_done_on(self):
        done_on = self.cleaned_data.get("done_on")
        if done_on and done_on > timezone.localdate():
            raise forms.ValidationError(_("A milestone cannot be done in the future."))
        return done_on

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("done_on") and cleaned.get("status") != MilestoneStatus.DONE:
            self.add_error("done_on", _("Only a milestone done has a date done: choose “done”, "
                                        "or leave the date empty."))
        return cleaned


class CommitmentForm(PortalModelForm):
    """A commitment of a partner or of a registered stakeholder. The committed partner is one
    of the person's own (any for a coordinator); the stakeholders, recommendations and
    milestones offered are those the person may see."""

    class Meta:
        model = Commitment
        fields = ["owner_partner", "partner", "stakeholder", "description", "due_on", "status",
                  "recommendation", "milestone", "evidence_link", "evidence_file"]
        labels = {"owner_partner": _("Recorded by (partner)")}
        help_texts = {
            "partner": _("The partner that commits; leave empty for a stakeholder."),
            "stakeholder": _("A stakeholder of the registry that commits; leave empty for a "
                             "partner."),
            "evidence_link": _("A letter, a decision, a press release… Seen by the partners "
                               "only."),
            "evidence_file": _("Seen by the partners only."),
        }
        widgets = {"description": forms.Textarea(attrs=SHORT_TEXTAREA), "due_on": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        partner = self.fields["partner"]
        mine = partners_for_new_records(self.user)
        current = self._current_ids("partner")
        partner.queryset = (Partner.objects.filter(pk__in=[*mine.values_list("pk", flat=True),
                                                         *current]))
        if self.instance.pk is None and "partner" not in self.initial:
            primary = roles.primary_membership(self.user)
            self.initial["partner"] = primary.partner_id if primary else None
        self.fields["stakeholder"].queryset = (self.fields["stakeholder"].queryset
                                               .only("pk", "name").order_by("name"))
        self.fields["recommendation"].queryset = (self.fields["recommendation"].queryset
                                                  .only("pk", "title").order_by("title"))
        self.fields["milestone"].queryset = (self.fields["milestone"].queryset
                                             .only("pk", "title", "due_on").order_by("due_on"))

    def clean(self):
        cleaned = super().clean()
        partner, stakeholder = cleaned.get("partner"), cleaned.get("stakeholder")
        if partner and stakeholder:
            self.add_error("stakeholder", _("A commitment is made by one partner or one "
                                            "stakeholder: leave one of them empty."))
        elif not partner and not stakeholder and not self.has_error("partner") \
                and not self.has_error("stakeholder"):
            self.add_error("partner", _("Say who commits: a partner or a stakeholder."))
        return cleaned
