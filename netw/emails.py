"""E-mail as subject/text/HTML template trios, rendered by one helper and sent by a worker."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation


def render(template_prefix: str, context: dict, *, to: list[str], language: str = "en"
           ) -> EmailMultiAlternatives:
    """Render ``<prefix>_subject.txt``, ``<prefix>.txt`` and ``<prefix>.html`` in ``language``."""
    with translation.override(language):
        subject = render_to_string(f"{template_prefix}_subject.txt", context)
        subject = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject.split())
        text = render_to_string(f"{template_prefix}.txt", context)
        html = render_to_string(f"{template_prefix}.html", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, to)
    message.attach_alternative(html, "text/html")
    return message


def queue_message(message: EmailMessage) -> None:
    """Send an already rendered message from a worker once the current transaction commits."""
    from netw.tasks import send_email

    html = None
    for content, mimetype in getattr(message, "alternatives", []) or []:
        if mimetype == "text/html":
            html = content
    payload = {
        "subject": message.subject,
        "body": message.body,
        "html": html,
        "from_email": message.from_email,
        "to": list(message.to),
    }
    transaction.on_commit(lambda: send_email.delay(payload))
