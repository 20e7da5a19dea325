"""My home's "What you can do": each role's main actions, from each app's ``quick_actions``
hook; the home page's focus countries lead to their providers; the two-factor step and offer."""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from netw import dashboard
from tests.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db


def _can_do(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("netw:my_home"))
    assert response.status_code == 200
    html = response.content.decode()
    start = html.index('id="next"')
    return html[start:html.index("</section>", start)]


def test_a_member_is_offered_the_registry_sessions_methodologies_and_practices(client, owner):
    html = _can_do(client, owner)
    assert reverse("providers:provider_create") in html
    assert reverse("providers:provider_import") in html
    assert reverse("peersessions:session_create") in html
    assert reverse("methodologies:methodology_create") in html
    assert reverse("sustainability:goodpractice_create") in html
    assert reverse("providers:partner_edit", args=["a3s"]) in html
    # Not theirs: reviewing, inviting.
    assert reverse("methodologies:methodology_workspace") not in html
    assert reverse("sustainability:goodpractice_workspace") not in html
    assert reverse("netw:invitation_list") not in html


def test_a_coordinator_also_reviews_and_invites(client, coordinator):
    html = _can_do(client, coordinator)
    assert reverse("methodologies:methodology_workspace") in html
    assert reverse("sustainability:goodpractice_workspace") in html
    assert reverse("netw:invitation_list") in html
    assert reverse("providers:partner_edit", args=["ensie"]) in html


def test_a_lead_verifies_providers_of_their_work_package(client, lead):
    html = _can_do(client, lead)
    assert reverse("providers:provider_list") + "?status=unverified" in html
    assert reverse("providers:partner_edit", args=["aff"]) in html


def test_a_learner_is_offered_the_mooc_and_nothing_of_the_partners(mooc_learner):
    urls = [action.url for action in dashboard.quick_actions_for(mooc_learner)]
    assert reverse("peersessions:my_learning") in urls
    assert reverse("providers:provider_create") not in urls
    assert reverse("peersessions:session_create") not in urls


def test_a_coordinator_with_totp_is_not_offered_to_set_it_up(client, coordinator):
    assert Authenticator.objects.filter(user=coordinator,
                                        type=Authenticator.Type.TOTP).exists()
    html = _can_do(client, coordinator)
    assert "Set up two-factor authentication" not in html
    assert "Manage two-factor authentication" in html


def test_a_member_without_totp_is_offered_to_set_it_up(client, owner):
    assert "Set up two-factor authentication" in _can_do(client, owner)


def test_the_focus_countries_link_to_their_providers(client, partners):
    html = client.get(reverse("netw:home")).content.decode()
    for code in ["HU", "MK", "PT", "RS", "SK"]:
        assert f'href="{reverse("providers:provider_list")}?country={code}"' in html
    assert client.get(reverse("providers:provider_list") + "?country=MK").status_code == 200


def test_the_two_factor_step_says_log_in_and_mentions_recovery_codes(client, coordinator):
    response = client.post(reverse("account_login"),
                           {"login": coordinator.email, "password": DEFAULT_PASSWORD})
    assert response.url == reverse("mfa_authenticate")
    html = client.get(reverse("mfa_authenticate")).content.decode()
    assert "Sign In" not in html
    assert "recovery codes" in html
    actions = html[html.index('class="form-actions"'):]
    log_in = actions.index('<button type="submit" class="button">Log in</button>')
    cancel = actions.index('class="button-link">Cancel</button>')
    assert log_in < cancel  # the main action first; Cancel a link-styled secondary one
