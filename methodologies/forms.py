from __future__ import annotations

import zoneinfo

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from netw.forms import (
    ModelMultipleChoiceField,
    PortalForm,
    PortalModelForm,
    nameable_people,
)
from netw.licences import LicensedFormMixin
from netw.timezones import TimezoneField
from netw.topics import TOPICS
from netw.translations import TranslationFormMixin
from netw.widgets import DateInput, FilterableCheckboxList
from providers.models import Sector, TargetGroup

from .models import (
    Adoption,
    Attachment,
    DisseminationActivity,
    MatchmakingProfile,
    Methodology,
    Publication,
    PublicationFile,
    Roundtable,
    StudyVisit,
)

TEXTAREA = {"rows": 8}
SHORT_TEXTAREA = {"rows": 3}


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class MethodologyForm(LicensedFormMixin, PortalModelForm):
    """Everything but the workflow: a draft may be incomplete; submitting checks the rest."""

    target_groups = ModelMultipleChoiceField(
        label=_("Target groups"), queryset=TargetGroup.objects.all(), required=False,
        widget=forms.CheckboxSelectMultiple)
    sectors = ModelMultipleChoiceField(
        label=_("Sectors"), queryset=Sector.objects.all(), required=False,
        widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Methodology
        fields = ["title", "owner_partner", "language", "summary", "body", "problem",
                  "target_groups", "sectors", "learning_setting", "duration", "country",
                  "origin_provider", "origin_organisation", "evidence", "transfer", "resources",
                  "related", "licence"]
        widgets = {
            "summary": forms.Textarea(attrs=SHORT_TEXTAREA),
            "body": forms.Textarea(attrs={"rows": 12}),
            "problem": forms.Textarea(attrs=TEXTAREA),
            "evidence": forms.Textarea(attrs=TEXTAREA),
            "transfer": forms.Textarea(attrs=TEXTAREA),
            "resources": forms.Textarea(attrs=SHORT_TEXTAREA),
            "related": FilterableCheckboxList,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The querysets are already narrowed to what the user may see (PortalModelForm).
        related = (self.fields["related"].queryset.originals().only("pk", "title")
                   .order_by("title"))
        if self.instance.pk:
            related = related.exclude(pk=self.instance.pk)
        self.fields["related"].queryset = related
        self.fields["related"].required = False
        self.fields["origin_provider"].queryset = (
            self.fields["origin_provider"].queryset.only("pk", "name", "country")
            .order_by("name"))


class MethodologyTranslationForm(TranslationFormMixin, PortalModelForm):
    """A translation: its language, its partner (the translator's) and the original's text to
    translate; the facts (target groups, country, …) stay the original's."""

    class Meta:
        model = Methodology
        fields = ["language", "owner_partner", *Methodology.translatable_fields]
        widgets = MethodologyForm.Meta.widgets


class AttachmentForm(PortalModelForm):
    class Meta:
        model = Attachment
        fields = ["title", "language", "file"]


class ReviewForm(PortalForm):
    """An author's optional note to the reviewers when submitting."""

    comment = forms.CharField(label=_("Note to the reviewers"), required=False,
                              widget=forms.Textarea(attrs=SHORT_TEXTAREA))


class PublicationForm(LicensedFormMixin, PortalModelForm):
    class Meta:
        model = Publication
        fields = ["title", "owner_partner", "kind", "language", "summary", "issued_on",
                  "licence"]
        widgets = {"summary": forms.Textarea(attrs=TEXTAREA),
                   "issued_on": DateInput()}


class PublicationTranslationForm(TranslationFormMixin, PortalModelForm):
    """A translation of a publication's record: its language, its partner (the translator's),
    title and summary; the files stay the original's."""

    class Meta:
        model = Publication
        fields = ["language", "owner_partner", *Publication.translatable_fields]
        widgets = {"summary": forms.Textarea(attrs=TEXTAREA)}


class PublicationFileForm(PortalModelForm):
    class Meta:
        model = PublicationFile
        fields = ["language", "file"]
        help_texts = {"file": _("PDF, EPUB, DOCX or ODT, up to 50 MB. A version already there "
                                "in this language is replaced (the earlier one stays in the "
                                "history).")}

    def validate_unique(self):
        # Uploading a language that already exists replaces it (publication_file_put).
        pass


class EventFormMixin(PortalModelForm):
    timezone = TimezoneField(help_text=_("The times above are in this time zone."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Show and read the times in the event's own time zone.
        tz_name = self.data.get(self.add_prefix("timezone")) or self.instance.timezone or \
            settings.TIME_ZONE
        try:
            self._tz = zoneinfo.ZoneInfo(tz_name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a too-long name
            self._tz = zoneinfo.ZoneInfo(settings.TIME_ZONE)
        for name in ("starts_at", "ends_at"):
            value = getattr(self.instance, name, None)
            if value and not self.is_bound:
                self.initial[name] = value.astimezone(self._tz).replace(tzinfo=None)

    def _localise(self, name: str):
        value = self.cleaned_data.get(name)
        if value is not None:
            value = value.replace(tzinfo=None).replace(tzinfo=self._tz)
        return value

    def clean_starts_at(self):
        return self._localise("starts_at")

    def clean_ends_at(self):
        return self._localise("ends_at")


class RoundtableForm(EventFormMixin):
    participants = ModelMultipleChoiceField(
        label=_("Participants"), required=False, queryset=nameable_people(),
        widget=FilterableCheckboxList,
        help_text=_("They are notified and receive a calendar invitation."))

    class Meta:
        model = Roundtable
        fields = ["title", "theme", "owner_partner", "language", "starts_at", "ends_at",
                  "timezone", "location", "online_url", "description", "is_public",
                  "methodologies", "participants",
                  "other_participants", "conclusions", "outcomes"]
        widgets = {"starts_at": DateTimeInput(), "ends_at": DateTimeInput(),
                   "description": forms.Textarea(attrs=SHORT_TEXTAREA),
                   "other_participants": forms.Textarea(attrs=SHORT_TEXTAREA),
                   "conclusions": forms.Textarea(attrs=TEXTAREA),
                   "methodologies": FilterableCheckboxList, "outcomes": FilterableCheckboxList}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("methodologies", "outcomes"):
            # Already narrowed to what the user may see (PortalModelForm).
            # Originals only: a translation is a version of one, not another methodology.
            self.fields[name].queryset = (self.fields[name].queryset.originals()
                                          .only("pk", "title").order_by("title"))
            self.fields[name].required = False
        self.fields["conclusions"].help_text = _("Afterwards: what the roundtable concluded.")


class DisseminationForm(PortalModelForm):
    class Meta:
        model = DisseminationActivity
        fields = ["owner_partner", "kind", "date", "title", "channel", "audience",
                  "people_reached", "country", "link", "evidence", "notes", "language"]
        widgets = {"date": DateInput(),
                   "notes": forms.Textarea(attrs=SHORT_TEXTAREA)}


def topic_field(label, **kwargs) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label, required=False, widget=forms.CheckboxSelectMultiple,
        choices=[(slug, name) for slug, name, _description in TOPICS], **kwargs)


class StudyVisitForm(EventFormMixin):
    topics = topic_field(_("Topics"))
    participants = ModelMultipleChoiceField(
        label=_("Participants"), required=False, queryset=nameable_people(),
        widget=FilterableCheckboxList,
        help_text=_("They are notified and receive a calendar invitation."))

    class Meta:
        model = StudyVisit
        fields = ["title", "owner_partner", "visiting_network", "host_network", "language",
                  "starts_at", "ends_at", "timezone", "location", "online_url", "topics",
                  "objectives",
                  "programme", "participants", "other_participants", "report",
                  "lessons_learnt"]
        widgets = {"starts_at": DateTimeInput(), "ends_at": DateTimeInput(),
                   "objectives": forms.Textarea(attrs=SHORT_TEXTAREA),
                   "programme": forms.Textarea(attrs=TEXTAREA),
                   "other_participants": forms.Textarea(attrs=SHORT_TEXTAREA),
                   "report": forms.Textarea(attrs=TEXTAREA),
                   "lessons_learnt": forms.Textarea(attrs=TEXTAREA)}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Already narrowed to what the user may see (PortalModelForm).
        for name, maturity in (("visiting_network", "emerging"), ("host_network", "established")):
            self.fields[name].queryset = (self.fields[name].queryset.filter(maturity=maturity)
                                          .order_by("name"))


class MatchmakingProfileForm(PortalModelForm):
    wants = topic_field(_("What this network wants to learn"),
                        help_text=_("For an emerging network."))
    offers = topic_field(_("What this network can offer"),
                         help_text=_("For an established network."))

    class Meta:
        model = MatchmakingProfile
        fields = ["wants", "offers", "notes"]
        widgets = {"notes": forms.Textarea(attrs=SHORT_TEXTAREA)}


class AdoptionForm(PortalModelForm):
    class Meta:
        model = Adoption
        fields = ["provider", "owner_partner", "place", "since", "result"]
        widgets = {"since": DateInput(),
                   "result": forms.Textarea(attrs=SHORT_TEXTAREA)}

    def __init__(self, *args, methodology=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.methodology = methodology
        # The providers the user may see (PortalModelForm), not every provider: another
        # partner's unverified providers are not theirs to name.
        self.fields["provider"].queryset = self.fields["provider"].queryset.order_by("name")

    def clean_provider(self):
        provider = self.cleaned_data["provider"]
        if self.methodology and Adoption.objects.filter(
                methodology=self.methodology, provider=provider).exclude(
                pk=self.instance.pk).exists():
            raise forms.ValidationError(_("This provider's adoption is already recorded."))
        return provider
