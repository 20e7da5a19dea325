"""The notifications list, the unread count in the header, and marking as read."""

from django.urls import reverse

from netw.notifications.models import Notification


def _make(user, n=1, **kwargs):
    return [Notification.objects.create(recipient=user, kind="test", subject=f"Subject {i}",
                                        body="B", **kwargs) for i in range(n)]


def test_the_header_shows_the_unread_count(client, owner):
    _make(owner, 3)
    client.force_login(owner)
    response = client.get(reverse("netw:my_home"))
    assert "Notifications (3" in response.text


def test_the_unread_count_is_cached_between_pages(client, owner, django_assert_max_num_queries):
    _make(owner, 2)
    client.force_login(owner)
    client.get(reverse("netw:my_home"))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("netw:my_home"))
    assert not any("netw_notification" in q["sql"] for q in queries.captured_queries)


def test_a_person_sees_only_their_own_notifications(client, owner, colleague):
    _make(owner)
    Notification.objects.create(recipient=colleague, kind="test", subject="Not yours", body="B")
    client.force_login(owner)
    response = client.get(reverse("notifications:list"))
    assert "Subject 0" in response.text
    assert "Not yours" not in response.text


def test_marking_one_as_read_lowers_the_count(client, owner):
    first, second = _make(owner, 2)
    client.force_login(owner)
    client.get(reverse("netw:my_home"))  # fills the cache
    response = client.post(reverse("notifications:mark_read", args=[first.pk]),
                           {"next": reverse("notifications:list")})
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.read_at is not None
    assert "Notifications (1" in client.get(reverse("netw:my_home")).text


def test_nobody_can_mark_someone_elses_notification(client, owner, colleague):
    (theirs,) = _make(colleague)
    client.force_login(owner)
    client.post(reverse("notifications:mark_read", args=[theirs.pk]))
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_mark_all_as_read(client, owner, colleague):
    _make(owner, 3)
    _make(colleague)
    client.force_login(owner)
    client.post(reverse("notifications:mark_all_read"))
    assert not Notification.objects.filter(recipient=owner, read_at__isnull=True).exists()
    assert Notification.objects.filter(recipient=colleague, read_at__isnull=True).count() == 1


def test_next_must_stay_on_the_site(client, owner):
    (n,) = _make(owner)
    client.force_login(owner)
    response = client.post(reverse("notifications:mark_read", args=[n.pk]),
                           {"next": "https://evil.example.com/"})
    assert response.url == reverse("notifications:list")


def test_the_list_paginates_with_a_bounded_number_of_queries(client, owner,
                                                              django_assert_max_num_queries):
    _make(owner, 60)
    client.force_login(owner)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("notifications:list"))
    assert "Page 1 of 3" in response.text


def test_coordinators_see_the_emails_that_failed(client, coordinator, owner):
    _make(owner, email_status="failed", attempts=6, last_error="SMTPRecipientsRefused: 550")
    client.force_login(coordinator)
    response = client.get(reverse("notifications:failed"))
    assert owner.email in response.text
    assert "SMTPRecipientsRefused" in response.text
