from __future__ import annotations

import ipaddress
import logging

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import HttpRequest
from django.utils import translation

logger = logging.getLogger(__name__)


class AccountAdapter(DefaultAccountAdapter):
    """No public sign-up: people join through a coordinator's invitation only."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        # Learners of the MOOC sign up on its own page (peersessions/courses/join.py), never
        # through allauth's form: that one stays closed.
        return False

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        """Learners land on their courses; everyone else on My home (or the ``next`` page)."""
        from netw import roles

        if roles.is_learner(request.user):
            from django.urls import reverse

            return reverse("peersessions:my_learning")
        return super().get_login_redirect_url(request)

    def get_client_ip(self, request: HttpRequest) -> str:
        """The visitor's address from the trusted proxy header (TRUSTED_PROXY_COUNT /
        TRUSTED_CLIENT_IP_HEADER), else the connection's address.

        allauth answers a missing, short or unreadable header with ``ImproperlyConfigured`` (a
        500) or ``PermissionDenied`` (a refused log-in page). Neither is the visitor's fault — a
        request that reached the site past the proxy, a proxy that forwards less than
        configured — so the rate limit counts the connection's address instead, and the log
        says the configuration and the traffic disagree.
        """
        try:
            return super().get_client_ip(request)
        except (ImproperlyConfigured, PermissionDenied) as problem:
            try:
                remote = str(ipaddress.ip_address((request.META.get("REMOTE_ADDR") or "")
                                                  .strip()))
            except ValueError:
                # No connection address either (not a socket request): allauth's own refusal.
                raise PermissionDenied("Unable to determine client IP address") from problem
            logger.warning("Client address not read from the trusted proxy header (%s); "
                           "using the connection's address %s. Check TRUSTED_PROXY_COUNT and "
                           "TRUSTED_CLIENT_IP_HEADER against what the proxy sends.",
                           problem, remote)
            return remote

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
