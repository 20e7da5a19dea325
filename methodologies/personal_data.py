"""WP2's part of "Your data": the records the person wrote and the meetings they took part in.
Everything here stays with the partners when an account is closed (only the name goes)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from methodologies.models import (
    Adoption,
    DisseminationActivity,
    Methodology,
    Publication,
    Roundtable,
    StudyVisit,
)
from netw.personal_data import Section, events_section, records_section


def personal_data(user) -> list[Section]:
    return [
        records_section(
            "methodologies.records",
            _("Methodologies, publications and activities you created or last edited"),
            [Methodology.objects.all(), Publication.objects.all(),
             DisseminationActivity.objects.all(),
             Adoption.objects.select_related("provider", "methodology"),
             Roundtable.objects.all(), StudyVisit.objects.all()], user),
        events_section("methodologies.roundtables", _("Roundtables you took part in"),
                       Roundtable.objects.filter(participants=user)),
        events_section("methodologies.study_visits", _("Study visits you took part in"),
                       StudyVisit.objects.filter(participants=user)),
    ]
