from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeersessionsConfig(AppConfig):
    name = "peersessions"
    verbose_name = _("WP1 · Peer-to-peer sessions and MOOC")

    def ready(self) -> None:
        from netw.notifications import kinds

        kinds.register("session_invitation", _("You are invited to a peer-to-peer session"))
        kinds.register("session_changed", _("A peer-to-peer session you are invited to changed"))
        kinds.register("session_cancelled", _("A peer-to-peer session you are invited to was "
                                              "cancelled"))
        kinds.register("session_reminder", _("Reminder the day before a peer-to-peer session"))
        kinds.register("session_feedback_request", _("Feedback asked after a session"))
        kinds.register("action_due", _("A follow-up action of yours is due"))
        kinds.register("action_overdue", _("A follow-up action of yours is overdue"))
        # The MOOC's learners (peersessions/courses/learner_services.py).
        kinds.register("course_enrolled", _("Welcome to a course you enrolled in"))
        kinds.register("course_reminder", _("A reminder when you have not progressed in a course "
                                            "for two weeks"))
        kinds.register("certificate_ready", _("Your course certificate is ready"))
