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
queued only after the commit.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from netw.notifications.models import Notification


def notify(
    *,
    recipients: Iterable,
    kind: str,
    template: str,
    context: dict,
    url: str = "",
    ics: str = "",
) -> list[Notification]:
    seen: set[int] = set()
    created: list[Notification] = []
    for user in recipients:
        if user is None or user.pk in seen or not user.is_active:
            continue
        seen.add(user.pk)
        language = user.language or settings.LANGUAGE_CODE
        full_context = {**context, "recipient": user, "url": url,
                        "absolute_url": settings.SITE_URL + url if url else settings.SITE_URL}
        with translation.override(language):
            subject = " ".join(render_to_string(f"{template}_subject.txt", full_context).split())
            body = render_to_string(f"{template}.txt", full_context)
            html = render_to_string(f"{template}.html", full_context)
        created.append(Notification(recipient=user, kind=kind, subject=subject[:300], body=body,
                                    html=html, url=url, ics=ics or ""))
    Notification.objects.bulk_create(created)
    ids = [n.pk for n in created]
    if ids:
        from netw.notifications.tasks import deliver_notification

        transaction.on_commit(lambda: [deliver_notification.delay(pk) for pk in ids])
    return created


def notification_deliver(*, notification_id: int) -> None:
    """E-mail one notification. Safe to run twice: only a pending row is sent, then marked."""
    from django.core.mail import EmailMultiAlternatives

    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update()
            .select_related("recipient")
            .filter(pk=notification_id, email_status=Notification.EmailStatus.PENDING)
            .first()
        )
        if notification is None:
            return
        notification.attempts += 1
        message = EmailMultiAlternatives(
            settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + notification.subject,
            notification.body,
            settings.DEFAULT_FROM_EMAIL,
            [notification.recipient.email],
        )
        if notification.html:
            message.attach_alternative(notification.html, "text/html")
        if notification.ics:
            message.attach("invite.ics", notification.ics, "text/calendar; method=PUBLISH")
        message.send()
        notification.email_status = Notification.EmailStatus.SENT
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["attempts", "email_status", "emailed_at"])
