from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from netw.notifications.kinds import Delivery


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user) -> NotificationQuerySet:
        return self.filter(recipient=user)

    def unread(self) -> NotificationQuerySet:
        return self.filter(read_at__isnull=True)

    def email_pending(self) -> NotificationQuerySet:
        return self.filter(email_status=Notification.EmailStatus.PENDING)

    def email_failed(self) -> NotificationQuerySet:
        return self.filter(email_status=Notification.EmailStatus.FAILED)

    def stranded(self, *, older_than) -> NotificationQuerySet:
        """Pending rows whose delivery task never ran: the broker was down, or it was lost.

        A row waiting for a scheduled retry says so in ``next_attempt_at`` and is left alone.
        """
        return self.email_pending().filter(
            models.Q(next_attempt_at__isnull=True) | models.Q(next_attempt_at__lt=older_than),
            created_at__lt=older_than,
        )

    def for_digest(self) -> NotificationQuerySet:
        return self.filter(email_status=Notification.EmailStatus.DIGEST)


class Notification(models.Model):
    """One message to one person: shown in the portal and, as they choose, e-mailed.

    The row is the outbox: it is written in the same transaction as the change it reports, so a
    broker that is down at that moment delays the e-mail but never loses it.
    """

    class EmailStatus(models.TextChoices):
        PENDING = "pending", _("waiting to be sent")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")
        DIGEST = "digest", _("kept for the digest")
        SKIPPED = "skipped", _("not e-mailed")

    # Empty for an e-mail to an address without an account (an invitation, a password reset
    # for an unknown address): such a row is only an outbox entry, listed on no one's page.
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recipient"), on_delete=models.CASCADE,
        related_name="notifications", null=True, blank=True,
    )
    email = models.EmailField(_("address"), blank=True,
                              help_text=_("Where the e-mail goes when there is no recipient."))
    kind = models.CharField(_("kind"), max_length=60)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("text"))
    html = models.TextField(_("HTML"), blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    ics = models.TextField(_("calendar attachment"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    email_status = models.CharField(_("e-mail"), max_length=10, choices=EmailStatus.choices,
                                    default=EmailStatus.PENDING)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    # When the next delivery try is due (a retry with back-off, or a re-queue by the sweeper);
    # the sweeper skips a row until then, so one row is not queued twice per minute.
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            models.Index(fields=["email_status", "created_at"]),
        ]

    def __str__(self) -> str:
        return self.subject

    @property
    def address(self) -> str:
        return self.recipient.email if self.recipient_id else self.email

    @property
    def is_read(self) -> bool:
        return self.read_at is not None

    @property
    def kind_label(self) -> str:
        from netw.notifications import kinds

        return str(kinds.get(self.kind).label)


class NotificationPreference(models.Model):
    """How one person wants one kind of notification e-mailed. No row: the kind's default."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    kind = models.CharField(_("kind"), max_length=60)
    delivery = models.CharField(_("e-mail"), max_length=12, choices=Delivery.choices)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.kind} · {self.delivery}"
