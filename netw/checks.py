"""System checks of the portal's own settings (``manage.py check --deploy``)."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Tags, Warning, register

LOCAL_CACHES = ("django.core.cache.backends.locmem.LocMemCache",
                "django.core.cache.backends.dummy.DummyCache")


@register(Tags.caches, deploy=True)
def shared_cache(app_configs, **kwargs):
    """Sessions (``cached_db``), people's access (netw.roles), the visitors' pages and the data
    version behind them (netw.pagecache, netw.dataversion) and the login rate limits live in the
    cache: with more than one web process it must be one they share, or a process would go on
    trusting what another has already changed (a closed session, a removed membership)."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend in LOCAL_CACHES:
        return [Warning(
            f"The cache is local to each process ({backend.rsplit('.', 1)[-1]}).",
            hint="Set REDIS_URL (or CACHE_URL) to a cache every web process shares: sessions, "
                 "access and public pages are cached there.",
            id="netw.W001")]
    return []
