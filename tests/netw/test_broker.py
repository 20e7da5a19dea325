"""A task travels through the real broker to the real worker that .ci/run starts."""

import os
import uuid

import pytest
from django.conf import settings

from netw.celery import app
from netw.tasks import ping

pytestmark = pytest.mark.broker


@pytest.fixture
def real_broker():
    if not settings.CELERY_BROKER_URL or not os.environ.get("NETW_BROKER_TESTS"):
        if os.environ.get("CI") == "true":
            pytest.fail("CI must run the broker tests (NETW_BROKER_TESTS=1 with a broker)")
        pytest.skip("no Celery broker and worker configured (set CELERY_BROKER_URL and "
                    "NETW_BROKER_TESTS=1 with a worker running, as .ci/run does)")
    app.conf.task_always_eager = False
    yield
    app.conf.task_always_eager = True


def test_a_task_sent_through_redis_is_run_by_a_worker(real_broker):
    nonce = uuid.uuid4().hex
    result = ping.delay(nonce).get(timeout=60)
    assert result["nonce"] == nonce
    assert result["hostname"]
