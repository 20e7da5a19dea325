"""The one way a view fetches what a person may touch, checks what they may do with it, and sends
them back where they came from.

- :func:`get_visible_or_404`: the object through its model's ``QuerySet.visible_to(user)``, or a
  404 for people who may not know it exists. A model without ``visible_to`` is refused loudly
  (``ImproperlyConfigured``): visibility is the model's rule, written once, never a view's.
- :func:`require`: a django-rules permission, with or without an object; a 403 for people who
  may see the object but not do this (:class:`LoginRequired`, a kind of 403, for visitors).
- :func:`login_for_visitors`: a view decorator that turns :class:`LoginRequired` into the log-in
  page, for pages whose links travel by e-mail (a session's invitation): the visitor logs in and
  lands on the page instead of meeting a 403.
- :func:`safe_next_url` / :func:`redirect_to_next`: a ``next`` address sent with a form, followed
  only if it is a path on this site.

Usage in a view::

    from netw.access import get_visible_or_404, redirect_to_next, require

    methodology = get_visible_or_404(Methodology, request.user, slug=slug)
    require(request.user, "methodologies.change_methodology", methodology)
    ...
    return redirect_to_next(request, fallback=methodology.get_absolute_url())
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db.models import Exists, Model, OuterRef, QuerySet
from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme

# Set on the object get_visible_or_404 returns: whether a visitor may see it as well.
PUBLIC_ATTR = "_netw_public"
# A ``next`` longer than this is not an address the portal wrote.
NEXT_MAX_LENGTH = 2000


class LoginRequired(PermissionDenied):
    """A visitor asked for something only people who log in may see or do.

    A 403 like any ``PermissionDenied``; views wrapped in :func:`login_for_visitors` send the
    visitor to the log-in page instead, and back here afterwards.
    """


def _queryset(queryset_or_model) -> QuerySet:
    if isinstance(queryset_or_model, QuerySet):
        return queryset_or_model
    return queryset_or_model._default_manager.all()


def get_visible_or_404(queryset_or_model, user, *, visitors_log_in: bool = False,
                       **lookup) -> Model:
    """The one object matching ``lookup`` among those ``user`` may see (``visible_to``), else a
    404 — the same answer whether it does not exist or is hidden from them.

    ``visitors_log_in``: a visitor asking for an object that exists but is not public gets the
    log-in page (:class:`LoginRequired`) instead of the 404, for pages people reach from an
    e-mail. Use it only where the existence of the object is no secret to visitors.
    """
    queryset = _queryset(queryset_or_model)
    visible_to = getattr(queryset, "visible_to", None)
    if not callable(visible_to):
        raise ImproperlyConfigured(
            f"{queryset.model.__name__} has no QuerySet.visible_to(user): declare who may see "
            "its rows before a view fetches one.")
    visible = visible_to(user)
    if getattr(user, "is_authenticated", False):
        # Whether a visitor may see it too (its Open Graph tags, netw.opengraph.is_public),
        # asked in the same query.
        visible = visible.annotate(**{PUBLIC_ATTR: Exists(
            queryset.model._default_manager.all().visible_to(AnonymousUser())
            .filter(pk=OuterRef("pk")))})
    found = visible.filter(**lookup).first()
    if found is not None:
        if not getattr(user, "is_authenticated", False):
            setattr(found, PUBLIC_ATTR, True)  # found with a visitor's rule
        return found
    if (visitors_log_in and not getattr(user, "is_authenticated", False)
            and queryset.filter(**lookup).exists()):
        raise LoginRequired
    raise Http404(f"No {queryset.model._meta.object_name} matches the given query.")


def require(user, perm: str, obj: Model | None = None) -> None:
    """A 403 unless ``user`` has the django-rules permission ``perm`` (on ``obj`` if given).

    Visitors get :class:`LoginRequired` (still a 403 unless the view is wrapped in
    :func:`login_for_visitors`)."""
    if user.has_perm(perm, obj):
        return
    if not getattr(user, "is_authenticated", False):
        raise LoginRequired
    raise PermissionDenied


def login_for_visitors(view):
    """Send visitors who meet :class:`LoginRequired` to the log-in page, and back afterwards."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except LoginRequired:
            if request.user.is_authenticated:
                raise
            # Imported here: auth's views load its forms and models, and this module is imported
            # by models (netw.workflow) while the apps load.
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())

    return wrapper


def safe_next_url(request: HttpRequest, fallback: str = "") -> str:
    """The ``next`` address sent with the request (POST first, then the query string) if it is a
    path on this site, else ``fallback`` (a URL, a path or a URL name, resolved).

    Only a path is followed: it starts with one ``/`` (not ``//``, a host), holds no backslash,
    no control character (a NUL byte) and no space, and passes Django's host and scheme check.
    """
    target = request.POST.get("next") or request.GET.get("next") or ""
    if _is_safe_path(request, target):
        return target
    return resolve_url(fallback) if fallback else "/"


def _is_safe_path(request: HttpRequest, target: str) -> bool:
    if not target or len(target) > NEXT_MAX_LENGTH:
        return False
    if not target.startswith("/") or target.startswith("//"):
        return False
    if "\\" in target or any(ord(char) < 33 or ord(char) == 127 for char in target):
        return False
    return url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure())


def redirect_to_next(request: HttpRequest, fallback: str = "") -> HttpResponseRedirect:
    """Back to the safe ``next`` address, else to ``fallback``.

    An ``HttpResponseRedirect``, not ``redirect()``: the latter tries any string without a slash
    as a URL name, so a strange ``next`` would have been a 500.
    """
    return HttpResponseRedirect(safe_next_url(request, fallback))
