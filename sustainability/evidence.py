"""What of work package 3 may prove a deliverable (netw/monitoring/deliverables.py): good
practices (their attachments), policy recommendations (their text) and expert meetings (agenda,
minutes, materials)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from netw.monitoring.deliverables import EvidenceSource

from .models import ExpertMeeting, GoodPractice, MeetingMaterial, Recommendation


def _practice(p: GoodPractice):
    yield "summary.md", lambda: f"# {p.title}\n\n{p.summary}\n\n{p.how_it_works}\n"
    for a in p.attachments.order_by("pk"):
        yield f"attachments/{a.pk}-{a.download_name}", a.file


def _recommendation(r: Recommendation):
    yield "recommendation.md", lambda: f"# {r.title}\n\n{r.summary}\n\n{r.text}\n"


def _meeting(m: ExpertMeeting):
    if m.agenda:
        yield "agenda.md", lambda: m.agenda
    if m.minutes or m.conclusions:
        yield "minutes.md", lambda: f"{m.minutes}\n\n{m.conclusions}\n"
    for material in MeetingMaterial.objects.filter(meeting=m).exclude(file="").order_by("pk"):
        yield f"materials/{material.pk}-{material.download_name}", material.file


def evidence_sources() -> list[EvidenceSource]:
    return [
        EvidenceSource(model=GoodPractice, label=_("Good practice"),
                       candidates=lambda user: GoodPractice.objects.visible_to(user),
                       files=_practice),
        EvidenceSource(model=Recommendation, label=_("Policy recommendation"),
                       candidates=lambda user: Recommendation.objects.visible_to(user),
                       files=_recommendation),
        EvidenceSource(model=ExpertMeeting, label=_("Expert meeting"),
                       candidates=lambda user: ExpertMeeting.objects.visible_to(user),
                       files=_meeting),
    ]
