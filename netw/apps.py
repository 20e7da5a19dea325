from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetwConfig(AppConfig):
    name = "netw"
    verbose_name = _("Net-Works portal")
