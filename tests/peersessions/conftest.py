from datetime import timedelta

import pytest
from django.utils import timezone

from tests.peersessions.factories import ParticipantFactory, SessionFactory


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def session(partners, owner):
    """An upcoming scheduled session hosted by partner A, with the outsider invited."""
    return SessionFactory(owner_partner=partners["a3s"], created_by=owner)


@pytest.fixture
def past_session(partners, owner, outsider):
    start = timezone.now() - timedelta(days=3)
    session = SessionFactory(owner_partner=partners["a3s"], created_by=owner,
                             starts_at=start, ends_at=start + timedelta(hours=2))
    ParticipantFactory(session=session, user=outsider)
    return session
