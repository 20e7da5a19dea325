"""What ``manage.py bench`` measures of WP3's pages, and the records it adds per data unit (see
netw/benchmark.py). One unit: 200 good practices (five in six published), each with two target
groups and a sector; their texts from netw/benchtext.py."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from netw import benchtext
from netw.benchmark import BenchContext, BenchPage

PRACTICES_PER_UNIT = 200


def _detail(ctx: BenchContext) -> str:
    return ctx.objects["wp3_practice"].get_absolute_url()


BENCH_PAGES = [
    BenchPage("good practices", "sustainability:goodpractice_list",
              personas=("anonymous", "member"), load=True),
    BenchPage("good practices filtered",
              lambda ctx: reverse("sustainability:goodpractice_list")
              + "?country=PT&level=local&q=shop"),
    BenchPage("good practice", _detail, personas=("anonymous", "member"), load=True,
              kind="detail"),
    BenchPage("my good practices", "sustainability:goodpractice_workspace",
              personas=("member", "lead")),
    # Good practices: ranked search, per partner, feed, printout, history
    BenchPage("good practices searched",
              lambda ctx: reverse("sustainability:goodpractice_list") + "?q=shop+margin",
              personas=("anonymous", "member"), load=True),
    BenchPage("good practices by partner",
              lambda ctx: reverse("sustainability:goodpractice_list") + "?partner=a3s&q=coach"),
    BenchPage("good practices feed", "sustainability:goodpractice_feed", load=True),
    BenchPage("recommendations feed", "sustainability:recommendation_feed"),
    BenchPage("good practice printable",
              lambda ctx: reverse("sustainability:goodpractice_print",
                                  args=[ctx.objects["wp3_practice"].slug]), kind="detail"),
    BenchPage("good practice history",
              lambda ctx: reverse("sustainability:goodpractice_history",
                                  args=[ctx.objects["wp3_a3s_practice"].slug]),
              personas=("member",), kind="detail"),
]


def _generate_practices(ctx: BenchContext, *, start: int, stop: int) -> None:
    from providers.models import Sector, TargetGroup
    from sustainability.funding import seed_funding_models
    from sustainability.models import FundingModel, GoodPractice

    seed_funding_models(FundingModel)
    partners = list(ctx.partners.values())
    funding = list(FundingModel.objects.all())
    groups = list(TargetGroup.objects.all())
    sectors = list(Sector.objects.all())
    countries = ["PT", "RS", "MK", "HU", "SK", "IE", "FI", "BE"]
    levels = ["local", "regional", "national", "european"]
    now = timezone.now()
    for unit in range(start, stop):
        first = unit * PRACTICES_PER_UNIT
        made = GoodPractice.objects.bulk_create([
            GoodPractice(
                owner_partner=partners[n % len(partners)], slug=f"bench-practice-{unit}-{n}",
                title=benchtext.title("practice", first + n),
                summary=benchtext.text("practice", first + n, 30, field="summary"),
                how_it_works=benchtext.text("practice", first + n, 200, field="how"),
                problem=benchtext.text("practice", first + n, 12, field="problem"),
                results=benchtext.text("practice", first + n, 12, field="results"),
                transferability=benchtext.text("practice", first + n, 12, field="transfer"),
                organisation=benchtext.name("practice", first + n),
                funding_model=funding[n % len(funding)], level=levels[n % len(levels)],
                country=countries[n % len(countries)], language="en",
                status="published" if n % 6 else "draft",
                published_at=now - timedelta(days=n) if n % 6 else None,
            )
            for n in range(PRACTICES_PER_UNIT)
        ], batch_size=500)
        groups_through = GoodPractice.target_groups.through
        groups_through.objects.bulk_create([
            groups_through(goodpractice_id=p.pk, targetgroup_id=groups[(i + k) % len(groups)].pk)
            for i, p in enumerate(made) for k in range(2)
        ], batch_size=1000)
        sectors_through = GoodPractice.sectors.through
        sectors_through.objects.bulk_create([
            sectors_through(goodpractice_id=p.pk, sector_id=sectors[i % len(sectors)].pk)
            for i, p in enumerate(made)
        ], batch_size=1000)
        ctx.objects.setdefault("wp3_practice", made[1])
        ctx.objects.setdefault("wp3_a3s_practice", next(
            p for p in made if p.owner_partner.slug == "a3s" and p.status == "published"))


# --- The roadmap and the commitments --------------------------------------------------------------
# One unit: two phases of ten milestones in all (one public phase), fifty commitments (four in
# five confirmed, some late), one published recommendation carried by every milestone.

COMMITMENTS_PER_UNIT = 50

BENCH_PAGES += [
    BenchPage("roadmap", "sustainability:roadmap", personas=("anonymous", "member"), load=True,
              kind="dashboard"),
    BenchPage("commitments", "sustainability:commitment_list",
              personas=("anonymous", "member"), load=True),
    BenchPage("commitments filtered",
              lambda ctx: reverse("sustainability:commitment_list") + "?late=on&status=open",
              personas=("anonymous", "member")),
]


def _generate_roadmap(ctx: BenchContext, *, start: int, stop: int) -> None:
    from sustainability.models import (
        Commitment,
        CommitmentStatus,
        Milestone,
        MilestoneStatus,
        Recommendation,
        RoadmapPhase,
    )

    partners = list(ctx.partners.values())
    today = timezone.localdate()
    statuses = list(MilestoneStatus)
    for unit in range(start, stop):
        recommendation = Recommendation.objects.create(
            owner_partner=partners[0],
            title=benchtext.title("recommendation", 1_000_000 + unit),
            slug=f"bench-recommendation-{unit}", status="published", published_at=timezone.now())
        phases = [RoadmapPhase.objects.create(
            owner_partner=partners[0], title=benchtext.title("phase", unit * 2 + n, length=3),
            starts_on=today - timedelta(days=400 - n * 200),
            ends_on=today + timedelta(days=200 + n * 200), is_public=n == 0) for n in range(2)]
        milestones = Milestone.objects.bulk_create([
            Milestone(phase=phases[n % 2], owner_partner=partners[n % len(partners)],
                      title=benchtext.title("milestone", unit * 10 + n),
                      due_on=today + timedelta(days=(n - 3) * 40),
                      status=statuses[n % len(statuses)], is_public=n % 3 != 0)
            for n in range(10)])
        through = Milestone.recommendations.through
        through.objects.bulk_create([through(milestone_id=m.pk, recommendation_id=recommendation.pk)
                                     for m in milestones])
        now = timezone.now()
        Commitment.objects.bulk_create([
            Commitment(owner_partner=partners[n % len(partners)],
                       partner=partners[(n + 1) % len(partners)],
                       description=benchtext.text("commitment",
                                                  unit * COMMITMENTS_PER_UNIT + n, 12),
                       milestone=milestones[n % len(milestones)],
                       due_on=today + timedelta(days=(n % 7 - 2) * 30),
                       status=list(CommitmentStatus)[n % 4],
                       confirmed_at=now if n % 5 else None)
            for n in range(COMMITMENTS_PER_UNIT)])



# --- Long-term action plans (wt-plans) -----------------------------------------------------------
# One unit: 20 networks with a plan each (a third of them A3S's), ten actions per plan; a fifth
# of the actions are the bench member's, a fifth A3S's with no one named, some overdue.

PLANS_PER_UNIT = 20
ACTIONS_PER_PLAN = 10


def _plan(ctx: BenchContext) -> str:
    return ctx.objects["wp3_plan"].get_absolute_url()


BENCH_PAGES += [
    BenchPage("action plans", "sustainability:actionplan_list", personas=("member", "lead")),
    BenchPage("action plan", _plan, personas=("member", "coordinator"), kind="detail"),
    BenchPage("plan actions", "sustainability:planaction_list", personas=("member",)),
    BenchPage("plan actions filtered",
              lambda ctx: reverse("sustainability:planaction_list")
              + "?status=planned&overdue=on&q=fund", personas=("member",)),
]


def _generate_plans(ctx: BenchContext, *, start: int, stop: int) -> None:
    from providers.models import Network
    from sustainability.models import ActionPlan, PlanAction

    partners = list(ctx.partners.values())
    a3s = ctx.partners["a3s"]
    member = ctx.users["member"]
    today = timezone.localdate()
    for unit in range(start, stop):
        owners = [a3s if n % 3 == 0 else partners[n % len(partners)]
                  for n in range(PLANS_PER_UNIT)]
        networks = Network.objects.bulk_create([
            Network(name=benchtext.title("plan network", unit * PLANS_PER_UNIT + n, length=3)
                    + " network",
                    level="national", country="PT",
                    owner_partner=owner, representing_partner=owner)
            for n, owner in enumerate(owners)])
        plans = ActionPlan.objects.bulk_create([
            ActionPlan(title=benchtext.title("plan", unit * PLANS_PER_UNIT + n), network=network,
                       owner_partner=owner,
                       description=benchtext.text("plan", unit * PLANS_PER_UNIT + n, 12))
            for n, (network, owner) in enumerate(zip(networks, owners, strict=True))])
        PlanAction.objects.bulk_create([
            PlanAction(plan=plan,
                       description=benchtext.text(
                           "action", (unit * PLANS_PER_UNIT + n) * ACTIONS_PER_PLAN + k, 10),
                       owner=member if k % 5 == 0 else None,
                       owner_partner=None if k % 5 == 0 else (
                           a3s if k % 5 == 1 else plan.owner_partner),
                       starts_on=today - timedelta(days=30),
                       due_on=today + timedelta(days=(k * 7) - 20),
                       status=("planned", "in_progress", "done", "planned", "dropped")[k % 5],
                       progress=(k * 10) % 100)
            for n, plan in enumerate(plans) for k in range(ACTIONS_PER_PLAN)], batch_size=500)
        ctx.objects.setdefault("wp3_plan", plans[0])


# --- Expert meetings: 100 per unit (half of them past, one in five partners-only), each with two
# experts (one from the registry when there is a stakeholder) and a linked material ---------------

MEETINGS_PER_UNIT = 100


def _meeting_detail(ctx: BenchContext) -> str:
    return ctx.objects["wp3_meeting"].get_absolute_url()


BENCH_PAGES += [
    BenchPage("expert meetings", "sustainability:meeting_list",
              personas=("anonymous", "member"), load=True),
    BenchPage("expert meetings past",
              lambda ctx: reverse("sustainability:meeting_list") + "?when=past",
              personas=("anonymous", "member")),
    BenchPage("expert meeting", _meeting_detail, personas=("anonymous", "member"), load=True,
              kind="detail"),
]


def _generate_meetings(ctx: BenchContext, *, start: int, stop: int) -> None:
    from providers.models import Stakeholder
    from sustainability.models import ExpertGuest, ExpertMeeting, MeetingMaterial

    # Not the bench personas' meetings (neither their partner's nor with them taking part): the
    # home page's panel of "my next events" reads one more query when a session is among the
    # first five, so meetings crowding sessions out would change its count between scales.
    persona_partners = {m.partner_id for u in ctx.users.values() if u is not None
                        for m in u.memberships.all()}
    partners = [p for p in ctx.partners.values() if p.pk not in persona_partners]
    stakeholder = Stakeholder.objects.order_by("pk").first()
    now = timezone.now()
    for unit in range(start, stop):
        meetings = ExpertMeeting.objects.bulk_create([
            ExpertMeeting(
                owner_partner=partners[n % len(partners)],
                title=benchtext.title("meeting", unit * MEETINGS_PER_UNIT + n),
                starts_at=now + timedelta(days=n - MEETINGS_PER_UNIT // 2, hours=unit),
                ends_at=now + timedelta(days=n - MEETINGS_PER_UNIT // 2, hours=unit + 2),
                timezone="Europe/Lisbon", location="Lisbon" if n % 3 else "",
                online_url="https://meet.example.org/bench" if n % 2 else "",
                agenda="1. Funding\n2. Contracts", conclusions="Steadier income." if n % 4
                else "", is_public=bool(n % 5), language="en", is_cancelled=n % 17 == 0)
            for n in range(MEETINGS_PER_UNIT)
        ], batch_size=500)
        ExpertGuest.objects.bulk_create([
            ExpertGuest(meeting=m, name=f"Bench expert {unit}-{i}-{k}",
                        organisation="Bench institute", expertise="Public funding",
                        stakeholder=stakeholder if k else None)
            for i, m in enumerate(meetings) for k in range(2)
        ], batch_size=1000)
        MeetingMaterial.objects.bulk_create([
            MeetingMaterial(meeting=m, title="Slides", link="https://example.org/slides.pdf")
            for m in meetings
        ], batch_size=1000)
        ctx.objects.setdefault("wp3_meeting", meetings[1])


# --- Policy recommendations and their uptake ------------------------------------------------------
# One unit: 40 recommendations (three in four published) with two addressees each, and on each
# published one four uptake steps in two countries (one unit adds a country column, so the matrix
# is measured with its columns growing too).

RECOMMENDATIONS_PER_UNIT = 40


def _recommendation(ctx: BenchContext) -> str:
    return ctx.objects["wp3_recommendation"].get_absolute_url()


BENCH_PAGES += [
    BenchPage("recommendations", "sustainability:recommendation_list",
              personas=("anonymous", "member"), load=True),
    BenchPage("recommendations filtered",
              lambda ctx: reverse("sustainability:recommendation_list")
              + "?country=PT&level=national&q=contract"),
    BenchPage("recommendation", _recommendation, personas=("anonymous", "member"), load=True,
              kind="detail"),
    BenchPage("uptake matrix", "sustainability:uptake_matrix",
              personas=("anonymous", "member"), load=True),
    BenchPage("uptake steps", "sustainability:uptake_list", personas=("anonymous", "member")),
    BenchPage("my recommendations", "sustainability:recommendation_workspace",
              personas=("member", "lead")),
]


def _generate_recommendations(ctx: BenchContext, *, start: int, stop: int) -> None:
    from providers.models import Stakeholder
    from sustainability.models import AddresseeType, Recommendation, UptakeStep

    partners = list(ctx.partners.values())
    addressees = list(AddresseeType.objects.all())
    stakeholders = list(Stakeholder.objects.order_by("pk").values_list("pk", flat=True)[:50])
    countries = ["PT", "RS", "MK", "HU", "SK", "IE", "FI", "BE", "IT", "FR", "ES", "DE"]
    levels = ["local", "regional", "national", "european"]
    now = timezone.now()
    today = timezone.localdate()
    for unit in range(start, stop):
        first = unit * RECOMMENDATIONS_PER_UNIT
        made = Recommendation.objects.bulk_create([
            Recommendation(
                owner_partner=partners[n % len(partners)], slug=f"bench-recommendation-{unit}-{n}",
                title=benchtext.title("recommendation", first + n),
                summary=benchtext.text("recommendation", first + n, 30, field="summary"),
                text=benchtext.text("recommendation", first + n, 200, field="text"),
                level=levels[n % len(levels)],
                countries=[countries[n % 5], countries[(n + 1) % 5]] if n % 7 else [],
                language="en", status="published" if n % 4 else "draft",
                published_at=now - timedelta(days=n) if n % 4 else None,
            )
            for n in range(RECOMMENDATIONS_PER_UNIT)
        ], batch_size=500)
        through = Recommendation.addressees.through
        through.objects.bulk_create([
            through(recommendation_id=r.pk,
                    addresseetype_id=addressees[(i + k) % len(addressees)].pk)
            for i, r in enumerate(made) for k in range(2)
        ], batch_size=1000)
        extra_country = countries[5 + unit % (len(countries) - 5)]
        steps = []
        for i, r in enumerate(made):
            if r.status != "published":
                continue
            pair = [c.code for c in r.countries] or ["BE", extra_country]
            for k, code in enumerate(pair[:2]):
                for stage in (1, 2):
                    steps.append(UptakeStep(
                        recommendation=r, country=code, stage=stage + k,
                        date=today - timedelta(days=100 - stage * 10),
                        owner_partner=partners[i % len(partners)],
                        stakeholder_id=stakeholders[i % len(stakeholders)]
                        if stakeholders else None,
                        note="Presented and discussed."))
        UptakeStep.objects.bulk_create(steps, batch_size=1000)
        ctx.objects.setdefault("wp3_recommendation", made[1])


def generate(ctx: BenchContext, *, start: int, stop: int) -> None:
    """Each part of WP3 adds its records for units ``start`` to ``stop``."""
    for part in (_generate_practices, _generate_meetings, _generate_recommendations,
                 _generate_roadmap, _generate_plans):
        part(ctx, start=start, stop=stop)
