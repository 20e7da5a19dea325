"""Operations on a person's private calendar feed."""

from __future__ import annotations

from netw.events.models import CalendarFeed, new_feed_token


def feed_for(*, user) -> CalendarFeed:
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return feed


def feed_reset(*, user) -> CalendarFeed:
    """A new secret: the old address stops working at once."""
    feed = feed_for(user=user)
    feed.token = new_feed_token()
    feed.save(update_fields=["token", "updated_at"])
    return feed
