"""The repertoire around a practice: ranked search, the Atom feed, printing, attachments, the
history, where it was presented, what each partner shared, the export and the WP3 figures."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from netw import dashboard
from netw.exports import services as export_services
from netw.monitoring import indicators
from netw.workflow import Status
from sustainability import services
from sustainability.models import GoodPractice
from tests.methodologies.factories import DisseminationFactory
from tests.sustainability.factories import GoodPracticeFactory

pytestmark = pytest.mark.django_db
LIST = reverse("sustainability:goodpractice_list")
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def titles(response):
    return [practice.title for practice, _fragment in response.context["rows"]]


def pdf(name="plan.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def attach(practice, title="Business plan"):
    return services.practice_attachment_add(practice=practice, by=None, title=title,
                                            language="en", file=pdf())


# --- Search -----------------------------------------------------------------------------------


def test_search_ranks_a_title_match_above_a_description_match_and_highlights_it(client):
    GoodPracticeFactory(title="Municipal catering", how_it_works="A laundry contract helps.",
                        summary="Meals for schools.", status=Status.PUBLISHED)
    GoodPracticeFactory(title="Laundry for hotels", summary="A laundry that sells its service.",
                        status=Status.PUBLISHED)
    GoodPracticeFactory(title="Unrelated", summary="Nothing here.", status=Status.PUBLISHED)
    response = client.get(LIST, {"q": "laundry"})
    assert titles(response) == ["Laundry for hotels", "Municipal catering"]
    assert "<mark>" in response.content.decode()
    assert "ranked by relevance" in response.content.decode()


def test_search_needs_every_word_and_never_shows_drafts(client):
    GoodPracticeFactory(title="Laundry for hotels", status=Status.PUBLISHED)
    GoodPracticeFactory(title="Laundry for hospitals", status=Status.PUBLISHED)
    GoodPracticeFactory(title="Laundry for hotels, the draft")
    assert titles(client.get(LIST, {"q": "laundry hotels"})) == ["Laundry for hotels"]


def test_search_input_with_tsquery_syntax_is_harmless(client):
    GoodPracticeFactory(title="Laundry", status=Status.PUBLISHED)
    assert client.get(LIST, {"q": "laun:* & | ! ( ' \\"}).status_code == 200


# --- Filters and what each partner shared -------------------------------------------------------


def test_the_list_filters_by_partner_and_language(client, partners):
    GoodPracticeFactory(title="From A3S", owner_partner=partners["a3s"], status=Status.PUBLISHED)
    GoodPracticeFactory(title="From ISEN in Portuguese", owner_partner=partners["isen"],
                        language="pt", status=Status.PUBLISHED)
    assert titles(client.get(LIST, {"partner": "isen"})) == ["From ISEN in Portuguese"]
    assert titles(client.get(LIST, {"language": "pt"})) == ["From ISEN in Portuguese"]
    assert titles(client.get(LIST, {"partner": "a3s", "language": "pt"})) == []
    assert titles(client.get(LIST, {"partner": "no-such-partner"})) == []


def test_the_list_offers_every_filter_of_the_repertoire(client):
    form = client.get(LIST).context["filter"].form
    assert {"q", "funding_model", "country", "level", "sector", "target_group", "partner",
            "language"} <= set(form.fields)


def test_the_list_shows_per_partner_what_it_has_published_with_links(client, partners):
    GoodPracticeFactory.create_batch(2, owner_partner=partners["isen"], status=Status.PUBLISHED)
    GoodPracticeFactory(owner_partner=partners["a3s"], status=Status.PUBLISHED)
    GoodPracticeFactory(owner_partner=partners["aff"])  # a draft: not counted, not named
    response = client.get(LIST)
    assert [(row["owner_partner__short_name"], row["count"])
            for row in response.context["by_partner"]] == [("A3S", 1), ("ISEN", 2)]
    html = response.content.decode()
    assert 'href="/good-practices/?partner=isen"' in html
    assert "AFF:" not in html


def test_a_practice_page_links_to_what_its_partner_shared(client, partners):
    practice = GoodPracticeFactory(owner_partner=partners["isen"], status=Status.PUBLISHED)
    html = client.get(practice.get_absolute_url()).content.decode()
    assert 'Shared by <a href="/good-practices/?partner=isen">ISEN</a>' in html
    filtered = client.get(LIST, {"partner": "isen"})
    assert "1 good practice shared by ISEN" in filtered.content.decode()


# --- Feed -------------------------------------------------------------------------------------


def test_the_atom_feed_lists_only_published_practices(client):
    GoodPracticeFactory(title="Fresh practice", status=Status.PUBLISHED)
    GoodPracticeFactory(title="Still a draft")
    GoodPracticeFactory(title="Awaiting review", status=Status.SUBMITTED)
    response = client.get(reverse("sustainability:goodpractice_feed"))
    body = response.content.decode()
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "Fresh practice" in body
    assert "Still a draft" not in body and "Awaiting review" not in body


def test_the_list_announces_its_feed(client):
    html = client.get(LIST).content.decode()
    assert ('<link rel="alternate" type="application/atom+xml" title="New good practices" '
            'href="/good-practices/feed/">') in html


def test_a_practice_titled_feed_does_not_hide_the_feed(owner):
    practice = services.practice_save(practice=GoodPractice(title="Feed"), by=owner)
    assert practice.slug != "feed"


# --- Printing ---------------------------------------------------------------------------------


def test_the_printable_page_shows_the_practice_without_the_site_navigation(client):
    practice = GoodPracticeFactory(title="Laundry for hotels", status=Status.PUBLISHED)
    response = client.get(reverse("sustainability:goodpractice_print", args=[practice.slug]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Laundry for hotels" in html and 'class="wrap printable"' in html
    assert 'name="robots" content="noindex"' in html


def test_the_print_button_is_a_link_to_the_printable_page_without_inline_script(client):
    practice = GoodPracticeFactory(status=Status.PUBLISHED)
    html = client.get(practice.get_absolute_url()).content.decode()
    printable = reverse("sustainability:goodpractice_print", args=[practice.slug])
    assert f'href="{printable}" data-print>Print</a>' in html
    assert "onclick" not in html and "<script>" not in html


def test_the_printable_page_of_a_draft_is_its_partners_only(client, owner, outsider):
    draft = GoodPracticeFactory()
    url = reverse("sustainability:goodpractice_print", args=[draft.slug])
    assert client.get(url).status_code == 404
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(owner)
    assert client.get(url).status_code == 200


# --- Attachments ------------------------------------------------------------------------------

PERSONAS = ["anonymous", "member_a", "member_b", "wp3_lead", "coordinator"]


@pytest.fixture
def people(personas, wp3_lead):
    return {**personas, "wp3_lead": wp3_lead}


def _as(client, person):
    client.logout()
    if person is not None:
        client.force_login(person)


@pytest.mark.parametrize(("status", "expect"), [
    (Status.PUBLISHED, {"anonymous": 200, "member_a": 200, "member_b": 200, "wp3_lead": 200,
                        "coordinator": 200}),
    (Status.SUBMITTED, {"anonymous": 404, "member_a": 200, "member_b": 404, "wp3_lead": 200,
                        "coordinator": 200}),
    (Status.DRAFT, {"anonymous": 404, "member_a": 200, "member_b": 404, "wp3_lead": 404,
                    "coordinator": 200}),
])
def test_an_attachment_is_served_to_whoever_may_see_its_practice(client, people, partner_a,
                                                                 status, expect):
    practice = GoodPracticeFactory(owner_partner=partner_a, status=status)
    attachment = attach(practice)
    for name in PERSONAS:
        _as(client, people[name])
        response = client.get(attachment.get_absolute_url())
        assert response.status_code == expect[name], name
        if expect[name] == 200:
            assert b"".join(response.streaming_content) == PDF


def test_an_attachment_of_another_practice_is_not_served_under_this_one(client, partner_a):
    shown = GoodPracticeFactory(owner_partner=partner_a, status=Status.PUBLISHED)
    hidden = attach(GoodPracticeFactory(owner_partner=partner_a))
    url = reverse("sustainability:goodpractice_attachment_download", args=[shown.slug, hidden.pk])
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(("name", "expect"), [
    ("anonymous", "login"), ("member_a", 302), ("member_b", 403), ("wp3_lead", 403),
    ("coordinator", 302),
])
def test_who_may_attach_a_file_to_a_published_practice(client, people, partner_a, name, expect):
    practice = GoodPracticeFactory(owner_partner=partner_a, status=Status.PUBLISHED)
    _as(client, people[name])
    url = reverse("sustainability:goodpractice_attachment_add", args=[practice.slug])
    response = client.post(url, {"title": "Plan", "language": "en", "file": pdf()})
    if expect == "login":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        assert not practice.attachments.exists()
    else:
        assert response.status_code == expect
        assert practice.attachments.exists() == (expect == 302)


def test_a_file_that_is_not_what_it_claims_is_refused_next_to_the_field(client, owner,
                                                                      partner_a):
    practice = GoodPracticeFactory(owner_partner=partner_a)
    client.force_login(owner)
    response = client.post(
        reverse("sustainability:goodpractice_attachment_add", args=[practice.slug]),
        {"title": "Plan", "language": "en",
         "file": SimpleUploadedFile("plan.pdf", b"MZ\x90\x00", content_type="application/pdf")})
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not practice.attachments.exists()


def test_the_practice_page_lists_its_attachments(client, partner_a):
    practice = GoodPracticeFactory(owner_partner=partner_a, status=Status.PUBLISHED)
    attachment = attach(practice, title="Shop business plan")
    html = client.get(practice.get_absolute_url()).content.decode()
    assert f'href="{attachment.get_absolute_url()}" download>Shop business plan</a>' in html


# --- History ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "expect"), [
    ("anonymous", "login"), ("member_a", 200), ("member_b", 403), ("wp3_lead", 200),
    ("coordinator", 200),
])
def test_the_history_of_a_published_practice_is_for_its_partner_and_its_reviewers(
        client, people, partner_a, name, expect):
    practice = GoodPracticeFactory(owner_partner=partner_a, status=Status.PUBLISHED)
    _as(client, people[name])
    response = client.get(reverse("sustainability:goodpractice_history", args=[practice.slug]))
    if expect == "login":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    else:
        assert response.status_code == expect


def test_the_wp3_lead_sees_the_history_of_a_practice_under_review(client, wp3_lead, partner_a):
    practice = GoodPracticeFactory(owner_partner=partner_a, status=Status.SUBMITTED)
    client.force_login(wp3_lead)
    url = reverse("sustainability:goodpractice_history", args=[practice.slug])
    assert client.get(url).status_code == 200


def test_the_history_lists_every_saved_version(client, owner, partner_a):
    practice = GoodPracticeFactory(owner_partner=partner_a, title="First title")
    practice.title = "Second title"
    services.practice_save(practice=practice, by=owner)
    client.force_login(owner)
    html = client.get(reverse("sustainability:goodpractice_history",
                              args=[practice.slug])).content.decode()
    assert "First title" in html and "Second title" in html
    detail = client.get(practice.get_absolute_url()).content.decode()
    assert "History of changes" in detail


def test_visitors_are_not_offered_the_history(client):
    practice = GoodPracticeFactory(status=Status.PUBLISHED)
    assert "History of changes" not in client.get(practice.get_absolute_url()).content.decode()


# --- Where it has been presented ------------------------------------------------------------


def test_partners_see_where_a_practice_was_presented_and_visitors_only_how_often(
        client, outsider, partner_a):
    practice = GoodPracticeFactory(owner_partner=partner_a, status=Status.PUBLISHED)
    practice.presented_at.set([
        DisseminationFactory(title="Lisbon social economy fair", channel="Fair stand"),
        DisseminationFactory(title="Webinar on ESF+", channel="Online"),
    ])
    html = client.get(practice.get_absolute_url()).content.decode()
    assert "Presented by the partners 2 times." in html
    assert "Lisbon social economy fair" not in html and "Fair stand" not in html
    client.force_login(outsider)
    html = client.get(practice.get_absolute_url()).content.decode()
    assert "Lisbon social economy fair" in html and "Fair stand" in html


def test_a_member_chooses_where_the_practice_was_presented_in_its_form(client, owner,
                                                                       partner_a):
    practice = GoodPracticeFactory(owner_partner=partner_a)
    activity = DisseminationFactory(owner_partner=partner_a, title="Budapest conference")
    client.force_login(owner)
    url = reverse("sustainability:goodpractice_edit", args=[practice.slug])
    form = client.get(url).context["form"]
    assert activity in form.fields["presented_at"].queryset
    assert "Budapest conference" in client.get(url).content.decode()
    data = {"title": practice.title, "language": "en", "presented_at": [activity.pk]}
    assert client.post(url, data).status_code == 302
    assert list(practice.presented_at.all()) == [activity]


def test_presented_at_choices_are_the_dissemination_log_the_person_may_see(owner):
    from sustainability.forms import GoodPracticeForm

    activity = DisseminationFactory()
    assert activity in GoodPracticeForm(user=owner).fields["presented_at"].queryset
    # Someone who is not a partner's staff has no dissemination log to choose from.
    assert not GoodPracticeForm(user=None).fields["presented_at"].queryset.exists()


def test_an_unknown_dissemination_activity_is_refused_next_to_the_field(client, owner,
                                                                       partner_a):
    practice = GoodPracticeFactory(owner_partner=partner_a)
    client.force_login(owner)
    response = client.post(reverse("sustainability:goodpractice_edit", args=[practice.slug]),
                           {"title": practice.title, "language": "en",
                            "presented_at": ["999999", "99999999999999999999"]})
    assert response.status_code == 200
    assert response.context["form"].errors["presented_at"]


# --- Export -----------------------------------------------------------------------------------


def test_the_export_has_the_pages_rows_with_its_filters(owner, partners,
                                                        django_capture_on_commit_callbacks):
    GoodPracticeFactory(title="Laundry in Portugal", country="PT", status=Status.PUBLISHED,
                        owner_partner=partners["isen"])
    GoodPracticeFactory(title="Laundry in Serbia", country="RS", status=Status.PUBLISHED)
    GoodPracticeFactory(title="Laundry draft", country="PT")
    with django_capture_on_commit_callbacks(execute=True):
        made, _created = export_services.export_request(
            user=owner, list_name="good_practices",
            filters={"q": ["laundry"], "country": ["PT"]}, format="csv")
    made.refresh_from_db()
    assert made.status == "done", made.error
    path = export_services.file_path(made.file_name)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert [(row["Title"], row["Country"], row["Shared by"]) for row in rows] == [
        ("Laundry in Portugal", "Portugal", "ISEN")]
    assert rows[0]["Page"].endswith("/good-practices/" + GoodPractice.objects.get(
        title="Laundry in Portugal").slug + "/")


def test_partners_see_the_export_button_on_the_list_and_visitors_do_not(client, owner):
    assert 'value="good_practices"' not in client.get(LIST).content.decode()
    client.force_login(owner)
    html = client.get(LIST, {"country": "PT"}).content.decode()
    assert 'name="list" value="good_practices"' in html
    assert 'name="filters" value="country=PT"' in html


# --- WP3 on My home, the partner pages and the activity report ---------------------------------


def test_my_home_shows_the_wp3_figures_under_the_work_packages_name(client, owner):
    GoodPracticeFactory(status=Status.PUBLISHED)
    client.force_login(owner)
    html = client.get(reverse("netw:my_home")).content.decode()
    section = html.index("WP3 · Cooperation and financial sustainability</h3>")
    assert html.index("Good practices published", section) > section


def test_the_partner_page_shows_its_wp3_section_with_a_link_to_its_practices(
        client, owner, partner_a):
    GoodPracticeFactory(owner_partner=partner_a, status=Status.PUBLISHED)
    client.force_login(owner)
    html = client.get(partner_a.get_absolute_url()).content.decode()
    assert "WP3 · Cooperation and financial sustainability</h3>" in html
    url = indicators.drilldown_url(indicators.get("wp3.good_practices"), partner=partner_a)
    assert f'href="{url}">Good practices published' in html


def test_the_activity_report_has_a_wp3_section_with_practices_by_country(partners):
    GoodPracticeFactory(country="PT", status=Status.PUBLISHED)
    GoodPracticeFactory(country="PT", status=Status.PUBLISHED)
    GoodPracticeFactory(country="RS", status=Status.PUBLISHED)
    GoodPracticeFactory(country="HU")  # a draft
    tables = [t for t in dashboard.report_tables()
              if str(t.section) == "WP3 · Cooperation and financial sustainability"]
    (practices,) = [t for t in tables if str(t.title) == "Good practices published, by country"]
    assert practices.rows == [["Portugal", 2], ["Serbia", 1]]
    figures = [f for f in dashboard.compute_figures()
               if f.section == "WP3 · Cooperation and financial sustainability"]
    assert any(f.label == "Good practices published" and f.value == 3 for f in figures)


def test_the_activity_report_renders_the_wp3_section(owner, partners):
    from django.template.loader import render_to_string

    from netw.exports.lists import activity_report

    GoodPracticeFactory(country="PT", status=Status.PUBLISHED)
    html = render_to_string("exports/reports/activity_report.html",
                            {**activity_report(owner, {}), "report": {"label": "Report"}})
    assert '<h2 class="section">WP3 · Cooperation and financial sustainability</h2>' in html
    assert "<h3>Good practices published, by country</h3>" in html


def test_wp3_parts_add_report_tables_by_appending_a_function(monkeypatch):
    from netw.dashboard import ReportTable
    from sustainability import dashboard as wp3

    monkeypatch.setattr(wp3, "REPORT_TABLES",
                        [*wp3.REPORT_TABLES, lambda: [ReportTable("Recommendations", [], [])]])
    added = [t for t in dashboard.report_tables() if t.title == "Recommendations"]
    assert added and added[0].section == "WP3 · Cooperation and financial sustainability"
