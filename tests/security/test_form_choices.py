"""Every choice a form offers is something the person may open, and only that is accepted.

A member of IDC Serbia (``member_b``, the outsider) walks every page of the access matrix they
may open: no option, checkbox or label names a record of partner A that answers them 404 (an
unverified provider, a draft or submitted methodology, a deleted provider or network). Sending
such a record's id anyway is refused with a field error and changes nothing.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from methodologies.models import Adoption, Methodology, Roundtable
from netw.workflow import Status
from providers.models import Provider
from providers.services import record_delete
from providers.vocabulary import Verification
from tests.factories import NetworkFactory, ProviderFactory
from tests.methodologies.factories import MethodologyFactory
from tests.netw.test_access_matrix import MATRIX, objects  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db

HIDDEN = {
    "unverified provider": "Qzx Unverified Provider of A3S",
    "draft methodology": "Qzx Draft Methodology of A3S",
    "submitted methodology": "Qzx Submitted Methodology of A3S",
    "deleted provider": "Qzx Deleted Provider of A3S",
    "deleted network": "Qzx Deleted Network of A3S",
}


@pytest.fixture
def hidden(partners, owner):
    a3s = partners["a3s"]
    records = {
        "unverified provider": ProviderFactory(
            owner_partner=a3s, name=HIDDEN["unverified provider"],
            verification=Verification.UNVERIFIED),
        "draft methodology": MethodologyFactory(owner_partner=a3s,
                                                title=HIDDEN["draft methodology"]),
        "submitted methodology": MethodologyFactory(owner_partner=a3s, status=Status.SUBMITTED,
                                                    title=HIDDEN["submitted methodology"]),
        "deleted provider": ProviderFactory(owner_partner=a3s, name=HIDDEN["deleted provider"]),
        "deleted network": NetworkFactory(owner_partner=a3s, name=HIDDEN["deleted network"]),
    }
    record_delete(record=records["deleted provider"], by=owner)
    record_delete(record=records["deleted network"], by=owner)
    return records


def test_no_form_offers_the_outsider_a_record_they_cannot_open(client, personas, objects,  # noqa: F811
                                                                partners, hidden):
    outsider = personas["member_b"]
    client.force_login(outsider)
    records = {**objects, "partner_a": partners["a3s"]}
    walked, leaks = 0, []
    for name, row in MATRIX.items():
        if row.method != "get" or row.expect["member_b"] != 200:
            continue
        response = client.get(row.url(records))
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        body = response.content.decode()
        walked += "<form" in body
        leaks += [f"{name}: {kind}" for kind, title in HIDDEN.items() if title in body]
    assert walked > 20
    assert not leaks, leaks


def test_the_owner_still_finds_their_own_unverified_provider_in_the_adoption_form(
        client, owner, objects, hidden):  # noqa: F811
    client.force_login(owner)
    page = client.get(reverse("methodologies:adoption_create",
                              args=[objects["wp2_published"].slug]))
    assert HIDDEN["unverified provider"] in page.content.decode()
    assert HIDDEN["deleted provider"] not in page.content.decode()


def test_the_outsider_cannot_record_an_adoption_by_another_partners_unverified_provider(
        client, outsider, objects, hidden):  # noqa: F811
    client.force_login(outsider)
    methodology = objects["wp2_published"]
    response = client.post(reverse("methodologies:adoption_create", args=[methodology.slug]),
                           {"provider": hidden["unverified provider"].pk, "place": "Belgrade"})
    assert response.status_code == 200
    assert "provider" in response.context["form"].errors
    assert not Adoption.objects.filter(methodology=methodology).exists()


def test_the_outsider_cannot_link_a_methodology_to_another_partners_drafts(
        client, outsider, hidden):
    client.force_login(outsider)
    response = client.post(reverse("methodologies:methodology_create"), {
        "title": "Job coaching in Serbia", "language": "en",
        "related": [hidden["draft methodology"].pk],
        "origin_provider": hidden["unverified provider"].pk,
    })
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"related", "origin_provider"} <= errors.keys()
    assert not Methodology.objects.filter(title="Job coaching in Serbia").exists()


def test_the_outsider_cannot_discuss_another_partners_draft_at_a_roundtable(
        client, outsider, hidden):
    client.force_login(outsider)
    response = client.post(reverse("methodologies:roundtable_create"), {
        "title": "Roundtable in Novi Sad", "theme": "Mentoring", "language": "en",
        "starts_at": "2030-05-04T10:00", "ends_at": "2030-05-04T12:00",
        "timezone": "Europe/Belgrade", "location": "Novi Sad",
        "methodologies": [hidden["draft methodology"].pk],
        "outcomes": [hidden["submitted methodology"].pk],
    })
    assert response.status_code == 200
    assert {"methodologies", "outcomes"} <= response.context["form"].errors.keys()
    assert not Roundtable.objects.exists()


def test_a_provider_cannot_join_a_deleted_network(client, outsider, hidden):
    client.force_login(outsider)
    response = client.post(reverse("providers:provider_create"), {
        "name": "Belgrade bakery", "country": "RS", "language": "en",
        "networks": [hidden["deleted network"].pk],
    })
    assert response.status_code == 200
    assert "networks" in response.context["form"].errors
    assert not Provider.objects.filter(name="Belgrade bakery").exists()


def test_editing_keeps_a_link_the_editor_cannot_see(client, owner, coordinator, partners):
    """A coordinator linked A's methodology to B's draft; A's member edits it: the link stays."""
    b_draft = MethodologyFactory(owner_partner=partners["idc-serbia"], title="B's draft")
    mine = MethodologyFactory(owner_partner=partners["a3s"], status=Status.PUBLISHED)
    mine.related.set([b_draft])
    client.force_login(owner)
    url = reverse("methodologies:methodology_edit", args=[mine.slug])
    form = client.get(url).context["form"]
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data["title"] = "Renamed"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    mine.refresh_from_db()
    assert mine.title == "Renamed"
    assert list(mine.related.all()) == [b_draft]
