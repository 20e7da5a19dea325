"""netw/access.py: the one way views fetch what a person may touch and follow a ``next``."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import Http404
from django.test import RequestFactory

from netw.access import (
    LoginRequired,
    get_visible_or_404,
    login_for_visitors,
    redirect_to_next,
    require,
    safe_next_url,
)
from netw.notifications.models import Notification
from providers.models import Provider
from providers.vocabulary import Verification
from tests.factories import ProviderFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden_provider(partner_a):
    return ProviderFactory(owner_partner=partner_a, verification=Verification.UNVERIFIED)


def test_the_owner_partner_gets_its_unverified_provider(hidden_provider, owner):
    assert get_visible_or_404(Provider, owner, pk=hidden_provider.pk) == hidden_provider


def test_another_partner_meets_a_404_as_if_it_did_not_exist(hidden_provider, outsider):
    with pytest.raises(Http404):
        get_visible_or_404(Provider.objects.all(), outsider, pk=hidden_provider.pk)
    with pytest.raises(Http404):
        get_visible_or_404(Provider, outsider, pk=hidden_provider.pk + 1000)


def test_a_visitor_is_asked_to_log_in_only_where_the_view_says_so(hidden_provider):
    with pytest.raises(Http404):
        get_visible_or_404(Provider, AnonymousUser(), pk=hidden_provider.pk)
    with pytest.raises(LoginRequired):
        get_visible_or_404(Provider, AnonymousUser(), visitors_log_in=True, pk=hidden_provider.pk)
    with pytest.raises(Http404):  # what does not exist stays a 404
        get_visible_or_404(Provider, AnonymousUser(), visitors_log_in=True, pk=0)


def test_a_model_without_a_visibility_rule_is_refused(owner):
    with pytest.raises(ImproperlyConfigured):
        get_visible_or_404(Notification, owner, pk=1)


def test_require_answers_403_to_who_sees_but_may_not_change(hidden_provider, owner, outsider):
    require(owner, "providers.change_provider", hidden_provider)
    with pytest.raises(PermissionDenied) as raised:
        require(outsider, "providers.change_provider", hidden_provider)
    assert not isinstance(raised.value, LoginRequired)
    with pytest.raises(LoginRequired):
        require(AnonymousUser(), "providers.add_provider")


def test_login_for_visitors_sends_visitors_to_the_log_in_page():
    @login_for_visitors
    def view(request):
        raise LoginRequired

    request = RequestFactory().get("/sessions/3/")
    request.user = AnonymousUser()
    response = view(request)
    assert response.status_code == 302 and "next=/sessions/3/" in response.url


def _post(next_url, **extra):
    request = RequestFactory().post("/", {"next": next_url}, **extra)
    return request


@pytest.mark.parametrize("next_url", ["/methodologies/?page=2", "/sessions/3/#actions"])
def test_a_path_on_the_site_is_followed(next_url):
    assert safe_next_url(_post(next_url), "/") == next_url
    assert redirect_to_next(_post(next_url), "/").url == next_url


@pytest.mark.parametrize("next_url", [
    "https://evil.example.org/", "//evil.example.org/", "/\\evil.example.org", "\\\\evil.org",
    "javascript:alert(1)", "session_list", "\x00", "/a\x00b", "/a\nb", "/a b", "",
    "/" + "a" * 3000,
])
def test_anything_but_a_path_on_the_site_falls_back(next_url):
    assert safe_next_url(_post(next_url), "/home/") == "/home/"
    response = redirect_to_next(_post(next_url), "notifications:list")
    assert response.status_code == 302 and response.url == "/notifications/"


def test_the_fallback_may_be_a_url_name_or_nothing():
    assert safe_next_url(_post("https://evil.example.org/")) == "/"
    assert safe_next_url(_post(""), "notifications:list") == "/notifications/"
