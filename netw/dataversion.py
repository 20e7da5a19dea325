"""The data version: one number, bumped whenever a record that a cached figure or page is made of
is written, so caches keyed by it are never stale and never need a blind timeout.

``current()`` reads it (0 when the cache is empty or down: callers then compute afresh); ``bump()``
is called by the signal handlers that :func:`watch` connects for each model whose rows a cached
value reads (the indicators' records, :mod:`netw.monitoring.indicators`).
"""

from __future__ import annotations

from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

KEY = "netw:data-version"
_watched: set[type] = set()


def current() -> int:
    return cache.get(KEY) or 0


def bump(**kwargs) -> None:
    """A new version: every value cached under the old one is left to expire."""
    if not cache.add(KEY, 1, timeout=None):
        try:
            cache.incr(KEY)
        except ValueError:  # expired between add and incr
            cache.add(KEY, 1, timeout=None)


def _bump_on_m2m(action: str, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        bump()


def watch(model: type) -> None:
    """Bump the version on every save or delete of ``model`` (and changes of its to-many links)."""
    if model in _watched:
        return
    _watched.add(model)
    uid = f"netw.dataversion:{model._meta.label}"
    post_save.connect(bump, sender=model, dispatch_uid=uid, weak=False)
    post_delete.connect(bump, sender=model, dispatch_uid=uid, weak=False)
    for field in model._meta.local_many_to_many:
        through = field.remote_field.through
        if not isinstance(through, str):
            m2m_changed.connect(_bump_on_m2m, sender=through, dispatch_uid=f"{uid}:{field.name}",
                                weak=False)
