"""Logging in, out and back: e-mail login, no sign-up, rate limits, resets, second factor."""

import re
from datetime import timedelta
from unittest import mock

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from netw.demo import DEMO_TOTP_SECRET, current_totp_code
from tests.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db
LOGIN = "/accounts/login/"


def _login(client, email, password=DEFAULT_PASSWORD):
    return client.post(LOGIN, {"login": email, "password": password})


def test_member_logs_in_by_email_and_lands_on_their_home(client, owner):
    response = _login(client, owner.email.upper())
    assert response.status_code == 302
    assert response.url == reverse("netw:my_home")
    home = client.get(response.url)
    assert b"A3S" in home.content
    assert b"Partner member" in home.content


def test_no_sign_up_page_is_reachable(client, partners):
    response = client.get("/accounts/signup/")
    assert response.status_code == 404
    assert b"by invitation" in response.content
    assert client.post("/accounts/signup/", {"email": "x@example.org", "password1": "x" * 12,
                                             "password2": "x" * 12}).status_code == 404
    assert b"/accounts/signup/" not in client.get(LOGIN).content


def test_repeated_failed_logins_are_rate_limited(client, owner):
    for _ in range(5):
        assert _login(client, owner.email, "wrong-password").status_code == 200
    # Even the right password is refused while the limit holds.
    response = _login(client, owner.email)
    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_password_reset_does_not_reveal_whether_an_account_exists(
    client, owner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post("/accounts/password/reset/", {"email": owner.email})
        unknown = client.post("/accounts/password/reset/", {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url
    # Only the known address gets a reset link; the unknown one gets nothing or a neutral note.
    to_owner = [m for m in mail.outbox if m.to == [owner.email]]
    assert len(to_owner) == 1
    assert "/accounts/password/reset/key/" in to_owner[0].body
    to_unknown = [m for m in mail.outbox if m.to == ["nobody@example.org"]]
    assert all("/password/reset/key/" not in m.body for m in to_unknown)


def test_password_reset_never_bypasses_the_second_factor(
    client, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/password/reset/", {"email": coordinator.email})
    link = re.search(r"http\S+/accounts/password/reset/key/\S+/", mail.outbox[-1].body).group(0)
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    form_page = client.get(path, follow=True)
    response = client.post(form_page.redirect_chain[-1][0] if form_page.redirect_chain else path,
                           {"password1": "brand-new-passphrase-1",
                            "password2": "brand-new-passphrase-1"})
    assert response.status_code == 302
    # The reset does not log in; logging in with the new password still asks for the code.
    assert "_auth_user_id" not in client.session
    login = _login(client, coordinator.email, "brand-new-passphrase-1")
    assert login.url == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session


def test_coordinator_with_second_factor_must_give_the_code(client, coordinator):
    response = _login(client, coordinator.email)
    assert response.url == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert wrong.status_code == 200
    assert "_auth_user_id" not in client.session
    right = client.post(reverse("mfa_authenticate"), {"code": current_totp_code(DEMO_TOTP_SECRET)})
    assert right.status_code == 302
    assert client.session["_auth_user_id"] == str(coordinator.pk)


def test_coordinator_without_second_factor_is_sent_to_set_one_up(client, partners):
    from netw.roles import Role
    from tests.factories import MembershipFactory, UserFactory

    coordinator = MembershipFactory(partner=partners["ensie"], role=Role.COORDINATOR,
                                    user=UserFactory()).user
    client.force_login(coordinator)
    response = client.get(reverse("netw:my_home"))
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")
    # Members are not forced.


def test_members_may_use_the_portal_without_second_factor(client, owner):
    client.force_login(owner)
    assert client.get(reverse("netw:my_home")).status_code == 200


def test_admin_login_goes_through_allauth(client, partners):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response.url.startswith(LOGIN)


def test_session_ends_after_the_absolute_timeout_however_active(client, owner, settings):
    _login(client, owner.email)
    assert client.get(reverse("netw:my_home")).status_code == 200
    later = timezone.now() + settings.SESSION_ABSOLUTE_TIMEOUT + timezone.timedelta(minutes=1)
    with time_machine.travel(later):
        response = client.get(reverse("netw:my_home"))
    assert response.status_code == 302
    assert response.url.startswith(LOGIN)
    assert "_auth_user_id" not in client.session


def test_session_idles_out_but_an_active_one_stays(client, owner, settings):
    assert settings.SESSION_COOKIE_AGE <= 8 * 60 * 60
    # The sessions' cached copies (cached_db) expire by the cache's clock: Redis's does not
    # travel with time_machine, the in-process cache's does.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    idle = timedelta(seconds=settings.SESSION_COOKIE_AGE)
    home = reverse("netw:my_home")
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        _login(client, owner.email)
        assert client.get(home).status_code == 200
    # Active: each request within the idle time-out of the one before keeps the session.
    for step in (1, 2):
        with time_machine.travel(start + step * (idle - timedelta(minutes=5)), tick=False):
            assert client.get(home).status_code == 200
    # Idle for longer than the time-out: logged out.
    with time_machine.travel(start + 2 * (idle - timedelta(minutes=5)) + idle
                             + timedelta(minutes=1), tick=False):
        response = client.get(home)
    assert response.status_code == 302
    assert response.url.startswith(LOGIN)


def test_a_session_read_again_within_a_minute_is_neither_read_nor_written_in_the_database(
        client, owner):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _login(client, owner.email)
    client.get(reverse("netw:my_home"))
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("netw:my_home")).status_code == 200
    assert not [q for q in captured.captured_queries if "django_session" in q["sql"]]


def test_deactivating_a_user_ends_their_session(client, owner):
    _login(client, owner.email)
    owner.is_active = False
    owner.save()
    response = client.get(reverse("netw:my_home"))
    assert response.status_code == 302
    assert response.url.startswith(LOGIN)


def test_logout_ends_the_session(client, owner):
    _login(client, owner.email)
    client.post("/accounts/logout/")
    assert client.get(reverse("netw:my_home")).status_code == 302


def test_profile_sets_name_and_interface_language(client, owner):
    client.force_login(owner)
    response = client.post(reverse("netw:profile"), {
        "first_name": "Rita", "last_name": "Sousa", "language": "pt"})
    assert response.status_code == 302
    owner.refresh_from_db()
    assert (owner.first_name, owner.language) == ("Rita", "pt")
    page = client.get(reverse("netw:my_home"))
    assert page["Content-Language"] == "pt"
    assert '<html lang="pt"' in page.content.decode()


def test_language_switcher_remembers_the_choice_for_a_logged_in_user(client, owner):
    client.force_login(owner)
    client.post(reverse("set_language"), {"language": "sk", "next": "/"})
    owner.refresh_from_db()
    assert owner.language == "sk"


def test_visitor_language_switch_sets_the_cookie(client, partners):
    response = client.post(reverse("set_language"), {"language": "hu", "next": "/"})
    assert response.cookies["django_language"].value == "hu"
    assert '<html lang="hu"' in client.get("/").content.decode()


def test_the_profile_keeps_a_time_zone_and_refuses_an_unknown_one(client, owner):
    client.force_login(owner)
    url = reverse("netw:profile")
    data = {"first_name": "Ana", "last_name": "Sousa", "language": "pt", "timezone": "Mars/Base"}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    client.post(url, {**data, "timezone": "Europe/Lisbon"})
    owner.refresh_from_db()
    assert owner.timezone == "Europe/Lisbon"
    # Switching the language from the header keeps the zone.
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    owner.refresh_from_db()
    assert (owner.language, owner.timezone) == ("en", "Europe/Lisbon")


def test_a_password_reset_asked_while_the_broker_is_down_is_emailed_once_it_is_back(
        client, owner, django_capture_on_commit_callbacks):
    from kombu.exceptions import OperationalError

    from netw.celery import app
    from netw.notifications.models import Notification
    from netw.notifications.services import outbox_sweep

    app.conf.task_always_eager = False
    try:
        with mock.patch("netw.enqueue._publish",
                        side_effect=OperationalError("connection refused")), \
                django_capture_on_commit_callbacks(execute=True):
            response = client.post("/accounts/password/reset/", {"email": owner.email})
    finally:
        app.conf.task_always_eager = True
    assert response.status_code == 302
    assert mail.outbox == []
    row = Notification.objects.get(kind="account")
    assert (row.email, row.recipient, row.email_status) == (owner.email, None, "pending")

    assert outbox_sweep(now=timezone.now() + timedelta(minutes=2)) == 1
    assert outbox_sweep(now=timezone.now() + timedelta(minutes=5)) == 0
    assert [m.to for m in mail.outbox] == [[owner.email]]
    assert mail.outbox[0].subject.startswith("[Net-Works] ")
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def _fail_logins(client, times, **headers):
    """Wrong passwords for different addresses: only the per-address (IP) limit can bite."""
    for n in range(times):
        response = client.post(LOGIN, {"login": f"nobody{n}@example.org",
                                       "password": "wrong-password"}, **headers)
    return response


def _limited(response) -> bool:
    return "Too many failed login attempts" in response.content.decode()


def test_behind_a_trusted_proxy_each_visitor_has_their_own_login_limit(settings, partners):
    from django.test import Client

    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    first, second = Client(), Client()
    # Both come from the proxy's address; the proxy says who they are.
    assert _limited(_fail_logins(first, 11, HTTP_X_FORWARDED_FOR="203.0.113.7"))
    assert not _limited(_fail_logins(second, 1, HTTP_X_FORWARDED_FOR="198.51.100.9"))


def test_without_a_trusted_proxy_a_forged_forwarded_header_does_not_escape_the_limit(
        settings, partners):
    from django.test import Client

    assert settings.ALLAUTH_TRUSTED_PROXY_COUNT == 0  # the default
    first, second = Client(), Client()
    assert _limited(_fail_logins(first, 11, HTTP_X_FORWARDED_FOR="203.0.113.7"))
    assert _limited(_fail_logins(second, 1, HTTP_X_FORWARDED_FOR="198.51.100.9"))


def test_a_proxy_header_naming_the_client_can_be_trusted_instead(settings, partners):
    from django.test import Client

    settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER = "X-Real-IP"
    assert _limited(_fail_logins(Client(), 11, HTTP_X_REAL_IP="203.0.113.7"))
    assert not _limited(_fail_logins(Client(), 1, HTTP_X_REAL_IP="198.51.100.9"))


@pytest.mark.parametrize(("setting", "value", "headers", "warned"), [
    ("ALLAUTH_TRUSTED_PROXY_COUNT", 2, {"HTTP_X_FORWARDED_FOR": "203.0.113.7"}, True),  # short
    ("ALLAUTH_TRUSTED_PROXY_COUNT", 1, {"HTTP_X_FORWARDED_FOR": "not an address"}, True),
    ("ALLAUTH_TRUSTED_PROXY_COUNT", 1, {}, False),  # missing: allauth takes REMOTE_ADDR itself
    ("ALLAUTH_TRUSTED_CLIENT_IP_HEADER", "X-Real-IP", {}, True),  # missing
    ("ALLAUTH_TRUSTED_CLIENT_IP_HEADER", "X-Real-IP", {"HTTP_X_REAL_IP": "§"}, True),
])
def test_a_missing_or_short_proxy_header_falls_back_to_the_connections_address(
        settings, partners, client, caplog, setting, value, headers, warned):
    setattr(settings, setting, value)
    client.raise_request_exception = False
    page = client.get(LOGIN, **headers)
    assert page.status_code == 200
    response = _fail_logins(client, 11, **headers)
    assert response.status_code == 200
    # Counted per connection address: the eleventh failure from it is limited, not a 500.
    assert _limited(response)
    assert any("trusted proxy header" in r.getMessage() for r in caplog.records) == warned
