"""The cache's Redis is down: pages still answer, from the database, and logins still work."""

import logging
import shutil
import socket
import tempfile
from pathlib import Path

import pytest
from django.core.cache import cache
from django.urls import reverse

from netw import cache as forgiving
from tests.broker_worker import PrivateRedis

pytestmark = pytest.mark.django_db


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def cache_down(settings, monkeypatch):
    monkeypatch.setattr(forgiving, "_down_until", {})
    settings.CACHES = {"default": {
        "BACKEND": "netw.cache.ForgivingRedisCache",
        "LOCATION": f"redis://127.0.0.1:{_closed_port()}/1",
    }}
    yield


def test_pages_answer_while_the_cache_is_down(client, owner, cache_down):
    assert client.get(reverse("netw:home")).status_code == 200
    assert client.get(reverse("methodologies:feed")).status_code == 200
    client.force_login(owner)
    for name in ("netw:home", "netw:my_home", "notifications:list"):
        assert client.get(reverse(name)).status_code == 200, name


def test_a_person_can_log_in_while_the_cache_is_down(client, owner, cache_down):
    owner.set_password("a-long-enough-passphrase")
    owner.save()
    wrong = client.post(reverse("account_login"),
                        {"login": owner.email, "password": "not-this-one"})
    assert wrong.status_code == 200
    right = client.post(reverse("account_login"),
                        {"login": owner.email, "password": "a-long-enough-passphrase"})
    assert right.status_code == 302
    assert client.get(reverse("netw:my_home")).status_code == 200


def test_cache_errors_are_logged_and_read_as_misses(cache_down, caplog):
    with caplog.at_level(logging.ERROR, logger="netw.cache"):
        assert cache.get("anything", "missing") == "missing"
        cache.set("anything", 1)
        assert cache.get_or_set("figures", lambda: 42) == 42
        assert cache.add("lock", True) is True
        with pytest.raises(ValueError):
            cache.incr("counter")
    assert "Cache unavailable" in caplog.text
    # After one failure the process leaves Redis alone for a moment: one error, not one a call.
    assert len([r for r in caplog.records if r.name == "netw.cache"]) == 1


def test_a_working_cache_still_caches(settings, monkeypatch):
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed")
    monkeypatch.setattr(forgiving, "_down_until", {})
    redis = PrivateRedis(port=_closed_port(), workdir=Path(tempfile.mkdtemp()))
    redis.start()
    try:
        settings.CACHES = {"default": {"BACKEND": "netw.cache.ForgivingRedisCache",
                                       "LOCATION": redis.url}}
        cache.set("kept", {"a": 1})
        assert cache.get("kept") == {"a": 1}
        assert cache.add("kept", 2) is False
    finally:
        redis.stop()


def test_clearing_a_prefixed_cache_keeps_the_other_keys_of_its_database(settings, monkeypatch):
    """Two sites (or the suite's parallel workers) share a Redis database under their own
    prefixes: one clearing its cache must not empty the other's."""
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed")
    monkeypatch.setattr(forgiving, "_down_until", {})
    redis = PrivateRedis(port=_closed_port(), workdir=Path(tempfile.mkdtemp()))
    redis.start()
    try:
        mine = forgiving.ForgivingRedisCache(redis.url, {"KEY_PREFIX": "site-a"})
        theirs = forgiving.ForgivingRedisCache(redis.url, {"KEY_PREFIX": "site-*"})
        for number in range(1500):  # more than one batch of deletions
            mine.set(f"mine-{number}", number)
        theirs.set("theirs", 1)
        assert mine.clear() is True
        assert mine.get("mine-0") is None and mine.get("mine-1499") is None
        assert theirs.get("theirs") == 1
        theirs.clear()  # a glob character in a prefix is taken literally
        assert theirs.get("theirs") is None
    finally:
        redis.stop()
