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
    presented = _present_at_dissemination()
    stdout.write(f"Good practices: {created} new; {len(PRACTICES)} in the demo; "
                 f"{presented} presented at a recorded activity.\n")
    seed_meetings(stdout)
    seed_recommendations(stdout)
    seed_action_plans(stdout)


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


# --- Expert meetings: one past (minutes, conclusions, guests, a stakeholder), one coming ---------
# Written directly, as WP2's demo roundtables are: seeding sends nobody an invitation.

MEETINGS = [
    {
        "title": "Demo expert meeting: public procurement and reserved contracts",
        "partner": "isen", "days": -40, "hours": 3, "tz": "Europe/Dublin",
        "location": "Dublin, demo venue", "online_url": "",
        "description": "Partners and outside experts look at how reserved contracts and social "
                       "clauses can give work integration social enterprises steadier income.",
        "agenda": "1. Where reserved contracts are used today\n2. What keeps public buyers "
                  "from using them\n3. What the roadmap should ask for",
        "minutes": "- The experts described reserved contracts in three countries.\n"
                   "- Buyers lack examples of tenders they can copy.\n"
                   "- Networks could keep a shared library of clauses.",
        "conclusions": "Public buyers need **model tender clauses** and a contact person in "
                       "each network; the partners will draft a recommendation to the managing "
                       "authorities.",
        "guests": [
            {"name": "Demo Expert One", "organisation": "Demo Public Procurement Office",
             "expertise": "Social clauses in public tenders"},
            {"name": "Demo Expert Two", "organisation": "Demo University, social economy "
             "research", "expertise": "Evaluation of work integration", "email": ""},
        ],
    },
    {
        "title": "Demo expert meeting: blended finance for social enterprises",
        "partner": "isen", "days": 21, "hours": 2, "tz": "Europe/Lisbon",
        "location": "Lisbon, demo meeting room",
        "online_url": "https://meet.example.org/net-works-expert-meeting",
        "description": "How loans, grants and social impact investment can be combined for "
                       "the first years of a new work integration enterprise.",
        "agenda": "1. Blended finance in practice\n2. What investors ask of WISEs\n"
                  "3. Questions from the partners",
        "minutes": "", "conclusions": "",
        "guests": [
            {"name": "Demo Expert Three", "organisation": "Demo Social Investment Fund",
             "expertise": "Impact investment", "email": "expert.three@example.org"},
        ],
    },
]


@transaction.atomic
def seed_meetings(stdout) -> None:
    import zoneinfo

    from providers.models import Stakeholder

    from .models import ExpertGuest, ExpertMeeting

    partners = {p.slug: p for p in Partner.objects.all()}
    lead = User.objects.filter(email="lead.wp3@demo.net-works.eu").first()
    participants = list(User.objects.filter(memberships__isnull=False).distinct()
                        .order_by("pk")[:4])
    stakeholder = Stakeholder.objects.order_by("pk").first()
    created = 0
    for spec in MEETINGS:
        if ExpertMeeting.objects.filter(title=spec["title"]).exists():
            continue
        partner = partners[spec["partner"]]
        author = lead or _person(partner)
        local = (timezone.now().astimezone(zoneinfo.ZoneInfo(spec["tz"]))
                 + dt.timedelta(days=spec["days"])).replace(hour=10, minute=0, second=0,
                                                            microsecond=0)
        meeting = ExpertMeeting.objects.create(
            title=spec["title"], owner_partner=partner, starts_at=local,
            ends_at=local + dt.timedelta(hours=spec["hours"]), timezone=spec["tz"],
            location=spec["location"], online_url=spec["online_url"], language="en",
            description=spec["description"], agenda=spec["agenda"], minutes=spec["minutes"],
            conclusions=spec["conclusions"], is_public=True, created_by=author,
            updated_by=author)
        meeting.participants.set(participants)
        for guest in spec["guests"]:
            # As if the invitation had gone out (the demo sends nothing).
            ExpertGuest.objects.create(meeting=meeting, **guest, invited_at=timezone.now()
                                       if guest.get("email") else None)
        if spec["days"] < 0 and stakeholder is not None:
            ExpertGuest.objects.create(meeting=meeting, stakeholder=stakeholder,
                                       expertise="Funding programmes for social enterprises")
        created += 1
    stdout.write(f"Expert meetings: {created} new; {len(MEETINGS)} in the demo.\n")




# --- Policy recommendations and their uptake ------------------------------------------------------

# title, partner, level, countries, addressee codes, grounding practice titles, status
RECOMMENDATIONS = [
    ("Reserve public contracts for work integration social enterprises", "a3s", "national",
     ["PT", "RS", "HU"], ["labour-social-ministries", "municipalities"],
     ["Reserved contracts for park maintenance"], Status.PUBLISHED),
    ("Co-fund the first year of supported work from the ESF+", "galileo-progetti", "national",
     ["HU", "SK", "MK"], ["esf-managing-authorities", "labour-social-ministries"],
     ["ESF+ co-funding of the first year of work"], Status.PUBLISHED),
    ("Recognise networks of work-based adult education providers as social partners", "isen",
     "european", [], ["eu-institutions", "parliaments"],
     ["Network membership fees scaled to turnover"], Status.PUBLISHED),
    ("Let municipalities pay for job coaching by its outcomes", "cdi-macedonia", "local",
     ["MK", "PT"], ["municipalities", "regional-authorities"],
     ["An outcome contract with the city for former offenders", "A crowdfunded delivery van"],
     Status.PUBLISHED),
    ("A guarantee fund for the working capital of social enterprises", "idc-serbia", "national",
     ["RS", "MK"], ["funders", "labour-social-ministries"],
     ["A second-hand shop that pays for the coaching"], Status.SUBMITTED),
    ("Count learning at work in social enterprises towards adult learning targets", "asse",
     "national", ["SK", "HU", "PT"], ["education-ministries"], [], Status.DRAFT),
]

RECOMMENDATION_TEXT = {
    "summary": "Demo recommendation: {title}. It asks public bodies to give providers of "
               "work-based adult education steadier funding than yearly calls.",
    "text": "## What we recommend\n\n"
            "1. Name work integration social enterprises in the relevant programme or law.\n"
            "2. Fund them over several years, with a yearly review of results.\n"
            "3. Involve their networks when the rules are written.\n\n"
            "## Why\n\nThe partners' good practices show that providers who can plan beyond "
            "one year keep their job coaches and take trainees all year round.",
}

# recommendation title → steps (country, stage, days ago, reason, note)
UPTAKE = {
    "Reserve public contracts for work integration social enterprises": [
        ("PT", 1, 200, "", "Presented at a hearing of the municipal association."),
        ("PT", 2, 150, "", "Discussed with the procurement office."),
        ("PT", 3, 60, "", "Endorsed by the municipal association's board."),
        ("RS", 1, 90, "", "Presented at a round table in Belgrade."),
    ],
    "Co-fund the first year of supported work from the ESF+": [
        ("HU", 1, 300, "", "Presented to the managing authority."),
        ("HU", 2, 240, "", "Discussed in the monitoring committee."),
        ("HU", 3, 180, "", "Endorsed in the committee's opinion."),
        ("HU", 4, 40, "", "A call of the programme now co-funds the first year of work."),
        ("SK", 1, 260, "", "Presented to the ministry."),
        ("SK", 3, 120, "", "Endorsed by the ministry's working group."),
        ("SK", 2, 20, "The new ministry leadership withdrew the working group's endorsement "
                      "until the programme is reviewed; it is being discussed again.",
         "Back on the working group's agenda."),
    ],
    "Recognise networks of work-based adult education providers as social partners": [
        ("BE", 1, 100, "", "Presented at a European hearing in Brussels."),
        ("MK", 2, 45, "", "Discussed with the national economic and social council."),
    ],
    "Let municipalities pay for job coaching by its outcomes": [
        ("MK", 1, 30, "", "Presented to the city council's social committee."),
    ],
}


@transaction.atomic
def seed_recommendations(stdout) -> None:
    from datetime import timedelta

    from methodologies.models import Methodology
    from providers.models import Stakeholder

    from .models import AddresseeType, Recommendation, UptakeStep
    from .services import recommendation_save, uptake_step_record

    partners = {p.slug: p for p in Partner.objects.all()}
    addressees = {a.code: a for a in AddresseeType.objects.all()}
    practices = {p.title: p for p in GoodPractice.objects.published()}
    methodologies = list(Methodology.objects.published().order_by("pk")[:2])
    reviewer = User.objects.filter(email="lead.wp3@demo.net-works.eu").first()
    today = timezone.localdate()
    now = timezone.now()
    created = 0
    for index, (title, slug, level, codes, addressee_codes, grounding, status) in enumerate(
            RECOMMENDATIONS):
        if Recommendation.objects.filter(title=title).exists():
            continue
        partner = partners[slug]
        author = _person(partner)
        complete = status != Status.DRAFT
        recommendation = Recommendation(
            title=title, owner_partner=partner, language="en", level=level, countries=codes,
            status=status,
            **{name: text.format(title=title) for name, text in RECOMMENDATION_TEXT.items()
               if complete or name == "summary"},
            submitted_at=now - dt.timedelta(days=320 - index) if complete else None,
            submitted_by=author if complete else None,
            published_at=now - dt.timedelta(days=310 - index * 5)
            if status == Status.PUBLISHED else None,
            published_by=reviewer if status == Status.PUBLISHED else None,
        )
        recommendation = recommendation_save(recommendation=recommendation, by=author, m2m={
            "addressees": [addressees[c] for c in addressee_codes if c in addressees],
            "good_practices": [practices[t] for t in grounding if t in practices],
            "methodologies": methodologies[index % 2:index % 2 + 1] if complete else [],
        })
        created += 1
        for code, stage, days_ago, reason, note in UPTAKE.get(title, []):
            recorder_partner = (Partner.objects.filter(country=code).first()
                                or partners["isen"])
            recorder = _person(recorder_partner) or author
            uptake_step_record(step=UptakeStep(
                recommendation=recommendation, country=code, stage=stage,
                date=today - timedelta(days=days_ago), reason=reason, note=note,
                stakeholder=Stakeholder.objects.filter(country=code).order_by("pk").first(),
                owner_partner=recorder_partner), by=recorder)
    stdout.write(f"Policy recommendations: {created} new; {len(RECOMMENDATIONS)} in the demo.\n")




def _present_at_dissemination() -> int:
    """Link the first published practices to activities of the dissemination log (WP2's demo
    seeds them first), as their partners would after presenting them."""
    from methodologies.models import DisseminationActivity

    activities = list(DisseminationActivity.objects.order_by("date", "pk")[:4])
    if not activities:
        return 0
    practices = GoodPractice.objects.published().order_by("title")[:3]
    for index, practice in enumerate(practices):
        practice.presented_at.add(*activities[index:index + 2])
    return len(practices)
