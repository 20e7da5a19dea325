"""The Celery app. Configuration comes from Django settings (the CELERY_ namespace)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netw.settings")

app = Celery("netw")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# netw's own subpackages are not apps; name them so their tasks register too.
app.autodiscover_tasks(["netw.notifications", "netw.exports", "netw.events", "netw.opendata"])
