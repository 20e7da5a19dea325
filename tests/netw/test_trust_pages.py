"""The pages a public EU-funded portal must have (netw/trust.py): the privacy notice, the contact
page and its form, the accessibility statement; and the EU's visibility on every page, e-mail
and PDF."""

import pytest
from django.core import mail
from django.urls import reverse

from netw.emails import render_email
from tests.access import ALL_PERSONAS
from tests.sitemap import sitemap_text

pytestmark = pytest.mark.django_db

DISCLAIMER = ("Views and opinions expressed are however those of the author(s) only and do not "
              "necessarily reflect those of the European Union or the European Education and "
              "Culture Executive Agency (EACEA).")
MESSAGE = {"name": "Ana Silva", "email": "ana@example.org", "topic": "general",
           "message": "Please tell me what you keep about me."}


def _post(client, data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(reverse("netw:contact"), data)


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_everyone_can_send_a_message_to_the_coordinator(client, personas, persona, settings,
                                                         django_capture_on_commit_callbacks):
    if personas[persona] is not None:
        client.force_login(personas[persona])
    response = _post(client, MESSAGE, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == [settings.NETW_CONTACT["email"]]
    assert "General question" in sent.subject
    assert "Ana Silva (ana@example.org)" in sent.body
    assert "Please tell me what you keep about me." in sent.body
    page = client.get(response.url).content.decode()
    assert "Thank you: your message has been sent." in page


@pytest.mark.parametrize("topic", ["data_protection", "removal"])
def test_questions_about_personal_data_go_to_the_data_protection_contact(
        client, settings, topic, django_capture_on_commit_callbacks):
    _post(client, {**MESSAGE, "topic": topic}, django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [[settings.NETW_CONTACT["privacy_email"]]]


def test_a_message_without_an_address_is_refused_next_to_the_field(
        client, django_capture_on_commit_callbacks):
    response = _post(client, {**MESSAGE, "email": "not an address"},
                     django_capture_on_commit_callbacks)
    assert response.status_code == 400
    assert response.context["form"].errors["email"]
    html = response.content.decode()
    assert 'aria-invalid="true"' in html and "Enter a valid email address." in html
    assert mail.outbox == []


def test_an_unknown_topic_is_refused(client, django_capture_on_commit_callbacks):
    response = _post(client, {**MESSAGE, "topic": "sales"}, django_capture_on_commit_callbacks)
    assert "topic" in response.context["form"].errors
    assert mail.outbox == []


def test_a_bot_filling_the_honeypot_is_thanked_but_nothing_is_sent(
        client, django_capture_on_commit_callbacks):
    response = _post(client, {**MESSAGE, "website": "http://spam.example"},
                     django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert mail.outbox == []


def test_too_many_messages_from_one_address_are_refused(client, settings,
                                                        django_capture_on_commit_callbacks):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "contact": "2/h/ip"}
    for _ in range(2):
        _post(client, MESSAGE, django_capture_on_commit_callbacks)
    response = _post(client, MESSAGE, django_capture_on_commit_callbacks)
    assert response.status_code == 429
    assert len(mail.outbox) == 2


def test_the_topic_can_be_chosen_by_the_link(client):
    form = client.get(reverse("netw:contact") + "?topic=removal").context["form"]
    assert form["topic"].value() == "removal"


def test_the_contact_page_lists_every_partner_and_the_coordinators_addresses(client, partners,
                                                                             settings):
    html = client.get(reverse("netw:contact")).content.decode()
    for partner in partners.values():
        assert partner.get_absolute_url() in html
    assert settings.NETW_CONTACT["email"] in html
    assert settings.NETW_CONTACT["privacy_email"] in html


def test_the_privacy_notice_names_the_controller_legal_bases_retention_and_rights(client,
                                                                                 settings):
    html = client.get(reverse("netw:privacy")).content.decode()
    assert settings.NETW_CONTACT["organisation"] in html
    assert settings.NETW_CONTACT["address"] in html
    for text in ["Last updated", "Art. 6(1)(a)", "Art. 6(1)(b)", "Art. 6(1)(e)",
                 "Art. 6(1)(f)", "five years after the final payment",
                 "aggregated reports only", "supervisory", "Removal of a listing"]:
        assert text in html, text
    assert reverse("netw:contact") + "?topic=removal" in html


def test_the_accessibility_statement_follows_the_model(client, settings):
    from datetime import date

    from django.utils.formats import date_format

    settings.NETW_ACCESSIBILITY_EVALUATED = date(2026, 11, 3)
    html = client.get(reverse("netw:accessibility")).content.decode()
    for text in ["Directive (EU) 2016/2102", "partially compliant", "WCAG", "EN 301 549",
                 "Non-accessible content", "axe-core", "Enforcement procedure",
                 date_format(date(2026, 11, 3), "DATE_FORMAT")]:
        assert text in html, text
    assert reverse("netw:contact") + "?topic=accessibility" in html


@pytest.mark.parametrize("name", ["netw:home", "netw:privacy", "netw:contact",
                                  "netw:accessibility", "providers:partner_list",
                                  "account_login"])
def test_every_page_shows_the_eu_emblem_and_the_disclaimer(client, partners, name):
    html = client.get(reverse(name)).content.decode()
    assert 'src="/static/img/eu-emblem.svg" alt="European Union emblem"' in html
    assert "Co-funded by the European Union" in html
    assert DISCLAIMER in html
    for page in ["netw:privacy", "netw:accessibility", "netw:contact"]:
        assert f'href="{reverse(page)}"' in html


def test_the_emblem_is_the_eu_flag():
    from xml.etree import ElementTree

    from django.contrib.staticfiles import finders

    svg = ElementTree.parse(finders.find("img/eu-emblem.svg")).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    assert svg.get("viewBox") == "0 0 810 540"  # 3:2
    assert svg.find(f"{ns}rect").get("fill") == "#003399"
    stars = svg.findall(f"{ns}g/{ns}polygon")
    assert len(stars) == 12
    assert all(len(star.get("points").split()) == 10 for star in stars)


def test_every_email_ends_with_the_disclaimer_in_text_and_html(settings):
    _, text, html = render_email("netw/emails/test_notice", {"thing": "a test",
                                                             "absolute_url": "x"})
    assert "Co-funded by the European Union" in text and DISCLAIMER in text
    assert DISCLAIMER in html
    assert f'src="{settings.SITE_URL}/static/img/eu-emblem.svg"' in html
    assert html.index(DISCLAIMER) < html.index("</body>") if "</body>" in html else True


def test_the_pdf_report_carries_the_emblem_and_the_disclaimer(coordinator):
    from django.template.loader import render_to_string

    from netw.exports import registry

    report = registry.get("country_overview")
    html = render_to_string(report.template, {**report.context(coordinator, {}),
                                              "report": report})
    assert DISCLAIMER in html and "Co-funded by the European Union" in html
    assert 'src="file:///' in html and "eu-emblem.svg" in html


def test_the_password_reset_page_links_to_the_contact_page(client):
    html = client.get(reverse("account_reset_password")).content.decode()
    assert f'<a href="{reverse("netw:contact")}">contact us</a>' in html


def test_the_sitemap_lists_the_trust_pages(client):
    xml = sitemap_text(client)
    for name in ["netw:privacy", "netw:contact", "netw:accessibility"]:
        assert reverse(name) + "</loc>" in xml
