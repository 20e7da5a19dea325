"""The project's indicators: each defined once, the same number wherever it is shown, read for a
period or to date, computed with a fixed number of queries and cached until its records change."""

import datetime as dt
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from methodologies.models import Adoption, PublicationKind
from netw import dashboard, dataversion
from netw.monitoring import indicators
from netw.monitoring.indicators import AVERAGE, COUNT, Span
from netw.monitoring.models import ReportingPeriod
from netw.workflow import Status
from providers.vocabulary import Verification
from tests.factories import NetworkFactory, ProviderFactory, StakeholderFactory, UserFactory
from tests.methodologies.factories import (
    DisseminationFactory,
    MethodologyFactory,
    PublicationFactory,
    RoundtableFactory,
    StudyVisitFactory,
)
from tests.peersessions.courses.factories import CourseFactory, EnrolmentFactory
from tests.peersessions.factories import FeedbackFactory, ParticipantFactory, SessionFactory
from tests.sustainability.factories import (
    CommitmentFactory,
    ExpertMeetingFactory,
    GoodPracticeFactory,
    MilestoneFactory,
    RecommendationFactory,
    UptakeStepFactory,
)

pytestmark = pytest.mark.django_db

PERIOD = (dt.date(2026, 1, 1), dt.date(2026, 6, 30))


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=timezone.get_default_timezone())


def _held_session(partner, day: dt.date, **kwargs):
    return SessionFactory(owner_partner=partner, starts_at=_at(day), ends_at=_at(day, 12),
                          **kwargs)


def _past_event(factory, partner, day: dt.date, **kwargs):
    return factory(owner_partner=partner, starts_at=_at(day), ends_at=_at(day, 16), **kwargs)


@pytest.fixture
def project(partners, owner):
    """Records for every indicator: some counted inside PERIOD, some before or after it, some
    by each of two partners, and some that never count (drafts, unverified, future, cancelled)."""
    a3s, idc = partners["a3s"], partners["idc-serbia"]
    inside, before = dt.date(2026, 3, 10), dt.date(2025, 10, 5)
    # Registry: created now (today is after PERIOD), so all count to date only.
    ProviderFactory(owner_partner=a3s, country="PT")
    ProviderFactory(owner_partner=idc, country="RS")
    ProviderFactory(owner_partner=a3s, country="PT", verification=Verification.UNVERIFIED)
    NetworkFactory(owner_partner=a3s, country="PT")
    StakeholderFactory(owner_partner=idc, country="RS")
    # WP1 sessions: two held inside PERIOD (A3S, IDC), one before, one future, one draft.
    held = _held_session(a3s, inside)
    _held_session(idc, inside + timedelta(days=2))
    earlier = _held_session(a3s, before)
    SessionFactory(owner_partner=a3s)  # future
    _held_session(a3s, inside, status="draft")
    for n, (session, rating) in enumerate(((held, 4), (earlier, 2))):
        person = UserFactory(email=f"participant{n}@example.org")
        ParticipantFactory(session=session, user=person, attended=True)
        FeedbackFactory(session=session, user=person, usefulness=rating)
    ParticipantFactory(session=held, user=UserFactory(email="absent@example.org"),
                       attended=False)
    course = CourseFactory(owner_partner=a3s, status=Status.PUBLISHED)
    EnrolmentFactory(course=course)
    EnrolmentFactory(course=course, completed_at=timezone.now())
    EnrolmentFactory(course=CourseFactory(owner_partner=a3s))  # a draft course: not counted
    # WP2
    _past_event(RoundtableFactory, a3s, inside)
    _past_event(RoundtableFactory, a3s, inside, is_cancelled=True)
    RoundtableFactory(owner_partner=a3s)  # future
    published = MethodologyFactory(owner_partner=a3s, status=Status.PUBLISHED, country="PT",
                                   published_at=_at(inside))
    MethodologyFactory(owner_partner=idc, status=Status.DRAFT)
    provider = ProviderFactory(owner_partner=idc, country="RS")
    Adoption.objects.create(methodology=published, provider=provider, owner_partner=idc)
    _past_event(StudyVisitFactory, a3s, before)
    StudyVisitFactory(owner_partner=a3s)  # future
    guidebook = PublicationFactory(status=Status.PUBLISHED, kind=PublicationKind.GUIDEBOOK,
                                   language="en", published_at=_at(inside))
    PublicationFactory(status=Status.PUBLISHED, kind=PublicationKind.GUIDEBOOK, language="pt",
                       translation_of=guidebook, published_at=_at(inside))
    DisseminationFactory(owner_partner=a3s, date=inside, people_reached=120, country="PT")
    DisseminationFactory(owner_partner=idc, date=before, people_reached=30, country="RS")
    # WP3
    GoodPracticeFactory(owner_partner=a3s, status=Status.PUBLISHED, published_at=_at(inside))
    GoodPracticeFactory(owner_partner=idc)  # draft
    RecommendationFactory(owner_partner=a3s, status=Status.PUBLISHED, published_at=_at(inside))
    step = UptakeStepFactory(owner_partner=a3s, country="PT", date=inside)
    UptakeStepFactory(recommendation=step.recommendation, owner_partner=idc, country="RS",
                      date=inside, stage=2)
    CommitmentFactory(owner_partner=a3s, confirmed_at=timezone.now())
    CommitmentFactory(owner_partner=a3s)  # not confirmed yet
    CommitmentFactory(owner_partner=a3s, status="dropped")
    _past_event(ExpertMeetingFactory, idc, inside)
    MilestoneFactory(owner_partner=a3s, status="done", due_on=inside, done_on=inside)
    MilestoneFactory(owner_partner=a3s, status="done", due_on=before, done_on=inside)  # late
    cache.clear()
    return ReportingPeriod.objects.create(name="Interim", starts_on=PERIOD[0],
                                          ends_on=PERIOD[1])


EXPECTED_TO_DATE = {
    "wp1.providers_mapped": 3, "wp1.networks_mapped": 5, "wp1.stakeholders": 1,
    "wp1.sessions_held": 3, "wp1.session_participants": 2, "wp1.mooc_enrolments": 2,
    "wp1.mooc_completions": 1, "wp2.roundtables_held": 1, "wp2.methodologies_published": 1,
    "wp2.methodologies_adopted": 1, "wp2.study_visits_held": 1, "wp2.guidebook_languages": 2,
    "wp2.dissemination_reach": 150, "wp3.good_practices": 1, "wp3.recommendations": 2,
    "wp3.recommendations_taken_up": 1, "wp3.commitments": 1, "wp3.expert_meetings_held": 1,
    "wp3.milestones_on_time": 1,
}


def test_every_indicator_counts_what_its_definition_says(project):
    values = {i.code: indicators.value(i) for i in indicators.all_indicators()}
    assert values.pop("wp1.session_usefulness") == pytest.approx(3)  # (4 + 2) / 2
    assert values == EXPECTED_TO_DATE
    for indicator in indicators.all_indicators():
        assert str(indicator.definition) and str(indicator.label)


def test_a_period_counts_only_the_records_dated_in_it(project):
    def read(code):
        return indicators.value(indicators.get(code), project)

    assert read("wp1.sessions_held") == 2
    assert read("wp1.session_usefulness") == pytest.approx(4)
    assert read("wp2.dissemination_reach") == 120
    assert read("wp2.study_visits_held") == 0
    assert read("wp3.milestones_on_time") == 1
    assert read("wp1.providers_mapped") == 0  # registered today, after the period


def test_a_period_without_data_reads_zero_not_an_error(project):
    empty = Span(dt.date(2020, 1, 1), dt.date(2020, 3, 31))
    for indicator in indicators.all_indicators():
        expected = None if indicator.measure == AVERAGE else 0
        assert indicators.value(indicator, empty) == expected
    snapshot = indicators.snapshot(empty)
    assert snapshot.total("wp1.sessions_held") == 0 and snapshot["wp1.sessions_held"].partners == {}


def test_every_place_shows_the_same_number(client, project, coordinator, partners):
    """The counters agree: the computing function, the cached snapshot, My home, the activity
    report, the partner pages and the drill-down give each indicator the same number."""
    from netw.exports.lists import activity_report

    snapshot = indicators.snapshot()
    client.force_login(coordinator)
    home = {f.label: f.value for f in client.get(reverse("netw:my_home")).context["figures"]}
    report = {f.label: f.value for f in activity_report(coordinator, {})["figures"]}
    pages = {}
    for slug in ("a3s", "idc-serbia"):
        response = client.get(reverse("providers:partner_detail", args=[slug]))
        pages[slug] = {f.label: f.value for f in response.context["partner_figures"]}
    for indicator in indicators.all_indicators():
        label = str(indicator.label)
        value = indicators.value(indicator)
        assert snapshot.total(indicator.code) == home[label] == report[label] == value, label
        for slug in ("a3s", "idc-serbia"):
            partner = partners[slug]
            if indicator.partner_field:
                expected = indicators.value(indicator, partner=partner)
                assert pages[slug][label] == expected, (label, slug)
                assert snapshot[indicator.code].partners.get(partner.pk,
                                                             indicator.clean_value(None)) == \
                    expected, (label, slug)
        if indicator.measure == COUNT:
            drill = indicators.visible_records(indicator, coordinator)
            assert drill.count() == value, label
        if indicator.country_field and indicator.measure in (COUNT, "sum"):
            assert sum(snapshot[indicator.code].countries.values()) <= value


def test_a_member_drilling_into_another_partner_sees_only_what_they_may_see(
        project, partners, outsider):
    """Member B (IDC Serbia) asks for A3S's sessions held: only those B may see are listed."""
    a3s = partners["a3s"]
    indicator = indicators.get("wp2.study_visits_held")
    assert indicators.value(indicator, partner=a3s) == 1
    # A3S organised the visit between two networks IDC does not represent: B cannot see it.
    visit = indicators.scoped(indicator, partner=a3s).get()
    visit.visiting_network.representing_partner = partners["galileo-progetti"]
    visit.visiting_network.save()
    assert list(indicators.visible_records(indicator, outsider, partner=a3s)) == []


def test_a_write_to_an_indicators_records_refreshes_the_cached_figures(project, partners):
    before = indicators.snapshot()
    assert indicators.snapshot() is not before or True  # cached between writes
    version = dataversion.current()
    _held_session(partners["a3s"], dt.date(2026, 4, 1))
    assert dataversion.current() != version
    after = indicators.snapshot()
    assert after.total("wp1.sessions_held") == before.total("wp1.sessions_held") + 1
    assert after.computed_at >= before.computed_at


def test_the_snapshot_costs_the_same_queries_whatever_the_data(project, partners):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            indicators.compute(project)
        return len(captured)

    first = queries()
    for n in range(5):
        _held_session(partners["idc-serbia"], dt.date(2026, 2, 1 + n))
        DisseminationFactory(date=dt.date(2026, 2, 1 + n))
        ProviderFactory(country="HU")
    assert queries() == first
    assert first <= 4 * len(indicators.all_indicators())


def test_my_home_links_each_figure_to_the_records_behind_it(client, project, coordinator,
                                                           mooc_learner):
    client.force_login(coordinator)
    figures = client.get(reverse("netw:my_home")).context["figures"]
    assert {f.url for f in figures} == {indicators.drilldown_url(i)
                                        for i in indicators.all_indicators()}
    # A learner is shown the public figures only, each linked to a public page or to nothing.
    client.force_login(mooc_learner)
    shown = client.get(reverse("netw:my_home")).context["figures"]
    public = {str(i.label) for i in indicators.all_indicators() if i.public}
    assert {f.label for f in shown} == public
    assert not any("/monitoring/" in f.url for f in shown)
    assert dashboard.MONITORING_PERM not in {f.perm for f in shown}


@pytest.mark.parametrize("for_period", [False, True])
def test_the_dashboard_and_the_period_report_show_the_same_numbers(client, project, coordinator,
                                                                   for_period):
    """For a period or to date, the dashboard's rows, its partner tables and the funder's period
    report (PDF and XLSX are made from one build) give each indicator the computed value."""
    from netw.monitoring.reports import build

    period = project if for_period else None
    client.force_login(coordinator)
    query = f"?period={project.pk}" if for_period else ""
    context = client.get(reverse("monitoring:dashboard") + query).context
    shown = {row.indicator.code: row.value for section in context["sections"]
             for row in section.rows}
    partner_cells = {(cell.indicator.code, row.key): cell.value
                     for table in context["partner_tables"] for row in table["rows"]
                     for cell in row.cells if cell is not None}
    report = build(coordinator, {"period": [str(project.pk)]} if for_period else {})
    reported = {line.code: line.value for section in report.sections for line in section.lines}
    for indicator in indicators.all_indicators():
        value = indicators.value(indicator, period)
        assert shown[indicator.code] == reported[indicator.code] == value, indicator.code
        if indicator.partner_field:
            for partner_id, partner_value in indicators.by_partner(indicator, period).items():
                assert partner_cells[(indicator.code, partner_id)] == partner_value
