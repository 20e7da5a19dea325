"""The shared cache, which must never take a page down with it.

Everything the portal caches can be computed again (unread counts, the home page's figures,
calendar feeds) or may be forgotten for a while (the login rate limit's counters). So when the
cache's Redis is down or does not answer, :class:`ForgivingRedisCache` logs the error and
behaves like an empty cache that keeps nothing: a read is a miss, a write is dropped, ``add``
succeeds (so allauth's rate-limit lock is taken and the login proceeds, unlimited for the
moment, rather than refused for everyone).

Each call gives up after a short socket time-out with no retry, and after one failure the
process leaves Redis alone for ``RETRY_AFTER`` seconds, so an outage costs a page one
time-out at most, not one per cache call.
"""

from __future__ import annotations

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.backoff import NoBackoff
from redis.exceptions import RedisError
from redis.retry import Retry

logger = logging.getLogger(__name__)

# Redis locations that failed, and until when they are left alone (per process).
_down_until: dict[str, float] = {}


def _forgiving(miss):
    """Run the cache call; on a Redis error return what an empty cache would (``miss``)."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if _down_until.get(self._location, 0) > time.monotonic():
                return miss(*args, **kwargs)
            try:
                return method(self, *args, **kwargs)
            except (RedisError, OSError) as exc:
                _down_until[self._location] = time.monotonic() + self.retry_after
                logger.error("Cache unavailable (%s: %s); serving without it for %s s",
                             type(exc).__name__, exc, self.retry_after)
                return miss(*args, **kwargs)

        return wrapper

    return decorate


def _default(key, default=None, version=None):
    return default


def _nothing(*args, **kwargs):
    return None


def _false(*args, **kwargs):
    return False


def _true(*args, **kwargs):
    return True


def _empty(*args, **kwargs):
    return {}


def _no_keys(data, *args, **kwargs):
    return list(data)  # set_many: the keys that could not be set


def _incr(key, *args, **kwargs):
    raise ValueError(f"Key '{key}' not found (the cache is unavailable)")


class ForgivingRedisCache(RedisCache):
    """Django's Redis cache with short time-outs, no retries, and errors treated as misses.

    OPTIONS: ``SOCKET_TIMEOUT`` (seconds, default 0.5) bounds connecting and each command;
    ``RETRY_AFTER`` (seconds, default 5) is how long a process skips Redis after a failure.
    Other options go to redis-py's connection pool, as with Django's ``RedisCache``.
    """

    def __init__(self, server, params):
        params = {**params}
        options = {**params.get("OPTIONS", {})}
        timeout = float(options.pop("SOCKET_TIMEOUT", 0.5))
        self.retry_after = float(options.pop("RETRY_AFTER", 5))
        options.setdefault("socket_connect_timeout", timeout)
        options.setdefault("socket_timeout", timeout)
        options.setdefault("retry", Retry(NoBackoff(), 0))
        params["OPTIONS"] = options
        super().__init__(server, params)
        self._location = ",".join(self._servers)

    get = _forgiving(_default)(RedisCache.get)
    get_many = _forgiving(_empty)(RedisCache.get_many)
    has_key = _forgiving(_false)(RedisCache.has_key)
    set = _forgiving(_nothing)(RedisCache.set)
    set_many = _forgiving(_no_keys)(RedisCache.set_many)
    # As if the key were absent: added (allauth's rate-limit lock is taken, the login goes on).
    add = _forgiving(_true)(RedisCache.add)
    touch = _forgiving(_false)(RedisCache.touch)
    delete = _forgiving(_false)(RedisCache.delete)
    delete_many = _forgiving(_nothing)(RedisCache.delete_many)
    incr = _forgiving(_incr)(RedisCache.incr)

    def _clear(self):
        """Django's ``clear()`` empties the whole Redis database. With a ``KEY_PREFIX`` the
        database may be shared (another site, or the test suite's parallel workers), so only
        this cache's own keys go."""
        if not self.key_prefix:
            return RedisCache.clear(self)
        client = self._cache.get_client(None, write=True)
        pattern = glob_escape(self.key_prefix) + ":*"
        batch = []
        for key in client.scan_iter(match=pattern, count=1000):
            batch.append(key)
            if len(batch) == 1000:
                client.delete(*batch)
                batch.clear()
        if batch:
            client.delete(*batch)
        return True

    clear = _forgiving(_false)(_clear)


def glob_escape(text: str) -> str:
    """``text`` as a literal in a Redis SCAN MATCH pattern."""
    return "".join(f"\\{char}" if char in "*?[]\\" else char for char in text)
