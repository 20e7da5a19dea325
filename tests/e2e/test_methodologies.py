"""WP2 in Chromium: a member writes and submits a methodology, the WP2 lead returns it with
comments then publishes it, a visitor finds it by searching; the coordinator exports the
dissemination log."""

import re

from methodologies.models import Methodology
from netw.demo import DEMO_TOTP_SECRET
from netw.roles import Role
from tests.e2e.conftest import login
from tests.factories import DEFAULT_PASSWORD, MembershipFactory, UserFactory
from tests.methodologies.factories import DisseminationFactory


def _person(partner, email, role=Role.MEMBER, **kwargs):
    return MembershipFactory(partner=partner, role=role,
                             user=UserFactory(email=email, **kwargs)).user


def _log_out(page):
    page.get_by_role("button", name="Log out").first.click()


def test_a_methodology_from_draft_to_the_public_inventory(page, partners, screenshot):
    member = _person(partners["a3s"], "ines@a3s.example.org", first_name="Inês",
                     last_name="Costa")
    lead = _person(partners["galileo-progetti"], "giulia@galileo.example.org", Role.WP_LEAD,
                   first_name="Giulia", last_name="Rossi")

    login(page, member.email, DEFAULT_PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Methodologies").click()
    page.get_by_role("link", name="Describe a methodology").click()
    page.get_by_label("Title").fill("Beekeeping apprenticeships for young people")
    page.get_by_label("Summary").fill("Young people learn beekeeping with a master beekeeper "
                                      "and sell honey at the market.")
    page.get_by_role("button", name="Save and submit for review").click()
    # Incomplete: the draft is saved, the person is told what is missing and taken to its edit
    # page, where the missing fields are named next to them.
    page.get_by_text("Your draft was saved. It cannot be submitted yet:").wait_for()
    assert re.search(r"/methodologies/[\w-]+/edit/", page.url)
    assert page.locator(".field-invalid").count() >= 5
    screenshot(page, "wp2-methodology-missing-fields")
    edit_url = page.url

    # Starting again with the same title: a warning links to the draft, nothing is saved yet.
    page.goto("/methodologies/new/")
    page.get_by_label("Title").fill("beekeeping apprenticeships for young people")
    page.get_by_label("Summary").fill("Again.")
    page.get_by_role("button", name="Save draft").click()
    warning = page.locator(".field-warning")
    warning.get_by_text("already has a draft with this title").wait_for()
    screenshot(page, "wp2-methodology-same-title")
    assert Methodology.objects.count() == 1
    warning.get_by_role("link", name="Beekeeping apprenticeships for young people").click()
    page.get_by_role("heading", level=1,
                     name="Beekeeping apprenticeships for young people").wait_for()
    page.goto(edit_url)

    page.get_by_label("Full description").fill(
        "Trainees keep **twenty hives** <script>alert('x')</script> through a whole season.")
    page.get_by_label("Problem it answers").fill("Rural youth without work experience.")
    page.get_by_label("Young people not in employment or training (NEET)").check()
    page.get_by_label("Learning setting").select_option(label="On the job")
    page.get_by_label("Country of origin").select_option(label="Portugal")
    page.get_by_label("Evidence of results").fill("Eight of ten trainees found seasonal work.")
    page.get_by_label("How to transfer it").fill("Needs hives, a beekeeper and a market stall.")
    page.get_by_role("button", name="Save and submit for review").click()
    page.get_by_text("Submitted. The work package 2 leads have been asked").wait_for()
    assert page.get_by_text("awaiting review by the work package 2 leads").is_visible()
    screenshot(page, "wp2-methodology-submitted")
    _log_out(page)

    login(page, lead.email, DEFAULT_PASSWORD)
    page.goto("/methodologies/mine/")
    page.get_by_role("link", name="Beekeeping apprenticeships for young people").click()
    page.get_by_label("Comments").fill("Please add how many hours the master beekeeper gives.")
    page.get_by_role("button", name="Return to the author with comments").click()
    page.get_by_text("Returned to the author with your comments.").wait_for()
    _log_out(page)

    login(page, member.email, DEFAULT_PASSWORD)
    page.goto(Methodology.objects.get().get_absolute_url())
    page.get_by_text("Please add how many hours").first.wait_for()
    screenshot(page, "wp2-methodology-returned")
    page.get_by_role("button", name="Submit for review").click()
    page.get_by_text("Submitted.").first.wait_for()
    _log_out(page)

    login(page, lead.email, DEFAULT_PASSWORD)
    page.goto(Methodology.objects.get().get_absolute_url())
    page.get_by_role("link", name="Review").click()
    screenshot(page, "wp2-methodology-review")
    # The safer decision comes first; publishing asks for a confirmation.
    review_form = page.locator("form", has=page.get_by_role("button", name="Publish"))
    assert review_form.locator("button[type=submit]").first.inner_text() != "Publish"
    page.get_by_role("button", name="Publish").click()
    page.get_by_text("Tick this box to confirm").wait_for()
    assert Methodology.objects.get().is_submitted
    page.get_by_label("I have read the page as the public will see it").check()
    page.get_by_role("button", name="Publish").click()
    page.get_by_text("Published: it is now public.").wait_for()
    _log_out(page)

    page.goto("/methodologies/?q=beekeeping")
    page.get_by_role("link", name="Beekeeping apprenticeships for young people").wait_for()
    assert page.locator(".result mark").count() >= 1
    screenshot(page, "wp2-inventory-search")
    page.get_by_role("link", name="Beekeeping apprenticeships for young people").click()
    assert page.locator("article strong", has_text="twenty hives").is_visible()
    assert page.locator("article script").count() == 0
    screenshot(page, "wp2-methodology-public")


def test_coordinator_filters_and_exports_the_dissemination_log(page, partners, screenshot):
    coordinator = _person(partners["ensie"], "patrizia@ensie.example.org", Role.COORDINATOR,
                          totp=True)
    DisseminationFactory(title="Radio interview in Niš", country="RS",
                         owner_partner=partners["idc-serbia"], people_reached=3000)
    DisseminationFactory(title="Fair in Porto", country="PT", people_reached=400)
    login(page, coordinator.email, DEFAULT_PASSWORD, totp_secret=DEMO_TOTP_SECRET)
    page.get_by_role("heading", name=re.compile("Welcome")).wait_for()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Methodologies").click()
    page.get_by_role("navigation", name="Methodologies").get_by_role("link",
                                                                  name="Dissemination").click()
    page.get_by_label("Country").select_option(label="Serbia")
    page.get_by_role("button", name="Filter").click()
    page.get_by_text("1 activity, 3000 people reached.").wait_for()
    screenshot(page, "wp2-dissemination-coordinator")
    # The background export: asked for on the list, fetched from "My exports" (the worker runs
    # eagerly without a broker).
    page.get_by_role("button", name="Export", exact=True).click()
    page.get_by_text("Dissemination log").first.wait_for()
    page.get_by_text("Serbia").first.wait_for()  # "My exports" says what the file holds
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("^Download")).first.click()
    content = open(download.value.path(), encoding="utf-8").read()
    assert "Radio interview in Niš" in content and "Fair in Porto" not in content


def test_matchmaking_suggests_a_pair_and_a_visit_is_planned_from_it(page, partners, screenshot):
    from methodologies.models import MatchmakingProfile, StudyVisit
    from tests.factories import NetworkFactory

    member = _person(partners["idc-serbia"], "marko@idc.example.org", first_name="Marko",
                     last_name="Petrović")
    serbian = NetworkFactory(name="Serbian network of social enterprises", country="RS",
                             maturity="emerging", representing_partner=partners["idc-serbia"])
    italian = NetworkFactory(name="Italian federation of social cooperatives", country="IT",
                             maturity="established",
                             representing_partner=partners["galileo-progetti"])
    MatchmakingProfile.objects.create(network=italian, offers=["core-drivers", "best-practices"])

    login(page, member.email, DEFAULT_PASSWORD)
    page.goto("/study-visits/matchmaking/")
    page.get_by_role("link", name=f"Edit {serbian.name}").click()
    page.get_by_label("The core drivers of a network").first.check()
    page.get_by_label("Best practices").first.check()
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Saved: suggestions are updated.").wait_for()
    row = page.get_by_role("row", name=re.compile("Serbian network"))
    assert "2: The core drivers of a network, Best practices" in row.first.inner_text()
    screenshot(page, "wp2-matchmaking")
    page.get_by_role("link", name=re.compile("Plan this visit")).click()
    assert page.get_by_label("Title").input_value().startswith("Study visit of Serbian network")
    page.get_by_label("Starts at").fill("2026-09-14T09:00")
    page.get_by_label("Ends at").fill("2026-09-16T17:00")
    page.get_by_label("Time zone").select_option("Europe/Rome")
    page.get_by_label("Place").fill("Padova")
    page.get_by_label("Objectives").fill("Learn how the federation funds its services.")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Study visit planned").wait_for()
    visit = StudyVisit.objects.get()
    assert visit.topics == ["core-drivers", "best-practices"]
    assert visit.local_starts_at.hour == 9 and visit.timezone == "Europe/Rome"
    screenshot(page, "wp2-study-visit")
