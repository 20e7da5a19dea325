"""WP3 in Chromium: a member describes a good practice and submits it, the WP3 lead publishes
it, and a visitor finds it by searching the repertoire — with the keyboard alone."""

from netw.roles import Role
from sustainability.funding import seed_funding_models
from sustainability.models import FundingModel, GoodPractice
from tests.e2e.conftest import login
from tests.factories import DEFAULT_PASSWORD, MembershipFactory, UserFactory


def _person(partner, email, role=Role.MEMBER, **kwargs):
    return MembershipFactory(partner=partner, role=role,
                             user=UserFactory(email=email, **kwargs)).user


def _log_out(page):
    page.get_by_role("button", name="Log out").first.click()


def _tab_to(page, selector: str, presses: int = 80) -> None:
    """Press Tab until the element matching ``selector`` has the focus."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)",
                         selector):
            return
    raise AssertionError(f"{selector} never got the keyboard focus")


TITLE = "A laundry for hotels that pays for job coaching"


def test_a_good_practice_from_draft_to_a_visitors_search(page, partners, screenshot):
    seed_funding_models(FundingModel)  # the live server's tests flush the seeded rows
    member = _person(partners["idc-serbia"], "milica@idc.example.org", first_name="Milica",
                     last_name="Jovanović")
    lead = _person(partners["isen"], "nora@isen.example.org", Role.WP_LEAD,
                   first_name="Nóra", last_name="Kovács")

    login(page, member.email, DEFAULT_PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role("link",
                                                            name="Sustainability").click()
    page.get_by_role("link", name="Share a good practice").click()
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Summary").fill("A social enterprise washes hotel linen; the margin pays "
                                      "two job coaches.")
    page.get_by_label("Funding model").select_option(label="Sales of goods and services")
    page.get_by_label("Country").select_option(label="Serbia")
    page.get_by_label("Level").select_option(label="Local")
    page.locator("#id_organisation").fill("Demo Belgrade laundry cooperative")
    page.get_by_label("Problem it solved").fill("Coaching stopped whenever a grant ended.")
    page.get_by_label("How it works").fill("Ten hotels send their linen **every morning**.")
    page.get_by_label("Results").fill("Coaching has run without a break for four years.")
    page.get_by_label("Transferability and conditions").fill("Needs hotels nearby and a van.")
    page.get_by_role("button", name="Save and submit for review").click()
    page.get_by_text("awaiting review by the work package 3 leads").wait_for()
    screenshot(page, "wp3-practice-submitted")
    _log_out(page)

    login(page, lead.email, DEFAULT_PASSWORD)
    page.goto("/good-practices/mine/")
    page.get_by_role("link", name=TITLE).first.click()
    if not page.get_by_role("button", name="Publish").count():
        page.get_by_role("link", name="Review").click()
    screenshot(page, "wp3-practice-review")
    page.get_by_label("I have read the page as the public will see it").check()
    page.get_by_role("button", name="Publish").click()
    page.get_by_text("Published").first.wait_for()
    assert GoodPractice.objects.get().is_published
    _log_out(page)

    # A visitor, with the keyboard alone: search, open the result, reach the Print button.
    page.goto("/good-practices/")
    _tab_to(page, "input[name=q]")
    page.keyboard.type("laundry coach")
    page.keyboard.press("Enter")
    page.wait_for_url("**/good-practices/?*q=laundry+coach*")
    assert page.locator(".result mark").count() >= 1
    screenshot(page, "wp3-practices-search")
    _tab_to(page, ".result h2 a")  # the only result
    page.keyboard.press("Enter")
    page.get_by_role("heading", name=TITLE, level=1).wait_for()
    assert page.locator("article strong", has_text="every morning").is_visible()
    assert page.get_by_text("Shared by IDC Serbia").is_visible()
    _tab_to(page, "a[data-print]")
    screenshot(page, "wp3-practice-public")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.get_by_role("link", name="Print").is_visible()
    assert page.get_by_role("heading", name=TITLE, level=1).is_visible()
    screenshot(page, "wp3-practice-print")
