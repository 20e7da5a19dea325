"""Discoverability: the sitemap lists every public page and nothing private, public record pages
carry Open Graph metadata on SITE_URL (private ones none), and each public kind has an Atom feed
that holds only what visitors see, with its licence, in a constant number of queries."""

import re
import xml.etree.ElementTree as ET
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from netw import sitemaps
from netw.workflow import Status
from providers.sitemaps import ProviderSitemap
from providers.vocabulary import Verification
from tests.factories import NetworkFactory, ProviderFactory
from tests.methodologies.factories import MethodologyFactory, PublicationFactory, RoundtableFactory
from tests.peersessions.courses.factories import CourseFactory
from tests.peersessions.factories import SessionFactory
from tests.sitemap import sitemap_documents, sitemap_entries, sitemap_locations
from tests.sustainability.factories import (
    ExpertMeetingFactory,
    GoodPracticeFactory,
    RecommendationFactory,
)

pytestmark = pytest.mark.django_db

SITE = "https://net-works.example.eu"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


def _published(factory, **kwargs):
    return factory(status=Status.PUBLISHED, published_at=timezone.now(), **kwargs)


def _public_world() -> dict:
    """One public record of each kind."""
    return {
        "provider": ProviderFactory(description="A **cooperative** that trains cooks."),
        "network": NetworkFactory(description="Portuguese <b>providers</b> together."),
        "methodology": _published(MethodologyFactory),
        "practice": _published(GoodPracticeFactory),
        "recommendation": _published(RecommendationFactory),
        "publication": _published(PublicationFactory),
        "course": _published(CourseFactory),
        "roundtable": RoundtableFactory(is_public=True),
        "session": SessionFactory(is_public=True),
        "meeting": ExpertMeetingFactory(is_public=True),
    }


def _private_world(owner) -> dict:
    """One record of each kind a visitor may not see."""
    deleted = ProviderFactory(name="Deleted enterprise")
    deleted.deleted_at = timezone.now()
    deleted.save()
    deleted_network = NetworkFactory(name="Deleted network")
    deleted_network.deleted_at = timezone.now()
    deleted_network.save()
    return {
        "unverified": ProviderFactory(name="Unverified enterprise",
                                      verification=Verification.UNVERIFIED),
        "deleted": deleted,
        "deleted_network": deleted_network,
        "draft_methodology": MethodologyFactory(title="Secret draft method",
                                                status=Status.DRAFT),
        "submitted_practice": GoodPracticeFactory(title="Awaiting review practice",
                                                  status=Status.SUBMITTED),
        "draft_recommendation": RecommendationFactory(title="Draft recommendation",
                                                      status=Status.DRAFT),
        "draft_publication": PublicationFactory(title="Draft guidebook", status=Status.DRAFT),
        "draft_course": CourseFactory(title="Draft course", status=Status.DRAFT),
        "private_roundtable": RoundtableFactory(title="Private roundtable", is_public=False),
        "private_session": SessionFactory(title="Private session", is_public=False),
        "draft_session": SessionFactory(title="Draft session", is_public=True,
                                        status="draft"),
        "private_meeting": ExpertMeetingFactory(title="Private meeting", is_public=False),
    }


# --- The sitemap ------------------------------------------------------------------------------


def test_the_sitemap_lists_one_record_of_each_public_kind_and_the_public_lists(client, owner):
    public = _public_world()
    locations = sitemap_locations(client)
    for name, record in public.items():
        assert SITE + record.get_absolute_url() in locations, name
    for url_name in ("providers:partner_list", "providers:provider_list",
                     "providers:network_list", "providers:country_overview",
                     "methodologies:methodology_list", "methodologies:publication_list",
                     "sustainability:goodpractice_list", "sustainability:recommendation_list",
                     "peersessions:course_list", "events:calendar_list",
                     "providers:provider_map", "providers:network_map",
                     "providers:coverage_index", "opendata:page"):
        assert SITE + reverse(url_name) in locations, url_name
    for code in ("HU", "MK", "PT", "RS", "SK"):  # each focus country's regions
        assert SITE + reverse("providers:country_regions", args=[code]) in locations, code
    assert SITE + reverse("providers:partner_detail", args=["a3s"]) in locations
    assert SITE + reverse("providers:provider_list") + "?country=PT" in locations


def test_the_sitemap_lists_nothing_private(client, owner):
    _public_world()
    private = _private_world(owner)
    locations = sitemap_locations(client)
    for name, record in private.items():
        path = (reverse("peersessions:course_detail", args=[record.slug])
                if name == "draft_course" else record.get_absolute_url())
        assert SITE + path not in locations, name
    # Stakeholders are the partners' working map.
    assert not any("/stakeholders/" in location for location in locations)


def test_the_sitemap_gives_each_record_its_modified_time(client):
    provider = ProviderFactory()
    for entry in sitemap_entries(client):
        if entry.findtext(f"{SITEMAP_NS}loc") == SITE + provider.get_absolute_url():
            provider.refresh_from_db()
            assert entry.findtext(f"{SITEMAP_NS}lastmod") == provider.updated_at.date().isoformat()
            break
    else:
        pytest.fail("The provider is not in the sitemap.")


def _count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _count_sitemap_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        sitemap_documents(client)
    return len(queries)


def test_the_sitemap_costs_no_more_queries_for_five_times_the_records(client):
    _public_world()
    few = _count_sitemap_queries(client)
    for _ in range(4):
        _public_world()
    assert _count_sitemap_queries(client) <= few


def _index_locations(client) -> list[str]:
    response = client.get(reverse("sitemap"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    return [loc.text for loc in ET.fromstring(response.content).iter(f"{SITEMAP_NS}loc")]


def test_the_sitemap_is_an_index_of_one_sitemap_per_section_on_site_url(client):
    locations = _index_locations(client)
    assert locations == [SITE + reverse("sitemap_section", kwargs={"section": section})
                         for section in sitemaps.collect()]
    assert SITE + "/sitemap-providers.xml" in locations


def test_a_long_section_is_split_into_pages_each_listed_in_the_index(client, monkeypatch):
    monkeypatch.setattr(ProviderSitemap, "limit", 2)
    providers = [ProviderFactory() for _ in range(5)]
    section = reverse("sitemap_section", kwargs={"section": "providers"})
    locations = _index_locations(client)
    assert [SITE + section, SITE + section + "?p=2", SITE + section + "?p=3"] == [
        loc for loc in locations if loc.startswith(SITE + section)]
    pages = []
    for page in (1, 2, 3):
        root = ET.fromstring(client.get(section, {"p": page}).content)
        pages.append([loc.text for loc in root.iter(f"{SITEMAP_NS}loc")])
    assert [len(found) for found in pages] == [2, 2, 1]
    assert sorted(loc for found in pages for loc in found) == sorted(
        SITE + provider.get_absolute_url() for provider in providers)
    assert client.get(section, {"p": 4}).status_code == 404


def test_an_unknown_section_is_not_found(client):
    assert client.get("/sitemap-stakeholders.xml").status_code == 404


# --- Open Graph ------------------------------------------------------------------------------


class _HeadTags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "meta":
            key = attributes.get("property") or attributes.get("name")
            if key:
                self.meta[key] = attributes.get("content", "")
        elif tag == "link" and attributes.get("rel") == "canonical":
            self.canonical = attributes.get("href")


def _head(client, path: str) -> _HeadTags:
    response = client.get(path)
    assert response.status_code == 200, path
    parser = _HeadTags()
    parser.feed(response.content.decode())
    return parser


def test_every_public_record_page_has_open_graph_on_site_url(client):
    for name, record in _public_world().items():
        head = _head(client, record.get_absolute_url())
        url = SITE + record.get_absolute_url()
        assert head.meta["og:url"] == url, name
        assert head.canonical == url, name
        assert head.meta["og:title"], name
        assert head.meta["og:site_name"] == "Net-Works", name
        assert head.meta["og:type"] in {"article", "website"}, name
        assert head.meta["og:locale"] == "en", name
        assert head.meta["og:image"].startswith(SITE + "/"), name
        assert head.meta["twitter:card"], name
        assert "<" not in head.meta.get("og:description", "") and "**" not in head.meta.get(
            "og:description", ""), name


def test_the_open_graph_description_is_plain_and_short(client):
    provider = ProviderFactory(description="A **cooperative** " + "that trains cooks. " * 40)
    description = _head(client, provider.get_absolute_url()).meta["og:description"]
    assert description.startswith("A cooperative that trains cooks.")
    assert len(description) <= 200 and description.endswith("…")


def test_a_partner_with_a_logo_shows_it_as_its_image(client, partner_a):
    from django.core.files.base import ContentFile

    partner_a.logo.save("logo.png", ContentFile(b"\x89PNG\r\n\x1a\n"), save=True)
    head = _head(client, partner_a.get_absolute_url())
    assert head.meta["og:image"] == SITE + reverse("providers:partner_logo", args=["a3s"])


def test_a_public_list_has_open_graph_and_its_canonical_address_drops_the_filters(client):
    head = _head(client, reverse("providers:provider_list") + "?country=PT")
    assert head.meta["og:url"] == SITE + reverse("providers:provider_list")
    assert head.canonical == SITE + reverse("providers:provider_list")
    assert head.meta["og:type"] == "website"


@pytest.mark.parametrize("kind", ["methodology", "practice", "recommendation", "publication"])
def test_a_drafts_page_shows_its_owner_no_open_graph(client, owner, partner_a, kind):
    factory = {"methodology": MethodologyFactory, "practice": GoodPracticeFactory,
               "recommendation": RecommendationFactory, "publication": PublicationFactory}[kind]
    draft = factory(title="Not to be leaked", status=Status.DRAFT, owner_partner=partner_a)
    client.force_login(owner)
    head = _head(client, draft.get_absolute_url())
    assert not any(key.startswith(("og:", "twitter:")) for key in head.meta)
    assert head.canonical is None


def test_an_unverified_providers_page_shows_its_owner_no_open_graph(client, owner):
    provider = ProviderFactory(verification=Verification.UNVERIFIED)
    client.force_login(owner)
    head = _head(client, provider.get_absolute_url())
    assert "og:title" not in head.meta


def test_a_private_roundtable_shows_partners_no_open_graph(client, owner):
    roundtable = RoundtableFactory(is_public=False)
    client.force_login(owner)
    assert "og:title" not in _head(client, roundtable.get_absolute_url()).meta


def test_open_graph_takes_the_records_language_as_locale(client):
    methodology = _published(MethodologyFactory, language="pt")
    assert _head(client, methodology.get_absolute_url()).meta["og:locale"] == "pt"


# --- Atom feeds ------------------------------------------------------------------------------

FEEDS = {
    "providers:provider_feed": "provider",
    "providers:network_feed": "network",
    "methodologies:feed": "methodology",
    "methodologies:publication_feed": "publication",
    "sustainability:goodpractice_feed": "practice",
    "sustainability:recommendation_feed": "recommendation",
    "peersessions:course_feed": "course",
    "events:feed_atom": "session",
}


def _feed(client, name: str) -> ET.Element:
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    return root


def _entry_links(root: ET.Element) -> set[str]:
    return {link.get("href") for entry in root.iter(f"{ATOM}entry")
            for link in entry.iter(f"{ATOM}link") if link.get("rel") == "alternate"}


@pytest.mark.parametrize("name", FEEDS)
def test_each_feed_is_atom_with_the_public_record_its_licence_and_dates(client, owner, name):
    public = _public_world()
    _private_world(owner)
    root = _feed(client, name)
    record = public[FEEDS[name]]
    links = _entry_links(root)
    assert SITE + record.get_absolute_url() in links
    titles = {entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")}
    assert (getattr(record, "title", None) or record.name) in titles
    assert all(link.startswith(SITE + "/") for link in links)
    licence_links = [link.get("href") for link in root.findall(f"{ATOM}link")
                     if link.get("rel") == "license"]
    assert licence_links == ["https://creativecommons.org/licenses/by/4.0/"]
    assert "CC BY 4.0" in root.findtext(f"{ATOM}rights")
    assert root.findtext(f"{ATOM}updated")
    for entry in root.iter(f"{ATOM}entry"):
        assert entry.findtext(f"{ATOM}updated"), name
        assert entry.findtext(f"{ATOM}id"), name


@pytest.mark.parametrize("name", FEEDS)
def test_no_feed_holds_a_private_record(client, owner, name):
    _public_world()
    private = _private_world(owner)
    body = client.get(reverse(name)).content.decode()
    assert "<title>" in body
    for record in private.values():
        assert str(getattr(record, "title", "") or record.name) not in body, name


def test_the_events_feed_includes_public_roundtables_and_meetings_but_no_past_event(client):
    public = _public_world()
    past = SessionFactory(title="Long over", is_public=True,
                          starts_at=timezone.now() - timedelta(days=30),
                          ends_at=timezone.now() - timedelta(days=30) + timedelta(hours=1))
    root = _feed(client, "events:feed_atom")
    links = _entry_links(root)
    assert SITE + public["roundtable"].get_absolute_url() in links
    assert SITE + public["meeting"].get_absolute_url() in links
    assert SITE + past.get_absolute_url() not in links


def test_a_licensed_entry_carries_its_own_licence(client):
    methodology = _published(MethodologyFactory, licence="CC-BY-SA-4.0")
    root = _feed(client, "methodologies:feed")
    entry = next(root.iter(f"{ATOM}entry"))
    assert entry.findtext(f"{ATOM}rights").startswith("CC BY-SA 4.0")
    assert methodology.licence_info.url in {
        link.get("href") for link in entry.iter(f"{ATOM}link") if link.get("rel") == "license"}


def test_the_providers_feed_puts_the_newest_verified_first(client):
    ProviderFactory(verification=Verification.UNVERIFIED, name="Never verified")
    first = ProviderFactory(verification=Verification.UNVERIFIED, name="Verified long ago")
    first.verification = Verification.VERIFIED
    first.save()
    newest = ProviderFactory(verification=Verification.UNVERIFIED, name="Verified just now")
    newest.verification = Verification.VERIFIED
    newest.save()
    titles = [entry.findtext(f"{ATOM}title")
              for entry in _feed(client, "providers:provider_feed").iter(f"{ATOM}entry")]
    assert titles.index("Verified just now") < titles.index("Verified long ago")
    assert "Never verified" not in titles


def test_the_feeds_cost_no_more_queries_for_five_times_the_records(
        client, django_assert_max_num_queries):
    _public_world()
    few = {name: _count_queries(client, reverse(name)) for name in FEEDS}
    for _ in range(4):
        _public_world()
    for name, count in few.items():
        with django_assert_max_num_queries(count):
            client.get(reverse(name))


@pytest.mark.parametrize(("list_name", "feed_name"), [
    ("providers:provider_list", "providers:provider_feed"),
    ("providers:network_list", "providers:network_feed"),
    ("methodologies:methodology_list", "methodologies:feed"),
    ("methodologies:publication_list", "methodologies:publication_feed"),
    ("sustainability:goodpractice_list", "sustainability:goodpractice_feed"),
    ("sustainability:recommendation_list", "sustainability:recommendation_feed"),
    ("peersessions:course_list", "peersessions:course_feed"),
    ("events:calendar_list", "events:feed_atom"),
])
def test_each_list_links_its_feed_for_readers_and_people(client, list_name, feed_name):
    body = client.get(reverse(list_name)).content.decode()
    feed_url = reverse(feed_name)
    head, page = body.split("</head>", 1)
    assert re.search(rf'<link rel="alternate" type="application/atom\+xml" title="[^"]+" '
                     rf'href="{re.escape(feed_url)}">', head)
    link = re.search(rf'<a href="{re.escape(feed_url)}" type="application/atom\+xml">(.*?)</a>',
                     page, re.S)
    assert link and "Subscribe (Atom)" in link.group(1)


def test_the_old_feed_addresses_still_work(client):
    assert client.get("/methodologies/feed/").status_code == 200
    assert client.get("/good-practices/feed/").status_code == 200


def test_robots_txt_points_crawlers_at_the_sitemap_on_site_url(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert f"Sitemap: {SITE}/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines


@pytest.mark.parametrize("list_name", [
    "providers:partner_list", "providers:provider_list", "providers:network_list",
    "providers:country_overview", "methodologies:methodology_list",
    "methodologies:publication_list", "methodologies:roundtable_list",
    "sustainability:goodpractice_list", "sustainability:recommendation_list",
    "sustainability:meeting_list", "peersessions:course_list", "peersessions:session_list",
    "events:calendar_month", "events:calendar_list", "providers:provider_map",
    "providers:network_map", "providers:coverage_index", "opendata:page",
    ("providers:country_regions", "HU"),
])
def test_every_public_list_has_open_graph_on_its_own_address(client, list_name):
    name, *args = list_name if isinstance(list_name, tuple) else (list_name,)
    path = reverse(name, args=args)
    head = _head(client, path)
    assert head.meta["og:url"] == head.canonical == SITE + path
    assert head.meta["og:title"] and head.meta["og:description"]
    assert head.meta["og:type"] == "website"
