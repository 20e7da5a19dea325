"""Thin Celery tasks: they take ids, call a service, and are safe to run twice.

The periodic ones only find what is due and queue one task per item after commit; each item's
task locks its row and records what it sent, so an overlapping beat or a retried task sends nothing
twice. They only write notifications to the outbox (no SMTP here, so no mail-retry settings): the
outbox's own task sends and retries the e-mail. The day-before reminder of sessions is the
calendar's (netw/events/tasks.py); follow-up actions are reminded by the core's pipeline of
everyone's actions (netw/actions.py, netw.tasks.queue_action_reminders).
"""

from __future__ import annotations

from celery import shared_task

from netw.enqueue import after_commit


@shared_task
def queue_feedback_requests() -> int:
    """Every hour: feedback requests for sessions that just ended."""
    from peersessions import services

    feedback = services.sessions_needing_feedback_request()
    for pk in feedback:
        after_commit(request_session_feedback, pk)
    return len(feedback)


@shared_task
def request_session_feedback(session_id: int) -> bool:
    from peersessions import services

    return services.session_request_feedback(session_id=session_id)


@shared_task
def send_action_reminder(action_id: int, overdue: bool) -> bool:
    """Only for reminders queued by the release before the core's action pipeline
    (netw.tasks.send_action_reminder, netw/actions.py); nothing queues it any more."""
    from netw import actions

    return actions.action_send_reminder(kind="session_action", action_id=action_id,
                                        overdue=overdue)


# --- The MOOC: learners' reminders (peersessions/courses/learner_services.py) ------------------


@shared_task
def queue_learner_reminders() -> int:
    """Every morning: a gentle reminder to learners without progress for two weeks, once per
    enrolment, unless they turned reminders off."""
    from peersessions.courses import learner_services

    ids = list(learner_services.enrolments_to_remind().values_list("pk", flat=True)[:5000])
    for pk in ids:
        after_commit(send_learner_reminder, pk)
    return len(ids)


@shared_task
def send_learner_reminder(enrolment_id: int) -> bool:
    from peersessions.courses import learner_services

    return learner_services.enrolment_remind(enrolment_id=enrolment_id)
