"""The map's data: records in the focus countries, placed or not."""

import pytest

from providers.vocabulary import seed_vocabulary


@pytest.fixture(autouse=True)
def vocabulary(partners):
    seed_vocabulary()
