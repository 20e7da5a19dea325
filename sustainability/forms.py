from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from methodologies.forms import DateTimeInput, EventFormMixin
from methodologies.models import DisseminationActivity, Methodology
from netw import roles
from netw.filters import countries_focus_first
from netw.forms import (
    ModelChoiceField,
    ModelMultipleChoiceField,
    PortalForm,
    PortalModelForm,
    nameable_people,
    partners_for_new_records,
)
from netw.licences import LicensedFormMixin
from netw.translations import TranslationFormMixin
from netw.widgets import DateInput, FilterableCheckboxList, QuickSelect
from providers.models import Partner, Sector, Stakeholder, TargetGroup

from .models import (
    ActionPlan,
    AddresseeType,
    Commitment,
    ExpertMeeting,
    GoodPractice,
    GoodPracticeAttachment,
    MeetingMaterial,
    Milestone,
    MilestoneStatus,
    PlanAction,
    Recommendation,
    RoadmapPhase,
    UptakeStep,
)

TEXTAREA = {"rows": 6}
SHORT_TEXTAREA = {"rows": 3}
M2M = ("sectors", "target_groups", "presented_at")


class DisseminationChoiceField(ModelMultipleChoiceField):
    """Entries of the dissemination log, named by date, title and channel."""

    def label_from_instance(self, obj: DisseminationActivity) -> str:
        return f"{date_format(obj.date)} · {obj.title} · {obj.channel}"


class GoodPracticeForm(LicensedFormMixin, PortalModelForm):
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
                  "sectors", "target_groups", "presented_at", "licence"]
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


class GoodPracticeTranslationForm(TranslationFormMixin, PortalModelForm):
    """A translation: its language, its partner (the translator's) and the original's text to
    translate; the facts (funding model, country, …) stay the original's."""

    class Meta:
        model = GoodPractice
        fields = ["language", "owner_partner", *GoodPractice.translatable_fields]
        widgets = GoodPracticeForm.Meta.widgets


class RecommendationTranslationForm(TranslationFormMixin, PortalModelForm):
    """A translation: its language, its partner (the translator's) and the original's text to
    translate; the level, countries and grounding stay the original's."""

    class Meta:
        model = Recommendation
        fields = ["language", "owner_partner", *Recommendation.translatable_fields]
        widgets = {"summary": forms.Textarea(attrs=SHORT_TEXTAREA),
                   "text": forms.Textarea(attrs={"rows": 12})}


class SubmitNoteForm(PortalForm):
    """An author's optional note to the reviewers when submitting."""

    comment = forms.CharField(label=_("Note to the reviewers"), required=False,
                              widget=forms.Textarea(attrs=SHORT_TEXTAREA))


# --- The roadmap and the commitments --------------------------------------------------------------

DATE = DateInput()


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
        # Originals only: a translation is a version of a recommendation, not another one.
        self.fields["recommendations"].queryset = (self.fields["recommendations"].queryset
                                                   .originals().only("pk", "title")
                                                   .order_by("title"))


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
                                                  .originals().only("pk", "title")
                                                  .order_by("title"))
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
        widgets = {"starts_on": DateInput(),
                   "due_on": DateInput(),
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
# --- Expert meetings ------------------------------------------------------------------------------
# The times are read and shown in the meeting's own time zone, as for WP2's roundtables (whose
# form mixin this reuses rather than copies).





class ExpertMeetingForm(EventFormMixin):
    """Scheduling and changing a meeting; minutes and conclusions have their own form, for after
    the meeting has started."""

    participants = ModelMultipleChoiceField(
        label=_("Participants from the partners"), required=False, queryset=nameable_people(),
        widget=FilterableCheckboxList,
        help_text=_("They are notified and receive a calendar invitation."))

    class Meta:
        model = ExpertMeeting
        fields = ["title", "owner_partner", "language", "starts_at", "ends_at", "timezone",
                  "location", "online_url", "description", "agenda", "is_public",
                  "participants"]
        widgets = {"starts_at": DateTimeInput(), "ends_at": DateTimeInput(),
                   "description": forms.Textarea(attrs=SHORT_TEXTAREA),
                   "agenda": forms.Textarea(attrs=TEXTAREA)}
        help_texts = {"online_url": _("Shown only to the people taking part, the organising "
                                      "partner, the WP3 leads and the coordinators; invited "
                                      "experts get it by e-mail.")}


class ExpertGuestForm(PortalForm):
    """An expert from the registry, or a guest by name. An e-mail address brings an invitation
    with the calendar entry; without one the expert is only listed."""

    stakeholder = ModelChoiceField(
        label=_("From the stakeholder registry"), queryset=Stakeholder.objects.all(),
        required=False, help_text=_("Or leave empty and give the expert's name below."))
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    expertise = forms.CharField(label=_("Expertise"), max_length=300, required=False,
                                help_text=_("Shown to visitors of a public meeting, with the "
                                            "organisation (names are for the partners)."))
    email = forms.EmailField(label=_("E-mail"), required=False,
                             help_text=_("Optional. With an address, the expert receives an "
                                         "invitation with the calendar entry."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Already narrowed to the stakeholders this person may see (PortalForm).
        self.fields["stakeholder"].queryset = (self.fields["stakeholder"].queryset
                                               .only("pk", "name").order_by("name", "pk"))

    def clean(self):
        data = super().clean()
        if not data.get("stakeholder") and not data.get("name", "").strip() \
                and "name" not in self.errors:
            self.add_error("name", _("Choose a stakeholder from the registry or give a name."))
        return data


class MeetingMaterialForm(PortalModelForm):
    class Meta:
        model = MeetingMaterial
        fields = ["title", "file", "link"]
        help_texts = {"file": _("Seen by the partners' staff only."),
                      "link": _("Or a link to the material.")}

    def clean(self):
        data = super().clean()
        if not data.get("file") and not data.get("link") and not self.errors.get("file") \
                and not self.errors.get("link"):
            self.add_error("file", _("Upload a file or give a link."))
        return data


class MeetingMinutesForm(PortalModelForm):
    """Minutes and conclusions: only once the meeting has started."""

    class Meta:
        model = ExpertMeeting
        fields = ["minutes", "conclusions"]
        widgets = {"minutes": forms.Textarea(attrs={"rows": 12}),
                   "conclusions": forms.Textarea(attrs=TEXTAREA)}
        help_texts = {"conclusions": _("What the experts and partners concluded. Markdown: "
                                       "**bold**, *italics*, lists, links. Visitors read the "
                                       "conclusions of a public meeting; the minutes are for "
                                       "the partners.")}

    def clean(self):
        data = super().clean()
        if not self.instance.has_started:
            raise forms.ValidationError(
                _("The meeting has not started yet: minutes and conclusions can be recorded "
                  "from %(when)s.") % {"when": date_format(self.instance.local_starts_at,
                                                            "DATETIME_FORMAT")},
                code="not_started")
        return data


# --- Policy recommendations and their uptake ------------------------------------------------------

RECOMMENDATION_M2M = ("addressees", "good_practices", "methodologies")


class RecommendationForm(LicensedFormMixin, PortalModelForm):
    """Everything but the workflow: a draft may be incomplete; submitting checks the rest. The
    grounding practices and methodologies offered are the published ones the person may see
    (a link already made stays a choice)."""

    countries = forms.TypedMultipleChoiceField(
        label=_("Countries addressed"), required=False, choices=countries_focus_first,
        widget=FilterableCheckboxList,
        help_text=_("Leave empty for a Europe-wide recommendation."))
    addressees = ModelMultipleChoiceField(
        label=_("Addressed to"), queryset=AddresseeType.objects.all(), required=False,
        widget=forms.CheckboxSelectMultiple)
    good_practices = ModelMultipleChoiceField(
        label=_("Good practices that ground it"), required=False,
        queryset=GoodPractice.objects.published().originals().order_by("title"),
        widget=FilterableCheckboxList, help_text=_("Published good practices."))
    methodologies = ModelMultipleChoiceField(
        label=_("Methodologies that ground it"), required=False,
        queryset=Methodology.objects.published().originals().order_by("title"),
        widget=FilterableCheckboxList, help_text=_("Published methodologies."))

    class Meta:
        model = Recommendation
        fields = ["title", "owner_partner", "language", "summary", "text", "level", "countries",
                  "addressees", "good_practices", "methodologies", "licence"]
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
            "date": DateInput(),
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


class GoodPracticeAttachmentForm(PortalModelForm):
    class Meta:
        model = GoodPracticeAttachment
        fields = ["title", "language", "file"]
