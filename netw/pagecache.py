"""Public pages served from the cache to visitors.

A visitor (not logged in) who asks for a public page gets the page as it was last rendered for
the same address, query string, language and time zone, as long as no record has been written
since: the key holds the data version (:mod:`netw.dataversion`), which every write to the
portal's records replaces. ``PAGE_CACHE_SECONDS`` only bounds how long a page may show what
depends on the clock alone ("upcoming" events become past ones); ``0`` turns the cache off.

A page past ``PAGE_CACHE_SECONDS`` (and not yet past twice that) is still served at once, and
renewed after its response has gone out, by one worker at a time (a lock in the cache): nobody
waits for the render of a page whose records have not changed, and the workers do not all
render the same expired page together (RFC 5861's stale-while-revalidate). Under ``make load``
the expiries otherwise showed as a p99 of 50–115 ms against a p50 of 4 ms (issue #18).

Logged-in people are never served from it, nor is anyone with a message waiting, and only a
complete ``200`` without cookies of its own is kept. A page with a form carries a CSRF token
that belongs to the visitor who rendered it: the stored copy has a placeholder instead, replaced
by this visitor's own token (and cookie) when it is served.

Use it on a view that shows everyone who is not logged in the same thing::

    @cache_for_visitors
    def provider_list(request): ...

    path("feed.atom", cache_for_visitors(NewProvidersFeed()), name="provider_feed"),
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
import time
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone, translation
from django.utils.translation import get_language

from netw import dataversion

logger = logging.getLogger(__name__)

# How long one worker may take to renew an expired page before another may try.
RENEW_LOCK_SECONDS = 30


@functools.cache
def csrf_placeholder() -> bytes:
    """What stands for the token in a stored page: derived from the secret key, so that no text
    a partner writes into a record can be taken for it."""
    digest = hashlib.sha256(b"netw.pagecache.csrf:" + settings.SECRET_KEY.encode()).hexdigest()
    return f"csrf-{digest[:40]}".encode()

_CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
# The headers a view sets that belong to the page; the rest (cookies, security headers, Vary)
# are the middlewares' and are added again on the way out of every request.
KEPT_HEADERS = ("Content-Type", "Content-Language", "Content-Disposition", "Link",
                "Last-Modified", "Access-Control-Allow-Origin")


@functools.cache
def release() -> str:
    """What changes with a deployment: the static files' manifest (hashed names in the pages),
    so a page cached by the last release never points at files this one does not serve."""
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    try:
        return hashlib.sha256(manifest.read_bytes()).hexdigest()[:12]
    except OSError:
        return "dev"


def is_cacheable_request(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD") or settings.PAGE_CACHE_SECONDS <= 0:
        return False
    if request.user.is_authenticated:
        return False
    # len() looks at waiting messages without marking them shown.
    return not len(messages.get_messages(request))


def cache_key(request: HttpRequest) -> str:
    query = "&".join(f"{k}={v}" for k, values in sorted(request.GET.lists()) for v in values)
    address = hashlib.sha256(f"{request.path}?{query}".encode()).hexdigest()[:32]
    return (f"netw:page:{release()}:{dataversion.current()}:{get_language()}:"
            f"{timezone.get_current_timezone_name()}:{address}")


def _storable(response: HttpResponse) -> bool:
    return (response.status_code == 200 and not response.streaming and not response.cookies
            and "no-store" not in response.get("Cache-Control", "")
            and "private" not in response.get("Cache-Control", ""))


def _store(key: str, response: HttpResponse) -> None:
    """Keep the page, fresh for PAGE_CACHE_SECONDS and served while renewed for as long again."""
    content = _CSRF_INPUT.sub(rb"\g<1>" + csrf_placeholder() + rb"\g<2>", response.content)
    headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
    fresh_until = time.time() + settings.PAGE_CACHE_SECONDS
    cache.set(key, (content, headers, fresh_until), 2 * settings.PAGE_CACHE_SECONDS)


class RenewingResponse(HttpResponse):
    """A stored page served as it is, which renders the page afresh and stores it once the WSGI
    server has sent it (the server calls ``close()`` after the last byte)."""

    renew: Callable[[], None] | None = None

    def close(self) -> None:
        try:
            if self.renew is not None:
                self.renew()
        finally:
            super().close()


def _replay(request: HttpRequest, stored) -> HttpResponse:
    content, headers, _fresh_until = stored
    placeholder = csrf_placeholder()
    if placeholder in content:
        content = content.replace(placeholder, get_token(request).encode())
    return RenewingResponse(content, headers=headers)


def _render(view: Callable, request: HttpRequest, args, kwargs) -> HttpResponse:
    response = view(request, *args, **kwargs)
    if hasattr(response, "render") and callable(response.render):
        response = response.render()
    return response


def _renewer(view: Callable, request: HttpRequest, args, kwargs, key: str) -> Callable[[], None]:
    """The page rendered again for the same visitor's language and time zone, and stored."""
    language, zone = get_language(), timezone.get_current_timezone()

    def renew() -> None:
        try:
            with translation.override(language), timezone.override(zone):
                response = _render(view, request, args, kwargs)
            if _storable(response):
                _store(key, response)
        except Exception:
            # The visitor has their page; the next one after the lock tries again.
            logger.exception("Renewing the cached page %s failed", request.path)

    return renew


def cache_for_visitors(view: Callable) -> Callable:
    """Serve ``view``'s pages to visitors from the cache (see the module's documentation)."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if not is_cacheable_request(request):
            return view(request, *args, **kwargs)
        key = cache_key(request)
        stored = cache.get(key)
        if stored is not None and len(stored) == 3:  # (an older release stored pairs)
            response = _replay(request, stored)
            if stored[2] <= time.time() and cache.add(f"{key}:renewing", 1, RENEW_LOCK_SECONDS):
                response.renew = _renewer(view, request, args, kwargs, key)
            return response
        response = _render(view, request, args, kwargs)
        if _storable(response):
            _store(key, response)
        return response

    return wrapper
