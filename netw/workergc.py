"""Garbage collection in a long-running web worker (installed by netw/wsgi.py only).

Nearly everything in a worker's heap lives as long as the worker: settings, models, the URL
patterns and views, compiled templates, translation catalogues, pycountry's tables, whitenoise's
file list. CPython scans all of it in each collection of its oldest generation: about 230,000
objects, 50–400 ms on the benchmark machine, a pause for whichever request is running and the
ones queued behind it, every 20–40 s of load per worker. Under ``make load`` these pauses were the
p99 of the cached public pages (issue #18).

:func:`gc.freeze` moves every object that exists into a permanent generation that collections
skip. The worker freezes what it has at start-up (the URLconf is imported first, so the views
are part of it), and again after each count of requests in ``GC_FREEZE_AFTER_REQUESTS``, by when
the lazily loaded modules, templates and catalogues are in memory. Each freeze follows a full
collection, so no garbage is frozen with them. Objects frozen are never freed by the cycle
collector, only by reference counting: what a worker loads once and keeps, by design.
"""

from __future__ import annotations

import gc

from django.conf import settings
from django.core.signals import request_finished
from django.urls import get_resolver

_served = 0


def freeze() -> None:
    gc.collect()
    gc.freeze()


def _count_request(sender, **kwargs) -> None:
    global _served
    _served += 1
    if _served in settings.GC_FREEZE_AFTER_REQUESTS:
        freeze()


def install() -> None:
    """Freeze the start-up heap now and the warmed-up one later (idempotent)."""
    get_resolver().url_patterns  # noqa: B018 (imports every app's urls and views)
    freeze()
    request_finished.connect(_count_request, dispatch_uid="netw.workergc")
