"""The repertoire of financial-sustainability good practices: writing, reviewing, finding."""

import pytest
from django.urls import reverse

from netw.workflow import ReviewEvent, Status
from providers.models import Sector, TargetGroup
from sustainability.models import FundingModel, GoodPractice
from tests.access import LOGIN, PERSONAS
from tests.factories import ProviderFactory
from tests.sitemap import sitemap_text
from tests.sustainability.access_rows import EXTRA_ROWS
from tests.sustainability.access_rows import objects as matrix_objects
from tests.sustainability.factories import GoodPracticeFactory

pytestmark = pytest.mark.django_db

COMPLETE = {
    "title": "A laundry that serves the hospital", "language": "en",
    "summary": "Hospital laundry contracts pay for the trainees' coaching.",
    "country": "PT", "level": "regional", "organisation": "Demo Clean Start cooperative",
    "problem": "Coaching depended on grants that came late.",
    "how_it_works": "A reserved contract with a social clause.",
    "resources": "Two washing lines and a manager.", "results": "Forty jobs a year.",
    "revenue_share": "55.5", "years_running": "7",
    "transferability": "Needs a public buyer willing to reserve a lot.",
}


def _data(**changes):
    data = {**COMPLETE, "funding_model": str(FundingModel.objects.get(code="public-contracts").pk),
            "sectors": [str(Sector.objects.get(code="cleaning").pk)],
            "target_groups": [str(TargetGroup.objects.get(code="disability").pk)], **changes}
    return {k: v for k, v in data.items() if v is not None}


def test_a_member_writes_a_draft_and_submits_it_and_the_wp3_lead_publishes_it(
        client, owner, wp3_lead, partner_a):
    client.force_login(owner)
    response = client.post(reverse("sustainability:goodpractice_create"), _data())
    practice = GoodPractice.objects.get()
    assert response.status_code == 302
    assert practice.status == Status.DRAFT
    assert practice.owner_partner == partner_a and practice.created_by == owner
    assert practice.revenue_share == pytest.approx(55.5) and practice.years_running == 7
    assert [s.code for s in practice.sectors.all()] == ["cleaning"]

    response = client.post(reverse("sustainability:goodpractice_submit", args=[practice.slug]))
    practice.refresh_from_db()
    assert response.status_code == 302
    assert practice.status == Status.SUBMITTED

    client.force_login(wp3_lead)
    review = reverse("sustainability:goodpractice_review", args=[practice.slug])
    assert client.get(review).status_code == 200
    response = client.post(review, {"decision": "publish", "comment": "", "confirm_public": "on"})
    practice.refresh_from_db()
    assert response.status_code == 302
    assert practice.status == Status.PUBLISHED and practice.published_by == wp3_lead
    assert ReviewEvent.objects.filter(object_id=practice.pk).count() == 2

    client.logout()
    page = client.get(practice.get_absolute_url()).content.decode()
    assert 'Shared by <a href="/good-practices/?partner=a3s">A3S</a>' in page
    assert "Demo Clean Start cooperative" in page


def test_the_wp3_lead_returns_a_practice_with_comments_and_it_is_the_authors_draft_again(
        client, wp3_lead, partner_a):
    practice = GoodPracticeFactory(owner_partner=partner_a, status=Status.SUBMITTED)
    client.force_login(wp3_lead)
    response = client.post(reverse("sustainability:goodpractice_review", args=[practice.slug]),
                           {"decision": "return", "comment": "Give the revenue share."})
    practice.refresh_from_db()
    assert practice.status == Status.DRAFT
    # The draft is out of the lead's sight: back to their workspace.
    assert response.url == reverse("sustainability:goodpractice_workspace")
    assert practice.last_return().comment == "Give the revenue share."


def test_a_lead_of_another_work_package_cannot_review_a_practice(client, lead, partner_a):
    practice = GoodPracticeFactory(owner_partner=partner_a, status=Status.SUBMITTED)
    client.force_login(lead)
    response = client.post(reverse("sustainability:goodpractice_review", args=[practice.slug]),
                           {"decision": "publish", "confirm_public": "on"})
    assert response.status_code == 404
    practice.refresh_from_db()
    assert practice.status == Status.SUBMITTED


def test_a_visitor_finds_a_published_practice_by_each_filter_and_by_search(client, partner_a):
    wanted = GoodPracticeFactory(owner_partner=partner_a, status=Status.PUBLISHED,
                                 title="Reserved contracts for park maintenance", country="PT",
                                 level="local",
                                 funding_model=FundingModel.objects.get(code="public-contracts"))
    wanted.sectors.set([Sector.objects.get(code="landscaping")])
    wanted.target_groups.set([TargetGroup.objects.get(code="long_term_unemployed")])
    other = GoodPracticeFactory(owner_partner=partner_a, status=Status.PUBLISHED,
                                title="A crowdfunded van", country="MK", level="national",
                                funding_model=FundingModel.objects.get(code="crowdfunding"))
    draft = GoodPracticeFactory(owner_partner=partner_a, status=Status.DRAFT,
                                title="Reserved contracts, a draft", country="PT")
    url = reverse("sustainability:goodpractice_list")
    for query in ({"funding_model": "public-contracts"}, {"country": "PT"}, {"level": "local"},
                  {"sector": "landscaping"}, {"target_group": "long_term_unemployed"},
                  {"q": "park maintenance"}):
        page = client.get(url, query).content.decode()
        assert wanted.title in page, query
        assert other.title not in page, query
        assert draft.title not in page, query


def test_another_partners_member_can_neither_see_nor_edit_a_draft(client, outsider, partner_a):
    practice = GoodPracticeFactory(owner_partner=partner_a, status=Status.DRAFT)
    client.force_login(outsider)
    assert client.get(practice.get_absolute_url()).status_code == 404
    response = client.post(reverse("sustainability:goodpractice_edit", args=[practice.slug]),
                           _data(title="Taken over"))
    assert response.status_code == 404
    assert practice.title not in client.get(reverse("sustainability:goodpractice_list"))\
        .content.decode()
    practice.refresh_from_db()
    assert practice.title != "Taken over"


def test_another_partners_member_cannot_edit_a_published_practice(client, outsider, partner_a):
    practice = GoodPracticeFactory(owner_partner=partner_a, status=Status.PUBLISHED)
    client.force_login(outsider)
    response = client.post(reverse("sustainability:goodpractice_edit", args=[practice.slug]),
                           _data(title="Taken over"))
    assert response.status_code == 403
    practice.refresh_from_db()
    assert practice.title != "Taken over"


def test_a_submit_with_missing_fields_says_what_is_missing_per_field_and_loses_nothing(
        client, owner):
    client.force_login(owner)
    response = client.post(reverse("sustainability:goodpractice_create"), _data(
        how_it_works="", funding_model="", organisation="", submit="1"), follow=True)
    practice = GoodPractice.objects.get()
    assert response.redirect_chain[-1][0] == reverse(
        "sustainability:goodpractice_edit", args=[practice.slug]) + "?missing=1"
    assert "Your draft was saved. It cannot be submitted yet:" in response.content.decode()
    assert practice.status == Status.DRAFT
    assert practice.summary == COMPLETE["summary"]  # what was written is saved
    assert practice.problem == COMPLETE["problem"]
    form = response.context["form"]
    assert set(form.errors) == {"how_it_works", "funding_model", "organisation"}
    assert form["problem"].value() == COMPLETE["problem"]


def test_a_revenue_share_above_a_hundred_percent_is_refused(client, owner):
    client.force_login(owner)
    response = client.post(reverse("sustainability:goodpractice_create"),
                           _data(revenue_share="140"))
    assert response.status_code == 200
    assert "revenue_share" in response.context["form"].errors
    assert not GoodPractice.objects.exists()


def test_a_member_cannot_link_a_practice_to_a_provider_they_may_not_see(
        client, owner, partner_b):
    hidden = ProviderFactory(owner_partner=partner_b, verification="unverified")
    client.force_login(owner)
    response = client.post(reverse("sustainability:goodpractice_create"),
                           _data(provider=str(hidden.pk)))
    assert response.status_code == 200
    assert "provider" in response.context["form"].errors


def test_the_funding_models_are_seeded(db):
    assert FundingModel.objects.count() == 8
    assert FundingModel.objects.filter(code="grants-eu-funds").exists()


def test_the_list_is_in_the_sitemap_with_published_practices_only(client, partner_a):
    published = GoodPracticeFactory(owner_partner=partner_a, status=Status.PUBLISHED)
    draft = GoodPracticeFactory(owner_partner=partner_a, status=Status.DRAFT)
    xml = sitemap_text(client)
    assert reverse("sustainability:goodpractice_list") in xml
    assert published.get_absolute_url() in xml
    assert draft.get_absolute_url() not in xml


CASES = [(name, persona) for name in EXTRA_ROWS for persona in PERSONAS]


@pytest.mark.parametrize(("name", "persona"), CASES, ids=[f"{n}-{p}" for n, p in CASES])
def test_access_to_a_published_practice(client, personas, partners, name, persona):
    row = EXTRA_ROWS[name]
    found = matrix_objects(personas, partners)
    if personas[persona] is not None:
        client.force_login(personas[persona])
    response = getattr(client, row.method)(row.url(found))
    expected = row.expect[persona]
    if expected == LOGIN:
        assert response.status_code == 302 and "login" in response.url
    else:
        assert response.status_code == expected


def test_a_search_of_one_very_long_word_finds_nothing_instead_of_failing(client, partner_a):
    GoodPracticeFactory(owner_partner=partner_a, status=Status.PUBLISHED)
    response = client.get(reverse("sustainability:goodpractice_list"), {"q": "%_" * 190})
    assert response.status_code == 200
    response = client.get(reverse("sustainability:goodpractice_list"), {"q": "x" * 5000})
    assert response.status_code == 200
