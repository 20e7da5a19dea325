"""What a visitor sees: the project, its five countries, three work packages, eight partners."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_home_presents_the_goal_countries_work_packages_and_partners(client, partners):
    html = client.get(reverse("netw:home")).content.decode()
    for country in ["Hungary", "North Macedonia", "Portugal", "Serbia", "Slovakia"]:
        assert country in html
    for title in ["Networks capacity-building", "Pedagogical approach promotion",
                  "Cooperation and financial sustainability"]:
        assert title in html
    for short_name in ["ENSIE", "ISEN", "AFF", "CDI Macedonia", "IDC Serbia", "ASSE",
                       "Galileo Progetti", "A3S"]:
        assert short_name in html


def test_each_work_package_names_its_lead(client, partners):
    html = client.get(reverse("netw:about")).content.decode()
    assert html.index("WP1") < html.index("AFF") or "AFF" in html
    assert partners["galileo-progetti"].get_absolute_url() in html
    assert partners["isen"].get_absolute_url() in html
    assert partners["aff"].get_absolute_url() in html


def test_eight_partners_are_seeded_with_the_work_package_each_leads(partners):
    assert len(partners) == 8
    leads = {p.slug: p.leads_work_package for p in partners.values() if p.leads_work_package}
    assert leads == {"aff": 1, "galileo-progetti": 2, "isen": 3}
    assert partners["ensie"].is_project_leader


def test_partner_profile_shows_the_partner(client, partners):
    response = client.get(reverse("providers:partner_detail", args=["galileo-progetti"]))
    assert response.status_code == 200
    assert "Pedagogical approach promotion" in response.content.decode()


def test_unknown_partner_is_a_404(client, partners):
    assert client.get("/partners/no-such-partner/").status_code == 404


def test_home_page_queries_do_not_grow_with_memberships(client, partners,
                                                        django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        client.get(reverse("netw:home"))


def test_every_page_has_skip_link_main_landmark_and_language(client, partners):
    html = client.get(reverse("netw:home")).content.decode()
    assert 'href="#main"' in html
    assert '<main id="main"' in html
    assert '<html lang="en"' in html


def test_every_interface_language_has_a_catalogue(settings):
    from pathlib import Path

    from django.utils.translation import to_locale

    for code, _name in settings.LANGUAGES:
        if code != settings.LANGUAGE_CODE:
            catalogue = (Path(settings.BASE_DIR) / "locale" / to_locale(code) / "LC_MESSAGES"
                         / "django.po")
            assert catalogue.exists()
