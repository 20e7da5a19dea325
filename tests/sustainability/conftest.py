import pytest

from netw.roles import Role
from tests.conftest import _member


@pytest.fixture
def wp3_lead(partners):
    """A work-package 3 lead at ISEN: reviews the good practices."""
    return _member(partners["isen"], Role.WP_LEAD, email="lead@isen.example.org")
