"""Shared fixtures: settings for tests and the named personas of every role.

Personas: ``owner`` and ``colleague`` (members of partner A, A3S), ``outsider`` (member of
partner B, IDC Serbia), ``lead`` (work-package 1 lead at AFF), ``coordinator`` (ENSIE, with a second
factor), and the anonymous visitor.
"""

import os

import pytest
from django.core.cache import cache
from django.test.utils import override_settings

from netw.celery import app as celery_app
from netw.roles import Role
from providers.models import Partner
from providers.partner_data import seed_partners
from tests.factories import MembershipFactory, UserFactory


@pytest.fixture(scope="session", autouse=True)
def _cache_of_this_worker():
    """With pytest-xdist (``make test`` runs the suite in parallel), the workers share CI's
    Redis cache: each keeps its keys under a prefix of its own, and the ``cache.clear()`` before
    every test (netw.cache.ForgivingRedisCache) empties only that worker's keys."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        yield
        return
    from django.conf import settings

    caches = {alias: {**config, "KEY_PREFIX": f"{config.get('KEY_PREFIX', '')}{worker}"}
              for alias, config in settings.CACHES.items()}
    with override_settings(CACHES=caches):
        yield


@pytest.fixture(autouse=True)
def _test_settings(settings):
    settings.SECURE_SSL_REDIRECT = False
    # Hashing passwords properly takes a third of a second each; tests need not pay it.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # Tasks run in-process in tests; the broker test sends through the real worker on purpose.
    celery_app.conf.task_always_eager = True
    cache.clear()
    yield


def seed_reference_data() -> None:
    """Put back the rows the data migrations create: partners, sectors, target groups, topics,
    funding models and addressee types.

    They are there from the migrations, unless a transactional test (the browser tests) flushed
    the tables before this one.
    """
    from netw.topics import seed_topics
    from peersessions.models import Topic
    from providers.vocabulary import seed_vocabulary
    from sustainability.addressees import seed_addressee_types
    from sustainability.funding import seed_funding_models
    from sustainability.models import AddresseeType, FundingModel

    seed_partners(Partner)
    seed_vocabulary()
    seed_topics(Topic)
    seed_funding_models(FundingModel)
    seed_addressee_types(AddresseeType)


# A transactional test (a browser test's live server, a worker sharing the database) empties
# every table when it ends, the migrations' reference rows too. Run alone, pytest-django puts
# those tests last; run in parallel (make test: pytest-xdist, a file per worker at a time) a
# worker goes on to other files after one, so the rows are put back as soon as it has ended.
TRANSACTIONAL_FIXTURES = {"transactional_db", "live_server", "django_db_serialized_rollback"}


def _empties_the_database(item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker is not None and (marker.kwargs.get("transaction")
                               or marker.kwargs.get("serialized_rollback")):
        return True
    return bool(TRANSACTIONAL_FIXTURES & set(getattr(item, "fixturenames", ())))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    yield
    # The last test of a run (no next item) has just seen the test database dropped, and the
    # connection points at the real one again: nothing to put back, and nowhere safe to.
    if nextitem is not None and _empties_the_database(item):
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            seed_reference_data()


@pytest.fixture
def partners(db):
    seed_reference_data()
    return {p.slug: p for p in Partner.objects.all()}


@pytest.fixture
def partner_a(partners):
    return partners["a3s"]


@pytest.fixture
def partner_b(partners):
    return partners["idc-serbia"]


def _member(partner, role=Role.MEMBER, **user_kwargs):
    return MembershipFactory(partner=partner, role=role, user=UserFactory(**user_kwargs)).user


@pytest.fixture
def owner(partner_a):
    return _member(partner_a, email="owner@a3s.example.org")


@pytest.fixture
def colleague(partner_a):
    return _member(partner_a, email="colleague@a3s.example.org")


@pytest.fixture
def outsider(partner_b):
    return _member(partner_b, email="outsider@idc.example.org")


@pytest.fixture
def lead(partners):
    return _member(partners["aff"], Role.WP_LEAD, email="lead@aff.example.org")


@pytest.fixture
def coordinator(partners):
    return _member(partners["ensie"], Role.COORDINATOR, email="coordinator@ensie.example.org",
                   totp=True)


@pytest.fixture
def mooc_learner(partners):
    """A MOOC learner: signed up, address confirmed, no partner (peersessions/courses)."""
    from peersessions.models import LearnerProfile

    user = UserFactory(email="learner@learners.example.net")
    LearnerProfile.objects.create(user=user, display_name="Lea Learner", country="HU")
    return user


@pytest.fixture
def personas(owner, outsider, lead, coordinator, mooc_learner):
    return {"anonymous": None, "member_a": owner, "member_b": outsider, "lead": lead,
            "coordinator": coordinator, "learner": mooc_learner}


@pytest.fixture(autouse=True)
def _private_files(settings, tmp_path):
    """Uploaded private files (netw/uploads.py) go to a temporary folder, not var/."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture(autouse=True)
def _private_exports_root(settings, tmp_path):
    """Export files go to a temporary folder of each test, never to var/."""
    settings.EXPORTS_ROOT = tmp_path / "exports"


@pytest.fixture(autouse=True)
def _open_data_root(settings, tmp_path):
    """The open data package (netw/opendata) goes to a temporary folder, never to var/."""
    settings.OPEN_DATA_ROOT = tmp_path / "open-data"


# A private Redis and a real Celery worker on the test database (integration tests).
from tests.broker_worker import broker_worker, live_worker  # noqa: E402, F401
