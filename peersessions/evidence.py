"""What of work package 1 may prove a deliverable (netw/monitoring/deliverables.py): a session,
with its agenda, attendance list, minutes and materials in the evidence pack."""

from __future__ import annotations

import csv
import io

from django.utils.translation import gettext_lazy as _

from netw.monitoring.deliverables import EvidenceSource

from .models import Material, Session


def _attendance(session: Session) -> str:
    """Who attended (the pack is the partners' only, like the session's own page)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["name", "partner", "attended"])
    for p in session.participants.select_related("user", "via_partner").iterator():
        writer.writerow([p.user.get_full_name() or p.user.email,
                         p.via_partner.short_name if p.via_partner else "",
                         {True: "yes", False: "no"}.get(p.attended, "")])
    return out.getvalue()


def _files(session: Session):
    if session.agenda:
        yield "agenda.md", lambda: session.agenda
    yield "attendance.csv", lambda: _attendance(session)
    if session.minutes:
        yield "minutes.md", lambda: session.minutes
    for material in Material.objects.filter(session=session).order_by("pk").iterator():
        yield f"materials/{material.pk}-{material.original_name}", material.file


def evidence_sources() -> list[EvidenceSource]:
    return [EvidenceSource(
        model=Session, label=_("Peer-to-peer session"),
        candidates=lambda user: Session.objects.visible_to(user),
        files=_files,
        describe=lambda s: f"{s.title} · {s.local_starts_at:%Y-%m-%d}",
    )]
