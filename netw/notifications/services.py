"""Notifications: the one function every app calls to tell people something.

    from netw.notifications.services import notify

    notify(
        recipients=[user, ...],
        kind="review_requested",                 # registered in netw/notifications/kinds.py
        template="methodologies/emails/review_requested",  # <prefix>_subject.txt, .txt, .html
        context={"methodology": methodology},    # rendered now, in each recipient's language
        url=methodology.get_absolute_url(),
        ics=calendar_text,                       # optional iCalendar (text/calendar) attachment
    )

Call it inside the transaction that makes the change: the rows are the outbox, and delivery is
queued only after the commit. Each recipient's preference for the kind decides whether the row is
e-mailed now, kept for the daily digest or only listed in the portal.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netw import enqueue
from netw.emails import TRANSIENT_MAIL_ERRORS, render_email
from netw.notifications import kinds
from netw.notifications.kinds import Delivery
from netw.notifications.models import Notification, NotificationPreference

logger = logging.getLogger(__name__)

Status = Notification.EmailStatus
_STATUS_FOR = {
    Delivery.IMMEDIATELY: Status.PENDING,
    Delivery.DAILY: Status.DIGEST,
    Delivery.NEVER: Status.SKIPPED,
}


# --- Writing notifications ---------------------------------------------------------------------


def deliveries_for(*, user_ids: Iterable[int], kind: str) -> dict[int, Delivery]:
    """Each user's choice for ``kind`` (the kind's default where they made none): one query."""
    spec = kinds.get(kind)
    ids = list(user_ids)
    chosen: dict[int, Delivery] = {}
    if not spec.required and ids:
        chosen = {
            user_id: Delivery(delivery)
            for user_id, delivery in NotificationPreference.objects.filter(
                user_id__in=ids, kind=kind).values_list("user_id", "delivery")
        }
    return {user_id: chosen.get(user_id, spec.default) for user_id in ids}


def notify(
    *,
    recipients: Iterable,
    kind: str,
    template: str,
    context: dict,
    url: str = "",
    ics: str = "",
) -> list[Notification]:
    people = []
    seen: set[int] = set()
    for user in recipients:
        if user is None or user.pk in seen or not user.is_active:
            continue
        seen.add(user.pk)
        people.append(user)
    deliveries = deliveries_for(user_ids=seen, kind=kind)

    created: list[Notification] = []
    for user in people:
        language = user.language or settings.LANGUAGE_CODE
        full_context = {**context, "recipient": user, "url": url,
                        "absolute_url": settings.SITE_URL + url if url else settings.SITE_URL}
        subject, body, html = render_email(template, full_context, language=language)
        created.append(Notification(recipient=user, kind=kind, subject=subject[:300], body=body,
                                    html=html, url=url, ics=ics or "",
                                    email_status=_STATUS_FOR[deliveries[user.pk]]))
    Notification.objects.bulk_create(created)

    if created:
        from netw.notifications.tasks import deliver_notification

        user_ids = [n.recipient_id for n in created]
        transaction.on_commit(lambda: forget_unread_counts(user_ids))
        for n in created:
            if n.email_status == Status.PENDING:
                # A broker that is down leaves the row pending: outbox_sweep queues it later.
                enqueue.after_commit(deliver_notification, n.pk)
    return created


def notify_address(*, email: str, kind: str, template: str, context: dict, language: str,
                   ics: str = "") -> Notification:
    """E-mail an address through the same outbox, without a notification on anyone's page.

    For people without an account (an invitation) and for account messages (allauth's password
    reset, …) that belong in a mailbox, not in the portal's list. Call it inside the transaction
    that makes the change, like :func:`notify`. ``ics``: an iCalendar attachment, as for
    :func:`notify` (an outside expert's invitation to a meeting).
    """
    from netw.notifications.tasks import deliver_notification

    subject, body, html = render_email(template, context, language=language)
    notification = Notification.objects.create(
        recipient=None, email=email, kind=kind, subject=subject[:300], body=body, html=html,
        ics=ics or "", email_status=Status.PENDING)
    enqueue.after_commit(deliver_notification, notification.pk)
    return notification


# --- E-mailing one notification: at most once, retried with back-off, then marked failed ------


@dataclass(frozen=True)
class Outcome:
    status: str  # "sent", "retry", "failed" or "nothing" (already handled, or not pending)
    retry_in: int | None = None


def retry_delay(attempts: int) -> int:
    """Seconds before try number ``attempts + 1``: doubling from 30 s, capped, with jitter.

    The cap stays below the broker's visibility timeout: a countdown longer than it would make
    Redis hand the waiting task to a second worker (tests/notifications/test_celery_settings.py).
    """
    base = settings.NOTIFICATIONS_RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0)
    capped = min(base, settings.NOTIFICATIONS_RETRY_MAX_SECONDS)
    return int(capped * random.uniform(0.8, 1.0)) or 1  # noqa: S311 - jitter, not a secret


def _message(notification: Notification) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + notification.subject,
        notification.body,
        settings.DEFAULT_FROM_EMAIL,
        [notification.address],
    )
    if notification.html:
        message.attach_alternative(notification.html, "text/html")
    if notification.ics:
        message.attach("invite.ics", notification.ics, _ics_mimetype(notification.ics))
    return message


def notification_deliver(*, notification_id: int) -> Outcome:
    """E-mail one notification.

    The row is locked while the message goes out, and only a pending row is sent: a second task
    for the same row (a redelivery, the sweeper) waits for the lock, then finds it sent. A refusal
    by the mail server is recorded on the row and retried later; after
    ``NOTIFICATIONS_EMAIL_MAX_ATTEMPTS`` tries the row is marked failed, for coordinators to see.
    """
    with transaction.atomic():
        notification = (
            # Lock only the row: PostgreSQL refuses to lock the nullable side of the outer join
            # to the recipient (none for an e-mail to an address).
            Notification.objects.select_for_update(of=("self",))
            .select_related("recipient")
            .filter(pk=notification_id, email_status=Status.PENDING)
            .first()
        )
        if notification is None:
            return Outcome("nothing")
        now = timezone.now()
        if notification.recipient_id and not notification.recipient.is_active:
            notification.email_status = Status.SKIPPED
            notification.save(update_fields=["email_status"])
            return Outcome("nothing")
        notification.attempts += 1
        try:
            _message(notification).send()
        except Exception as exc:  # any refusal is recorded; only transient ones are retried
            notification.last_error = f"{type(exc).__name__}: {exc}"[:2000]
            transient = isinstance(exc, TRANSIENT_MAIL_ERRORS)
            if transient and notification.attempts < settings.NOTIFICATIONS_EMAIL_MAX_ATTEMPTS:
                delay = retry_delay(notification.attempts)
                notification.next_attempt_at = now + timedelta(seconds=delay)
                outcome = Outcome("retry", delay)
            else:
                notification.email_status = Status.FAILED
                outcome = Outcome("failed")
                logger.warning("Notification %s to %s failed after %s attempts: %s",
                               notification.pk, notification.recipient.email,
                               notification.attempts, notification.last_error)
            notification.save(update_fields=["attempts", "last_error", "next_attempt_at",
                                             "email_status"])
            return outcome
        notification.email_status = Status.SENT
        notification.emailed_at = now
        notification.last_error = ""
        notification.next_attempt_at = None
        notification.save(update_fields=["attempts", "email_status", "emailed_at", "last_error",
                                         "next_attempt_at"])
    return Outcome("sent")


def notification_retry(*, notification_id: int) -> bool:
    """A coordinator sends a failed notification again (from the admin)."""
    from netw.notifications.tasks import deliver_notification

    updated = Notification.objects.email_failed().filter(pk=notification_id).update(
        email_status=Status.PENDING, attempts=0, next_attempt_at=None)
    if updated:
        enqueue.after_commit(deliver_notification, notification_id)
    return bool(updated)


def outbox_sweep(*, now: datetime | None = None, limit: int = 500) -> int:
    """Queue again the pending rows whose delivery never ran (broker down at the time).

    Rows younger than ``NOTIFICATIONS_SWEEP_AFTER`` are left to the task queued with them.
    A re-queued row is not swept again for the same period, and re-sending is harmless: delivery
    is at most once per row.
    """
    from netw.notifications.tasks import deliver_notification

    now = now or timezone.now()
    cutoff = now - settings.NOTIFICATIONS_SWEEP_AFTER
    ids = list(Notification.objects.stranded(older_than=cutoff)
               .order_by("created_at").values_list("pk", flat=True)[:limit])
    queued = 0
    for pk in ids:
        if not enqueue.send_now(deliver_notification, pk):
            break  # the broker is down again: the next sweep takes over
        Notification.objects.filter(pk=pk).update(next_attempt_at=now)
        queued += 1
    if queued:
        logger.info("Outbox sweep queued %s notification(s) again", queued)
    return queued


# --- Reading and marking -----------------------------------------------------------------------


def _unread_key(user_id: int) -> str:
    return f"netw:notifications:unread:{user_id}"


def unread_count(user) -> int:
    """The header's badge: cached per person, forgotten whenever it changes."""
    key = _unread_key(user.pk)
    count = cache.get(key)
    if count is None:
        count = Notification.objects.for_user(user).unread().count()
        cache.set(key, count, settings.NOTIFICATIONS_UNREAD_CACHE_SECONDS)
    return count


def forget_unread_counts(user_ids: Iterable[int]) -> None:
    cache.delete_many([_unread_key(pk) for pk in set(user_ids)])


def notification_mark_read(*, user, notification_id: int) -> bool:
    """Mark one of ``user``'s notifications read. False if it is not theirs (or not unread)."""
    updated = (Notification.objects.for_user(user).unread().filter(pk=notification_id)
               .update(read_at=timezone.now()))
    forget_unread_counts([user.pk])
    return bool(updated)


def notifications_mark_all_read(*, user) -> int:
    updated = Notification.objects.for_user(user).unread().update(read_at=timezone.now())
    forget_unread_counts([user.pk])
    return updated


# --- Preferences -------------------------------------------------------------------------------


def preferences_for(user) -> dict[str, Delivery]:
    """The choice for every kind a person may tune (defaults filled in)."""
    chosen = dict(NotificationPreference.objects.filter(user=user)
                  .values_list("kind", "delivery"))
    return {k.name: Delivery(chosen.get(k.name, k.default)) for k in kinds.choosable()}


def preferences_save(*, user, choices: dict[str, str]) -> None:
    known = {k.name for k in kinds.choosable()}
    with transaction.atomic():
        for kind, delivery in choices.items():
            if kind not in known:
                continue
            NotificationPreference.objects.update_or_create(
                user=user, kind=kind, defaults={"delivery": Delivery(delivery)})


# --- The daily digest --------------------------------------------------------------------------


def digests_queue() -> int:
    """Queue one digest task per person with notifications kept for the digest."""
    from netw.notifications.tasks import send_digest

    user_ids = sorted(set(Notification.objects.for_digest().values_list("recipient_id",
                                                                        flat=True)))
    for user_id in user_ids:
        if not enqueue.send_now(send_digest, user_id):
            break  # the broker is down: the rows stay kept for the next day's digest
    return len(user_ids)


def digest_send(*, user_id: int) -> int:
    """E-mail one person the notifications kept for their digest, once.

    The rows are locked and marked in the transaction that sends: a second run finds nothing.
    A refusal by the mail server raises, the rows stay kept, and the task retries.
    """
    with transaction.atomic():
        rows = list(
            Notification.objects.select_for_update(of=("self",))
            .for_digest().filter(recipient_id=user_id, recipient__is_active=True)
            .select_related("recipient").order_by("created_at", "pk")
        )
        if not rows:
            return 0
        recipient = rows[0].recipient
        context = {"recipient": recipient, "notifications": rows, "site_url": settings.SITE_URL}
        subject, body, html = render_email("netw/notifications/emails/digest", context,
                                           language=recipient.language or settings.LANGUAGE_CODE)
        message = EmailMultiAlternatives(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body,
                                         settings.DEFAULT_FROM_EMAIL, [recipient.email])
        message.attach_alternative(html, "text/html")
        for n, row in enumerate(rows, start=1):
            if row.ics:
                message.attach(f"invite-{n}.ics", row.ics, _ics_mimetype(row.ics))
        message.send()
        Notification.objects.filter(pk__in=[r.pk for r in rows]).update(
            email_status=Status.SENT, emailed_at=timezone.now(), attempts=1)
    return len(rows)


# --- The coordinators' weekly digest of registry changes ---------------------------------------


def registry_changes(*, since: datetime, until: datetime, latest: int = 10) -> list[dict]:
    """What changed in the registry's tracked models (django-simple-history) in a period.

    Every model of the apps in ``NOTIFICATIONS_DIGEST_APPS`` that keeps a history counts, so a
    model the registry adds later joins the digest without a change here.
    """
    from simple_history.models import registered_models
    from simple_history.utils import get_history_model_for_model

    labels = {"+": _("created"), "~": _("changed"), "-": _("deleted")}
    keys = {"+": "created", "~": "changed", "-": "deleted"}
    found = []
    # registered_models also lists the through models of many-to-many fields whose changes are
    # kept (a provider's sectors, networks…); they have no history of their own.
    tracked = sorted({m for m in registered_models.values()
                      if m._meta.app_label in settings.NOTIFICATIONS_DIGEST_APPS
                      and hasattr(m._meta, "simple_history_manager_attribute")},
                     key=lambda m: m._meta.label)
    for model in tracked:
        history = get_history_model_for_model(model)
        recent = history.objects.filter(history_date__gte=since, history_date__lt=until)
        counts = {keys[row["history_type"]]: row["n"] for row in
                  recent.order_by().values("history_type").annotate(n=Count("pk"))}
        if not counts:
            continue
        rows = list(recent.select_related("history_user").order_by("-history_date")[:latest])
        found.append({
            "model": model,
            "name": model._meta.verbose_name_plural,
            "created": counts.get("created", 0),
            "changed": counts.get("changed", 0),
            "deleted": counts.get("deleted", 0),
            "latest": [{"label": str(r.instance), "type": labels[r.history_type],
                        "when": r.history_date, "who": r.history_user} for r in rows],
        })
    return found


def registry_weekly_digest(*, now: datetime | None = None) -> int:
    """Notify every coordinator of the registry's changes in the past seven days."""
    from django.contrib.auth import get_user_model

    from netw.roles import Role

    now = now or timezone.now()
    since = now - timedelta(days=7)
    changes = registry_changes(since=since, until=now)
    coordinators = get_user_model().objects.filter(
        is_active=True, memberships__role=Role.COORDINATOR).distinct()
    created = notify(recipients=coordinators, kind="registry_weekly_digest",
                     template="netw/notifications/emails/registry_digest",
                     context={"changes": changes, "since": since, "until": now})
    return len(created)


def _ics_mimetype(ics: str) -> str:
    """RFC 6047: the MIME method must equal the calendar's own METHOD (REQUEST, CANCEL, …)."""
    import re

    found = re.search(r"^METHOD:([A-Z-]+)\s*$", ics, re.MULTILINE)
    return f"text/calendar; method={found.group(1) if found else 'PUBLISH'}"
