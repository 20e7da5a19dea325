"""Good practices and policy recommendations are open outputs (netw/licences.py): a licence,
CC BY 4.0 unless the authors choose another, linked with rel="license" and a citation line on
their pages, in the feed and in the exports; translations have their original's."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from netw.exports import registry
from netw.workflow import Status
from sustainability.models import GoodPractice, Recommendation
from tests.sustainability.factories import GoodPracticeFactory, RecommendationFactory

pytestmark = pytest.mark.django_db
NC = 'rel="license" href="https://creativecommons.org/licenses/by-nc/4.0/"'
WHEN = timezone.make_aware(dt.datetime(2026, 2, 10, 9))


def test_a_new_practice_and_recommendation_are_under_cc_by_4_0(partners):
    assert GoodPracticeFactory().licence == RecommendationFactory().licence == "CC-BY-4.0"


def test_the_practice_page_and_its_printable_page_link_the_licence_and_the_citation(
        client, partners):
    practice = GoodPracticeFactory(title="A second-hand shop", status=Status.PUBLISHED,
                                   published_at=WHEN, licence="CC-BY-NC-4.0")
    absolute = f"http://testserver{practice.get_absolute_url()}"
    citation = (f"{practice.owner_partner.name}, A second-hand shop, Net-Works project, 2026, "
                f"{absolute}, licensed under CC BY-NC 4.0.")
    for url in (practice.get_absolute_url(),
                reverse("sustainability:goodpractice_print", args=[practice.slug])):
        page = client.get(url).content.decode()
        assert f"<link {NC}>" in page and f"<a {NC}>" in page
        assert citation in page


def test_the_recommendation_page_links_the_licence_and_the_citation(client, partners):
    recommendation = RecommendationFactory(title="Reserve contracts", status=Status.PUBLISHED,
                                           published_at=WHEN)
    page = client.get(recommendation.get_absolute_url()).content.decode()
    assert '<a rel="license" href="https://creativecommons.org/licenses/by/4.0/">' in page
    assert (f"Reserve contracts, Net-Works project, 2026, http://testserver"
            f"{recommendation.get_absolute_url()}, licensed under CC BY 4.0.") in page


def test_the_form_refuses_a_licence_not_in_the_list(client, owner):
    client.force_login(owner)
    url = reverse("sustainability:goodpractice_create")
    response = client.post(url, {"title": "Shop", "language": "en", "licence": "GPL-3.0"})
    assert "licence" in response.context["form"].errors and not GoodPractice.objects.exists()
    client.post(url, {"title": "Shop", "language": "en", "licence": "CC0-1.0"})
    assert GoodPractice.objects.get().licence == "CC0-1.0"


def test_a_translation_takes_the_originals_licence(client, partners, outsider, partner_b):
    original = RecommendationFactory(status=Status.PUBLISHED, licence="CC-BY-NC-4.0")
    client.force_login(outsider)
    url = reverse("sustainability:recommendation_translate", args=[original.slug])
    assert NC in client.get(url).content.decode()
    client.post(url, {"language": "hu", "owner_partner": partner_b.pk, "title": "Fenntartott",
                      "summary": "Összefoglaló."})
    translation = Recommendation.objects.get(translation_of=original)
    assert translation.licence == "CC-BY-NC-4.0"
    assert translation.licence_info.short == "CC BY-NC 4.0"


def test_the_exports_have_the_licence(owner, partners):
    GoodPracticeFactory(status=Status.PUBLISHED, licence="CC-BY-SA-4.0")
    RecommendationFactory(status=Status.PUBLISHED)
    for name, expected in (("good_practices", "CC BY-SA 4.0 https://creativecommons.org/"
                                              "licenses/by-sa/4.0/"),
                           ("recommendations", "CC BY 4.0 https://creativecommons.org/"
                                               "licenses/by/4.0/")):
        export = registry.get(name)
        assert export.headers()[-1] == "Licence"
        assert [row[-1] for row in export.rows(owner, {})] == [expected]


def test_the_feed_gives_each_entrys_licence(client, partners):
    GoodPracticeFactory(status=Status.PUBLISHED, published_at=WHEN, licence="CC-BY-NC-4.0")
    xml = client.get(reverse("sustainability:goodpractice_feed")).content.decode()
    assert '<link href="https://creativecommons.org/licenses/by-nc/4.0/" rel="license"/>' in xml
    assert "<rights>CC BY-NC 4.0 https://creativecommons.org/licenses/by-nc/4.0/</rights>" in xml
