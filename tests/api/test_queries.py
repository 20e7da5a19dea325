"""A list costs the same number of queries whatever its length."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from netw.api import routes
from tests.api.records import public_records

pytestmark = pytest.mark.django_db


def _queries(client, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_every_list_costs_the_same_queries_for_one_record_or_several(client, partners):
    public_records(partners)
    paths = [f"/api/v1/{route.prefix}/" for route in routes()]
    once = {path: _queries(client, path) for path in paths}
    for _more in range(3):
        public_records(partners)
    again = {path: _queries(client, path) for path in paths}
    assert again == once
