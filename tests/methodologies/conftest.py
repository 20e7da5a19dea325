import pytest

from netw.roles import Role
from tests.conftest import _member


@pytest.fixture
def wp2_lead(partners):
    return _member(partners["galileo-progetti"], Role.WP_LEAD, email="lead@galileo.example.org")
