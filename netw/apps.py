from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetwConfig(AppConfig):
    name = "netw"
    verbose_name = _("Net-Works portal")

    def ready(self) -> None:
        from netw import checks  # noqa: F401 (registers the system checks)
        from netw.dataversion import watch_project_models
        from netw.monitoring.indicators import watch_records
        from netw.roles import watch_access

        # Writes to any indicator's records, and to any record a public page shows, bump the data
        # version (cached figures and pages stay true).
        watch_records()
        watch_project_models()
        # Writes to users, memberships, partners and second factors forget the cached access.
        watch_access()
