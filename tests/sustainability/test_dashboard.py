import pytest
from django.urls import reverse

from netw.dashboard import attention_for, compute_figures, partner_figures
from netw.workflow import Status
from tests.sustainability.factories import GoodPracticeFactory

pytestmark = pytest.mark.django_db


def test_the_project_figures_count_the_published_practices_only(partner_a):
    GoodPracticeFactory(owner_partner=partner_a, status=Status.PUBLISHED, country="PT")
    GoodPracticeFactory(owner_partner=partner_a, status=Status.PUBLISHED, country="RS")
    GoodPracticeFactory(owner_partner=partner_a, status=Status.DRAFT)
    figure = next(f for f in compute_figures() if f.label == "Good practices published")
    assert figure.value == 2
    assert figure.detail == "from 2 countries"
    assert figure.url == reverse("sustainability:goodpractice_list")


def test_a_partner_page_counts_what_the_partner_shared(partner_a, partner_b):
    GoodPracticeFactory(owner_partner=partner_a, status=Status.PUBLISHED)
    GoodPracticeFactory(owner_partner=partner_a, status=Status.DRAFT)
    GoodPracticeFactory(owner_partner=partner_b, status=Status.PUBLISHED)
    figure = next(f for f in partner_figures(partner_a) if f.label == "Good practices shared")
    assert figure.value == 1
    assert str(figure.detail) == "2 including drafts"


def test_the_wp3_lead_is_told_what_awaits_review_and_a_wp1_lead_is_not(
        partner_a, wp3_lead, lead):
    GoodPracticeFactory(owner_partner=partner_a, status=Status.SUBMITTED)
    assert any("1 good practice awaits your review" in a.text
               for a in attention_for(wp3_lead))
    assert not any("good practice" in a.text for a in attention_for(lead))
