"""The account itself: name, address, settings, confirmed addresses, second factors."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.db.models import Q
from django.utils.translation import gettext as _

from netw.models import Invitation
from netw.personal_data import Field, Section, section

# Put in place of the address on the invitations that were sent to a closed account.
CLOSED_INVITEE = "former-member@closed.invalid"


def _invitations(user):
    return Invitation.objects.filter(Q(accepted_user=user) | Q(email=user.email))


def personal_data(user) -> list[Section]:
    return [
        section("accounts.account", _("Your account"), [user], [
            Field("email", _("E-mail address"), lambda u: u.email),
            Field("first_name", _("First name"), lambda u: u.first_name),
            Field("last_name", _("Last name"), lambda u: u.last_name),
            Field("language", _("Interface language"), lambda u: u.get_language_display()),
            Field("timezone", _("Time zone"), lambda u: u.timezone),
            Field("date_joined", _("Account created"), lambda u: u.date_joined),
            Field("last_login", _("Last log-in"), lambda u: u.last_login),
        ]),
        section("accounts.email_addresses", _("E-mail addresses"),
                EmailAddress.objects.filter(user=user).order_by("pk"), [
                    Field("email", _("E-mail address"), lambda e: e.email),
                    Field("verified", _("Confirmed"), lambda e: e.verified),
                    Field("primary", _("Primary"), lambda e: e.primary),
                ]),
        section("accounts.authenticators", _("Second factors for logging in"),
                Authenticator.objects.filter(user=user).order_by("pk"), [
                    Field("type", _("Type"), lambda a: a.get_type_display()),
                    Field("created_at", _("Added"), lambda a: a.created_at),
                    Field("last_used_at", _("Last used"), lambda a: a.last_used_at),
                ],
                description=_("The secrets themselves are not shown.")),
        section("accounts.invitations", _("Invitations sent to you"),
                _invitations(user).select_related("partner").order_by("-created_at", "-pk"), [
                    Field("email", _("E-mail address"), lambda i: i.email),
                    Field("partner", _("Partner"), lambda i: i.partner.name),
                    Field("role", _("Role"), lambda i: i.get_role_display()),
                    Field("sent_at", _("Sent at"), lambda i: i.sent_at),
                    Field("accepted_at", _("Accepted at"), lambda i: i.accepted_at),
                ]),
    ]


def erase_personal_data(user) -> None:
    # Called before the account's address is replaced: the invitations still carry the old one.
    _invitations(user).update(email=CLOSED_INVITEE)
