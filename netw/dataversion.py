"""The data version: one token, replaced whenever a record that a cached figure or page is made
of is written, so caches keyed by it are never stale and never need a blind timeout.

``current()`` reads it; ``bump()`` replaces it. A new token is random, not a counter: when the
cache loses the key (a restart, an eviction, an outage) the next ``current()`` starts a token
nobody has cached anything under, so nothing cached before can come back.

:func:`watch` connects ``bump`` to a model's saves, deletes and to-many changes;
:func:`watch_project_models` (called when the apps are ready) watches every model of the
portal's own apps except ``DATAVERSION_IGNORE``. Writes that send no signal (``bulk_create``,
``QuerySet.update``) call ``bump()`` themselves.

Inside a transaction a write bumps at once (the same request, or test, reads its own write
fresh) and once more when the transaction commits: a visitor's page rendered between the two from
the not-yet-committed state is cached under the first token only, which the commit retires.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

KEY = "netw:data-version"
_watched: set[type] = set()


def _new_token() -> str:
    return secrets.token_hex(6)


def current() -> str:
    """The version now (a short token)."""
    version = cache.get(KEY)
    if version is None:
        version = _new_token()
        if not cache.add(KEY, version, timeout=None):
            version = cache.get(KEY) or version
    return version


def _bump_now() -> None:
    cache.set(KEY, _new_token(), timeout=None)


# A save of only these fields changes nothing a page shows (a login stamps ``last_login``).
BOOKKEEPING_FIELDS = frozenset({"last_login"})


def bump(**kwargs) -> None:
    """A new version: every value cached under the old one is left to expire."""
    update_fields = kwargs.get("update_fields")
    if update_fields and BOOKKEEPING_FIELDS.issuperset(update_fields):
        return
    _bump_now()
    connection = transaction.get_connection()
    if connection.in_atomic_block and not any(
            func is _bump_now for _sids, func, _robust in connection.run_on_commit):
        transaction.on_commit(_bump_now)


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


def project_models() -> list[type]:
    """The concrete models of the portal's own apps (not of installed packages), less
    ``settings.DATAVERSION_IGNORE`` (labels of bookkeeping models no page shows)."""
    base = Path(settings.BASE_DIR).resolve()
    ignored = set(getattr(settings, "DATAVERSION_IGNORE", ()))
    found = []
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if base not in path.parents or ".venv" in path.parts or "site-packages" in path.parts:
            continue
        for model in config.get_models():
            if not model._meta.abstract and not model._meta.proxy \
                    and model._meta.label not in ignored:
                found.append(model)
    return found


def watch_project_models() -> None:
    """Watch every model of the portal's own apps: the public pages are made of them
    (:mod:`netw.pagecache`), and the monitoring figures too."""
    for model in project_models():
        watch(model)
