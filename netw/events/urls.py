"""The site-wide calendar and its feeds, under the same /calendar/ paths as when they were WP1's
(namespace ``events`` since they list every app's events)."""

from django.urls import path

from netw.events import feeds, views

app_name = "events"

urlpatterns = [
    path("", views.calendar_month, name="calendar_month"),
    path("list/", views.calendar_list, name="calendar_list"),
    path("timezone/", views.calendar_timezone, name="calendar_timezone"),
    path("feed/", feeds.feed_settings, name="feed_settings"),
    path("feed/reset/", feeds.feed_reset, name="feed_reset"),
    path("feed/<str:token>.ics", feeds.feed_user, name="feed_user"),
    path("public.ics", feeds.feed_public, name="feed_public"),
    path("public.atom", feeds.PublicEventsFeed(), name="feed_atom"),
]
