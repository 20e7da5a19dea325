"""A partner's people keep their organisation's profile: names, description, logo, contacts and
the people who work on the project (shown publicly only with their consent)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from providers.models import LOGO_MAX_BYTES, Partner, PartnerPerson
from providers.partner_data import PARTNERS, fill_missing_profiles

pytestmark = pytest.mark.django_db

PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489")
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200 + b"PE\x00\x00"


def _edit_url(slug="a3s"):
    return reverse("providers:partner_edit", args=[slug])


def _form_data(partner, **changes):
    data = {
        "name": partner.name, "short_name": partner.short_name,
        "description": partner.description, "website": partner.website,
        "email": partner.email, "phone": partner.phone,
        "people-TOTAL_FORMS": "1", "people-INITIAL_FORMS": "0",
        "people-MIN_NUM_FORMS": "0", "people-MAX_NUM_FORMS": "1000",
        "people-0-name": "", "people-0-project_role": "", "people-0-email": "",
    }
    data.update(changes)
    return data


def test_a_member_edits_their_partners_profile_and_history_keeps_the_old_text(
        client, owner, partner_a):
    client.force_login(owner)
    assert client.get(_edit_url()).status_code == 200
    response = client.post(_edit_url(), _form_data(
        partner_a, description="We build **networks** in Portugal.",
        email="info@a3s.example.org", phone="+351 21 000 0000",
        website="https://a3s.example.org",
        **{"people-0-name": "Rita Silva", "people-0-project_role": "Project manager",
           "people-0-email": "rita@a3s.example.org", "people-0-show_publicly": "on"}))
    assert response.status_code == 302
    partner_a.refresh_from_db()
    assert partner_a.email == "info@a3s.example.org"
    latest = partner_a.history.first()
    assert latest.description == "We build **networks** in Portugal."
    assert latest.history_user == owner
    assert partner_a.people.get().name == "Rita Silva"
    page = client.get(partner_a.get_absolute_url()).content.decode()
    assert "<strong>networks</strong>" in page  # Markdown, rendered by netw.richtext
    assert "info@a3s.example.org" in page and "+351 21 000 0000" in page


def test_member_of_another_partner_cannot_edit_and_does_not_see_the_link(
        client, outsider, partner_a):
    client.force_login(outsider)
    assert client.get(_edit_url()).status_code == 403
    assert client.post(_edit_url(), _form_data(partner_a, name="Taken over")).status_code == 403
    partner_a.refresh_from_db()
    assert partner_a.name != "Taken over"
    assert _edit_url() not in client.get(partner_a.get_absolute_url()).content.decode()


def test_visitors_are_sent_to_log_in(client):
    response = client.get(_edit_url())
    assert response.status_code == 302 and "/accounts/login/" in response.url


@pytest.mark.parametrize("persona", ["owner", "coordinator"])
def test_the_partners_people_and_coordinators_see_the_edit_link(client, request, persona,
                                                               partner_a):
    client.force_login(request.getfixturevalue(persona))
    assert _edit_url() in client.get(partner_a.get_absolute_url()).content.decode()


def test_a_lead_edits_their_own_partner_but_not_another(client, lead, partners):
    client.force_login(lead)
    assert client.get(_edit_url("aff")).status_code == 200
    assert client.get(_edit_url("a3s")).status_code == 403


def test_the_learner_cannot_edit(client, mooc_learner):
    client.force_login(mooc_learner)
    assert client.get(_edit_url()).status_code == 403


def test_people_without_consent_are_shown_to_partners_only(client, owner, partner_a):
    PartnerPerson.objects.create(partner=partner_a, name="Public Paula", project_role="Trainer",
                                 show_publicly=True)
    PartnerPerson.objects.create(partner=partner_a, name="Private Pedro", project_role="Finance",
                                 email="pedro@a3s.example.org")
    visitor_page = client.get(partner_a.get_absolute_url()).content.decode()
    assert "Public Paula" in visitor_page
    assert "Private Pedro" not in visitor_page and "pedro@a3s.example.org" not in visitor_page
    client.force_login(owner)
    member_page = client.get(partner_a.get_absolute_url()).content.decode()
    assert "Private Pedro" in member_page and "Not shown to visitors" in member_page


def test_removing_a_person_keeps_them_in_the_history(client, owner, partner_a):
    person = PartnerPerson.objects.create(partner=partner_a, name="Leaving Lara",
                                          project_role="Trainer")
    client.force_login(owner)
    response = client.post(_edit_url(), _form_data(partner_a, **{
        "people-TOTAL_FORMS": "1", "people-INITIAL_FORMS": "1",
        "people-0-id": str(person.pk), "people-0-partner": str(partner_a.pk),
        "people-0-name": "Leaving Lara", "people-0-project_role": "Trainer",
        "people-0-DELETE": "on"}))
    assert response.status_code == 302
    assert not PartnerPerson.objects.filter(pk=person.pk).exists()
    assert PartnerPerson.history.filter(id=person.pk, history_type="-").exists()


def test_a_logo_is_checked_by_content_and_served_safely(client, owner, partner_a):
    client.force_login(owner)
    refused = client.post(_edit_url(), _form_data(
        partner_a, logo=SimpleUploadedFile("logo.png", EXE, content_type="image/png")))
    assert refused.status_code == 200
    assert "does not match its name" in refused.content.decode()
    too_big = PNG + b"\x00" * LOGO_MAX_BYTES
    refused = client.post(_edit_url(), _form_data(
        partner_a, logo=SimpleUploadedFile("logo.png", too_big, content_type="image/png")))
    assert refused.status_code == 200 and "the limit is" in refused.content.decode()

    accepted = client.post(_edit_url(), _form_data(
        partner_a, logo=SimpleUploadedFile("logo.png", PNG, content_type="image/png")))
    assert accepted.status_code == 302
    client.logout()
    page = client.get(partner_a.get_absolute_url()).content.decode()
    logo_url = reverse("providers:partner_logo", args=["a3s"])
    assert f'src="{logo_url}"' in page and 'alt="Logo of A3S"' in page
    logo = client.get(logo_url)
    assert logo.status_code == 200
    assert logo["Content-Type"] == "image/png"
    assert logo["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in logo["Content-Security-Policy"]
    assert b"".join(logo.streaming_content) == PNG


def test_every_partner_has_a_full_name_and_a_description(partners):
    for partner in Partner.objects.all():
        assert partner.description.strip(), partner.slug
        assert partner.shows_full_name, partner.slug


def test_the_data_migration_fills_only_what_is_missing(partners):
    Partner.objects.filter(slug="cdi-macedonia").update(name="CDI Macedonia", description="")
    Partner.objects.filter(slug="a3s").update(description="Our own words.")
    assert fill_missing_profiles(Partner) == 1
    cdi = Partner.objects.get(slug="cdi-macedonia")
    assert cdi.name == {p[0]: p[2] for p in PARTNERS}["cdi-macedonia"]
    assert cdi.description
    assert Partner.objects.get(slug="a3s").description == "Our own words."


def test_pages_never_print_a_name_twice(client, partners):
    Partner.objects.filter(slug="cdi-macedonia").update(name="CDI Macedonia")
    detail = client.get(reverse("providers:partner_detail", args=["cdi-macedonia"]))
    assert "CDI Macedonia (CDI Macedonia)" not in detail.content.decode()
    assert "(CDI Macedonia)" not in detail.content.decode()
    listing = client.get(reverse("providers:partner_list")).content.decode()
    assert "<p>CDI Macedonia</p>" not in listing
    assert "<p>Irish Social Enterprise Network</p>" in listing


def test_the_demo_gives_partners_their_people(partners):
    from providers.demo import seed_partner_profiles

    seed_partner_profiles()
    seed_partner_profiles()  # safe to run again
    assert PartnerPerson.objects.filter(partner__slug="ensie").count() == 2
    assert all(Partner.objects.get(slug=slug).people.exists() for slug in partners)
