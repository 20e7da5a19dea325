import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netw.settings")

application = get_wsgi_application()

# The worker's long-lived heap out of the garbage collector's way (netw/workergc.py).
from netw import workergc  # noqa: E402 (needs the settings set up above)

workergc.install()
