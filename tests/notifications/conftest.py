import pytest

from netw.celery import app


@pytest.fixture
def not_eager():
    """Tasks are published rather than run in-process (tests mock the publishing)."""
    app.conf.task_always_eager = False
    yield
    app.conf.task_always_eager = True
