"""The publish workflow's friction fixes (issue #15) for the other reviewed items: good practices,
recommendations and publications share the core's same-title warning and the refused
submission's way to the edit page."""

import pytest
from django.urls import reverse

from methodologies.models import Publication
from netw.workflow import Status
from sustainability.models import GoodPractice, Recommendation
from tests.methodologies.factories import PublicationFactory
from tests.sustainability.factories import GoodPracticeFactory, RecommendationFactory
from tests.sustainability.test_good_practices import _data as practice_data
from tests.sustainability.test_recommendations import _data as recommendation_data

pytestmark = pytest.mark.django_db

KINDS = {
    "goodpractice": (GoodPractice, GoodPracticeFactory, "sustainability:goodpractice_create",
                     practice_data),
    "recommendation": (Recommendation, RecommendationFactory,
                       "sustainability:recommendation_create", recommendation_data),
    "publication": (Publication, PublicationFactory, "methodologies:publication_create",
                    lambda **changes: {"kind": "guidebook", "language": "en", **changes}),
}


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_same_title_draft_is_pointed_out_to_its_partner_only(client, owner, outsider,
                                                               partner_a, kind):
    model, factory, create, data = KINDS[kind]
    existing = factory(owner_partner=partner_a, title="Shared Title", status=Status.DRAFT)
    url = reverse(create)

    client.force_login(outsider)  # another partner: saved at once, nothing said about A's draft
    response = client.post(url, data(title="shared title"))
    assert response.status_code == 302
    assert "field-warning" not in client.get(response.url).content.decode()

    client.force_login(owner)
    response = client.post(url, data(title="shared title"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "field-warning" in html and f'href="{existing.get_absolute_url()}"' in html
    assert model.objects.filter(owner_partner=partner_a).count() == 1
    response = client.post(url, data(title="shared title", same_title_seen="1"))
    assert response.status_code == 302
    assert model.objects.filter(owner_partner=partner_a).count() == 2


@pytest.mark.parametrize("kind", ["goodpractice", "recommendation"])
def test_an_incomplete_save_and_submit_goes_to_the_edit_page(client, owner, kind):
    model, _factory, create, data = KINDS[kind]
    client.force_login(owner)
    blank = {"goodpractice": {"how_it_works": ""}, "recommendation": {"text": ""}}[kind]
    response = client.post(reverse(create), data(submit="1", **blank), follow=True)
    item = model.objects.get()
    assert item.is_draft
    assert response.redirect_chain[-1][0].endswith(f"/{item.slug}/edit/?missing=1")
    assert "Your draft was saved. It cannot be submitted yet:" in response.content.decode()
    assert set(blank) <= set(response.context["form"].errors)


def test_an_incomplete_publication_is_sent_to_its_edit_page(client, owner, partner_a):
    publication = PublicationFactory(owner_partner=partner_a, summary="")
    client.force_login(owner)
    response = client.post(reverse("methodologies:publication_submit",
                                   args=[publication.slug]), follow=True)
    assert response.redirect_chain[-1][0] == reverse(
        "methodologies:publication_edit", args=[publication.slug]) + "?missing=1"
    assert "summary" in response.context["form"].errors
    publication.refresh_from_db()
    assert publication.is_draft
