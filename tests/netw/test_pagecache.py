"""Visitors' public pages come from the cache until a record behind them is written
(netw/pagecache.py, netw/dataversion.py); nobody logged in is ever served a cached page."""

import re
import time

import pytest
import time_machine
from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from netw import dataversion, pagecache
from providers.models import Provider
from providers.vocabulary import Verification
from tests.factories import ProviderFactory

pytestmark = pytest.mark.django_db

PROVIDERS = "/providers/"


def _token(response) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"',
                     response.content.decode()).group(1)


def test_a_visitors_second_look_costs_no_query(client, partners, django_assert_num_queries):
    ProviderFactory(name="Bakery of second chances")
    first = client.get(PROVIDERS)
    with django_assert_num_queries(0):
        again = client.get(PROVIDERS)
    assert again.status_code == 200
    assert "Bakery of second chances" in again.content.decode()
    assert first.content.count(b"Bakery of second chances") == \
        again.content.count(b"Bakery of second chances")


def test_a_new_record_shows_at_once(client, partners):
    ProviderFactory(name="Bakery of second chances")
    assert "Laundry cooperative" not in client.get(PROVIDERS).content.decode()
    ProviderFactory(name="Laundry cooperative")
    assert "Laundry cooperative" in client.get(PROVIDERS).content.decode()


def test_an_edit_and_a_deletion_show_at_once(client, partners):
    provider = ProviderFactory(name="Bakery of second chances")
    path = reverse("providers:provider_detail", args=[provider.pk])
    assert "Bakery of second chances" in client.get(path).content.decode()
    provider.name = "Bakery of third chances"
    provider.save()
    assert "Bakery of third chances" in client.get(path).content.decode()
    provider.delete()
    assert client.get(path).status_code == 404


def test_a_bulk_import_shows_at_once(client, partners):
    """Bulk writes send no signal; the import bumps the version itself."""
    client.get(PROVIDERS)
    version = dataversion.current()
    Provider.objects.bulk_create([Provider(name="Imported enterprise", country="PT",
                                           owner_partner=partners["a3s"],
                                           verification=Verification.VERIFIED)])
    assert dataversion.current() == version  # what the import must make up for
    dataversion.bump()
    assert "Imported enterprise" in client.get(PROVIDERS).content.decode()


def test_a_member_never_gets_the_visitors_page_nor_leaves_one(client, owner, partners):
    ProviderFactory(name="Draft of partner A", verification=Verification.UNVERIFIED)
    assert "Draft of partner A" not in client.get(PROVIDERS).content.decode()
    member = Client()
    member.force_login(owner)
    assert "Draft of partner A" in member.get(PROVIDERS).content.decode()
    assert "Draft of partner A" not in client.get(PROVIDERS).content.decode()
    assert "Draft of partner A" in member.get(PROVIDERS).content.decode()


def test_each_language_and_query_has_its_own_page(client, partners):
    ProviderFactory(name="Lisbon laundry", country="PT")
    ProviderFactory(name="Budapest bakery", country="HU")
    english = client.get(PROVIDERS, headers={"accept-language": "en"})
    french = client.get(PROVIDERS, headers={"accept-language": "fr"})
    assert english.content != french.content
    assert 'lang="fr"' in french.content.decode()
    assert 'lang="en"' in client.get(PROVIDERS, headers={"accept-language": "en"}
                                     ).content.decode()
    hungarian_only = client.get(PROVIDERS + "?country=HU").content.decode()
    assert "Budapest bakery" in hungarian_only and "Lisbon laundry" not in hungarian_only
    # The same filters in another order are the same page.
    assert pagecache.cache_key(_request("?a=1&b=2")) == pagecache.cache_key(_request("?b=2&a=1"))
    assert pagecache.cache_key(_request("?a=1")) != pagecache.cache_key(_request("?a=2"))


def _request(query: str):
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory

    request = RequestFactory().get(PROVIDERS + query)
    request.user = AnonymousUser()
    return request


def test_each_visitor_gets_a_form_token_of_their_own_that_works(partners):
    """The stored page has a placeholder; each visitor's copy their own token and cookie."""
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    page_one = first.get(PROVIDERS)
    page_two = second.get(PROVIDERS)
    assert pagecache.csrf_placeholder() not in page_two.content
    token_one, token_two = _token(page_one), _token(page_two)
    assert second.cookies["csrftoken"].value != first.cookies["csrftoken"].value
    # The language switcher posts with the page's token: the second visitor's one is accepted.
    switched = second.post(reverse("set_language"),
                           {"csrfmiddlewaretoken": token_two, "language": "pt", "next": "/"})
    assert switched.status_code == 302
    refused = second.post(reverse("set_language"),
                          {"csrfmiddlewaretoken": "x" * 64, "language": "pt", "next": "/"})
    assert refused.status_code == 403
    assert token_one != token_two


def test_a_visitor_with_a_message_waiting_sees_it(client, partners, rf):
    client.get(PROVIDERS)
    request = rf.get("/")
    storage = CookieStorage(request)
    storage.add(constants.INFO, "You have been logged out.")
    response = client.get("/")  # any response to carry the cookie
    storage.update(response)
    client.cookies["messages"] = response.cookies["messages"].value
    assert "You have been logged out." in client.get(PROVIDERS).content.decode()
    assert "You have been logged out." not in client.get(PROVIDERS).content.decode()


def test_the_visitors_time_zone_has_its_own_calendar(client, partners):
    calendar = reverse("events:calendar_month")
    client.get(calendar)
    client.cookies["netw_tz"] = "Europe/Lisbon"
    key_lisbon = None
    from django.utils import timezone

    with timezone.override("Europe/Lisbon"):
        key_lisbon = pagecache.cache_key(_request(""))
    assert key_lisbon != pagecache.cache_key(_request(""))
    assert client.get(calendar).status_code == 200


def test_it_can_be_turned_off(client, partners, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(PROVIDERS)
    with CaptureQueriesContext(connection) as queries:
        client.get(PROVIDERS)
    assert len(queries) > 0


def test_a_lost_version_starts_afresh(partners):
    """The version is a token, not a counter: if the cache loses it, nothing cached under an
    earlier one can come back."""
    before = dataversion.current()
    cache.delete(dataversion.KEY)
    after = dataversion.current()
    assert after != before
    assert dataversion.current() == after


def test_a_write_bumps_again_when_its_transaction_commits(partners,
                                                          django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with transaction.atomic():
            ProviderFactory()
            ProviderFactory()
            inside = dataversion.current()
    # One callback for the whole transaction, however many rows it wrote.
    assert len([c for c in callbacks if c is dataversion._bump_now]) == 1
    assert dataversion.current() != inside


def test_a_login_stamp_changes_no_page(owner):
    version = dataversion.current()
    owner.save(update_fields=["last_login"])
    assert dataversion.current() == version
    owner.first_name = "Renamed"
    owner.save()
    assert dataversion.current() != version


# --- An expired page: served at once, renewed after its response -----------------------------


def _expired(settings):
    """A moment past the page's freshness, not past twice it (the stored copy is still there)."""
    return time_machine.travel(time.time() + settings.PAGE_CACHE_SECONDS + 5, tick=False)


def test_an_expired_page_is_served_at_once_then_renewed_after_its_response(client, partners,
                                                                           settings):
    provider = ProviderFactory(name="Bakery of second chances")
    client.get(PROVIDERS)
    # What the clock alone changes, standing in for an event that is no longer upcoming: no
    # write through the models, so the data version stays.
    Provider.objects.filter(pk=provider.pk).update(name="Bakery of third chances")
    with _expired(settings):
        served = client.get(PROVIDERS).content.decode()
        assert "Bakery of second chances" in served  # nobody waited for a render
        with CaptureQueriesContext(connection) as queries:
            renewed = client.get(PROVIDERS).content.decode()
    assert "Bakery of third chances" in renewed  # rendered once the first response had gone
    assert len(queries) == 0


def test_one_worker_at_a_time_renews_an_expired_page(client, partners, settings):
    provider = ProviderFactory(name="Bakery of second chances")
    client.get(PROVIDERS)
    Provider.objects.filter(pk=provider.pk).update(name="Bakery of third chances")
    with _expired(settings):
        # Another worker is renewing it: this one serves the stored page and renders nothing.
        cache.add(f"{pagecache.cache_key(_request(''))}:renewing", 1, 30)
        for _ in range(2):
            with CaptureQueriesContext(connection) as queries:
                served = client.get(PROVIDERS).content.decode()
            assert "Bakery of second chances" in served
            assert len(queries) == 0


def test_an_expired_page_is_renewed_in_its_visitors_language(client, partners, settings):
    provider = ProviderFactory(name="Bakery of second chances")
    french = {"accept-language": "fr"}
    client.get(PROVIDERS, headers=french)
    Provider.objects.filter(pk=provider.pk).update(name="Bakery of third chances")
    with _expired(settings):
        client.get(PROVIDERS, headers=french)  # served, then renewed
        renewed = client.get(PROVIDERS, headers=french).content.decode()
    assert "Bakery of third chances" in renewed and 'lang="fr"' in renewed


def test_a_failed_renewal_keeps_the_page_and_is_logged(client, partners, settings, monkeypatch,
                                                       caplog):
    ProviderFactory(name="Bakery of second chances")
    client.get(PROVIDERS)

    def broken(*args):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(pagecache, "_render", broken)
    with _expired(settings):
        response = client.get(PROVIDERS)
    assert response.status_code == 200
    assert "Bakery of second chances" in response.content.decode()
    assert "Renewing the cached page /providers/ failed" in caplog.text
