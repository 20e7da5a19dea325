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


def test_the_demo_roadmap_spans_the_project_with_late_and_unconfirmed_parts(partners, client):
    from netw.roles import Role
    from sustainability.models import Commitment, Milestone, RoadmapPhase
    from tests.conftest import _member

    _member(partners["isen"], Role.WP_LEAD, email="lead.wp3@demo.net-works.eu")
    demo.seed(io.StringIO())
    demo.seed(io.StringIO())
    assert RoadmapPhase.objects.count() == 4 and Milestone.objects.count() == 11
    first, last = RoadmapPhase.objects.first(), RoadmapPhase.objects.last()
    assert first.starts_on.isoformat() == "2025-01-01" and last.ends_on.isoformat() == "2027-12-31"
    assert Milestone.objects.late().exists()
    assert Milestone.objects.values("owner_partner").distinct().count() >= 6
    assert Commitment.objects.confirmed().exists()
    assert Commitment.objects.filter(confirmed_at__isnull=True).exists()
    assert Commitment.objects.filter(stakeholder__isnull=False).count() == 2
    assert Commitment.objects.confirmed().late().exists()
    page = client.get(reverse("sustainability:roadmap")).content.decode()
    assert "Beyond the project" not in page and 'class="timeline"' in page
