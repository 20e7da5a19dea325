"""Demo deliverables of the three work packages, with some evidence from the apps' demo records
(found through their ``evidence.py``, never by name). Safe to run again: deliverables are found
by code, and one that has evidence already gets none added."""

from __future__ import annotations

import datetime as dt
from itertools import cycle

from django.utils import timezone

from netw.demo import DEMO_USERS
from netw.models import User
from netw.monitoring.deliverables import (
    Deliverable,
    DeliverableStatus,
    deliverable_evidence_add,
    evidence_sources,
)
from providers.models import Partner

S = DeliverableStatus
# code, work package, title, days from today it is due, status, partner, takes evidence
DELIVERABLES = [
    ("D1.1", 1, "Mapping of work-based adult education providers and key stakeholders", -300,
     S.ACCEPTED, "aff", False),
    ("D1.2", 1, "Peer-to-peer sessions: agendas, minutes and key learnings", -20,
     S.IN_PROGRESS, "aff", True),
    ("D1.3", 1, "MOOC on the capacity building of networks", 140, S.PLANNED, "ensie", False),
    ("D2.1", 2, "Inventory of successful work-based adult education methodologies", -200,
     S.SUBMITTED, "galileo-progetti", False),
    ("D2.2", 2, "Roundtables and study visits: reports", 60, S.IN_PROGRESS, "galileo-progetti",
     True),
    ("D2.3", 2, "Guidebook on external communication and dissemination", 90, S.IN_PROGRESS,
     "galileo-progetti", True),
    ("D3.1", 3, "Repertoire of financial-sustainability good practices", -45, S.SUBMITTED,
     "isen", True),
    ("D3.2", 3, "Sustainability roadmap with policy recommendations", 150, S.PLANNED, "isen",
     True),
]
DESCRIPTION = "As described in the grant agreement's work plan."


def seed(stdout) -> None:
    today = timezone.localdate()
    partners = {p.slug: p for p in Partner.objects.all()}
    coordinator = User.objects.filter(email=DEMO_USERS[0][0]).first()
    # Evidence a partner member sees (not another partner's draft).
    member = User.objects.filter(email="member.pt@demo.net-works.eu").first() or coordinator
    created = added = 0
    takers: dict[int, list[Deliverable]] = {}
    for code, wp, title, due, status, slug, takes in DELIVERABLES:
        due_on = today + dt.timedelta(days=due)
        deliverable, was_created = Deliverable.objects.get_or_create(code=code, defaults={
            "work_package": wp, "title": title, "description": DESCRIPTION, "due_on": due_on,
            "status": status, "responsible_partner": partners[slug],
            "submitted_on": due_on if status in (S.SUBMITTED, S.ACCEPTED) else None})
        created += was_created
        if takes and not deliverable.evidence.exists():
            takers.setdefault(wp, []).append(deliverable)
    if member is not None:
        for source in evidence_sources():
            wp = getattr(source.model, "work_package", None)
            if wp is None or int(wp) not in takers:
                continue
            records = source.candidates(member).order_by("pk")[:2]
            for deliverable, record in zip(cycle(takers[int(wp)]), records, strict=False):
                deliverable_evidence_add(deliverable=deliverable, record=record,
                                         note="", by=coordinator)
                added += 1
    stdout.write(f"Deliverables: {created} new, {added} pieces of evidence added.")
