"""Demo reporting periods and targets (``manage.py seed_demo``): the project's two reports and a
target for each of its indicators, plus a few per country and per partner. Safe to run
again: an existing period or target is left as it is (a coordinator may have changed it)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction

from . import indicators
from .models import ReportingPeriod, Target

PERIODS = [
    ("Interim report", ReportingPeriod.Kind.INTERIM, dt.date(2025, 12, 1), dt.date(2026, 11, 30)),
    ("Final report", ReportingPeriod.Kind.FINAL, dt.date(2026, 12, 1), dt.date(2027, 11, 30)),
]

GRANT = "Grant agreement, annex I"

# The whole project's targets (no period), one per indicator.
PROJECT_TARGETS = {
    "wp1.providers_mapped": 250, "wp1.networks_mapped": 25, "wp1.stakeholders": 100,
    "wp1.sessions_held": 10, "wp1.session_participants": 150, "wp1.session_usefulness": 4,
    "wp1.mooc_enrolments": 500, "wp1.mooc_completions": 200,
    "wp2.roundtables_held": 6, "wp2.methodologies_published": 30,
    "wp2.methodologies_adopted": 15, "wp2.study_visits_held": 4,
    "wp2.guidebook_languages": 8, "wp2.dissemination_reach": 5000,
    "wp3.good_practices": 20, "wp3.recommendations": 10, "wp3.recommendations_taken_up": 5,
    "wp3.commitments": 15, "wp3.expert_meetings_held": 4, "wp3.milestones_on_time": 8,
}
# By the interim report: about half of the counted figures.
INTERIM_TARGETS = {"wp1.providers_mapped": 150, "wp1.sessions_held": 5,
                   "wp1.session_participants": 75, "wp2.roundtables_held": 3}
PROVIDERS_PER_COUNTRY = {"HU": 50, "MK": 50, "PT": 50, "RS": 50, "SK": 50}
# Sessions each host partner holds by the interim report.
SESSIONS_PER_PARTNER = {"aff": 3, "cdi-macedonia": 2}


def _target(indicator: str, value, *, period=None, scope=Target.Scope.PROJECT, partner=None,
            country: str = "", note: str = GRANT) -> int:
    if indicators.get(indicator) is None:  # an app left out of this installation
        return 0
    _, created = Target.objects.get_or_create(
        indicator=indicator, scope=scope, partner=partner, country=country, period=period,
        defaults={"value": Decimal(value), "note": note})
    return int(created)


@transaction.atomic
def seed(stdout) -> None:
    from providers.models import Partner

    periods = {}
    for name, kind, starts_on, ends_on in PERIODS:
        period = ReportingPeriod.objects.filter(name=name).first()
        if period is None:
            if ReportingPeriod.objects.overlapping(starts_on, ends_on).exists():
                continue  # a coordinator set other periods over these dates: keep theirs
            period = ReportingPeriod.objects.create(name=name, kind=kind, starts_on=starts_on,
                                                    ends_on=ends_on)
        periods[name] = period
    interim = periods.get("Interim report")
    created = sum(_target(code, value) for code, value in PROJECT_TARGETS.items())
    if interim is not None:
        created += sum(_target(code, value, period=interim)
                       for code, value in INTERIM_TARGETS.items())
    created += sum(_target("wp1.providers_mapped", value, scope=Target.Scope.COUNTRY,
                           country=code, note="")
                   for code, value in PROVIDERS_PER_COUNTRY.items())
    partners = Partner.objects.in_bulk(list(SESSIONS_PER_PARTNER), field_name="slug")
    if interim is not None:
        created += sum(_target("wp1.sessions_held", value, period=interim,
                               scope=Target.Scope.PARTNER, partner=partners[slug], note="")
                       for slug, value in SESSIONS_PER_PARTNER.items() if slug in partners)
    stdout.write(f"Monitoring: {len(periods)} reporting period(s), {created} new target(s).")
