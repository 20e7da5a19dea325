"""Access matrix rows of the site-wide calendar and its feeds (netw/events; see tests/access.py).

The same paths as when they were WP1's (/calendar/…), and the same answers per persona."""

from netw.events.services import feed_for
from tests.access import Row, everyone, logged_in, url


def objects(personas, partners) -> dict:
    return {"ev_feed": feed_for(user=personas["member_a"])}


ROWS = {
    "events:calendar_month": Row(url("events:calendar_month"), everyone(200)),
    "events:calendar_list": Row(url("events:calendar_list"), everyone(200)),
    "events:calendar_timezone": Row(url("events:calendar_timezone"), everyone(302),
                                    method="post", data={"tz": "Europe/Lisbon"}),
    "events:feed_settings": Row(url("events:feed_settings"), logged_in(200)),
    "events:feed_reset": Row(url("events:feed_reset"), logged_in(302), method="post"),
    # The token is the key, whoever asks; a wrong one is 404 (tests/netw/test_events.py).
    "events:feed_user": Row(url("events:feed_user", lambda o: o["ev_feed"].token),
                            everyone(200)),
    "events:feed_public": Row(url("events:feed_public"), everyone(200)),
    "events:feed_atom": Row(url("events:feed_atom"), everyone(200)),
}
