"""Scheduled events: what every event in the portal's calendar shares, written once.

- ``models.ScheduledEvent``: the abstract event (title, start and end in UTC with the event's own
  IANA zone, place and online link, SEQUENCE, reminder marker, cancelled); ``models.CalendarFeed``:
  the secret of a person's private feed.
- ``sources``: the calendar's event sources. Each app declares its own in ``<app>/calendar.py``
  (``EVENT_SOURCES``), found through ``netw.discovery.app_modules("calendar")``; the core never
  names an app.
- ``ics``: the one iCalendar builder and the one UID scheme, ``<kind>-<pk>@<host of SITE_URL>``,
  for invitations, downloads and feeds alike.
- ``reminders`` and ``tasks``: the one day-before reminder pipeline over every source.
- ``views``, ``feeds``, ``urls``: the site-wide calendar and its feeds (namespace ``events``).
"""
