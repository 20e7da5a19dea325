from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeersessionsConfig(AppConfig):
    name = "peersessions"
    verbose_name = _("WP1 · Peer-to-peer sessions and MOOC")
