"""Demo good practices (``manage.py`` demo command, through netw/discovery.py). Written as demo:
the organisations are invented and no real person is named."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from netw.models import User
from netw.workflow import Status
from providers.models import Partner, Sector, TargetGroup

from .funding import seed_funding_models
from .models import FundingModel, GoodPractice
from .services import practice_save

# title, partner, country, level, funding, organisation, revenue %, years, sectors, groups, status
PRACTICES = [
    ("Reserved contracts for park maintenance", "a3s", "PT", "local", "public-contracts",
     "Demo Green Works cooperative", Decimal("45"), 8, ["landscaping"], ["long_term_unemployed"],
     Status.PUBLISHED),
    ("A second-hand shop that pays for the coaching", "idc-serbia", "RS", "local", "sales",
     "Demo ReUse Belgrade", Decimal("60"), 5, ["retail", "recycling"], ["roma", "women"],
     Status.PUBLISHED),
    ("ESF+ co-funding of the first year of work", "galileo-progetti", "HU", "national",
     "grants-eu-funds", "Demo Work First Foundation", Decimal("35"), 6, ["manufacturing"],
     ["low_skilled"], Status.PUBLISHED),
    ("Network membership fees scaled to turnover", "asse", "SK", "national", "membership-fees",
     "Demo Slovak Network of Social Enterprises", Decimal("20"), 10, [], [], Status.PUBLISHED),
    ("A crowdfunded delivery van", "cdi-macedonia", "MK", "local", "crowdfunding",
     "Demo Skopje Catering Kitchen", None, 2, ["catering", "logistics"], ["disability"],
     Status.PUBLISHED),
    ("An outcome contract with the city for former offenders", "isen", "IE", "regional",
     "social-impact-investment", "Demo Second Chance Works", Decimal("30"), 4,
     ["construction"], ["ex_offenders"], Status.PUBLISHED),
    ("Mixing sales, fees and a foundation grant", "aff", "FI", "national", "hybrid",
     "Demo Kierrätys Works", Decimal("50"), 12, ["recycling"], ["older_workers"],
     Status.SUBMITTED),
    ("A corporate foundation's three-year grant", "a3s", "PT", "local", "philanthropy",
     "Demo Lisbon Textile Atelier", None, None, ["textile"], ["migrants"], Status.DRAFT),
]

TEXT = {
    "summary": "{org} covers part of its costs through this practice, so that coaching and "
               "training do not depend on yearly grants alone.",
    "problem": "Short project grants left the work-integration programme without money between "
               "calls; tutors left and trainees waited.",
    "how_it_works": "- The organisation sells or contracts a service it already delivers.\n"
                    "- The margin pays for the job coach.\n"
                    "- A yearly review with the partners checks prices and quality.",
    "resources": "A manager who knows the market, a bookkeeper and one year of working capital.",
    "results": "Income became steadier; trainees now start every month instead of twice a "
               "year.",
    "transferability": "Works where public buyers or customers can be found nearby; needs a "
                       "legal form allowed to trade.",
}


def _person(partner: Partner) -> User | None:
    return User.objects.filter(memberships__partner=partner).order_by("pk").first()


@transaction.atomic
def seed(stdout) -> None:
    seed_funding_models(FundingModel)
    partners = {p.slug: p for p in Partner.objects.all()}
    funding = {f.code: f for f in FundingModel.objects.all()}
    sectors = {s.code: s for s in Sector.objects.all()}
    groups = {g.code: g for g in TargetGroup.objects.all()}
    reviewer = User.objects.filter(email="lead.wp3@demo.net-works.eu").first()
    now = timezone.now()
    created = 0
    for index, (title, slug, country, level, code, org, share, years, sector_codes,
                group_codes, status) in enumerate(PRACTICES):
        if GoodPractice.objects.filter(title=title).exists():
            continue
        partner = partners[slug]
        author = _person(partner)
        complete = status != Status.DRAFT
        practice = GoodPractice(
            title=title, owner_partner=partner, language="en", country=country, level=level,
            funding_model=funding[code], organisation=org, revenue_share=share,
            years_running=years, status=status,
            **{name: text.format(org=org) for name, text in TEXT.items()
               if complete or name == "summary"},
            submitted_at=now - dt.timedelta(days=60 - index) if complete else None,
            submitted_by=author if complete else None,
            published_at=now - dt.timedelta(days=50 - index * 3)
            if status == Status.PUBLISHED else None,
            published_by=reviewer if status == Status.PUBLISHED else None,
        )
        practice_save(practice=practice, by=author, m2m={
            "sectors": [sectors[c] for c in sector_codes if c in sectors],
            "target_groups": [groups[c] for c in group_codes if c in groups]})
        created += 1
    stdout.write(f"Good practices: {created} new; {len(PRACTICES)} in the demo.\n")


# --- The roadmap and the commitments --------------------------------------------------------------
# Over the project's three years (2025–2027): four phases, eleven milestones shared out among the
# partners (done, on track, planned, and one past due that shows late), commitments of partners
# and of two demo stakeholders (confirmed or not, one late). Dates are fixed: as time passes, the
# page shows more milestones late, as it would for the real roadmap.

D = dt.date

# title, start, end, public
PHASES = [
    ("Mapping and first practices", D(2025, 1, 1), D(2025, 12, 31), True),
    ("Recommendations and commitments", D(2026, 1, 1), D(2026, 12, 31), True),
    ("Anchoring the networks", D(2027, 1, 1), D(2027, 9, 30), True),
    ("Beyond the project", D(2027, 7, 1), D(2027, 12, 31), False),
]

# title, phase, responsible partner, due, status, done on, public
MILESTONES = [
    ("Good-practice repertoire opened to the public", 0, "isen", D(2025, 6, 30), "done",
     D(2025, 6, 20), True),
    ("Financial-sustainability baseline of each national network", 0, "aff", D(2025, 10, 31),
     "done", D(2025, 11, 12), True),
    ("Expert meeting on reserved public contracts", 0, "galileo-progetti", D(2025, 12, 15),
     "done", D(2025, 12, 10), True),
    ("Policy recommendations drafted with the networks", 1, "isen", D(2026, 4, 30), "done",
     D(2026, 5, 6), True),
    ("Recommendations presented to national authorities in five countries", 1,
     "cdi-macedonia", D(2026, 9, 30), "on_track", None, True),
    ("Membership-fee model of the Serbian network adopted", 1, "idc-serbia", D(2026, 11, 15),
     "done", D(2026, 11, 10), True),
    ("Reserved-contracts pilot with two municipalities", 2, "a3s", D(2027, 3, 31), "on_track",
     None, True),
    ("Action plan of the Slovak network adopted", 2, "asse", D(2027, 5, 31), "planned", None,
     True),
    ("Partners' commitments for 2028–2030 confirmed", 2, "ensie", D(2027, 9, 15), "planned",
     None, False),
    ("Joint funding application for the networks' next steps", 3, "galileo-progetti",
     D(2027, 11, 30), "planned", None, False),
    ("Final sustainability roadmap published", 3, "isen", D(2027, 12, 15), "planned", None,
     False),
]

# name, kind, level, country, city, recording partner
DEMO_STAKEHOLDERS = [
    ("Demo Riverside municipal council", "public_authority", "local", "PT", "Porto", "a3s"),
    ("Demo regional employment office", "employment_service", "regional", "RS", "Novi Sad",
     "idc-serbia"),
]

# description, recorded by, committed partner or stakeholder (by index), due, status,
# milestone (by index), confirmed
COMMITMENTS = [
    ("Fund the Portuguese network's coordination post from membership fees until 2029.",
     "a3s", "a3s", D(2027, 6, 30), "in_progress", 6, True),
    ("Host the yearly meeting of the Serbian network in 2027 and 2028.", "idc-serbia",
     "idc-serbia", D(2027, 10, 31), "open", 5, True),
    ("Reserve two cleaning and green-space contracts a year for work-integration social "
     "enterprises.", "a3s", 0, D(2027, 3, 31), "open", 6, True),
    ("Take the recommendations into account in the next regional employment plan.",
     "idc-serbia", 1, D(2026, 10, 31), "open", 4, True),
    ("Present the recommendations to the ministry in charge of social policy.",
     "cdi-macedonia", "cdi-macedonia", D(2026, 9, 30), "kept", 4, True),
    ("Set up a mutual guarantee fund with the members of the Slovak network.", "asse", "asse",
     D(2027, 9, 30), "open", 7, False),
    ("Co-write the joint funding application for the networks' next steps.",
     "galileo-progetti", "galileo-progetti", D(2027, 11, 30), "open", 9, False),
]


@transaction.atomic
def seed_roadmap(stdout) -> None:
    from providers.models import Stakeholder

    from .models import Commitment, Milestone, Recommendation, RoadmapPhase
    from .services import commitment_save, milestone_save, phase_save

    if RoadmapPhase.objects.filter(title=PHASES[0][0]).exists():
        stdout.write("Roadmap: already there.\n")
        return
    partners = {p.slug: p for p in Partner.objects.all()}
    lead = User.objects.filter(email="lead.wp3@demo.net-works.eu").first()
    if lead is None:
        stdout.write("Roadmap: no WP3 lead among the demo users; skipped.\n")
        return
    phases = []
    for title, starts_on, ends_on, public in PHASES:
        phases.append(phase_save(phase=RoadmapPhase(
            title=title, starts_on=starts_on, ends_on=ends_on, is_public=public,
            owner_partner=partners["isen"],
            description="Written as demo: what the partners do in this part of the roadmap."),
            by=lead))
    published = list(Recommendation.objects.published().order_by("pk")[:2])
    milestones = []
    for index, (title, phase, slug, due_on, status, done_on, public) in enumerate(MILESTONES):
        milestones.append(milestone_save(milestone=Milestone(
            phase=phases[phase], title=title, owner_partner=partners[slug], due_on=due_on,
            status=status, done_on=done_on, is_public=public), by=lead,
            recommendations=published if index in (3, 4) else None))
    stakeholders = []
    for name, kind, level, country, city, slug in DEMO_STAKEHOLDERS:
        stakeholder = Stakeholder.objects.filter(name=name).first() or Stakeholder(
            name=name, kind=kind, level=level, country=country, city=city,
            owner_partner=partners[slug], created_by=_person(partners[slug]))
        stakeholder.save()
        stakeholders.append(stakeholder)
    now = timezone.now()
    for description, recorder, committer, due_on, status, milestone, confirmed in COMMITMENTS:
        author = _person(partners[recorder])
        commitment = Commitment(
            description=description, owner_partner=partners[recorder], due_on=due_on,
            status=status, milestone=milestones[milestone],
            partner=partners[committer] if isinstance(committer, str) else None,
            stakeholder=stakeholders[committer] if isinstance(committer, int) else None,
            confirmed_at=now if confirmed else None, confirmed_by=lead if confirmed else None)
        commitment_save(commitment=commitment, by=author or lead)
    stdout.write(f"Roadmap: {len(PHASES)} phases, {len(MILESTONES)} milestones, "
                 f"{len(COMMITMENTS)} commitments.\n")


_seed_before_roadmap = seed


def seed(stdout) -> None:  # noqa: F811
    _seed_before_roadmap(stdout)
    seed_roadmap(stdout)
    seed_action_plans(stdout)  # wt-plans


# --- Long-term action plans (wt-plans) -----------------------------------------------------------

# The focus countries' demo networks (providers/demo.py), by acronym, with their plan's actions:
# description, owner ("person": the partner's demo member; "partner": no one named yet; or
# another partner's slug), starts (days from today), due (days from today), status, progress.
# The first action of each plan is overdue.
PLANS = {
    "MSZVH": ("Hungarian network: members who stay", [
        ("Agree the membership fee scale with the founding members", "person", -120, -10,
         "in_progress", 60),
        ("Map the ESF+ calls the network's members can answer together", "partner", -30, 45,
         "planned", 0),
        ("Publish a yearly report of the members' jobs and trainees", "person", 0, 200,
         "planned", 0),
        ("Visit an established network to learn how it funds its office", "aff", -60, 90,
         "in_progress", 30),
    ]),
    "МСП": ("North Macedonian network: a secretariat that pays its way", [
        ("Register the network as an association", "person", -200, -20, "in_progress", 80),
        ("Sign a service contract with the municipality of Skopje for catering", "partner",
         -40, 120, "planned", 10),
        ("Train two members in public procurement with reserved contracts", "person", -90, -30,
         "done", 100),
    ]),
    "RPEI": ("Portuguese network: beyond the project", [
        ("Propose a reserved-contracts clause to three municipalities", "person", -150, -5,
         "in_progress", 50),
        ("Share the park maintenance practice with the other networks", "partner", -20, 60,
         "planned", 0),
        ("Find a corporate foundation for the coaching of the first year", "person", 0, 180,
         "planned", 0),
        ("Hold the network's first members' assembly after the project", "partner", 100, 300,
         "planned", 0),
        ("Translate the guidebook on external communication", "isen", -60, -1, "done", 100),
    ]),
    "KSES": ("Serbian coalition: a plan for the next five years", [
        ("Collect the members' yearly figures for the advocacy file", "person", -80, -15,
         "planned", 20),
        ("Meet the Ministry of Labour on the social enterprise law", "partner", -10, 75,
         "in_progress", 25),
        ("Open a second-hand shop network with two members", "person", 30, 240, "planned", 0),
    ]),
    "SSPS": ("Slovak network: fees, services and a voice", [
        ("Adopt membership fees scaled to turnover", "partner", -100, -7, "in_progress", 70),
        ("Offer bookkeeping to members as a paid service", "person", -30, 150, "planned", 5),
        ("Present the policy recommendations to the regional authorities", "person", 20, 210,
         "planned", 0),
        ("Join the European network's working group on funding", "ensie", -200, -100, "done",
         100),
    ]),
}


@transaction.atomic
def seed_action_plans(stdout) -> None:
    """One long-term plan per focus-country demo network, written by the partner that represents
    it, with three to five actions; linked to a roadmap milestone or a recommendation only when
    the demo has some (others seed those)."""
    from providers.models import Network

    from .models import ActionPlan, Milestone, PlanAction, Recommendation
    from .services import plan_action_save, plan_save

    partners = {p.slug: p for p in Partner.objects.all()}
    milestone = Milestone.objects.order_by("due_on", "pk").first()
    recommendation = Recommendation.objects.order_by("pk").first()
    today = timezone.localdate()
    created = 0
    for acronym, (title, actions) in PLANS.items():
        network = Network.objects.filter(acronym=acronym).select_related(
            "representing_partner").first()
        if network is None or network.representing_partner is None or ActionPlan.objects.filter(
                network=network).exists():
            continue
        partner = network.representing_partner
        author = _person(partner)
        plan = plan_save(plan=ActionPlan(
            title=title, network=network, owner_partner=partner,
            description=f"What {network.name} will do to last after the project: its income, "
                        "its members and its voice. A demo plan."), by=author)
        for index, (text, owner, start, due, status, progress) in enumerate(actions):
            owner_partner = partners.get(owner) if owner not in ("person", "partner") else partner
            person = author if owner == "person" else (
                _person(owner_partner) if owner not in ("person", "partner") else None)
            plan_action_save(action=PlanAction(
                plan=plan, description=text, owner=person, owner_partner=owner_partner,
                starts_on=today + dt.timedelta(days=start), due_on=today + dt.timedelta(days=due),
                status=status, progress=progress,
                milestone=milestone if index == 1 else None,
                recommendation=recommendation if index == 2 else None), by=author)
        created += 1
    stdout.write(f"Action plans: {created} new; {len(PLANS)} in the demo.\n")
