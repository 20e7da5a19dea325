"""The learner's forms: sign-up, profile, quiz, revoking a certificate."""

from __future__ import annotations

import secrets

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from netw.forms import HoneypotForm, ModelChoiceField, PortalForm, PortalModelForm
from netw.models import User
from netw.widgets import QuickSelect
from providers.models import Network, Provider

from .models import LearnerProfile, Lesson, QuestionKind

ORGANISATION_HELP = _("Choose your provider or network if it is in the registry; otherwise type "
                      "its name. Your completed courses then count for it.")


def _public_providers():
    # Only what a visitor may see: verified providers and public networks, never a draft.
    return Provider.objects.visible_to(AnonymousUser()).order_by("name")


def _public_networks():
    return Network.objects.visible_to(AnonymousUser()).order_by("name")


class _OrganisationMixin:
    def _organisation_fields(self) -> None:
        self.fields["provider"] = ModelChoiceField(
            label=_("Provider you work for"), queryset=_public_providers(), required=False,
            widget=QuickSelect, empty_label=_("None, or not in the list"))
        self.fields["network"] = ModelChoiceField(
            label=_("Network you work for"), queryset=_public_networks(), required=False,
            widget=QuickSelect, empty_label=_("None, or not in the list"))


class LearnerSignupForm(_OrganisationMixin, HoneypotForm):
    email = forms.EmailField(label=_("E-mail address"), max_length=254,
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    display_name = forms.CharField(
        label=_("Your name, as it should appear on your certificates"), max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}))
    password1 = forms.CharField(
        label=_("Password"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html())
    password2 = forms.CharField(
        label=_("Password (again)"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False,
                                   help_text=ORGANISATION_HELP)
    country = LazyTypedChoiceField(label=_("Country"), required=False, widget=QuickSelect,
                                   choices=[("", _("Not given"))] + list(countries))
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._organisation_fields()
        self.order_fields(["email", "display_name", "password1", "password2", "provider",
                           "network", "organisation", "country", "website"])

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords do not match."))
        if p1:
            probe = User(email=cleaned.get("email", ""),
                         first_name=cleaned.get("display_name", ""))
            try:
                password_validation.validate_password(p1, probe)
            except forms.ValidationError as exc:
                self.add_error("password1", exc)
        return cleaned


class LearnerProfileForm(_OrganisationMixin, PortalModelForm):
    class Meta:
        model = LearnerProfile
        fields = ["display_name", "organisation", "country", "progress_reminders"]
        help_texts = {"organisation": ORGANISATION_HELP}
        widgets = {"country": QuickSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._organisation_fields()
        instance = self.instance
        if instance.pk:
            self.initial.setdefault("provider", instance.provider_id)
            self.initial.setdefault("network", instance.network_id)
        self.order_fields(["display_name", "provider", "network", "organisation", "country",
                           "progress_reminders"])


def new_nonce() -> str:
    return secrets.token_urlsafe(24)


class QuizForm(PortalForm):
    """One field per question (radio buttons or checkboxes); the nonce identifies this copy of
    the form, so sending it twice records one attempt."""

    nonce = forms.CharField(widget=forms.HiddenInput, max_length=64, min_length=16)

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["nonce"] = new_nonce()
        self.questions = questions
        for question in questions:
            choices = [(str(c.pk), c.text) for c in question.choices.all()]
            if question.kind == QuestionKind.MULTIPLE:
                field = forms.MultipleChoiceField(
                    label=question.text, choices=choices, widget=forms.CheckboxSelectMultiple,
                    help_text=_("Choose every right answer."))
            else:
                field = forms.ChoiceField(label=question.text, choices=choices,
                                          widget=forms.RadioSelect)
            self.fields[f"q{question.pk}"] = field

    def answers(self) -> dict[str, list[int]]:
        found: dict[str, list[int]] = {}
        for question in self.questions:
            value = self.cleaned_data.get(f"q{question.pk}")
            values = value if isinstance(value, list) else [value]
            found[str(question.pk)] = sorted(int(v) for v in values if v)
        return found


class RevokeCertificateForm(PortalForm):
    reason = forms.CharField(label=_("Reason for revoking"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("The verification page shows that the certificate "
                                         "was revoked; the reason stays in the record."))


def lesson_language(lesson: Lesson) -> str:
    return lesson.module.course.language or settings.LANGUAGE_CODE
