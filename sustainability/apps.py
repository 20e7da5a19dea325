from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SustainabilityConfig(AppConfig):
    name = "sustainability"
    verbose_name = _("WP3 · Cooperation and financial sustainability")

    def ready(self) -> None:
        from netw import search
        from netw.notifications import kinds
        from sustainability.models import (
            PRACTICE_SEARCH,
            RECOMMENDATION_SEARCH,
            GoodPractice,
            Recommendation,
        )

        search.track_tags(GoodPractice, PRACTICE_SEARCH)
        search.track_tags(Recommendation, RECOMMENDATION_SEARCH)

        # The roadmap's commitments.
        kinds.register("commitment_confirmed", _("A commitment you recorded was confirmed"))
        kinds.register("commitment_late", _("A commitment of yours or your partner's is late"))
        # --- Long-term action plans (wt-plans) ---
        kinds.register("plan_action_overdue", _("An action of a long-term plan you own is "
                                                "overdue"))
        # Expert meetings (sustainability/services.py).
        kinds.register("expert_meeting_scheduled", _("You are invited to an expert meeting"))
        kinds.register("expert_meeting_changed",
                       _("An expert meeting you take part in changed"))
        kinds.register("expert_meeting_cancelled",
                       _("An expert meeting you take part in was cancelled"))
        kinds.register("expert_meeting_reminder",
                       _("Reminder the day before an expert meeting"))
        # To an invited expert's address (no account): always sent.
        kinds.register("expert_meeting_guest",
                       _("An invitation of an outside expert to a meeting"), required=True)
