from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MethodologiesConfig(AppConfig):
    name = "methodologies"
    verbose_name = _("WP2 · Methodologies and pedagogy")

    def ready(self) -> None:
        from methodologies.models import Methodology
        from methodologies.search import SEARCH
        from netw import search
        from netw.notifications import kinds

        search.track_tags(Methodology, SEARCH)

        kinds.register("roundtable_scheduled", _("You are invited to a roundtable"))
        kinds.register("roundtable_changed", _("A roundtable you attend has changed"))
        kinds.register("studyvisit_scheduled", _("You take part in a study visit"))
        kinds.register("studyvisit_changed", _("A study visit you take part in has changed"))
        kinds.register("roundtable_reminder", _("Reminder the day before a roundtable"))
        kinds.register("studyvisit_reminder", _("Reminder the day before a study visit"))
