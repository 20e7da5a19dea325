from django.conf import settings
from django.http import HttpRequest

from netw import roles


def portal(request: HttpRequest) -> dict:
    """What the base layout needs on every page: the user's partner and role."""
    user = getattr(request, "user", None)
    membership = roles.primary_membership(user) if user is not None else None
    return {
        "current_membership": membership,
        "is_coordinator": bool(user is not None and roles.is_coordinator(user)),
        "LANGUAGES": settings.LANGUAGES,
    }
