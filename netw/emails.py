"""E-mail as subject/text/HTML template trios, rendered by one helper.

Every e-mail of the portal is rendered by :func:`render_email` — notifications, digests,
invitations and allauth's own messages (password reset, …) — and sent through the outbox of
``netw.notifications`` (a row per message, delivered by a worker, swept again after a broker
outage). Every e-mail ends with the footer of templates/emails/footer.txt and .html: the EU
emblem, "Co-funded by the European Union" and the Commission's disclaimer.
"""

from __future__ import annotations

import smtplib
import socket
from contextlib import nullcontext

from django.conf import settings
from django.template import TemplateDoesNotExist
from django.template.context import make_context
from django.template.loader import render_to_string, select_template
from django.utils import translation

# Failures worth another try: the mail server is down, busy or refusing for now.
TRANSIENT_MAIL_ERRORS = (smtplib.SMTPException, socket.error, TimeoutError)


def _render_first(names: list[str], context: dict, *, html: bool, required: bool = True) -> str:
    try:
        template = select_template(names)
    except TemplateDoesNotExist:
        if required:
            raise
        return ""
    if html:
        return template.render(context)
    # Plain text: no HTML escaping. A title "Roma & Sinti" must read so in a subject, a text
    # e-mail and the stored notification, which the portal's pages escape once when they show it.
    return template.template.render(make_context(context, autoescape=False))


def render_email(template_prefix: str, context: dict, *, language: str | None = None
                 ) -> tuple[str, str, str]:
    """``(subject, text, html)`` from ``<prefix>_subject.txt``, ``<prefix>.txt`` and
    ``<prefix>.html`` (allauth's ``<prefix>_message.txt``/``.html`` too; the HTML is optional
    there), in ``language`` when given.

    The subject is one line, without the ``[Net-Works]`` prefix (added when the message is sent).
    Subject and text are plain text, rendered without HTML escaping; only the HTML is escaped.
    """
    with translation.override(language) if language else nullcontext():
        subject = " ".join(_render_first([f"{template_prefix}_subject.txt"], context,
                                         html=False).split())
        text = _render_first([f"{template_prefix}.txt", f"{template_prefix}_message.txt"],
                             context, html=False)
        html = _render_first([f"{template_prefix}.html", f"{template_prefix}_message.html"],
                             context, html=True, required=False)
        text, html = _with_footer(text, html)
    return subject, text, html


EU_EMBLEM = "img/eu-emblem.svg"


def _with_footer(text: str, html: str) -> tuple[str, str]:
    """The footer every e-mail carries, in the language being rendered. The emblem is an
    absolute URL on ``SITE_URL``, as the e-mails' links are, and the file's own name rather than
    the hashed name of the static manifest: an e-mail is read long after it is sent, across
    deployments that change the hash (WhiteNoise serves both), and the worker that renders it
    needs no manifest."""
    context = {"eu_emblem_url": settings.SITE_URL + settings.STATIC_URL + EU_EMBLEM}
    text = text.rstrip("\n") + "\n\n-- \n" + _render_first(
        ["emails/footer.txt"], context, html=False).strip() + "\n"
    if html:
        footer = render_to_string("emails/footer.html", context)
        head, body_end, tail = html.rpartition("</body>")
        html = f"{head}{footer}{body_end}{tail}" if body_end else html + footer
    return text, html
