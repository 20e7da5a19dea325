"""Demo good practices (``manage.py`` demo command, through netw/discovery.py). Written as demo:
the organisations are invented and no real person is named."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from netw.licences import demo_licence
from netw.models import User
from netw.workflow import Status
from providers.models import Partner, Sector, TargetGroup

from .funding import seed_funding_models
from .models import FundingModel, GoodPractice
from .services import practice_save

# Practices a recommendation is grounded on (RECOMMENDATIONS below names them).
PARK_CONTRACTS = "Contratos reservados para a manutenção de parques"
SHOP_PAYS_COACHING = "Продавница половне робе која финансира подршку при запошљавању"
ESF_FIRST_YEAR = "Az első munkaév ESZA+ társfinanszírozása"
SCALED_FEES = "Členské príspevky siete odstupňované podľa obratu"
DELIVERY_VAN = "Доставно возило купено со групно финансирање"
OUTCOME_CONTRACT = "An outcome contract with the city for former offenders"

# title, partner, country, level, funding, organisation, revenue %, years, sectors, groups, status,
# language (the title and organisation are written in it; the text is PRACTICE_TEXTS[language],
# whose summaries put the article that fits these organisations' names: "A Cooperativa…",
# "Az Első…")
PRACTICES = [
    (PARK_CONTRACTS, "a3s", "PT", "local", "public-contracts",
     "Cooperativa Verde Viva", Decimal("45"), 8, ["landscaping"], ["long_term_unemployed"],
     Status.PUBLISHED, "pt"),
    (SHOP_PAYS_COACHING, "idc-serbia", "RS", "local", "sales",
     "Поново користи Београд", Decimal("60"), 5, ["retail", "recycling"], ["roma", "women"],
     Status.PUBLISHED, "sr"),
    (ESF_FIRST_YEAR, "galileo-progetti", "HU", "national", "grants-eu-funds",
     "Első Munkahely Alapítvány", Decimal("35"), 6, ["manufacturing"], ["low_skilled"],
     Status.PUBLISHED, "hu"),
    (SCALED_FEES, "asse", "SK", "national", "membership-fees",
     "Sieť sociálnych podnikov (demo)", Decimal("20"), 10, [], [], Status.PUBLISHED, "sk"),
    (DELIVERY_VAN, "cdi-macedonia", "MK", "local", "crowdfunding",
     "Кетеринг кујна Скопје", None, 2, ["catering", "logistics"], ["disability"],
     Status.PUBLISHED, "mk"),
    (OUTCOME_CONTRACT, "isen", "IE", "regional", "social-impact-investment",
     "Demo Second Chance Works", Decimal("30"), 4, ["construction"], ["ex_offenders"],
     Status.PUBLISHED, "en"),
    ("Mixing sales, fees and a foundation grant", "aff", "RO", "national", "hybrid",
     "Demo Reciclare Works", Decimal("50"), 12, ["recycling"], ["older_workers"],
     Status.SUBMITTED, "en"),
    ("Bolsa trienal de uma fundação empresarial", "a3s", "PT", "local", "philanthropy",
     "Oficina Têxtil de Lisboa", None, None, ["textile"], ["migrants"], Status.DRAFT, "pt"),
]

PRACTICE_TEXTS = {
    "en": {
        "summary": "{org} covers part of its costs through this practice, so that coaching and "
                   "training do not depend on yearly grants alone.",
        "problem": "Short project grants left the work-integration programme without money "
                   "between calls; tutors left and trainees waited.",
        "how_it_works": "- The organisation sells or contracts a service it already delivers.\n"
                        "- The margin pays for the job coach.\n"
                        "- A yearly review with the partners checks prices and quality.",
        "resources": "A manager who knows the market, a bookkeeper and one year of working "
                     "capital.",
        "results": "Income became steadier; trainees now start every month instead of twice a "
                   "year.",
        "transferability": "Works where public buyers or customers can be found nearby; needs "
                           "a legal form allowed to trade.",
    },
    "pt": {
        "summary": "A {org} cobre parte dos seus custos com esta prática, para que o "
                   "acompanhamento e a formação não dependam apenas de apoios anuais.",
        "problem": "Os financiamentos de projeto, curtos, deixavam o programa de inserção sem "
                   "verba entre candidaturas: os tutores saíam e os formandos ficavam à espera.",
        "how_it_works": "- A organização vende ou contratualiza um serviço que já presta.\n"
                        "- A margem paga o técnico de acompanhamento.\n"
                        "- Uma revisão anual com os parceiros verifica preços e qualidade.",
        "resources": "Uma gestora que conheça o mercado, um técnico de contabilidade e fundo de "
                     "maneio para um ano.",
        "results": "As receitas estabilizaram; os formandos entram agora todos os meses, e não "
                   "duas vezes por ano.",
        "transferability": "Resulta onde há compradores públicos ou clientes por perto; exige "
                           "uma forma jurídica que permita atividade comercial.",
    },
    "sr": {
        "summary": "{org} део својих трошкова покрива овом праксом, тако да подршка при "
                   "запошљавању и обука не зависе само од годишњих грантова.",
        "problem": "Кратки пројектни грантови остављали су програм радне интеграције без "
                   "средстава између два конкурса: ментори су одлазили, а полазници чекали.",
        "how_it_works": "- Организација продаје или уговара услугу коју већ пружа.\n"
                        "- Из остварене марже плаћа се радни асистент.\n"
                        "- Једном годишње се са партнерима проверавају цене и квалитет.",
        "resources": "Руководилац који познаје тржиште, књиговођа и обртна средства за годину "
                     "дана.",
        "results": "Приходи су постали стабилнији; полазници сада почињу сваког месеца, а не "
                   "два пута годишње.",
        "transferability": "Примењиво где у близини постоје јавни наручиоци или купци; потребан "
                           "је правни облик који сме да обавља привредну делатност.",
    },
    "hu": {
        "summary": "Az {org} ezzel a gyakorlattal fedezi költségei egy részét, így a "
                   "mentorálás és a képzés nem csak az éves pályázatokon múlik.",
        "problem": "A rövid projektfinanszírozás miatt a munkaerőpiaci integrációs programnak "
                   "két pályázat között nem volt forrása: a mentorok elmentek, a résztvevők "
                   "vártak.",
        "how_it_works": "- A szervezet értékesít vagy szerződésben vállal egy szolgáltatást, "
                        "amelyet már most is nyújt.\n"
                        "- A haszonból fizeti a munkahelyi mentort.\n"
                        "- Évente egyszer a partnerekkel áttekintik az árakat és a minőséget.",
        "resources": "Piacot ismerő vezető, könyvelő és egy évre elegendő forgóeszköz.",
        "results": "A bevétel kiszámíthatóbbá vált; a résztvevők most havonta kezdhetnek, nem "
                   "évente kétszer.",
        "transferability": "Ott működik, ahol a közelben vannak közbeszerzők vagy vevők; olyan "
                           "jogi forma kell hozzá, amely folytathat gazdasági tevékenységet.",
    },
    "sk": {
        "summary": "{org} touto praxou pokrýva časť svojich nákladov, aby podpora a vzdelávanie "
                   "nezáviseli len od ročných grantov.",
        "problem": "Krátke projektové granty nechávali program pracovnej integrácie medzi "
                   "výzvami bez peňazí: tútori odchádzali a účastníci čakali.",
        "how_it_works": "- Organizácia predáva alebo zmluvne poskytuje službu, ktorú už robí.\n"
                        "- Z marže platí pracovného asistenta.\n"
                        "- Raz ročne s partnermi preverí ceny a kvalitu.",
        "resources": "Manažér, ktorý pozná trh, účtovníčka a prevádzkový kapitál na jeden rok.",
        "results": "Príjmy sa ustálili; účastníci teraz nastupujú každý mesiac, nie dvakrát do "
                   "roka.",
        "transferability": "Funguje tam, kde sú nablízku verejní obstarávatelia alebo "
                           "zákazníci; vyžaduje právnu formu, ktorá smie podnikať.",
    },
    "mk": {
        "summary": "{org} дел од своите трошоци ги покрива со оваа практика, за поддршката и "
                   "обуката да не зависат само од годишни грантови.",
        "problem": "Кратките проектни грантови го оставаа програмот за работна интеграција без "
                   "средства меѓу два повика: менторите заминуваа, а учесниците чекаа.",
        "how_it_works": "- Организацијата продава или договора услуга што веќе ја нуди.\n"
                        "- Од маржата се плаќа работниот асистент.\n"
                        "- Еднаш годишно со партнерите се проверуваат цените и квалитетот.",
        "resources": "Менаџер што го познава пазарот, сметководител и обртни средства за една "
                     "година.",
        "results": "Приходите се стабилизираа; учесниците сега започнуваат секој месец, а не "
                   "двапати годишно.",
        "transferability": "Функционира таму каде што во близина има јавни набавувачи или "
                           "купувачи; потребна е правна форма што смее да врши стопанска "
                           "дејност.",
    },
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
                group_codes, status, language) in enumerate(PRACTICES):
        if GoodPractice.objects.filter(title=title).exists():
            continue
        partner = partners[slug]
        author = _person(partner)
        complete = status != Status.DRAFT
        practice = GoodPractice(
            title=title, owner_partner=partner, language=language, country=country, level=level,
            funding_model=funding[code], organisation=org, revenue_share=share,
            years_running=years, status=status, licence=demo_licence(index),
            **{name: text.format(org=org) for name, text in PRACTICE_TEXTS[language].items()
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
    seed_translations(stdout)
    seed_roadmap(stdout)
    seed_action_plans(stdout)


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

# Titles the uptake below refers to.
RESERVE_CONTRACTS = ("Reservar contratos públicos para as empresas sociais de inserção pelo "
                     "trabalho")
ESF_COFUND = "Az első támogatott munkaév társfinanszírozása az ESZA+ forrásaiból"
SOCIAL_PARTNERS = ("Recognise networks of work-based adult education providers as social "
                   "partners")
OUTCOME_COACHING = "Општините да ја плаќаат работната поддршка според постигнатите резултати"

# title, partner, level, countries, addressee codes, grounding practice titles, status, language
RECOMMENDATIONS = [
    (RESERVE_CONTRACTS, "a3s", "national", ["PT", "RS", "HU"],
     ["labour-social-ministries", "municipalities"], [PARK_CONTRACTS], Status.PUBLISHED, "pt"),
    (ESF_COFUND, "galileo-progetti", "national", ["HU", "SK", "MK"],
     ["esf-managing-authorities", "labour-social-ministries"], [ESF_FIRST_YEAR],
     Status.PUBLISHED, "hu"),
    (SOCIAL_PARTNERS, "isen", "european", [], ["eu-institutions", "parliaments"],
     [SCALED_FEES], Status.PUBLISHED, "en"),
    (OUTCOME_COACHING, "cdi-macedonia", "local", ["MK", "PT"],
     ["municipalities", "regional-authorities"], [OUTCOME_CONTRACT, DELIVERY_VAN],
     Status.PUBLISHED, "mk"),
    ("Гарантни фонд за обртна средства социјалних предузећа", "idc-serbia", "national",
     ["RS", "MK"], ["funders", "labour-social-ministries"], [SHOP_PAYS_COACHING],
     Status.SUBMITTED, "sr"),
    ("Započítať učenie sa pri práci v sociálnych podnikoch do cieľov vzdelávania dospelých",
     "asse", "national", ["SK", "HU", "PT"], ["education-ministries"], [], Status.DRAFT, "sk"),
]

# The recommendation's text in the language it is written in ({title}: its title).
RECOMMENDATION_TEXTS = {
    "en": {
        "summary": "Demo recommendation: {title}. It asks public bodies to give providers of "
                   "work-based adult education steadier funding than yearly calls.",
        "text": "## What we recommend\n\n"
                "1. Name work integration social enterprises in the relevant programme or law.\n"
                "2. Fund them over several years, with a yearly review of results.\n"
                "3. Involve their networks when the rules are written.\n\n"
                "## Why\n\nThe partners' good practices show that providers who can plan beyond "
                "one year keep their job coaches and take trainees all year round.",
    },
    "pt": {
        "summary": "Recomendação de demonstração: {title}. Pede às entidades públicas que "
                   "garantam aos promotores de formação de adultos em contexto de trabalho um "
                   "financiamento mais estável do que os avisos anuais.",
        "text": "## O que recomendamos\n\n"
                "1. Referir expressamente as empresas sociais de inserção no programa ou na "
                "lei aplicável.\n"
                "2. Financiá-las por vários anos, com uma avaliação anual de resultados.\n"
                "3. Envolver as suas redes na elaboração das regras.\n\n"
                "## Porquê\n\nAs boas práticas dos parceiros mostram que as entidades que "
                "conseguem planear para além de um ano mantêm os seus técnicos de "
                "acompanhamento e acolhem formandos durante todo o ano.",
    },
    "hu": {
        "summary": "Bemutató ajánlás: {title}. Azt kéri a közintézményektől, hogy a munkahelyi "
                   "felnőttképzést nyújtó szervezetek az éves pályázatoknál kiszámíthatóbb "
                   "finanszírozást kapjanak.",
        "text": "## Amit javaslunk\n\n"
                "1. A vonatkozó programban vagy jogszabályban nevesítsék a munkaerőpiaci "
                "integrációs szociális vállalkozásokat.\n"
                "2. Több évre szóló finanszírozást kapjanak, évenkénti eredményértékeléssel.\n"
                "3. A szabályok kidolgozásába vonják be hálózataikat.\n\n"
                "## Miért\n\nA partnerek jó gyakorlatai azt mutatják, hogy az egy évnél "
                "hosszabb távra tervezni tudó szervezetek megtartják mentoraikat, és egész "
                "évben fogadnak résztvevőket.",
    },
    "mk": {
        "summary": "Демо препорака: {title}. Од јавните институции бара на давателите на "
                   "образование за возрасни преку работа да им обезбедат постабилно "
                   "финансирање од годишните повици.",
        "text": "## Што препорачуваме\n\n"
                "1. Социјалните претпријатија за работна интеграција да се именуваат во "
                "соодветната програма или закон.\n"
                "2. Да се финансираат повеќегодишно, со годишен преглед на резултатите.\n"
                "3. Нивните мрежи да се вклучат кога се пишуваат правилата.\n\n"
                "## Зошто\n\nДобрите практики на партнерите покажуваат дека организациите што "
                "можат да планираат подолго од една година ги задржуваат работните асистенти "
                "и примаат учесници во текот на целата година.",
    },
    "sr": {
        "summary": "Демо препорука: {title}. Од јавних институција тражи да пружаоцима "
                   "образовања одраслих кроз рад обезбеде стабилније финансирање од годишњих "
                   "конкурса.",
        "text": "## Шта препоручујемо\n\n"
                "1. Социјална предузећа за радну интеграцију изричито навести у одговарајућем "
                "програму или закону.\n"
                "2. Финансирати их вишегодишње, уз годишњу процену резултата.\n"
                "3. Укључити њихове мреже у израду правила.\n\n"
                "## Зашто\n\nДобре праксе партнера показују да организације које могу да "
                "планирају дуже од годину дана задржавају радне асистенте и примају полазнике "
                "током целе године.",
    },
    "sk": {
        "summary": "Demo odporúčanie: {title}. Žiada verejné inštitúcie, aby poskytovateľom "
                   "vzdelávania dospelých pri práci zabezpečili stabilnejšie financovanie než "
                   "ročné výzvy.",
        "text": "## Čo odporúčame\n\n"
                "1. Výslovne uviesť integračné sociálne podniky v príslušnom programe alebo "
                "zákone.\n"
                "2. Financovať ich viacročne, s ročným hodnotením výsledkov.\n"
                "3. Zapojiť ich siete do tvorby pravidiel.\n\n"
                "## Prečo\n\nDobré praxe partnerov ukazujú, že organizácie, ktoré môžu plánovať "
                "na viac ako rok, si udržia pracovných asistentov a prijímajú účastníkov počas "
                "celého roka.",
    },
}

# recommendation title → steps (country, stage, days ago, reason, note)
UPTAKE = {
    RESERVE_CONTRACTS: [
        ("PT", 1, 200, "", "Presented at a hearing of the municipal association."),
        ("PT", 2, 150, "", "Discussed with the procurement office."),
        ("PT", 3, 60, "", "Endorsed by the municipal association's board."),
        ("RS", 1, 90, "", "Presented at a round table in Belgrade."),
    ],
    ESF_COFUND: [
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
    SOCIAL_PARTNERS: [
        ("BE", 1, 100, "", "Presented at a European hearing in Brussels."),
        ("MK", 2, 45, "", "Discussed with the national economic and social council."),
    ],
    OUTCOME_COACHING: [
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
    for index, (title, slug, level, codes, addressee_codes, grounding, status,
                language) in enumerate(RECOMMENDATIONS):
        if Recommendation.objects.filter(title=title).exists():
            continue
        partner = partners[slug]
        author = _person(partner)
        complete = status != Status.DRAFT
        recommendation = Recommendation(
            title=title, owner_partner=partner, language=language, level=level,
            countries=codes,
            status=status, licence=demo_licence(index + 1),
            **{name: text.format(title=title)
               for name, text in RECOMMENDATION_TEXTS[language].items()
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


# --- Translations (netw/translations.py): English versions of focus-language records and
# Hungarian / Portuguese versions of English ones, written by the translator's partner.
# Original title → (language, partner, status, title).
PRACTICE_TRANSLATIONS = {
    PARK_CONTRACTS: [("en", "a3s", Status.PUBLISHED, "Reserved contracts for park maintenance")],
    DELIVERY_VAN: [("en", "cdi-macedonia", Status.PUBLISHED, "A crowdfunded delivery van")],
    OUTCOME_CONTRACT: [("pt", "a3s", Status.PUBLISHED,
                        "Um contrato de resultados com o município para antigos reclusos")],
}
RECOMMENDATION_TRANSLATIONS = {
    RESERVE_CONTRACTS: [("en", "a3s", Status.PUBLISHED,
                         "Reserve public contracts for work integration social enterprises")],
    SOCIAL_PARTNERS: [
        ("hu", "galileo-progetti", Status.PUBLISHED,
         "A munkahelyi felnőttképzést nyújtó szervezetek hálózatainak elismerése szociális "
         "partnerként"),
        ("pt", "a3s", Status.DRAFT,
         "Reconhecer as redes de entidades de formação de adultos em contexto de trabalho como "
         "parceiros sociais"),
    ],
}


@transaction.atomic
def seed_translations(stdout) -> None:
    """The demo's translations, through the core's rules (netw.translations.translation_new) and
    the app's save services; a language the original already has is left alone."""
    from netw.translations import taken_languages, translation_new

    from .models import Recommendation
    from .services import recommendation_save

    partners = {p.slug: p for p in Partner.objects.all()}
    reviewer = User.objects.filter(email="lead.wp3@demo.net-works.eu").first()
    now = timezone.now()
    made = 0
    for model, versions_by_title, texts, save in (
            (GoodPractice, PRACTICE_TRANSLATIONS, PRACTICE_TEXTS,
             lambda record, by: practice_save(practice=record, by=by)),
            (Recommendation, RECOMMENDATION_TRANSLATIONS, RECOMMENDATION_TEXTS,
             lambda record, by: recommendation_save(recommendation=record, by=by))):
        for title, versions in versions_by_title.items():
            original = model.objects.originals().filter(title=title).first()
            if original is None:
                continue
            for language, slug, status, t_title in versions:
                if language in taken_languages(original):
                    continue
                author = _person(partners[slug])
                org = getattr(original, "organisation_name", "")
                text = {name: value.format(org=org, title=t_title)
                        for name, value in texts[language].items()}
                record = translation_new(original, language, owner_partner=partners[slug],
                                         title=t_title, **text)
                record.status = status
                if status != Status.DRAFT:
                    record.submitted_at, record.submitted_by = now - dt.timedelta(days=8), author
                if status == Status.PUBLISHED:
                    record.published_at, record.published_by = (now - dt.timedelta(days=6),
                                                                reviewer)
                save(record, author)
                made += 1
    stdout.write(f"Good practice and recommendation translations: {made} new.\n")
