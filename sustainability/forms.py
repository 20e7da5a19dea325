from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from netw.forms import ModelMultipleChoiceField, PortalForm, PortalModelForm
from providers.models import Sector, TargetGroup

from .models import GoodPractice

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


# --- Expert meetings ------------------------------------------------------------------------------
# The times are read and shown in the meeting's own time zone, as for WP2's roundtables (whose
# form mixin this reuses rather than copies).

from django.utils.formats import date_format  # noqa: E402

from methodologies.forms import DateTimeInput, EventFormMixin  # noqa: E402
from netw.forms import ModelChoiceField, nameable_people  # noqa: E402
from providers.models import Stakeholder  # noqa: E402

from .models import ExpertMeeting, MeetingMaterial  # noqa: E402


class ExpertMeetingForm(EventFormMixin):
    """Scheduling and changing a meeting; minutes and conclusions have their own form, for after
    the meeting has started."""

    participants = ModelMultipleChoiceField(
        label=_("Participants from the partners"), required=False, queryset=nameable_people(),
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
