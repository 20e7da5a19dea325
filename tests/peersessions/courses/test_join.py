"""The learners' sign-up: the portal's only open sign-up."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from netw import roles
from netw.models import User
from netw.notifications.models import Notification
from peersessions.models import LearnerProfile
from tests.factories import ProviderFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-learner-password-42"


def _form(**overrides):
    data = {"email": "new.learner@example.net", "display_name": "Nova Learner",
            "password1": PASSWORD, "password2": PASSWORD, "organisation": "", "country": "SK",
            "website": ""}
    data.update(overrides)
    return data


def _sign_up(client, **overrides):
    return client.post(reverse("peersessions:course_join"), _form(**overrides))


def test_a_visitor_signs_up_as_a_learner_and_is_sent_a_confirmation_link(client, partners):
    response = _sign_up(client)
    assert response.status_code == 302
    assert response.url == reverse("peersessions:course_join_sent")
    user = User.objects.get(email="new.learner@example.net")
    assert LearnerProfile.objects.get(user=user).display_name == "Nova Learner"
    assert roles.is_learner(user) and not roles.is_partner_member(user)
    assert not EmailAddress.objects.get(user=user).verified
    mail = Notification.objects.get(email="new.learner@example.net")
    assert "/accounts/confirm-email/" in mail.body


def test_the_confirmation_link_verifies_the_address(client, partners):
    _sign_up(client)
    body = Notification.objects.get(email="new.learner@example.net").body
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    response = client.post("/" + path)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="new.learner@example.net").verified


def test_signing_up_with_an_address_already_used_answers_the_same_and_tells_its_owner(
        client, partners):
    UserFactory(email="taken@example.net")
    response = _sign_up(client, email="Taken@example.net")
    assert response.status_code == 302
    assert response.url == reverse("peersessions:course_join_sent")
    assert User.objects.filter(email__iexact="taken@example.net").count() == 1
    mail = Notification.objects.get(email="taken@example.net")
    assert "tried to sign up" in mail.subject


def test_a_bot_filling_the_honeypot_creates_nothing(client, partners):
    response = _sign_up(client, website="http://spam.example")
    assert response.status_code == 302
    assert not User.objects.filter(email="new.learner@example.net").exists()


def test_sign_ups_are_rate_limited(client, partners, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "2/h/ip"}
    for n in range(2):
        _sign_up(client, email=f"learner{n}@example.net")
    assert _sign_up(client, email="learner9@example.net").status_code == 429
    assert not User.objects.filter(email="learner9@example.net").exists()


def test_a_bad_sign_up_keeps_what_was_typed_and_says_what_is_wrong(client, partners):
    response = _sign_up(client, password2="something-else-entirely")
    assert response.status_code == 200
    assert "The two passwords do not match." in response.text
    assert 'value="Nova Learner"' in response.text


def test_only_verified_providers_can_be_chosen(client, partners):
    hidden = ProviderFactory(owner_partner=partners["a3s"], verification="unverified")
    response = _sign_up(client, provider=hidden.pk)
    assert response.status_code == 200
    assert not User.objects.filter(email="new.learner@example.net").exists()


def test_allauths_own_sign_up_stays_closed(client, partners):
    assert client.get(reverse("account_signup")).status_code == 404


def test_a_learner_logs_in_to_their_courses(client, partners):
    _sign_up(client)
    response = client.post(reverse("account_login"), {"login": "new.learner@example.net",
                                                      "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("peersessions:my_learning")
