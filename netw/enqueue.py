"""Queue a Celery task once the current transaction commits, without letting a broker outage
break the request that made the change.

The rows the caller wrote (a notification in the outbox, an ``Export`` waiting in the queue) are
the record of the work to do; a periodic sweeper queues again whatever a broker outage left
behind. So a failed publish is logged here, never raised into a request whose data is already
committed.
"""

from __future__ import annotations

import logging

from django.db import transaction

logger = logging.getLogger(__name__)


def send_now(task, *args, **kwargs) -> bool:
    """Publish ``task`` at once. False when the broker could not take it."""
    if task.app.conf.task_always_eager:
        # In-process (the demo, the tests): the task's own errors must surface.
        task.apply_async(args=args, kwargs=kwargs)
        return True
    try:
        task.apply_async(args=args, kwargs=kwargs)
    except Exception:  # the broker's errors vary by transport; all mean "not queued"
        logger.warning("Could not queue %s%r; the sweeper will retry", task.name, args,
                       exc_info=True)
        return False
    return True


def after_commit(task, *args, **kwargs) -> None:
    """Publish ``task`` when the surrounding transaction commits (at once outside one)."""
    transaction.on_commit(lambda: send_now(task, *args, **kwargs))
