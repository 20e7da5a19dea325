"""Invitations: the only way in. Coordinators invite, the invitee accepts once, before expiry."""

from __future__ import annotations

import logging
import secrets
from importlib import import_module

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from netw.models import Invitation, User
from netw.roles import Role, forget_memberships

logger = logging.getLogger(__name__)


@transaction.atomic
def invitation_create(
    *, email: str, partner, role: str, invited_by: User, language: str = "en"
) -> Invitation:
    email = email.strip().lower()
    if User.objects.filter(email=email).exists():
        raise ValidationError({"email": _("A person with this e-mail address already has an "
                                          "account.")})
    # A new invitation replaces any still-pending one for the same address.
    Invitation.objects.pending().filter(email=email).update(revoked_at=timezone.now())
    invitation = Invitation.objects.create(
        email=email,
        partner=partner,
        role=Role(role),
        invited_by=invited_by,
        language=language,
        expires_at=timezone.now() + settings.INVITATION_VALID_FOR,
    )
    # In this transaction: the e-mail's outbox row commits with the invitation, so a broker
    # that is down only delays it (the sweeper sends it), and it is never sent twice.
    invitation_send(invitation_id=invitation.pk)
    return invitation


def invitation_send(*, invitation_id: int) -> bool:
    """Put the invitation e-mail in the outbox (netw.notifications), once.

    ``sent_at`` records the hand-over: a second call, or an unusable invitation, writes nothing.
    Delivery, retries and the "failed" mark are the outbox's (coordinators see a refused
    invitation among the failed notifications).
    """
    from netw.notifications.services import notify_address

    with transaction.atomic():
        invitation = (
            # Lock only the invitation row: PostgreSQL refuses to lock the nullable side of the
            # outer join to the inviter.
            Invitation.objects.select_for_update(of=("self",))
            .select_related("partner", "invited_by")
            .filter(pk=invitation_id)
            .first()
        )
        if invitation is None or invitation.sent_at or not invitation.is_usable:
            return False
        notify_address(
            email=invitation.email,
            kind="invitation",
            template="emails/invitation",
            context={
                "invitation": invitation,
                "accept_url": settings.SITE_URL + invitation.get_absolute_url(),
                "valid_days": settings.INVITATION_VALID_FOR.days,
            },
            language=invitation.language,
        )
        invitation.sent_at = timezone.now()
        invitation.save(update_fields=["sent_at", "updated_at"])
    return True


@transaction.atomic
def invitation_accept(
    *, token: str, first_name: str, last_name: str, password: str, language: str = ""
) -> User:
    from providers.models import Membership

    invitation = Invitation.objects.select_for_update().filter(token=token).first()
    if invitation is None or not invitation.is_usable:
        raise ValidationError(_("This invitation link is no longer valid."))
    if User.objects.filter(email=invitation.email).exists():
        raise ValidationError(_("An account with this e-mail address already exists."))
    user = User.objects.create_user(
        email=invitation.email,
        password=password,
        first_name=first_name,
        last_name=last_name,
        language=language or invitation.language,
    )
    # The invitation link proved the address.
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    Membership.objects.create(user=user, partner=invitation.partner, role=invitation.role)
    invitation.accepted_at = timezone.now()
    invitation.accepted_user = user
    invitation.save(update_fields=["accepted_at", "accepted_user", "updated_at"])
    return user


def invitation_revoke(*, invitation: Invitation) -> None:
    if invitation.accepted_at is None and invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at", "updated_at"])


# --- Closing an account (GDPR: the right to erasure) -------------------------------------------

# Stored in place of the name; shown translated (netw.models.User.get_full_name).
FORMER_MEMBER = "Former member"


def is_last_coordinator(user: User) -> bool:
    """Whether closing ``user``'s account would leave the project without an active coordinator
    (someone must still be able to invite people and restore records)."""
    from providers.models import Membership

    coordinators = Membership.objects.filter(role=Role.COORDINATOR, user__is_active=True)
    return (coordinators.filter(user=user).exists()
            and not coordinators.exclude(user=user).exists())


def _end_sessions(user: User) -> None:
    """Delete the sessions of ``user``, their cached copies too. A session names its user only
    inside its encoded data, so the live sessions are read in batches; closing is rare. (The
    unusable password already invalidates them: Django checks the password hash on every
    request.)"""
    from django.contrib.sessions.models import Session

    stale = []
    live = Session.objects.filter(expire_date__gt=timezone.now())
    for session in live.iterator(chunk_size=500):
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            stale.append(session.pk)
    store = import_module(settings.SESSION_ENGINE).SessionStore
    for key in stale:
        store(session_key=key).delete()


@transaction.atomic
def account_close(*, user: User) -> User:
    """Deactivate ``user``'s account and remove their personal data.

    The name becomes "Former member", the address a unique one that is never delivered, the
    password unusable; confirmed addresses, second factors and sessions go, and each part of the
    portal removes what is the person's own (``netw.personal_data.erase``). What they created for
    their partner stays with the partner; its history keeps pointing at this (now anonymous)
    account. The last active coordinator cannot close their account.
    """
    from netw.personal_data import erase

    user = User.objects.select_for_update().get(pk=user.pk)
    if not user.is_active or user.is_closed:
        raise ValidationError(_("This account is already closed."))
    if is_last_coordinator(user):
        raise ValidationError(_("You are the project's last coordinator. Invite another "
                                "coordinator before you close your account, so that someone "
                                "can still manage the portal."))
    erase(user)
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    user.first_name = FORMER_MEMBER
    user.last_name = ""
    user.email = f"closed-{user.pk}-{secrets.token_hex(6)}@{User.CLOSED_DOMAIN}"
    user.set_unusable_password()
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.timezone = ""
    user.save()
    _end_sessions(user)
    forget_memberships(user)
    # The record of the closing: the account's number only, nothing that identifies the person.
    logger.info("Account %s closed by its holder.", user.pk)
    return user
