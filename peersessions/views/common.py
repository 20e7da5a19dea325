"""Old names of the session helpers, kept until every branch uses netw/access.py directly.

Fetching a session is ``get_visible_or_404(Session, user, visitors_log_in=True, pk=pk)`` with
``require(user, perm, session)``; views are wrapped in ``login_for_visitors``.
"""

from __future__ import annotations

from django.http import HttpRequest

from netw.access import LoginRequired, get_visible_or_404, login_for_visitors, require
from peersessions.models import Session

__all__ = ["LoginRequired", "get_session", "session_view"]

session_view = login_for_visitors


def get_session(request: HttpRequest, pk: int, perm: str | None = None) -> Session:
    """The session if the user may know it exists (else 404, or the log-in page for visitors),
    checked against ``perm`` (else 403)."""
    session = get_visible_or_404(Session.objects.select_related("topic", "owner_partner"),
                                 request.user, visitors_log_in=True, pk=pk)
    if perm:
        require(request.user, perm, session)
    return session
