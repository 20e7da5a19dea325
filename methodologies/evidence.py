"""What of work package 2 may prove a deliverable (netw/monitoring/deliverables.py): roundtables
and study visits (their reports), publications (their files) and dissemination activities
(their evidence file)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from netw.monitoring.deliverables import EvidenceSource

from .models import DisseminationActivity, Publication, Roundtable, StudyVisit


def _text(*parts: tuple[str, str]) -> str:
    return "\n\n".join(f"# {title}\n\n{body}" for title, body in parts if body)


def _roundtable(r: Roundtable):
    yield "report.md", lambda: _text((str(r.theme), r.description),
                                     (str(_("Conclusions")), r.conclusions))


def _visit(v: StudyVisit):
    yield "report.md", lambda: _text((str(_("Objectives")), v.objectives),
                                     (str(_("Programme")), v.programme),
                                     (str(_("Report")), v.report),
                                     (str(_("Lessons learnt")), v.lessons_learnt))


def _publication(p: Publication):
    for f in p.original.files.order_by("language"):
        yield f.download_name, f.file


def _dissemination(a: DisseminationActivity):
    if a.evidence:
        yield a.evidence.name.rsplit("/", 1)[-1], a.evidence


def evidence_sources() -> list[EvidenceSource]:
    return [
        EvidenceSource(model=Roundtable, label=_("Roundtable"),
                       candidates=lambda user: Roundtable.objects.visible_to(user),
                       files=_roundtable),
        EvidenceSource(model=StudyVisit, label=_("Study visit"),
                       candidates=lambda user: StudyVisit.objects.visible_to(user),
                       files=_visit),
        EvidenceSource(model=Publication, label=_("Publication"),
                       candidates=lambda user: Publication.objects.visible_to(user),
                       files=_publication),
        EvidenceSource(model=DisseminationActivity, label=_("Dissemination activity"),
                       candidates=lambda user: DisseminationActivity.objects.visible_to(user),
                       files=_dissemination),
    ]
