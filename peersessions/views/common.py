"""The one way views fetch a session. (Times follow the viewer's zone: netw/timezones.py.)"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from peersessions.models import Session


class LoginRequired(Exception):
    """Raised for a visitor asking for something that exists only for people who log in."""


def get_session(request: HttpRequest, pk: int, perm: str | None = None) -> Session:
    """The session if the user may know it exists (else 404, or the log-in page for visitors),
    checked against ``perm`` (else 403)."""
    session = (Session.objects.visible_to(request.user).select_related("topic", "owner_partner")
               .filter(pk=pk).first())
    if session is None:
        if not request.user.is_authenticated and Session.objects.filter(pk=pk).exists():
            raise LoginRequired
        raise Http404
    if perm and not request.user.has_perm(perm, session):
        if not request.user.is_authenticated:
            raise LoginRequired
        raise PermissionDenied
    return session


def session_view(view):
    """Turn ``LoginRequired`` into the redirect to the log-in page."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except LoginRequired:
            return redirect_to_login(request.get_full_path())

    return wrapper
