from tests.access import Row, coordinator_only, logged_in, url

ROWS = {
    "notifications:list": Row(url("notifications:list"), logged_in(200)),
    "notifications:mark_read": Row(url("notifications:mark_read", lambda o: o["notification"].pk),
                                   logged_in(302), method="post"),
    "notifications:mark_all_read": Row(url("notifications:mark_all_read"), logged_in(302),
                                       method="post"),
    "notifications:preferences": Row(url("notifications:preferences"), logged_in(200)),
    "notifications:failed": Row(url("notifications:failed"), coordinator_only()),
}


def objects(personas, partners) -> dict:
    from netw.notifications.models import Notification

    return {"notification": Notification.objects.create(
        recipient=personas["member_a"], kind="test", subject="Hello", body="Hello")}
