"""At-least-once execution: the settings every task relies on, and the order they must keep."""

from django.conf import settings

from netw.celery import app


def _hard_limit(task) -> int:
    return task.time_limit or app.conf.task_time_limit


def test_tasks_are_acknowledged_late_and_given_back_when_a_worker_dies():
    assert app.conf.task_acks_late is True
    assert app.conf.task_reject_on_worker_lost is True
    assert app.conf.worker_prefetch_multiplier == 1


def test_the_visibility_timeout_exceeds_the_longest_hard_time_limit():
    app.loader.import_default_modules()
    ours = [t for name, t in app.tasks.items() if not name.startswith("celery.")]
    longest = max(_hard_limit(t) for t in ours)
    visibility = app.conf.broker_transport_options["visibility_timeout"]
    assert longest <= settings.CELERY_LONGEST_TIME_LIMIT
    assert visibility > longest
    # Soft limits come first so a task can clean up before it is killed.
    assert all((t.soft_time_limit or app.conf.task_soft_time_limit) < _hard_limit(t)
               for t in ours)


def test_broker_and_result_backend_read_the_same_visibility_timeout():
    assert (app.conf.result_backend_transport_options["visibility_timeout"]
            == app.conf.broker_transport_options["visibility_timeout"])


def test_periodic_tasks_exist_and_expire_before_their_next_run():
    app.loader.import_default_modules()
    for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
        assert entry["task"] in app.tasks, name
        assert entry.get("options", {}).get("expires"), name


def test_no_task_but_the_health_check_keeps_a_result():
    """Nothing reads results; storing them made every publish subscribe to Redis (and loop
    reconnecting while it was down)."""
    app.loader.import_default_modules()
    keeping = sorted(name for name, t in app.tasks.items()
                     if not name.startswith("celery.") and not t.ignore_result)
    assert keeping == ["netw.tasks.ping"]


def test_a_publish_gives_up_quickly_when_the_broker_does_not_answer():
    assert app.conf.broker_connection_timeout <= 5
    assert app.conf.broker_transport_options["socket_connect_timeout"] <= 5
