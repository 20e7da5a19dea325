from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest

from netw import emails


class AccountAdapter(DefaultAccountAdapter):
    """No public sign-up: people join through a coordinator's invitation only."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        # Rendered now, in the request's language; sent by a worker after the transaction
        # commits, with retries, so a slow or refusing mail server never breaks the page.
        message = self.render_mail(template_prefix, email, context)
        emails.queue_message(message)
