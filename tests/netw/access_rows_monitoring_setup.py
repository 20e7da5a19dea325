"""The monitoring set-up's rows of the access matrix (netw/monitoring/views_setup.py):
reporting periods and targets are read by every partner's staff and set by coordinators."""

import datetime

from netw.monitoring.models import ReportingPeriod, Target
from tests.access import Row, coordinator_only, logged_in, url


def pk(key):
    return lambda o: o[key].pk


ROWS = {
    "monitoring:period_list": Row(url("monitoring:period_list"), logged_in(200)),
    "monitoring:period_create": Row(url("monitoring:period_create"), coordinator_only()),
    "monitoring:period_edit": Row(url("monitoring:period_edit", pk("monitoring_period")),
                                  coordinator_only()),
    "monitoring:period_delete": Row(url("monitoring:period_delete", pk("monitoring_period")),
                                    coordinator_only()),
    "monitoring:target_list": Row(url("monitoring:target_list"), logged_in(200)),
    "monitoring:target_create": Row(url("monitoring:target_create"), coordinator_only()),
    "monitoring:target_edit": Row(url("monitoring:target_edit", pk("monitoring_target")),
                                  coordinator_only()),
    "monitoring:target_delete": Row(url("monitoring:target_delete", pk("monitoring_target")),
                                    coordinator_only()),
}


def objects(personas, partners) -> dict:
    period = ReportingPeriod.objects.create(
        name="Interim report", starts_on=datetime.date(2025, 12, 1),
        ends_on=datetime.date(2026, 11, 30))
    target = Target.objects.create(indicator="wp1.sessions_held", scope="partner",
                                   partner=partners["a3s"], period=period, value=4)
    return {"monitoring_period": period, "monitoring_target": target}
