"""The public inventory: lists, filters, search, pages, feed, sitemap, sanitising, query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from netw.workflow import Status
from tests.methodologies.factories import MethodologyFactory
from tests.sitemap import sitemap_text

pytestmark = pytest.mark.django_db
LIST = reverse("methodologies:methodology_list")


def titles(response):
    return [m.title for m, _snippet in response.context["rows"]]


def test_visitors_see_only_published_methodologies_in_the_list(client):
    MethodologyFactory(title="Public one", status=Status.PUBLISHED)
    MethodologyFactory(title="Draft one")
    MethodologyFactory(title="Submitted one", status=Status.SUBMITTED)
    assert titles(client.get(LIST)) == ["Public one"]


def test_filters_by_country_target_group_sector_setting_and_language(client):
    a = MethodologyFactory(title="Portuguese bakery", status=Status.PUBLISHED, country="PT",
                           target_groups=["neet"], learning_setting="on_the_job")
    MethodologyFactory(title="Serbian print shop", status=Status.PUBLISHED, country="RS",
                       target_groups=["roma"], learning_setting="classroom", language="sr")
    a.sectors.set(__import__("providers.models").models.Sector.objects.filter(
        code="hospitality"))
    assert titles(client.get(LIST, {"country": "PT"})) == ["Portuguese bakery"]
    assert titles(client.get(LIST, {"target_group": "roma"})) == ["Serbian print shop"]
    assert titles(client.get(LIST, {"sector": "hospitality"})) == ["Portuguese bakery"]
    assert titles(client.get(LIST, {"setting": "classroom"})) == ["Serbian print shop"]
    assert titles(client.get(LIST, {"language": "sr"})) == ["Serbian print shop"]
    assert titles(client.get(LIST, {"country": "PT", "language": "sr"})) == []


def test_search_ranks_a_title_match_above_a_body_match_and_highlights_it(client):
    MethodologyFactory(title="Workshop logistics", body="We use mentoring every week.",
                       summary="Order picking in a warehouse.", status=Status.PUBLISHED)
    MethodologyFactory(title="Mentoring on the shop floor", summary="A mentor for each trainee.",
                       status=Status.PUBLISHED)
    MethodologyFactory(title="Unrelated", summary="Nothing here.", status=Status.PUBLISHED)
    response = client.get(LIST, {"q": "mentoring"})
    assert titles(response) == ["Mentoring on the shop floor", "Workshop logistics"]
    assert "<mark>" in response.content.decode()


def test_search_needs_every_word(client):
    MethodologyFactory(title="Mentoring bakers", status=Status.PUBLISHED)
    MethodologyFactory(title="Mentoring cleaners", status=Status.PUBLISHED)
    assert titles(client.get(LIST, {"q": "mentoring bakers"})) == ["Mentoring bakers"]


def test_search_never_shows_drafts(client):
    MethodologyFactory(title="Secret mentoring draft")
    assert titles(client.get(LIST, {"q": "secret"})) == []


def test_search_input_with_tsquery_syntax_is_harmless(client):
    MethodologyFactory(title="Mentoring", status=Status.PUBLISHED)
    response = client.get(LIST, {"q": "mentor:* & | ! ( ' \\"})
    assert response.status_code == 200
    assert client.get(LIST, {"q": "x" * 100_000}).status_code == 200


def test_script_in_any_text_field_is_rendered_inert(client):
    methodology = MethodologyFactory(
        status=Status.PUBLISHED, title="<script>alert('t')</script>Title",
        summary="<img src=x onerror=alert(1)>", body="Hello <script>alert(1)</script> **world**",
        problem="[click](javascript:alert(1))", evidence="<iframe src=//evil></iframe>ok",
        duration="<b onmouseover=alert(1)>6</b>")
    html = client.get(methodology.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert "onerror=alert" not in html.replace("&lt;img src=x onerror=alert(1)&gt;", "")
    assert "javascript:" not in html
    assert "<iframe" not in html
    assert "<strong>world</strong>" in html
    assert "&lt;script&gt;alert(&#x27;t&#x27;)&lt;/script&gt;Title" in html


def test_detail_page_has_social_tags_canonical_link_and_a_printable_view(client):
    methodology = MethodologyFactory(status=Status.PUBLISHED, title="Tutoring in a laundry")
    html = client.get(methodology.get_absolute_url()).content.decode()
    assert '<meta property="og:title" content="Tutoring in a laundry">' in html
    assert 'rel="canonical"' in html
    assert 'name="robots"' not in html
    printable = client.get(reverse("methodologies:methodology_print", args=[methodology.slug]))
    assert printable.status_code == 200
    assert "Tutoring in a laundry" in printable.content.decode()


def test_a_visitor_guessing_a_draft_address_gets_404(client, outsider):
    draft = MethodologyFactory()
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(outsider)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_the_author_previews_a_draft_as_the_public_will_see_it(client, owner):
    draft = MethodologyFactory()
    client.force_login(owner)
    html = client.get(draft.get_absolute_url() + "?preview=1").content.decode()
    assert "This is how the public will see it" in html
    assert "Submit for review" not in html
    assert 'content="noindex"' in html


def test_atom_feed_lists_newly_published_methodologies(client):
    MethodologyFactory(status=Status.PUBLISHED, title="Fresh one")
    MethodologyFactory(title="Not yet")
    response = client.get(reverse("methodologies:feed"))
    body = response.content.decode()
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "Fresh one" in body and "Not yet" not in body
    assert "http://127.0.0.1:8000/methodologies/" in body


def test_sitemap_lists_published_methodologies_only(client):
    published = MethodologyFactory(status=Status.PUBLISHED)
    draft = MethodologyFactory()
    body = sitemap_text(client)
    assert published.get_absolute_url() in body
    assert draft.get_absolute_url() not in body


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url_of", [
    lambda m: LIST, lambda m: LIST + "?q=mentoring", lambda m: LIST + "?country=PT",
    lambda m: m.get_absolute_url(),
])
def test_pages_issue_the_same_number_of_queries_for_10_and_100_methodologies(client, url_of):
    def make(n):
        made = [MethodologyFactory(status=Status.PUBLISHED, title=f"Mentoring {i}")
                for i in range(n)]
        made[0].related.set(made[1:])
        return made[0]

    first = make(10)
    small = _queries(client, url_of(first))
    second = make(90)
    assert _queries(client, url_of(second)) == small


def test_workspace_lists_my_partners_items_and_my_reviews(client, owner, wp2_lead):
    MethodologyFactory(title="Our draft")
    MethodologyFactory(title="Theirs", owner_partner=__import__(
        "providers.models").models.Partner.objects.get(slug="idc-serbia"))
    MethodologyFactory(title="Waiting", status=Status.SUBMITTED)
    client.force_login(owner)
    html = client.get(reverse("methodologies:methodology_workspace")).content.decode()
    assert "Our draft" in html and "Theirs" not in html
    client.force_login(wp2_lead)
    html = client.get(reverse("methodologies:methodology_workspace")).content.decode()
    assert "Awaiting your review" in html and "Waiting" in html
