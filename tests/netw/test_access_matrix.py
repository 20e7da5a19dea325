"""Who gets what, for every URL of the portal.

One row per named URL pattern: the expected status for each persona. A pattern without a row
fails ``test_every_url_pattern_has_a_row``, so new URLs join the matrix in the change that adds
them. Objects belong to partner A (A3S); ``member_a`` is their owner's colleague, ``member_b`` is
from another partner.
"""

from importlib import import_module
from pathlib import Path

import pytest
from django.urls import reverse

from tests.access import (
    ALL_PERSONAS,
    LOGIN,
    Row,
    coordinator_only,
    everyone,
    expected_status,
    learner_too,
    logged_in,
    url,
)
from tests.factories import InvitationFactory
from tests.urls_walk import named_patterns

# Apps whose tests keep rows in tests/<app>/access_rows.py (see tests/access.py); a part of an
# app may keep its own in tests/<app>/access_rows_<part>.py (the core's pages: tests/netw/).
TESTS_DIR = Path(__file__).resolve().parent.parent
APPS = sorted({path.parent.name for path in TESTS_DIR.glob("*/access_rows*.py")})


def _app_modules():
    for path in sorted(TESTS_DIR.glob("*/access_rows*.py")):
        yield import_module(f"tests.{path.parent.name}.{path.stem}")


MATRIX: dict[str, Row] = {
    # The public site
    "netw:home": Row(url("netw:home"), everyone(200)),
    "netw:about": Row(url("netw:about"), everyone(200)),
    "netw:floor": Row(url("netw:floor"), everyone(200)),
    "providers:partner_list": Row(url("providers:partner_list"), everyone(200)),
    "providers:partner_detail": Row(url("providers:partner_detail", lambda o: "a3s"),
                                    everyone(200)),
    "set_language": Row(url("set_language"), everyone(302), method="post",
                        data={"language": "pt", "next": "/"}),
    # Logged-in pages
    "netw:my_home": Row(url("netw:my_home"), learner_too(logged_in(200), 200)),
    "netw:my_actions": Row(url("netw:my_actions"), learner_too(logged_in(200), 200)),
    "netw:profile": Row(url("netw:profile"), learner_too(logged_in(200), 200)),
    # Invitations: coordinators only; the link itself is for the invitee, who is not logged in.
    "netw:invitation_list": Row(url("netw:invitation_list"), coordinator_only()),
    "netw:invitation_revoke": Row(url("netw:invitation_revoke", lambda o: o["invitation"].pk),
                                  coordinator_only(302), method="post"),
    "netw:invitation_accept": Row(url("netw:invitation_accept", lambda o: o["invitation"].token),
                                  learner_too(logged_in(409, anonymous=200), 409)),
    # Accounts (django-allauth)
    "account_signup": Row(url("account_signup"), everyone(404)),
    "account_login": Row(url("account_login"),
                         learner_too(logged_in(302, anonymous=200), 302)),
    "account_logout": Row(url("account_logout"),
                          learner_too(logged_in(200, anonymous=302), 200)),
    "account_inactive": Row(url("account_inactive"), everyone(200)),
    "account_reset_password": Row(url("account_reset_password"), everyone(200)),
    "account_reset_password_done": Row(url("account_reset_password_done"), everyone(200)),
    "account_reset_password_from_key_done": Row(url("account_reset_password_from_key_done"),
                                                everyone(200)),
    "account_change_password": Row(url("account_change_password"),
                                   learner_too(logged_in(200), 200)),
    "account_set_password": Row(url("account_set_password"), learner_too(logged_in(302), 302)),
    "account_email": Row(url("account_email"), learner_too(logged_in(200), 200)),
    "account_reauthenticate": Row(url("account_reauthenticate"),
                                  learner_too(logged_in(200), 200)),
    "mfa_index": Row(url("mfa_index"), learner_too(logged_in(200), 200)),
    # Setting up a second factor asks for the password again unless the login was recent.
    "mfa_activate_totp": Row(url("mfa_activate_totp"), learner_too(logged_in(302), 302)),
    "mfa_deactivate_totp": Row(url("mfa_deactivate_totp"),
                               {**logged_in(404), "coordinator": 302, "learner": 404}),
    # Nobody here has recovery codes yet: allauth answers 404 until they are generated.
    "mfa_view_recovery_codes": Row(url("mfa_view_recovery_codes"),
                                   learner_too(logged_in(404), 404)),
    "mfa_generate_recovery_codes": Row(url("mfa_generate_recovery_codes"),
                                       learner_too(logged_in(302), 302)),
    "mfa_download_recovery_codes": Row(url("mfa_download_recovery_codes"),
                                       learner_too(logged_in(404), 404)),
}
for _module in _app_modules():
    MATRIX.update(_module.ROWS)

# The learner's answers the general rule (tests/access.py expected_status) does not give. First,
# the pages every logged-in person has, learners included: their own lists and settings (empty
# for a learner: each lists only the person's or their partners' rows).
LEARNER_OWN_PAGES = {
    "events:feed_settings": 200, "events:feed_reset": 302, "exports:list": 200,
    "notifications:list": 200, "notifications:mark_read": 302,
    "notifications:mark_all_read": 302, "notifications:preferences": 200,
    "methodologies:methodology_workspace": 200, "sustainability:recommendation_workspace": 200,
    "methodologies:studyvisit_list": 200, "sustainability:goodpractice_workspace": 200,
}
# Pages with a record in their path that refuse the learner with a 403, not the 404 of a record
# they may not know of: the record is public (a verified provider or network, a public session, a
# published methodology) and the action is the partners', or the view refuses before it looks the
# record up (it answers the same whether the record exists or not).
LEARNER_OWN_PAGES.update(dict.fromkeys([
    "netw:invitation_revoke", "providers:stakeholder_detail", "providers:stakeholder_history",
    "providers:provider_update", "providers:provider_delete", "providers:provider_history",
    "providers:provider_verify", "providers:network_update", "providers:network_delete",
    "providers:network_history", "providers:provider_import_template",
    "providers:provider_import_preview", "providers:record_restore",
    "peersessions:session_update", "peersessions:session_cancel", "peersessions:session_rsvp",
    "methodologies:matchmaking_profile_edit", "methodologies:adoption_create",
    "sustainability:recommendation_from_meeting", "sustainability:uptake_create",
    "sustainability:uptake_evidence"], 403))
for _name, _status in LEARNER_OWN_PAGES.items():
    if _name in MATRIX and "learner" not in MATRIX[_name].expect:
        MATRIX[_name].expect = learner_too(MATRIX[_name].expect, _status)

# Patterns that cannot be requested without a secret from an e-mail or a login in progress;
# each is covered where the flow that produces the secret is tested.
EXEMPT = {
    "account_reset_password_from_key": "needs the key of a reset e-mail: test_accounts",
    "account_confirm_email": "needs the key of a learner's sign-up e-mail: "
                             "tests/peersessions/courses/test_join.py",
    "account_email_verification_sent": "allauth's own sign-up is closed; learners sign up at "
                                       "peersessions:course_join",
    "account_confirm_login_code": "login by code is off",
    "account_request_reauthentication_code": "login by code is off",
    "account_confirm_reauthentication_code": "login by code is off",
    "mfa_authenticate": "only inside a login with a second factor: test_accounts",
    "mfa_reauthenticate": "only for people with a second factor: test_accounts",
}


def test_every_url_pattern_has_a_row():
    names = {n for n in named_patterns() if not n.startswith("admin:")}
    missing = sorted(names - MATRIX.keys() - EXEMPT.keys())
    assert not missing, f"URL patterns without a row in the access matrix: {missing}"
    stale = sorted((MATRIX.keys() | EXEMPT.keys()) - names)
    assert not stale, f"Rows for URL patterns that no longer exist: {stale}"


@pytest.fixture
def objects(partners, personas):
    found = {"invitation": InvitationFactory(partner=partners["a3s"],
                                             invited_by=personas["coordinator"])}
    for module in _app_modules():
        if hasattr(module, "objects"):
            found.update(module.objects(personas, partners))
    return found


CASES = [(name, persona) for name in MATRIX for persona in ALL_PERSONAS]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "persona"), CASES, ids=[f"{n}-{p}" for n, p in CASES])
def test_access(client, personas, objects, name, persona):
    row = MATRIX[name]
    user = personas[persona]
    if user is not None:
        client.force_login(user)
    path = row.url(objects)
    data = row.data(objects) if callable(row.data) else row.data
    response = getattr(client, row.method)(path, data)
    expected = expected_status(row, persona, path)
    if expected == LOGIN:
        assert response.status_code == 302, response
        assert response.url.startswith(reverse("account_login")), response.url
    else:
        assert response.status_code == expected, (
            f"{persona} {row.method.upper()} {path}: {response.status_code}, expected {expected}"
        )


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_admin_is_for_staff_only(client, personas, persona):
    user = personas[persona]
    if user is not None:
        client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "login" in response.url
