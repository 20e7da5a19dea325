from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MethodologiesConfig(AppConfig):
    name = "methodologies"
    verbose_name = _("WP2 · Methodologies and pedagogy")
