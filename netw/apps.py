from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetwConfig(AppConfig):
    name = "netw"
    verbose_name = _("Net-Works portal")

    def ready(self) -> None:
        from netw.monitoring.indicators import watch_records
        from netw.roles import watch_access

        # Writes to any indicator's records bump the data version (cached figures stay true).
        watch_records()
        # Writes to memberships, partners and second factors forget the cached memberships.
        watch_access()
