import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from netw.dashboard import attention_for, partner_figures, project_figures
from netw.monitoring import indicators
from netw.workflow import Status
from tests.sustainability.factories import GoodPracticeFactory

pytestmark = pytest.mark.django_db


def test_the_project_figures_count_the_published_practices_only(partner_a):
    GoodPracticeFactory(owner_partner=partner_a, status=Status.PUBLISHED, country="PT")
    GoodPracticeFactory(owner_partner=partner_a, status=Status.PUBLISHED, country="RS")
    GoodPracticeFactory(owner_partner=partner_a, status=Status.DRAFT)
    practices = indicators.get("wp3.good_practices")
    assert indicators.value(practices) == 2
    assert indicators.by_country(practices) == {"PT": 1, "RS": 1}
    # Public: a visitor is shown it too, linked to the public list of the same practices.
    figure = next(f for f in project_figures(AnonymousUser())
                  if f.label == "Good practices published")
    assert figure.value == 2
    assert figure.url == reverse("sustainability:goodpractice_list")


def test_a_partner_page_counts_what_the_partner_published_and_home_its_drafts(
        partner_a, partner_b, owner):
    GoodPracticeFactory(owner_partner=partner_a, status=Status.PUBLISHED)
    GoodPracticeFactory(owner_partner=partner_a, status=Status.DRAFT)
    GoodPracticeFactory(owner_partner=partner_b, status=Status.PUBLISHED)
    figure = next(f for f in partner_figures(partner_a) if f.label == "Good practices published")
    assert figure.value == 1
    assert figure.url == indicators.drilldown_url(indicators.get("wp3.good_practices"),
                                                  partner=partner_a)
    # The drafts are the partner's own business: My home tells its members.
    assert any(a.text == "1 of your partner's good practices is a draft"
               for a in attention_for(owner))


def test_the_wp3_lead_is_told_what_awaits_review_and_a_wp1_lead_is_not(
        partner_a, wp3_lead, lead):
    GoodPracticeFactory(owner_partner=partner_a, status=Status.SUBMITTED)
    assert any("1 good practice awaits your review" in a.text
               for a in attention_for(wp3_lead))
    assert not any("good practice" in a.text for a in attention_for(lead))
