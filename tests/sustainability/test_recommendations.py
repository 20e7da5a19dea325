"""Policy recommendations: writing, reviewing, finding, and beginning one from an expert
meeting."""

import datetime as dt
import io

import pytest
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from methodologies.models import Methodology
from netw.workflow import ReviewEvent, Status
from sustainability import demo
from sustainability.models import AddresseeType, ExpertMeeting, Recommendation, UptakeStep
from tests.access import LOGIN, PERSONAS
from tests.sitemap import sitemap_text
from tests.sustainability.access_rows import EXTRA_ROWS
from tests.sustainability.access_rows import objects as matrix_objects
from tests.sustainability.factories import GoodPracticeFactory, RecommendationFactory

pytestmark = pytest.mark.django_db

COMPLETE = {
    "title": "Reserve public contracts for work integration social enterprises",
    "language": "en", "level": "national",
    "summary": "Municipalities should reserve lots of their contracts for social enterprises.",
    "text": "1. Reserve **one lot in ten**.\n2. Pay within thirty days.",
}


def _data(**changes):
    data = {**COMPLETE, "countries": ["PT", "RS"],
            "addressees": [str(AddresseeType.objects.get(code="municipalities").pk)],
            **changes}
    return {k: v for k, v in data.items() if v is not None}


def _meeting(partner, **fields):
    now = timezone.now()
    return ExpertMeeting.objects.create(**{
        "owner_partner": partner, "title": "Experts on public procurement", "starts_at": now,
        "ends_at": now + dt.timedelta(hours=2), "location": "Online",
        "conclusions": "Reserve lots for social enterprises in every municipality.",
        **fields})


# --- Writing and reviewing ------------------------------------------------------------------------


def test_a_member_writes_a_draft_and_submits_it_and_the_wp3_lead_publishes_it(
        client, owner, wp3_lead, partner_a):
    practice = GoodPracticeFactory(status=Status.PUBLISHED)
    client.force_login(owner)
    response = client.post(reverse("sustainability:recommendation_create"),
                           _data(good_practices=[str(practice.pk)]))
    recommendation = Recommendation.objects.get()
    assert response.status_code == 302
    assert recommendation.status == Status.DRAFT
    assert recommendation.owner_partner == partner_a and recommendation.created_by == owner
    assert [c.code for c in recommendation.countries] == ["PT", "RS"]
    assert list(recommendation.good_practices.all()) == [practice]

    response = client.post(reverse("sustainability:recommendation_submit",
                                   args=[recommendation.slug]))
    recommendation.refresh_from_db()
    assert response.status_code == 302 and recommendation.status == Status.SUBMITTED

    client.force_login(wp3_lead)
    review = reverse("sustainability:recommendation_review", args=[recommendation.slug])
    assert client.get(review).status_code == 200
    client.post(review, {"decision": "publish", "comment": "", "confirm_public": "on"})
    recommendation.refresh_from_db()
    assert recommendation.status == Status.PUBLISHED
    assert recommendation.published_by == wp3_lead
    assert ReviewEvent.objects.filter(object_id=recommendation.pk).count() == 2

    client.logout()
    page = client.get(recommendation.get_absolute_url()).content.decode()
    assert "By A3S" in page
    assert "<strong>one lot in ten</strong>" in page  # the Markdown, rendered
    assert "Portugal" in page and "Serbia" in page and "Municipalities" in page
    assert practice.title in page


def test_the_recommendation_text_is_sanitised_markdown(client, partner_a):
    recommendation = RecommendationFactory(
        status=Status.PUBLISHED, text='Fund it <script>alert("x")</script> **now**')
    page = client.get(recommendation.get_absolute_url()).content.decode()
    assert '<script>alert("x")' not in page
    assert "<strong>now</strong>" in page


def test_the_wp3_lead_returns_a_recommendation_with_comments(client, wp3_lead, partner_a):
    recommendation = RecommendationFactory(status=Status.SUBMITTED)
    client.force_login(wp3_lead)
    response = client.post(
        reverse("sustainability:recommendation_review", args=[recommendation.slug]),
        {"decision": "return", "comment": "Name the ministry."})
    recommendation.refresh_from_db()
    assert recommendation.status == Status.DRAFT
    assert response.url == reverse("sustainability:recommendation_workspace")
    assert recommendation.last_return().comment == "Name the ministry."


def test_a_lead_of_another_work_package_cannot_review_a_recommendation(client, lead, partner_a):
    recommendation = RecommendationFactory(status=Status.SUBMITTED)
    client.force_login(lead)
    response = client.post(
        reverse("sustainability:recommendation_review", args=[recommendation.slug]),
        {"decision": "publish", "confirm_public": "on"})
    assert response.status_code == 404
    recommendation.refresh_from_db()
    assert recommendation.status == Status.SUBMITTED


def test_a_submit_with_missing_fields_says_what_is_missing_per_field_and_loses_nothing(
        client, owner):
    client.force_login(owner)
    response = client.post(reverse("sustainability:recommendation_create"),
                           _data(text="", level="", addressees=[], submit="1"), follow=True)
    recommendation = Recommendation.objects.get()
    assert response.redirect_chain[-1][0] == reverse(
        "sustainability:recommendation_edit", args=[recommendation.slug]) + "?missing=1"
    assert "Your draft was saved. It cannot be submitted yet:" in response.content.decode()
    assert recommendation.status == Status.DRAFT
    assert recommendation.summary == COMPLETE["summary"]  # what was written is saved
    assert [c.code for c in recommendation.countries] == ["PT", "RS"]
    form = response.context["form"]
    assert set(form.errors) == {"text", "level", "addressees"}
    assert form["summary"].value() == COMPLETE["summary"]
    assert "Required for publication." in response.content.decode()


def test_another_partners_member_can_neither_see_nor_edit_a_draft(client, outsider, partner_a):
    recommendation = RecommendationFactory(status=Status.DRAFT)
    client.force_login(outsider)
    assert client.get(recommendation.get_absolute_url()).status_code == 404
    response = client.post(
        reverse("sustainability:recommendation_edit", args=[recommendation.slug]),
        _data(title="Taken over"))
    assert response.status_code == 404
    recommendation.refresh_from_db()
    assert recommendation.title != "Taken over"


def test_another_partners_member_cannot_edit_a_published_recommendation(
        client, outsider, partner_a):
    recommendation = RecommendationFactory(status=Status.PUBLISHED)
    client.force_login(outsider)
    response = client.post(
        reverse("sustainability:recommendation_edit", args=[recommendation.slug]),
        _data(title="Taken over"))
    assert response.status_code == 403
    recommendation.refresh_from_db()
    assert recommendation.title != "Taken over"


def test_an_edit_of_a_published_recommendation_keeps_the_earlier_version(
        client, owner, partner_a):
    recommendation = RecommendationFactory(status=Status.PUBLISHED, title="First wording")
    client.force_login(owner)
    client.post(reverse("sustainability:recommendation_edit", args=[recommendation.slug]),
                _data(title="Second wording"))
    recommendation.refresh_from_db()
    assert recommendation.title == "Second wording" and recommendation.is_published
    assert "First wording" in recommendation.history.values_list("title", flat=True)


def test_the_form_offers_the_five_focus_countries_first(client, owner):
    client.force_login(owner)
    form = client.get(reverse("sustainability:recommendation_create")).context["form"]
    focus_group = form.fields["countries"].choices[0]
    assert [code for code, _name in focus_group[1]] == ["HU", "MK", "PT", "RS", "SK"]


def test_grounding_is_chosen_among_published_practices_and_methodologies(
        client, owner, partner_b):
    published = GoodPracticeFactory(status=Status.PUBLISHED)
    own_draft = GoodPracticeFactory(status=Status.DRAFT)
    others_draft = GoodPracticeFactory(owner_partner=partner_b, status=Status.DRAFT)
    client.force_login(owner)
    form = client.get(reverse("sustainability:recommendation_create")).context["form"]
    offered = set(form.fields["good_practices"].queryset)
    assert published in offered
    assert own_draft not in offered and others_draft not in offered
    assert not form.fields["methodologies"].queryset.exclude(status=Status.PUBLISHED).exists()
    response = client.post(reverse("sustainability:recommendation_create"),
                           _data(good_practices=[str(others_draft.pk)]))
    assert response.status_code == 200
    assert "good_practices" in response.context["form"].errors
    assert not Recommendation.objects.exists()


def test_the_page_links_only_the_grounding_the_viewer_may_see(client, owner, partner_a):
    recommendation = RecommendationFactory(status=Status.PUBLISHED)
    public = GoodPracticeFactory(status=Status.PUBLISHED, title="A public practice")
    # Linked when it was public, or by a coordinator: still the partner's draft.
    draft = GoodPracticeFactory(status=Status.DRAFT, title="A draft practice")
    methodology = Methodology.objects.create(owner_partner=partner_a, title="A draft method",
                                             slug="a-draft-method")
    recommendation.good_practices.set([public, draft])
    recommendation.methodologies.set([methodology])
    page = client.get(recommendation.get_absolute_url()).content.decode()
    assert "A public practice" in page
    assert "A draft practice" not in page and "A draft method" not in page
    client.force_login(owner)
    page = client.get(recommendation.get_absolute_url()).content.decode()
    assert "A draft practice" in page and "A draft method" in page


def test_addresses_of_the_list_pages_are_never_taken_by_a_recommendation(owner, partner_a):
    from sustainability.services import recommendation_save

    for title in ("Uptake", "Mine", "New", "From meeting"):
        saved = recommendation_save(recommendation=Recommendation(title=title), by=owner)
        assert saved.slug.endswith("-recommendation"), saved.slug
        assert saved.get_absolute_url() != reverse("sustainability:uptake_matrix")


# --- Finding --------------------------------------------------------------------------------------


def test_a_visitor_finds_a_published_recommendation_by_each_filter_and_by_search(
        client, partner_a):
    ministries = AddresseeType.objects.get(code="education-ministries")
    wanted = RecommendationFactory(status=Status.PUBLISHED, title="Count learning at work",
                                   level="national", countries=["SK", "HU"],
                                   addressees=[ministries])
    other = RecommendationFactory(status=Status.PUBLISHED, title="A guarantee fund",
                                  level="local", countries=["RS"])
    draft = RecommendationFactory(status=Status.DRAFT, title="Count learning, a draft",
                                  countries=["SK"], addressees=[ministries])
    url = reverse("sustainability:recommendation_list")
    for query in ({"country": "SK"}, {"country": "HU"}, {"level": "national"},
                  {"addressee": "education-ministries"}, {"q": "learning at work"}):
        page = client.get(url, query).content.decode()
        assert wanted.title in page, query
        assert other.title not in page, query
        assert draft.title not in page, query


def test_the_list_is_paginated(client, partner_a):
    for n in range(23):
        RecommendationFactory(status=Status.PUBLISHED, title=f"Recommendation {n:02d}")
    response = client.get(reverse("sustainability:recommendation_list"))
    assert len(response.context["page_obj"].object_list) == 20
    assert "23 recommendations" in response.content.decode()
    assert client.get(reverse("sustainability:recommendation_list"),
                      {"page": 2}).context["page_obj"].number == 2


def test_a_search_of_one_very_long_word_or_a_strange_country_finds_nothing_instead_of_failing(
        client, partner_a):
    RecommendationFactory(status=Status.PUBLISHED)
    url = reverse("sustainability:recommendation_list")
    for query in ({"q": "%_" * 190}, {"q": "x" * 5000}, {"country": "P,"}, {"country": "ZZZ"}):
        assert client.get(url, query).status_code == 200, query


def test_the_list_and_pages_are_in_the_sitemap_with_published_recommendations_only(
        client, partner_a):
    published = RecommendationFactory(status=Status.PUBLISHED)
    draft = RecommendationFactory(status=Status.DRAFT)
    xml = sitemap_text(client)
    assert reverse("sustainability:recommendation_list") in xml
    assert reverse("sustainability:uptake_matrix") in xml
    assert published.get_absolute_url() in xml
    assert draft.get_absolute_url() not in xml


def test_the_workspace_shows_my_partners_drafts_and_what_awaits_the_wp3_leads_review(
        client, owner, wp3_lead, partner_b):
    mine = RecommendationFactory(status=Status.DRAFT, title="My partner draft")
    theirs = RecommendationFactory(owner_partner=partner_b, status=Status.SUBMITTED,
                                   title="Their submitted one")
    client.force_login(owner)
    page = client.get(reverse("sustainability:recommendation_workspace")).content.decode()
    assert mine.title in page and theirs.title not in page
    client.force_login(wp3_lead)
    page = client.get(reverse("sustainability:recommendation_workspace")).content.decode()
    assert theirs.title in page and mine.title not in page


# --- A draft from an expert meeting ---------------------------------------------------------------


def test_a_member_begins_a_draft_from_a_meetings_conclusions(client, outsider, partners,
                                                            partner_b):
    meeting = _meeting(partners["isen"])
    client.force_login(outsider)
    response = client.post(reverse("sustainability:recommendation_from_meeting",
                                   args=[meeting.pk]))
    draft = Recommendation.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("sustainability:recommendation_edit", args=[draft.slug])
    assert draft.status == Status.DRAFT
    assert draft.owner_partner == partner_b and draft.created_by == outsider
    assert draft.title == meeting.title and draft.text == meeting.conclusions
    assert draft.expert_meeting == meeting
    assert any("conclusions" in str(m) for m in get_messages(response.wsgi_request))
    page = client.get(response.url).content.decode()
    assert meeting.conclusions in page


def test_a_meeting_without_conclusions_gives_no_draft_and_says_why(client, owner, partners):
    meeting = _meeting(partners["isen"], conclusions="  ")
    client.force_login(owner)
    response = client.post(reverse("sustainability:recommendation_from_meeting",
                                   args=[meeting.pk]),
                           {"next": "/recommendations/"})
    assert response.status_code == 302 and response.url == "/recommendations/"
    assert not Recommendation.objects.exists()
    assert any("no conclusions" in str(m) for m in get_messages(response.wsgi_request))


def test_a_draft_from_a_meeting_is_refused_to_visitors_and_only_by_post(
        client, owner, partners):
    meeting = _meeting(partners["isen"])
    url = reverse("sustainability:recommendation_from_meeting", args=[meeting.pk])
    response = client.post(url)
    assert response.status_code == 302 and "login" in response.url
    client.force_login(owner)
    assert client.get(url).status_code == 405
    assert client.post(reverse("sustainability:recommendation_from_meeting",
                               args=[meeting.pk + 1000])).status_code == 404
    assert not Recommendation.objects.exists()


def test_visitors_see_only_public_meetings(partners):
    public = _meeting(partners["isen"])
    private = _meeting(partners["isen"], is_public=False)
    assert list(ExpertMeeting.objects.visible_to(None)) == [public]
    assert set(ExpertMeeting.objects.visible_to(_member_of(partners["a3s"]))) == {
        public, private}


def _member_of(partner):
    from tests.conftest import _member

    return _member(partner, email=f"someone@{partner.slug}.example.org")


def test_the_page_names_the_meeting_it_came_from(client, owner, partners):
    meeting = _meeting(partners["isen"], title="Experts on outcome contracts")
    recommendation = RecommendationFactory(status=Status.PUBLISHED, expert_meeting=meeting)
    assert "Experts on outcome contracts" in client.get(
        recommendation.get_absolute_url()).content.decode()
    meeting.is_public = False
    meeting.save()
    assert "Experts on outcome contracts" not in client.get(
        recommendation.get_absolute_url()).content.decode()


# --- Access per persona ---------------------------------------------------------------------------

CASES = [(name, persona) for name in EXTRA_ROWS if "recommendation" in name
         for persona in PERSONAS]


@pytest.mark.parametrize(("name", "persona"), CASES, ids=[f"{n}-{p}" for n, p in CASES])
def test_access_to_a_published_recommendation(client, personas, partners, name, persona):
    row = EXTRA_ROWS[name]
    found = matrix_objects(personas, partners)
    if personas[persona] is not None:
        client.force_login(personas[persona])
    response = client.get(row.url(found))
    expected = row.expect[persona]
    if expected == LOGIN:
        assert response.status_code == 302 and "login" in response.url
    else:
        assert response.status_code == expected


def test_the_wp3_lead_sees_and_reviews_submitted_ones_but_not_other_partners_drafts(
        client, wp3_lead, partner_a):
    draft = RecommendationFactory(status=Status.DRAFT)
    submitted = RecommendationFactory(status=Status.SUBMITTED)
    published = RecommendationFactory(status=Status.PUBLISHED)
    client.force_login(wp3_lead)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(reverse("sustainability:recommendation_edit",
                              args=[draft.slug])).status_code == 404
    assert client.get(submitted.get_absolute_url()).status_code == 200
    assert client.get(reverse("sustainability:recommendation_review",
                              args=[submitted.slug])).status_code == 200
    assert client.get(reverse("sustainability:recommendation_edit",
                              args=[published.slug])).status_code == 403
    assert client.get(reverse("sustainability:uptake_create",
                              args=[published.slug])).status_code == 200
    step = UptakeStep.objects.create(recommendation=published, owner_partner=partner_a,
                                     country="PT", stage=1, date=dt.date(2026, 3, 1))
    step.evidence_file.save("minutes.txt", ContentFile(b"Minutes."))
    assert client.get(reverse("sustainability:uptake_evidence",
                              args=[step.pk])).status_code == 200
    meeting = _meeting(partner_a)
    response = client.post(reverse("sustainability:recommendation_from_meeting",
                                   args=[meeting.pk]))
    assert response.status_code == 302
    assert Recommendation.objects.get(expert_meeting=meeting).owner_partner.slug == "isen"


def test_a_visitor_sees_no_draft_anywhere(client, partner_a):
    draft = RecommendationFactory(status=Status.DRAFT, title="A draft nobody outside sees")
    submitted = RecommendationFactory(status=Status.SUBMITTED, title="A submitted one")
    for name in ("recommendation_list", "uptake_matrix", "uptake_list"):
        page = client.get(reverse(f"sustainability:{name}")).content.decode()
        assert draft.title not in page and submitted.title not in page, name
    for item in (draft, submitted):
        assert client.get(item.get_absolute_url()).status_code == 404


# --- Figures, exports, demo -----------------------------------------------------------------------


def test_the_indicators_count_published_recommendations_and_their_uptake(partner_a):
    from netw.dashboard import report_tables
    from netw.monitoring import indicators

    published = RecommendationFactory(status=Status.PUBLISHED)
    draft = RecommendationFactory(status=Status.DRAFT)
    RecommendationFactory(status=Status.PUBLISHED)
    for country, stage in (("PT", 1), ("PT", 4), ("RS", 2)):
        UptakeStep.objects.create(recommendation=published, owner_partner=partner_a,
                                  country=country, stage=stage, date=dt.date(2026, 3, stage))
    UptakeStep.objects.create(recommendation=draft, owner_partner=partner_a, country="PT",
                              stage=4, date=dt.date(2026, 3, 5))
    assert indicators.value(indicators.get("wp3.recommendations")) == 2
    taken_up = indicators.get("wp3.recommendations_taken_up")
    assert indicators.value(taken_up) == 1  # the published one, once, whatever its steps
    assert indicators.by_country(taken_up) == {"PT": 1, "RS": 1}
    # How far each has come, per country, is the activity report's table.
    (uptake,) = [t for t in report_tables() if str(t.title).startswith("Uptake of the policy")]
    assert uptake.rows == [["Portugal", 0, 0, 0, 1], ["Serbia", 0, 1, 0, 0]]


def test_the_wp3_lead_is_told_what_recommendations_await_review(partner_a, wp3_lead, lead):
    from netw.dashboard import attention_for

    RecommendationFactory(status=Status.SUBMITTED)
    assert any("1 policy recommendation awaits your review" in a.text
               for a in attention_for(wp3_lead))
    assert not any("recommendation" in a.text for a in attention_for(lead))


def test_the_recommendations_export_has_the_published_rows_of_the_pages_filters(
        owner, partner_a):
    from netw.exports import registry

    RecommendationFactory(status=Status.PUBLISHED, title="In Slovakia", countries=["SK"])
    RecommendationFactory(status=Status.PUBLISHED, title="In Serbia", countries=["RS"])
    RecommendationFactory(status=Status.DRAFT, title="A draft in Slovakia", countries=["SK"])
    export = registry.get("recommendations")
    rows = list(export.rows(owner, {"country": ["SK"]}))
    assert [row[0] for row in rows] == ["In Slovakia"]
    assert rows[0][3] == "Slovakia" and rows[0][4] == ["Municipalities"]


def test_the_demo_seeds_six_recommendations_with_uptake_and_is_idempotent(partners, client):
    demo.seed(io.StringIO())
    demo.seed(io.StringIO())
    assert Recommendation.objects.filter(translation_of__isnull=True).count() == 6
    assert set(Recommendation.objects.values_list("status", flat=True)) == {
        "draft", "submitted", "published"}
    for recommendation in Recommendation.objects.published():
        assert recommendation.missing_for_publication() == {}, recommendation
    assert UptakeStep.objects.exclude(reason="").count() == 1
    assert len(set(UptakeStep.objects.values_list("country", flat=True))) >= 4
    page = client.get(reverse("sustainability:uptake_matrix")).content.decode()
    assert "now: discussed" in page


def test_the_meeting_page_offers_a_draft_from_its_conclusions_to_partners_only(
        client, owner, partners):
    meeting = _meeting(partners["isen"])
    action = reverse("sustainability:recommendation_from_meeting", args=[meeting.pk])
    assert action not in client.get(meeting.get_absolute_url()).content.decode()
    client.force_login(owner)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert f'action="{action}"' in page
    assert "Draft a policy recommendation from the conclusions" in page
    meeting.conclusions = ""
    meeting.save()
    assert action not in client.get(meeting.get_absolute_url()).content.decode()
