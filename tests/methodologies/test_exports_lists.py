"""Every list of work package 2 is exportable in the background, and the file holds the rows its
page shows the same person for the same filters."""

import csv
import datetime as dt
import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone

from methodologies.models import Adoption
from netw.exports import registry
from netw.exports import services as exports
from netw.exports.models import Export
from netw.workflow import Status
from providers.models import Sector
from providers.vocabulary import Verification
from tests.factories import NetworkFactory, ProviderFactory
from tests.methodologies.factories import (
    DisseminationFactory,
    MethodologyFactory,
    PublicationFactory,
    RoundtableFactory,
    StudyVisitFactory,
)

STAFF = ["member_a", "member_b", "lead", "wp2_lead", "coordinator"]


@pytest.fixture
def people(personas, wp2_lead):
    return {**personas, "wp2_lead": wp2_lead}


def _user(people, name):
    return people[name] or AnonymousUser()


def _login(client, people, name):
    client.logout()
    if people[name] is not None:
        client.force_login(people[name])


def _exported(list_name, user, filters=None):
    entry = registry.get(list_name)
    assert entry.can_export(user)
    return list(entry.rows(user, filters or {}))


def _column(list_name, header):
    return registry.get(list_name).headers().index(header)


@pytest.fixture
def inventory(partners):
    a, b = partners["a3s"], partners["idc-serbia"]
    published = MethodologyFactory(title="Tutor on the shop floor", status=Status.PUBLISHED,
                                   country="PT")
    published.sectors.set(Sector.objects.filter(code="recycling"))
    other = MethodologyFactory(title="Serbian kitchen school", status=Status.PUBLISHED,
                               country="RS", owner_partner=b)
    MethodologyFactory(title="A's secret draft", status=Status.DRAFT, owner_partner=a)
    MethodologyFactory(title="A's submitted one", status=Status.SUBMITTED, owner_partner=a)
    MethodologyFactory(title="Tutor no chão de fábrica", status=Status.PUBLISHED,
                       language="pt", translation_of=published)
    verified = ProviderFactory(name="Verified enterprise")
    unverified = ProviderFactory(name="A's unverified enterprise",
                                 verification=Verification.UNVERIFIED)
    Adoption.objects.create(methodology=published, provider=verified, owner_partner=a,
                            place="Lisbon workshop")
    Adoption.objects.create(methodology=published, provider=unverified, owner_partner=a)
    Adoption.objects.create(methodology=other, provider=verified, owner_partner=b)
    return {"published": published, "other": other}


# --- Who may export --------------------------------------------------------------------------


@pytest.mark.parametrize("list_name", ["methodologies", "adoptions", "roundtables",
                                       "studyvisits", "publications", "dissemination"])
def test_visitors_and_learners_cannot_export_like_on_the_registrys_public_lists(
        people, list_name):
    entry = registry.get(list_name)
    assert not entry.can_export(AnonymousUser())
    assert not entry.can_export(people["learner"])
    assert entry.can_export(people["coordinator"])


def test_public_list_pages_show_the_export_button_to_staff_only(client, people, inventory):
    for name, shown in (("anonymous", False), ("learner", False), ("member_b", True)):
        _login(client, people, name)
        for url in (reverse("methodologies:methodology_list"),
                    reverse("methodologies:roundtable_list"),
                    reverse("methodologies:publication_list")):
            page = client.get(url).content.decode()
            assert (reverse("exports:request") in page) is shown, (name, url)


# --- The inventory ---------------------------------------------------------------------------


@pytest.mark.parametrize("persona", STAFF)
@pytest.mark.parametrize("filters", [{}, {"country": ["PT"]}, {"sector": ["recycling"]},
                                     {"q": ["kitchen"]}, {"country": ["XX"]}])
def test_the_inventory_export_holds_the_rows_of_the_page(client, people, inventory, persona,
                                                         filters):
    user = _user(people, persona)
    _login(client, people, persona)
    page = client.get(reverse("methodologies:methodology_list"), filters)
    shown = [m.title for m in page.context["page_obj"].paginator.object_list]
    exported = _exported("methodologies", user, filters)
    assert [row[0] for row in exported] == shown
    assert "A's secret draft" not in shown


def test_the_inventory_export_says_status_origin_tags_licence_adoptions_and_address(
        people, inventory, settings, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _exported("methodologies", people["member_b"])  # the registry found, the roles read
    with CaptureQueriesContext(connection) as few:
        _exported("methodologies", people["member_b"])
    for _ in range(5):
        MethodologyFactory(status=Status.PUBLISHED)
    with django_assert_num_queries(len(few)):  # counts and tags are not one query per row
        _exported("methodologies", people["member_b"])
    # Member B does not see A's unverified provider: one adoption of A's methodology, not two.
    rows = {row[0]: row for row in _exported("methodologies", people["member_b"])}
    headers = registry.get("methodologies").headers()
    row = dict(zip(headers, rows["Tutor on the shop floor"], strict=True))
    assert row["Status"] == "Published"
    assert row["Country of origin"] == "Portugal"
    assert row["Sectors"] == ["Recycling and repair"]
    assert row["Target groups"]  # the factory's one target group, by its name
    assert row["Shared by"] == "A3S"
    assert row["Adoptions"] == 1
    assert row["Page"] == settings.SITE_URL + inventory["published"].get_absolute_url()
    assert row["Licence"]
    coordinator_rows = {r[0]: r for r in _exported("methodologies", people["coordinator"])}
    assert coordinator_rows["Tutor on the shop floor"][headers.index("Adoptions")] == 2


def test_my_exports_describe_the_inventory_filters_in_the_pages_words(
        client, people, inventory, django_capture_on_commit_callbacks):
    client.force_login(people["member_a"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("exports:request"), {
            "list": "methodologies", "format": "csv",
            "filters": "country=PT&sector=recycling&page=2"})
    export = Export.objects.get()
    assert export.described_filters() == [("Country", "Portugal"),
                                          ("Sector", "Recycling and repair")]
    assert export.download_filename().startswith(
        "net-works-methodologies-portugal-recycling-and-repair-")
    text = exports.file_path(export.file_name).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert [r[0] for r in rows[1:]] == ["Tutor on the shop floor"]
    assert "Methodology inventory" in client.get(reverse("exports:list")).content.decode()


# --- Adoptions (a methodology's "Who uses it") ---------------------------------------------------


@pytest.mark.parametrize("persona", STAFF)
def test_the_adoptions_export_holds_the_providers_the_methodology_page_lists(
        client, people, inventory, persona):
    methodology = inventory["published"]
    _login(client, people, persona)
    page = client.get(methodology.get_absolute_url())
    shown = sorted(a.provider.name for a in page.context["adoptions"]["rows"])
    exported = _exported("adoptions", _user(people, persona),
                         {"methodology": [methodology.slug]})
    assert sorted(row[1] for row in exported) == shown
    if persona in ("member_a", "member_b"):  # only its partner sees an unverified provider
        assert ("A's unverified enterprise" in shown) is (persona == "member_a")
    assert reverse("exports:request") in page.content.decode()


def test_adoptions_of_a_draft_are_exported_only_to_who_sees_the_draft(people, inventory):
    draft = MethodologyFactory(status=Status.DRAFT)
    Adoption.objects.create(methodology=draft, provider=ProviderFactory(), owner_partner=draft
                            .owner_partner)
    assert _exported("adoptions", people["member_b"], {"methodology": [draft.slug]}) == []
    assert len(_exported("adoptions", people["member_a"], {"methodology": [draft.slug]})) == 1
    described = registry.describe_filters(registry.get("adoptions"), people["member_a"],
                                          {"methodology": [draft.slug]})
    assert described == [("Methodology", draft.title)]


# --- Roundtables and study visits --------------------------------------------------------------


def _past(**kwargs):
    start = timezone.now() - dt.timedelta(days=30)
    return {"starts_at": start, "ends_at": start + dt.timedelta(hours=3), **kwargs}


@pytest.mark.parametrize("persona", STAFF)
def test_the_roundtables_export_holds_the_rows_of_the_page(client, people, partners, persona):
    RoundtableFactory(title="Coming public")
    RoundtableFactory(title="Coming private", is_public=False)
    RoundtableFactory(title="Held one", conclusions="Tutors need time.", **_past())
    _login(client, people, persona)
    page = client.get(reverse("methodologies:roundtable_list"))
    shown = {r.title for r in page.context["upcoming"]} | {
        r.title for r in page.context["page_obj"].paginator.object_list}
    exported = _exported("roundtables", _user(people, persona))
    assert {row[0] for row in exported} == shown == {"Coming public", "Coming private",
                                                      "Held one"}
    held = {row[0]: row[_column("roundtables", "Held")] for row in exported}
    assert held == {"Coming public": "no", "Coming private": "no", "Held one": "yes"}


def test_visitors_see_only_public_roundtables_and_cannot_export_them(client, partners):
    RoundtableFactory(title="Coming private", is_public=False)
    page = client.get(reverse("methodologies:roundtable_list"))
    assert [r.title for r in page.context["upcoming"]] == []
    assert reverse("exports:request") not in page.content.decode()


@pytest.fixture
def visits(partners):
    StudyVisitFactory(title="Serbia visits Italy")  # A organises, B's network visits
    StudyVisitFactory(title="Held with report", report="We met the tutors.", **_past())
    elsewhere = {"representing_partner": partners["galileo-progetti"]}
    StudyVisitFactory(title="A's visit between others",
                      visiting_network=NetworkFactory(maturity="emerging", **elsewhere),
                      host_network=NetworkFactory(maturity="established", **elsewhere))


@pytest.mark.parametrize("persona", STAFF)
def test_the_study_visits_export_holds_the_rows_of_the_page(client, people, visits, persona):
    _login(client, people, persona)
    page = client.get(reverse("methodologies:studyvisit_list"))
    shown = {v.title for v in page.context["upcoming"]} | {
        v.title for v in page.context["page_obj"].paginator.object_list}
    exported = _exported("studyvisits", _user(people, persona))
    assert {row[0] for row in exported} == shown
    # The organiser's and the networks' partners, WP2 leads and coordinators see a visit.
    assert ("A's visit between others" in shown) is (
        persona in ("member_a", "wp2_lead", "coordinator"))


def test_the_study_visits_export_says_networks_held_and_report(people, visits):
    headers = registry.get("studyvisits").headers()
    rows = {r[0]: dict(zip(headers, r, strict=True))
            for r in _exported("studyvisits", people["coordinator"])}
    held = rows["Held with report"]
    assert (held["Held"], held["Report written"]) == ("yes", "yes")
    coming = rows["Serbia visits Italy"]
    assert (coming["Held"], coming["Report written"]) == ("no", "no")
    assert coming["Visiting network"].startswith("Network of social enterprises")
    assert coming["Topics"]


# --- Publications ------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", STAFF)
def test_the_publications_export_holds_the_rows_of_the_page(client, people, partners, persona):
    guide = PublicationFactory(title="Guidebook", status=Status.PUBLISHED,
                               published_at=timezone.now())
    guide.files.create(language="en", file="g-en.pdf", size=1)
    guide.files.create(language="pt", file="g-pt.pdf", size=1)
    PublicationFactory(title="Galileo's draft", owner_partner=partners["galileo-progetti"])
    _login(client, people, persona)
    page = client.get(reverse("methodologies:publication_list"))
    shown = [p.title for p in page.context["page_obj"].paginator.object_list]
    exported = _exported("publications", _user(people, persona))
    assert [row[0] for row in exported] == shown == ["Guidebook"]
    headers = registry.get("publications").headers()
    row = dict(zip(headers, exported[0], strict=True))
    assert (row["Number of files"], row["Languages of the files"]) == (2, ["English", "Portuguese"])


# --- The dissemination log ---------------------------------------------------------------------


@pytest.fixture
def activities(partners):
    DisseminationFactory(title="Lisbon fair", country="PT")
    DisseminationFactory(title="Belgrade radio", country="RS", kind="article",
                         owner_partner=partners["idc-serbia"])


@pytest.mark.parametrize("persona", ["wp2_lead", "coordinator"])
@pytest.mark.parametrize("filters", [{}, {"country": ["RS"]}, {"partner": ["a3s"]},
                                     {"date_from": ["not a date"]}])
def test_the_dissemination_export_holds_the_rows_of_the_log(client, people, activities,
                                                            persona, filters):
    _login(client, people, persona)
    page = client.get(reverse("methodologies:dissemination_list"), filters)
    shown = [a.title for a in page.context["page_obj"].paginator.object_list]
    assert [row[2] for row in _exported("dissemination", _user(people, persona), filters)] == \
        shown


@pytest.mark.parametrize("persona", ["member_a", "member_b", "lead", "learner"])
def test_only_coordinators_and_wp2_leads_export_the_dissemination_log(client, people,
                                                                      activities, persona):
    assert not registry.get("dissemination").can_export(people[persona])
    if persona != "learner":
        _login(client, people, persona)
        page = client.get(reverse("methodologies:dissemination_list"))
        assert reverse("exports:request") not in page.content.decode()


def test_the_dissemination_filters_are_described_in_the_logs_words(people, activities):
    described = registry.describe_filters(
        registry.get("dissemination"), people["coordinator"],
        {"country": ["RS"], "partner": ["idc-serbia"], "date_from": ["2026-01-01"]})
    assert described[0] == ("Country", "Serbia")
    assert described[1][0] == "Partner" and "IDC" in described[1][1]
    assert described[2] == ("From", "2026-01-01")


def test_the_old_csv_address_leads_to_the_log_with_the_same_filters(client, people,
                                                                     activities):
    client.force_login(people["coordinator"])
    response = client.get(reverse("methodologies:dissemination_export"),
                          {"country": "PT", "kind": "event"})
    assert response.status_code == 302
    assert response["Location"] == (reverse("methodologies:dissemination_list")
                                    + "?country=PT&kind=event")
    page = client.get(response["Location"])
    assert [a.title for a in page.context["page_obj"]] == ["Lisbon fair"]
    assert "list" in page.content.decode() and 'value="dissemination"' in \
        page.content.decode()
