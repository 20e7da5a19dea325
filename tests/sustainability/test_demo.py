import io

import pytest
from django.urls import reverse

from sustainability import demo
from sustainability.models import GoodPractice

pytestmark = pytest.mark.django_db


def test_the_demo_seeds_practices_in_every_state_and_is_idempotent(partners, client):
    demo.seed(io.StringIO())
    count = GoodPractice.objects.count()
    demo.seed(io.StringIO())
    assert GoodPractice.objects.count() == count >= 8
    assert set(GoodPractice.objects.values_list("status", flat=True)) == {
        "draft", "submitted", "published"}
    # Every published demo practice is complete, and the public list shows them.
    for practice in GoodPractice.objects.published():
        assert practice.missing_for_publication() == {}, practice
    page = client.get(reverse("sustainability:goodpractice_list")).content.decode()
    assert "6 good practices" in page
    assert client.get(GoodPractice.objects.published().first().get_absolute_url()
                      ).status_code == 200
