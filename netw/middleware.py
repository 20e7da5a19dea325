"""Cross-cutting request handling: session time-outs, the user's language, the second factor."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from netw.roles import has_totp, is_coordinator

SESSION_LOGIN_AT = "netw_login_at"
SESSION_SAVED_AT = "netw_saved_at"


class SessionAbsoluteTimeoutMiddleware:
    """Ends a session a fixed time after login, however active it was, and keeps an active one
    from idling out.

    The idle time-out is the session's age (``SESSION_COOKIE_AGE``, counted from its last save:
    the database row's and the cached copy's expiry). Rather than saving the session on every
    request (a database write each time), an unchanged session is saved again only when its
    last save is more than ``SESSION_REFRESH_AFTER`` old, so the idle time-out is kept to within
    that. This adds the absolute time-out. Deactivated users lose their session through the
    auth backend, which refuses inactive users when it loads the session's user.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = timezone.now().timestamp()
            started = request.session.setdefault(SESSION_LOGIN_AT, now)
            if now - started > settings.SESSION_ABSOLUTE_TIMEOUT.total_seconds():
                logout(request)
                messages.info(request, _("Your session has ended. Please log in again."))
                return redirect(f"{reverse('account_login')}?next={request.path}")
        response = self.get_response(request)
        _keep_alive(request.session)
        return response


def _keep_alive(session) -> None:
    """Mark a live session for saving (SessionMiddleware saves it) when it changed anyway or its
    last save is older than ``SESSION_REFRESH_AFTER``, stamping the time of this save. A
    session this request never read (no user looked up), a new empty one and one just ended
    (logged out: no key) are left alone."""
    if not session.accessed or not session.session_key:
        return
    now = timezone.now().timestamp()
    saved_at = session.get(SESSION_SAVED_AT, 0)
    if session.modified or now - saved_at > settings.SESSION_REFRESH_AFTER.total_seconds():
        session[SESSION_SAVED_AT] = now


class UserLanguageMiddleware:
    """A logged-in user's chosen language wins over the browser's."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = getattr(request.user, "language", "") if request.user.is_authenticated else ""
        if language:
            translation.activate(language)
            request.LANGUAGE_CODE = language
        response = self.get_response(request)
        if language:
            response.headers.setdefault("Content-Language", language)
        return response


class RequireSecondFactorMiddleware:
    """Coordinators and staff must set up TOTP before they can use the portal."""

    allowed_prefixes = ("/accounts/", "/i18n/", "/static/", "/media/")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and (user.is_staff or is_coordinator(user))
            and not request.path.startswith(self.allowed_prefixes)
            and not has_totp(user)
        ):
            messages.warning(
                request,
                _("Your role requires a second factor. Set up an authenticator app to continue."),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)


class RejectNulBytesMiddleware:
    """A NUL byte in the path is a 404 before any view sees it.

    ``<str:…>`` URL parameters (tokens, languages) accept it, and PostgreSQL refuses any query
    that carries one (a 500). Form fields refuse NUL themselves (ProhibitNullCharactersValidator).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path:
            raise Http404
        return self.get_response(request)


class PermissionsPolicyMiddleware:
    """Adds the Permissions-Policy header, which Django does not set itself."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
