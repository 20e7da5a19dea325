"""The deliverables register's rows of the access matrix (netw/monitoring/views_deliverables.py).

The deliverable is of work package 1 (the matrix's lead leads it), under partner A's
responsibility; its evidence is a session of A, added by member A."""

import datetime as dt

from netw.monitoring.deliverables import Deliverable, deliverable_evidence_add
from tests.access import LOGIN, Row, coordinator_only, logged_in, url
from tests.peersessions.factories import SessionFactory

D = lambda o: o["deliverable"].pk  # noqa: E731
E = lambda o: o["deliverable_evidence"].pk  # noqa: E731
# The coordinators, the lead of its work package and (evidence) the responsible partner's staff.
KEEPERS = {"anonymous": LOGIN, "member_a": 200, "member_b": 403, "lead": 200, "coordinator": 200}

ROWS = {
    "deliverables:list": Row(url("deliverables:list"), logged_in(200)),
    "deliverables:create": Row(url("deliverables:create"), coordinator_only()),
    "deliverables:detail": Row(url("deliverables:detail", D), logged_in(200)),
    "deliverables:update": Row(url("deliverables:update", D), {**KEEPERS, "member_a": 403}),
    "deliverables:evidence_add": Row(url("deliverables:evidence_add", D), KEEPERS),
    "deliverables:evidence_remove": Row(
        url("deliverables:evidence_remove", D, E),
        {"anonymous": LOGIN, "member_a": 302, "member_b": 403, "lead": 302, "coordinator": 302},
        method="post"),
}


def objects(personas, partners) -> dict:
    deliverable = Deliverable.objects.create(
        code="D1.9", work_package=1, title="Peer sessions report", due_on=dt.date(2026, 6, 30),
        responsible_partner=partners["a3s"])
    session = SessionFactory(owner_partner=partners["a3s"], created_by=personas["member_a"])
    evidence = deliverable_evidence_add(deliverable=deliverable, record=session,
                                        by=personas["member_a"])
    return {"deliverable": deliverable, "deliverable_evidence": evidence}
