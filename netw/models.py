from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from netw.roles import Role, is_coordinator
from netw.timezones import validate_timezone


class EmailUserManager(UserManager):
    """Users are identified by e-mail; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    language = models.CharField(
        _("interface language"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("Pages and e-mails are shown in this language."),
    )
    timezone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        validators=[validate_timezone],
        help_text=_("Times of sessions and other events are shown in this zone."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = EmailUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    # A closed account's address (netw.accounts.services.account_close): unique, never routed
    # (.invalid is reserved by RFC 2606), and the mark that the account was closed.
    CLOSED_DOMAIN = "closed.invalid"

    @property
    def is_closed(self) -> bool:
        return (self.email or "").endswith("@" + self.CLOSED_DOMAIN)

    def get_full_name(self) -> str:
        if self.is_closed:
            # Translated where it is shown; the stored name is the same placeholder in English.
            return gettext("Former member")
        return super().get_full_name()

    def get_short_name(self) -> str:
        return self.get_full_name() if self.is_closed else super().get_short_name()

    def save(self, *args, **kwargs):
        self.email = (self.email or "").lower()
        super().save(*args, **kwargs)


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class OwnedModel(TimeStampedModel):
    """A record a partner creates: it carries its owner partner and who made and changed it."""

    owner_partner = models.ForeignKey(
        "providers.Partner",
        verbose_name=_("owner partner"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        abstract = True


def _new_token() -> str:
    return secrets.token_urlsafe(32)


class InvitationQuerySet(models.QuerySet):
    def visible_to(self, user) -> InvitationQuerySet:
        """Invitations are the coordinators' business: nobody else sees one."""
        return self.all() if is_coordinator(user) else self.none()

    def pending(self) -> InvitationQuerySet:
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True,
                           expires_at__gt=timezone.now())


class Invitation(TimeStampedModel):
    """A one-time, expiring link that lets one person join one partner with one role."""

    email = models.EmailField(_("e-mail address"))
    partner = models.ForeignKey(
        "providers.Partner", verbose_name=_("partner"), on_delete=models.CASCADE,
        related_name="invitations",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    token = models.CharField(max_length=64, unique=True, default=_new_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("invited by"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="invitations_sent",
    )
    language = models.CharField(_("language of the e-mail"), max_length=10,
                                choices=settings.LANGUAGES, default="en")
    expires_at = models.DateTimeField(_("expires at"))
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        # The coordinators' list pages newest first: without it each page sorts every row.
        indexes = [models.Index(fields=["-created_at"], name="netw_invitation_recent_idx")]

    def __str__(self) -> str:
        return f"{self.email} → {self.partner} ({self.get_role_display()})"

    def get_absolute_url(self) -> str:
        return reverse("netw:invitation_accept", args=[self.token])

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None and not self.is_expired

    @property
    def status(self) -> str:
        if self.accepted_at:
            return str(_("accepted"))
        if self.revoked_at:
            return str(_("revoked"))
        if self.is_expired:
            return str(_("expired"))
        return str(_("pending"))


# Models of netw's subpackages, so Django finds them in the app's models module.
from netw.events.models import CalendarFeed  # noqa: E402, F401
from netw.exports.models import Export  # noqa: E402, F401
from netw.monitoring.deliverables import Deliverable, DeliverableEvidence  # noqa: E402, F401
from netw.monitoring.models import ReportingPeriod, Target  # noqa: E402, F401
from netw.notifications.models import Notification, NotificationPreference  # noqa: E402, F401
from netw.workflow import ReviewEvent  # noqa: E402, F401
