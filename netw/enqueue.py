"""Queue a Celery task once the current transaction commits, without letting a broker outage
break or stall the request that made the change.

The rows the caller wrote (a notification in the outbox, an ``Export`` waiting in the queue) are
the record of the work to do; a periodic sweeper queues again whatever a broker outage left
behind. So a failed publish is logged here, never raised into a request whose data is already
committed.

A publish is one short attempt: one connection try bounded by ``CELERY_BROKER_CONNECTION_TIMEOUT``
and no publish retries. And once a publish failed, the other tasks queued by the same
transaction are not tried at all: with Redis down, a change that notifies ten people costs the
request one refused connection, not ten (or, as it once did, ten reconnect loops of 19 s each).
"""

from __future__ import annotations

import logging

from django.db import transaction

logger = logging.getLogger(__name__)


class _Round:
    """The publishes of one commit: once one failed, the rest are left to the sweeper."""

    __slots__ = ("failed", "skipped")

    def __init__(self) -> None:
        self.failed = False
        self.skipped = 0


def _publish(task, args, kwargs) -> None:
    app = task.app
    with app.producer_or_acquire() as producer:
        # One connection try, bounded in time; publish() would otherwise retry connecting.
        producer.connection.ensure_connection(
            max_retries=0, timeout=app.conf.broker_connection_timeout)
        task.apply_async(args=args, kwargs=kwargs, producer=producer, retry=False)


def send_now(task, *args, _round: _Round | None = None, **kwargs) -> bool:
    """Publish ``task`` at once. False when the broker could not take it (or, in a round that
    already failed, was not tried)."""
    if task.app.conf.task_always_eager:
        # In-process (the demo, the tests): the task's own errors must surface.
        task.apply_async(args=args, kwargs=kwargs)
        return True
    if _round is not None and _round.failed:
        _round.skipped += 1
        logger.info("Not queuing %s%r: the broker was down a moment ago; the sweeper will",
                    task.name, args)
        return False
    try:
        _publish(task, args, kwargs)
    except Exception:  # the broker's errors vary by transport; all mean "not queued"
        if _round is not None:
            _round.failed = True
        logger.warning("Could not queue %s%r; the sweeper will retry", task.name, args,
                       exc_info=True)
        return False
    return True


def _current_round() -> _Round | None:
    """The round of the transaction now open on the default connection (None outside one).

    Django gives every transaction a fresh ``run_on_commit`` list: the round is tied to it.
    """
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        return None
    held = getattr(connection, "_netw_publish_round", None)
    if held is None or held[0] is not connection.run_on_commit:
        held = (connection.run_on_commit, _Round())
        connection._netw_publish_round = held
    return held[1]


def after_commit(task, *args, **kwargs) -> None:
    """Publish ``task`` when the surrounding transaction commits (at once outside one)."""
    publish_round = _current_round()
    transaction.on_commit(lambda: send_now(task, *args, _round=publish_round, **kwargs))
