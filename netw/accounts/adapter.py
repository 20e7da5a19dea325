from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.http import HttpRequest
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    """No public sign-up: people join through a coordinator's invitation only."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        # Rendered now by the portal's one renderer, in the request's language, and written to
        # the outbox: a worker sends it after the commit, with retries, and the sweeper sends it
        # when the broker was down. A slow or refusing mail server never breaks the page.
        from netw.notifications.services import notify_address

        request = allauth_context.request
        full_context = {"request": request, "email": email,
                        "current_site": get_current_site(request), **context}
        notify_address(email=email, kind="account", template=template_prefix,
                       context=full_context, language=translation.get_language())
