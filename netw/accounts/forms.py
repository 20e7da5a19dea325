from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from netw.forms import PortalForm, PortalModelForm
from netw.models import Invitation, User
from netw.roles import Role
from netw.timezones import TimezoneField
from providers.models import Partner


class InvitationForm(PortalModelForm):
    class Meta:
        model = Invitation
        fields = ["email", "partner", "role", "language"]
        widgets = {"email": forms.EmailInput(attrs={"autocomplete": "off"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = Partner.objects.order_by("short_name")
        self.fields["role"].choices = Role.choices
        self.fields["language"].help_text = _("The invitation e-mail is written in this language.")

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email=email).exists():
            raise forms.ValidationError(
                _("A person with this e-mail address already has an account.")
            )
        return email


class InvitationAcceptForm(PortalForm):
    first_name = forms.CharField(label=_("First name"), max_length=150,
                                 widget=forms.TextInput(attrs={"autocomplete": "given-name"}))
    last_name = forms.CharField(label=_("Last name"), max_length=150,
                                widget=forms.TextInput(attrs={"autocomplete": "family-name"}))
    language = forms.ChoiceField(label=_("Interface language"), choices=settings.LANGUAGES)
    password1 = forms.CharField(
        label=_("Password"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password (again)"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs):
        self.email = email
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords do not match."))
        if p1:
            probe = User(email=self.email, first_name=cleaned.get("first_name", ""),
                         last_name=cleaned.get("last_name", ""))
            try:
                password_validation.validate_password(p1, probe)
            except forms.ValidationError as exc:
                self.add_error("password1", exc)
        return cleaned


class ProfileForm(PortalModelForm):
    timezone = TimezoneField(
        required=False, blank_label=_("The project's (Europe/Brussels)"),
        help_text=_("Times of sessions and other events are shown in this zone."))

    class Meta:
        model = User
        fields = ["first_name", "last_name", "language", "timezone"]


class AccountCloseForm(PortalForm):
    """Closing one's own account: the password proves it is the person, not a borrowed session."""

    password = forms.CharField(
        label=_("Your password"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("To confirm that you want to close your account."),
    )

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."))
        return password
