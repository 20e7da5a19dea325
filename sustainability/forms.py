from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netw import roles
from netw.forms import (
    ModelChoiceField,
    ModelMultipleChoiceField,
    PortalForm,
    PortalModelForm,
    partners_for_new_records,
)
from providers.models import Partner, Sector, TargetGroup

from .models import (
    ActionPlan,
    Commitment,
    GoodPractice,
    Milestone,
    MilestoneStatus,
    PlanAction,
    RoadmapPhase,
)

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
# --- Long-term action plans (wt-plans) -----------------------------------------------------------

DATE = {"type": "date"}


class ActionPlanForm(PortalModelForm):
    """A plan of a network (owned by the partner that represents it) or of a partner."""

    class Meta:
        model = ActionPlan
        fields = ["title", "network", "owner_partner", "description"]
        widgets = {"description": forms.Textarea(attrs=TEXTAREA)}
        help_texts = {
            "network": _("A network has one plan, written by the partner that represents it. "
                         "Leave empty for your partner's own plan."),
            "owner_partner": _("The partner whose members write the plan."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .rules import is_wp3_lead

        owner = self.fields["owner_partner"]
        # The WP3 leads may start any partner's or network's plan, like the coordinators.
        if self.instance.pk is None and is_wp3_lead(self.user):
            owner.queryset = Partner.objects.all()
        # A network with a plan already is not offered (one plan per network).
        taken = ActionPlan.objects.exclude(pk=self.instance.pk).filter(network__isnull=False)
        self.fields["network"].queryset = (
            self.fields["network"].queryset.exclude(pk__in=taken.values("network_id"))
            .select_related("representing_partner").only(
                "pk", "name", "country", "representing_partner__short_name")
            .order_by("name"))

    def clean(self):
        cleaned = super().clean()
        network = cleaned.get("network")
        owner = cleaned.get("owner_partner") or (self.instance.owner_partner
                                                 if self.instance.pk else None)
        if network is not None and network.representing_partner_id and owner is not None \
                and network.representing_partner_id != owner.pk:
            represented_by = network.representing_partner
            if (self.instance.pk is None and self.fields["owner_partner"].queryset
                    .filter(pk=represented_by.pk).exists()):
                cleaned["owner_partner"] = represented_by
            else:
                self.add_error("network", _(
                    "%(network)s is represented by %(partner)s: its plan is theirs to write.")
                    % {"network": network.name, "partner": represented_by.short_name})
        elif network is None and owner is not None and ActionPlan.objects.filter(
                owner_partner=owner, network__isnull=True).exclude(pk=self.instance.pk).exists():
            self.add_error("network", _(
                "%(partner)s already has a plan without a network: choose a network, or add "
                "actions to that plan.") % {"partner": owner.short_name})
        return cleaned


class PlanActionForm(PortalModelForm):
    """An action of a plan, owned by a person (one of the partners' active members) or a
    partner."""

    # Not named owner_partner: the portal's forms treat that name as the record's own partner.
    partner = ModelChoiceField(
        label=_("Owner (partner)"), queryset=Partner.objects.all(), required=False,
        help_text=_("The partner responsible, when no one person is; its members are "
                    "reminded."))

    class Meta:
        model = PlanAction
        fields = ["description", "owner", "partner", "starts_on", "due_on", "status",
                  "progress", "milestone", "recommendation"]
        widgets = {"starts_on": forms.DateInput(attrs=DATE),
                   "due_on": forms.DateInput(attrs=DATE),
                   "progress": forms.NumberInput(attrs={"min": 0, "max": 100, "step": 5})}
        help_texts = {
            "owner": _("The person who does it: an active member of a partner."),
            "progress": _("From 0 to 100."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.initial.setdefault("partner", self.instance.owner_partner_id)
        self.fields["owner"].queryset = self.fields["owner"].queryset.order_by(
            "last_name", "first_name", "email")
        self.fields["owner"].label_from_instance = lambda user: (
            f"{user.get_full_name() or user.email}")

    def clean(self):
        cleaned = super().clean()
        # The model's clean() then asks for an owner, person or partner, next to "owner".
        self.instance.owner_partner = cleaned.get("partner")
        return cleaned


class PlanActionDoneForm(PortalForm):
    """Mark an action done (``done=1``) or open it again (``done=0``)."""

    done = forms.TypedChoiceField(choices=[("1", "1"), ("0", "0")], coerce=lambda v: v == "1",
                                  required=False, empty_value=True)
