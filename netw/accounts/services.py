"""Invitations: the only way in. Coordinators invite, the invitee accepts once, before expiry."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from netw.models import Invitation, User
from netw.roles import Role


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
