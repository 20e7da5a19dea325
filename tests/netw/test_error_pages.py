"""403, 404 and 500 in the site's layout: what happened and where to go, with the security
headers of every page; the 500 page needs no database, no user and no context processor."""

import re

import pytest
from django.urls import reverse

from netw.workflow import Status
from tests.methodologies.factories import MethodologyFactory
from tests.security.test_headers import assert_secure_headers

pytestmark = pytest.mark.django_db


def _check_page(response, status: int, heading: str) -> str:
    assert response.status_code == status
    assert_secure_headers(response, f"{status} page")
    html = response.content.decode()
    assert re.findall(r"<h1[ >]", html) == ["<h1>"], "one h1"
    assert heading in html[html.index("<h1>"):html.index("</h1>")]
    for landmark in ("<header", "<main", "<footer"):
        assert landmark in html
    assert f'href="{reverse("netw:home")}"' in html
    return html


@pytest.fixture(autouse=True)
def _debug_off(settings):
    settings.DEBUG = False


def test_a_member_refused_another_partners_methodology_gets_the_403_page(
        client, partners, outsider):
    methodology = MethodologyFactory(owner_partner=partners["a3s"], status=Status.PUBLISHED)
    client.force_login(outsider)
    response = client.get(reverse("methodologies:methodology_edit", args=[methodology.slug]))
    html = _check_page(response, 403, "Access refused")
    assert "not open to your account" in html
    assert 'class="main-nav"' in html  # the whole layout, menu included
    assert 'role="search"' in html
    assert reverse("account_login") + "?next" not in html


def test_a_visitor_refused_a_page_is_offered_to_log_in_and_come_back(rf, partners):
    # Most pages send visitors to the log-in page themselves; a view that refuses them with a
    # 403 (netw.access.LoginRequired outside login_for_visitors) gets this page.
    from django.contrib.auth.models import AnonymousUser
    from django.views.defaults import permission_denied

    from netw.access import LoginRequired

    request = rf.get("/exports/")
    request.user = AnonymousUser()
    response = permission_denied(request, LoginRequired())
    assert response.status_code == 403
    html = response.content.decode()
    assert "Log in to see it" in html
    assert f'href="{reverse("account_login")}?next=/exports/"' in html.replace("%2F", "/")
    assert "not open to your account" not in html


def test_a_mistyped_address_gets_the_404_page_with_the_way_on(client, partners):
    html = _check_page(client.get("/methodolgies/"), 404, "Page not found")
    assert f'href="{reverse("methodologies:methodology_list")}"' in html
    assert 'role="search"' in html
    assert 'class="main-nav"' in html


def test_a_failing_view_gets_the_500_page_without_touching_the_database(
        client, settings, django_db_blocker):
    settings.ROOT_URLCONF = "tests.netw.error_urls"
    client.raise_request_exception = False
    with django_db_blocker.block():  # any query would raise inside the error handler
        response = client.get("/test-failure/")
    html = _check_page(response, 500, "Something went wrong")
    assert "not have been saved" in html
    assert "a bug in a view" not in html
