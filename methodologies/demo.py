"""Demo records of work package 2: methodologies in every state, roundtables, publications with
language versions, dissemination activities. Safe to run again: records are found by their slug
or title and left as they are."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from netw.models import User
from netw.workflow import Status
from providers.models import Partner, Sector, TargetGroup

from .models import (
    DisseminationActivity,
    Methodology,
    Publication,
    PublicationFile,
    Roundtable,
)
from .services import unique_slug

# title, country, partner, target groups, sectors, setting, duration, language, status, summary,
# organisation of origin
METHODOLOGIES = [
    ("Learning by producing in a social bakery", "PT", "a3s", ["long-term-unemployed"],
     ["agriculture-food", "hospitality"], "on_the_job", "9 months", "pt", "published",
     "Trainees bake and sell bread for real customers, coached by a master baker who is also "
     "a trained work tutor.", "Padaria Solidária, Porto"),
    ("Work tutor certification for social enterprises", "IT", "galileo-progetti",
     ["disabilities", "long-term-unemployed"], ["manufacturing", "cleaning"], "mixed",
     "60 hours", "it", "published",
     "A short course that turns experienced workers into certified tutors who plan, observe "
     "and assess learning at the workplace.", "Consorzio Sociale Veneto"),
    ("Skills passport for Roma jobseekers", "RS", "idc-serbia", ["roma", "low-skilled"],
     ["construction", "recycling"], "on_the_job", "6 months", "sr", "published",
     "A portfolio that records what each trainee can do on site, recognised by three "
     "municipal employment offices.", "Romski Centar Niš"),
    ("Green jobs in municipal recycling", "MK", "cdi-macedonia", ["long-term-unemployed"],
     ["recycling"], "on_the_job", "12 months", "mk", "published",
     "Sorting and repair work in a municipal recycling yard, with weekly classroom sessions on "
     "safety and customer service.", "Eko Skopje"),
    ("Second-hand shop as a training ground", "SK", "asse", ["women-returners", "low-skilled"],
     ["logistics-retail", "textiles-crafts"], "on_the_job", "6 months", "sk", "published",
     "Women returning to work learn retail, stock and till handling in a charity shop run as a "
     "social enterprise.", "Dobrý obchod Košice"),
    ("Garden cooperatives for young people", "HU", "galileo-progetti", ["young-neet"],
     ["agriculture-food"], "mixed", "1 season", "hu", "published",
     "Young people not in work or school run a market garden together, with a mentor and "
     "weekly lessons in basic accounting.", "Kert Szövetkezet Pécs"),
    ("Peer mentoring between former and new trainees", "BE", "ensie",
     ["long-term-unemployed", "ex-offenders"], ["cleaning", "care"], "on_the_job", "ongoing",
     "fr", "published",
     "Former trainees now employed mentor newcomers during their first three months, paid for "
     "two hours a week.", "Groupe Terre, Liège"),
    ("Catering school restaurant", "PT", "a3s", ["migrants-refugees", "young-neet"],
     ["hospitality"], "mixed", "10 months", "pt", "published",
     "A restaurant open to the public where trainees rotate between kitchen and service, with "
     "Portuguese classes built around the menu.", "Cozinha Comum, Lisboa"),
    ("Language at work for refugees", "IT", "galileo-progetti", ["migrants-refugees"],
     ["care", "hospitality"], "mixed", "4 months", "it", "published",
     "Italian taught on the job with phrase cards per workstation and a colleague who checks "
     "understanding every day.", "Cooperativa Il Ponte, Padova"),
    ("Printing workshop with supported employment", "RS", "idc-serbia", ["disabilities"],
     ["manufacturing"], "on_the_job", "open-ended", "sr", "published",
     "A print shop employing people with intellectual disabilities, with a job coach who "
     "breaks every order into learnable steps.", "Štamparija Plus, Beograd"),
    ("Renovation teams for energy efficiency", "SK", "asse", ["long-term-unemployed", "roma"],
     ["construction"], "on_the_job", "8 months", "sk", "published",
     "Mixed teams insulate social housing; each trainee earns a recognised partial "
     "qualification in building works.", "Stavebná sociálna firma Prešov"),
    ("Digital skills through refurbishing computers", "HU", "galileo-progetti",
     ["low-skilled", "older-workers"], ["digital", "recycling"], "mixed", "5 months", "hu",
     "published",
     "Jobseekers over fifty refurbish donated laptops and learn digital skills by testing "
     "every machine they repair.", "Digitális Híd Egyesület, Budapest"),
    ("Laundry service with integrated counselling", "BE", "ensie", ["homeless"], ["cleaning"],
     "on_the_job", "6 months", "fr", "published",
     "An industrial laundry where a social worker is part of the team and meets trainees "
     "during working hours.", "Lavoir Social, Bruxelles"),
    ("Farm-to-table apprenticeships", "MK", "cdi-macedonia", ["young-neet", "roma"],
     ["agriculture-food", "hospitality"], "on_the_job", "9 months", "mk", "published",
     "Apprentices follow produce from field to plate, working on a farm and in its restaurant "
     "in alternate weeks.", "Zadruga Ohrid"),
    ("Care assistants trained in small groups", "PT", "a3s", ["women-returners"], ["care"],
     "classroom", "300 hours", "pt", "published",
     "Classroom modules alternate with supervised placements in day centres for older "
     "people; groups of eight keep the pace personal.", "Santa Casa de Braga"),
    ("Job carving with local employers", "IT", "galileo-progetti", ["disabilities"],
     ["logistics-retail"], "on_the_job", "3 months", "en", "published",
     "A job coach studies a company's tasks and carves a job out of them that fits one "
     "trainee's strengths.", "Fondazione Lavoro Insieme, Bologna"),
    ("Bicycle repair and rental", "SK", "asse", ["young-neet"], ["manufacturing"],
     "on_the_job", "6 months", "sk", "published",
     "Young people repair bicycles and run a rental point in the city centre, learning "
     "mechanics and customer service.", "Bicykel Bratislava"),
    ("Reintegration after prison through woodwork", "HU", "galileo-progetti",
     ["ex-offenders"], ["textiles-crafts", "manufacturing"], "on_the_job", "12 months", "hu",
     "published",
     "A carpentry workshop starts inside prison and continues outside, with the same "
     "instructor before and after release.", "Fa-Műhely Alapítvány, Szeged"),
    ("Social supermarket logistics training", "RS", "idc-serbia", ["long-term-unemployed"],
     ["logistics-retail"], "mixed", "5 months", "sr", "published",
     "Warehouse and shelf work in a social supermarket with a forklift licence at the end.",
     "Solidarni Market, Novi Sad"),
    ("Cleaning teams with modular certificates", "BE", "ensie", ["low-skilled"],
     ["cleaning"], "mixed", "7 months", "en", "published",
     "Each module of the professional cleaning qualification is validated on the job by an "
     "external assessor.", "Net-Clean Coopérative, Namur"),
    ("Tourism guides from the community", "MK", "cdi-macedonia", ["young-neet"],
     ["hospitality"], "mixed", "4 months", "en", "published",
     "Young people train as local guides, designing tours of their own neighbourhood with a "
     "tourism agency.", "Patuvaj Lokalno, Bitola"),
    ("Call-centre skills for people with visual impairments", "PT", "a3s", ["disabilities"],
     ["digital"], "classroom", "3 months", "pt", "submitted",
     "Screen-reader based training for customer-service jobs, ending with a paid placement.",
     "Acessível Contact, Coimbra"),
    ("Upcycling textiles with migrant women", "IT", "galileo-progetti", ["migrants-refugees",
     "women-returners"], ["textiles-crafts"], "on_the_job", "8 months", "it", "submitted",
     "A tailoring workshop turns donated clothes into new products sold online and at "
     "markets.", "Sartoria Migrante, Torino"),
    ("Kitchen brigade for homeless people", "SK", "asse", ["homeless"], ["hospitality"],
     "on_the_job", "6 months", "sk", "submitted",
     "A soup kitchen run by its own trainees, who move up the brigade as they gain skills.",
     "Polievka pre všetkých, Žilina"),
    ("Forestry crews in rural municipalities", "RS", "idc-serbia", ["long-term-unemployed"],
     ["agriculture-food"], "on_the_job", "9 months", "sr", "draft",
     "Seasonal forestry work with chainsaw certification and first-aid training.", ""),
    ("Mobile repair café", "HU", "galileo-progetti", ["older-workers"], ["recycling"],
     "mixed", "", "hu", "draft",
     "A van that visits villages; trainees repair appliances with residents.", ""),
    ("Hotel housekeeping academy", "PT", "a3s", ["migrants-refugees"], ["hospitality",
     "cleaning"], "", "", "pt", "draft",
     "Partnership with three hotels in the Algarve (to be completed).", ""),
]

# The demo's short names → the registry's codes (providers.vocabulary).
TARGET_GROUP_CODES = {
    "long-term-unemployed": "long_term_unemployed", "young-neet": "neet",
    "migrants-refugees": "migrants", "disabilities": "disability", "roma": "roma",
    "older-workers": "older_workers", "low-skilled": "low_skilled",
    "ex-offenders": "ex_offenders", "women-returners": "women", "homeless": "homeless",
}
SECTOR_CODES = {
    "agriculture-food": "agriculture", "hospitality": "hospitality",
    "construction": "construction", "recycling": "recycling", "logistics-retail": "retail",
    "textiles-crafts": "textile", "care": "care", "cleaning": "cleaning", "digital": "digital",
    "manufacturing": "manufacturing",
}

BODY = (
    "## How it works\n\n"
    "- **Recruitment:** candidates are referred by the public employment service and social "
    "services, then meet the team for a trial week.\n"
    "- **Learning at work:** each trainee has an individual learning plan reviewed monthly with "
    "the tutor.\n"
    "- **Support:** a social worker helps with housing, childcare and paperwork.\n\n"
    "The methodology was developed by {origin} and shared through the Net-Works roundtables."
)
PROBLEM = ("People far from the labour market learn little in courses disconnected from real "
           "work, and employers hesitate to hire them without proof of what they can do.")
EVIDENCE = ("Of the last three cohorts, about two thirds found a job or entered further "
            "training within twelve months; trainees' self-confidence scores rose on average by "
            "a third (own monitoring, {year}).")
TRANSFER = ("Needs a real production activity with customers, one tutor for every six "
            "trainees, and a partnership with the local employment office. Start with a "
            "pilot group of eight.\n\n1. Train the tutors.\n2. Map the tasks.\n"
            "3. Agree on recognition of skills with a certification body.")

ROUNDTABLES = [
    # title, theme, partner, days from now, hours, timezone, place, public, conclusions
    ("Roundtable: tutoring at the workplace", "How work tutors plan and assess learning",
     "galileo-progetti", -150, 3, "Europe/Rome", "Padova, Galileo Progetti", True,
     "Tutors need protected time; a shared certification of tutors would help transfer."),
    ("Roundtable: recognising skills learnt at work", "Portfolios, passports and partial "
     "qualifications", "idc-serbia", -60, 3, "Europe/Belgrade", "Belgrade, IDC office", True,
     "Skills passports work when employment offices take part from the start."),
    ("Roundtable: methodologies for young people not in work or school", "Youth and "
     "work-based learning", "asse", 25, 3, "Europe/Bratislava", "Bratislava", True, ""),
    ("Partners' preparation meeting for the inventory", "Choosing what enters the inventory",
     "galileo-progetti", 40, 2, "Europe/Rome", "", False, ""),
]

GUIDEBOOK_LANGUAGES = ["en", "pt", "sr", "mk", "hu", "sk", "it"]

ACTIVITIES = [
    # kind, days ago, title, channel, audience, reached, country, partner, language
    ("event", 200, "Presentation of Net-Works at the ENSIE annual conference",
     "ENSIE annual conference", "social_economy", 180, "BE", "ensie", "en"),
    ("social", 190, "Launch post for the methodology inventory", "LinkedIn", "providers", 2400,
     "", "ensie", "en"),
    ("article", 170, "Interview on work integration in Portugal", "Público newspaper",
     "general", 15000, "PT", "a3s", "pt"),
    ("newsletter", 160, "Newsletter: first roundtable results", "A3S newsletter",
     "providers", 900, "PT", "a3s", "pt"),
    ("workshop", 140, "Workshop with municipal employment offices", "Niš city hall",
     "policy", 35, "RS", "idc-serbia", "sr"),
    ("press", 120, "Press release on the study visit to Italy", "National press agency",
     "media", 60, "MK", "cdi-macedonia", "mk"),
    ("video", 100, "Video portrait of a social bakery trainee", "YouTube", "general", 5200,
     "PT", "a3s", "pt"),
    ("event", 90, "Stand at the social economy fair", "Social economy fair Budapest",
     "general", 400, "HU", "galileo-progetti", "hu"),
    ("website", 80, "Methodology pages translated into Slovak", "asse.sk", "providers", 1300,
     "SK", "asse", "sk"),
    ("social", 70, "Campaign: #WorkBasedLearningWorks", "Facebook and Instagram", "learners",
     8100, "", "galileo-progetti", "en"),
    ("event", 60, "Hearing at the Ministry of Labour", "Ministry of Labour, Skopje", "policy",
     25, "MK", "cdi-macedonia", "mk"),
    ("article", 45, "Column on financing social enterprises", "Social economy magazine",
     "funders", 3000, "IT", "galileo-progetti", "it"),
    ("workshop", 30, "Training for communication officers of member networks", "Online",
     "providers", 48, "", "isen", "en"),
    ("newsletter", 20, "Guidebook on external communication announced", "ENSIE newsletter",
     "social_economy", 3500, "", "ensie", "en"),
    ("event", 10, "Panel at the European Vocational Skills Week", "EU Vocational Skills Week",
     "policy", 250, "BE", "ensie", "en"),
]


def _pdf(title: str) -> bytes:
    """A small, valid one-page PDF whose page shows ``title``."""
    text = title.replace("\\", "").replace("(", "").replace(")", "")
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def _person(partner: Partner) -> User | None:
    return User.objects.filter(memberships__partner=partner).order_by("pk").first()


@transaction.atomic
def seed(stdout) -> None:
    partners = {p.slug: p for p in Partner.objects.all()}
    reviewer = User.objects.filter(email="lead.wp2@demo.net-works.eu").first()
    groups = {g.code: g for g in TargetGroup.objects.all()}
    sectors = {s.code: s for s in Sector.objects.all()}
    now = timezone.now()
    created = 0
    made: list[Methodology] = []
    for index, (title, country, slug, target, sector, setting, duration, language, status,
                summary, origin) in enumerate(METHODOLOGIES):
        partner = partners[slug]
        author = _person(partner)
        methodology, was_created = Methodology.objects.get_or_create(
            title=title,
            defaults={
                "slug": unique_slug(Methodology, title),
                "owner_partner": partner, "created_by": author, "updated_by": author,
                "language": language, "country": country, "summary": summary,
                "body": BODY.format(summary=summary, origin=origin or partner.name)
                if status != "draft" else summary,
                "problem": PROBLEM, "learning_setting": setting, "duration": duration,
                "origin_organisation": origin,
                "evidence": EVIDENCE.format(year=2025) if status != "draft" else "",
                "transfer": TRANSFER if status != "draft" else "",
                "resources": "- [Net-Works project](https://www.ensie.org)" if index % 3 == 0
                else "",
                "status": status,
                "submitted_at": now - dt.timedelta(days=100 - index) if status != "draft"
                else None,
                "submitted_by": author if status != "draft" else None,
                "published_at": now - dt.timedelta(days=90 - index * 3)
                if status == Status.PUBLISHED else None,
                "published_by": reviewer if status == Status.PUBLISHED else None,
            },
        )
        if was_created:
            created += 1
            methodology.target_groups.set([groups[TARGET_GROUP_CODES[c]] for c in target])
            methodology.sectors.set([sectors[SECTOR_CODES[c]] for c in sector])
        made.append(methodology)
    published = [m for m in made if m.status == Status.PUBLISHED]
    for a, b in ((0, 7), (1, 15), (2, 10), (4, 12), (5, 13), (3, 11)):
        made[a].related.add(made[b])

    for title, theme, slug, days, hours, tz, place, public, conclusions in ROUNDTABLES:
        partner = partners[slug]
        local = (timezone.now().astimezone(zoneinfo.ZoneInfo(tz)) + dt.timedelta(days=days)
                 ).replace(hour=10, minute=0, second=0, microsecond=0)
        roundtable, was_created = Roundtable.objects.get_or_create(
            title=title,
            defaults={"theme": theme, "owner_partner": partner, "starts_at": local,
                      "ends_at": local + dt.timedelta(hours=hours), "timezone": tz,
                      "location": place, "online_url": "" if place else
                      "https://meet.example.org/net-works-partners",
                      "is_public": public, "conclusions": conclusions,
                      "created_by": _person(partner),
                      "description": f"A roundtable on **{theme.lower()}**, open to the "
                                     "partners' member providers."},
        )
        if was_created:
            roundtable.methodologies.set(published[len(title) % 5: len(title) % 5 + 3])
            roundtable.participants.set(User.objects.filter(memberships__isnull=False)
                                        .distinct()[:6])
            if conclusions:
                roundtable.outcomes.set(published[:2])

    guidebook, was_created = Publication.objects.get_or_create(
        slug="guidebook-external-communication",
        defaults={
            "title": "Guidebook on external communication for work-based education providers",
            "kind": "guidebook", "language": "en", "owner_partner": partners["galileo-progetti"],
            "summary": "How providers and their networks can tell their story to public "
                       "authorities, employers, the media and the public: messages, channels, "
                       "campaigns and measuring their effect, with examples from the partners.",
            "issued_on": dt.date(2026, 3, 1), "status": Status.PUBLISHED,
            "published_at": now - dt.timedelta(days=20), "published_by": reviewer,
            "created_by": reviewer,
        },
    )
    if was_created:
        for language in GUIDEBOOK_LANGUAGES:
            content = _pdf(f"Guidebook on external communication ({language})")
            version = PublicationFile(publication=guidebook, language=language,
                                      size=len(content), uploaded_by=reviewer)
            version.file.save(f"guidebook-{language}.pdf", ContentFile(content), save=True)
    Publication.objects.get_or_create(
        slug="inventory-report-2026",
        defaults={"title": "The methodology inventory: what the partners learnt",
                  "kind": "report", "language": "en", "owner_partner": partners["ensie"],
                  "summary": "A first reading of the inventory (draft).",
                  "status": Status.DRAFT},
    )

    for kind, days, title, channel, audience, reached, country, slug, language in ACTIVITIES:
        DisseminationActivity.objects.get_or_create(
            title=title,
            defaults={"kind": kind, "date": timezone.localdate() - dt.timedelta(days=days),
                      "channel": channel, "audience": audience, "people_reached": reached,
                      "country": country, "owner_partner": partners[slug],
                      "language": language, "created_by": _person(partners[slug]),
                      "link": "https://www.ensie.org/net-works" if days % 20 == 0 else ""},
        )
    visits = _seed_visits(partners, published, now)
    stdout.write(f"Methodologies: {created} new; {len(METHODOLOGIES)} in the demo "
                 f"({len(published)} published), {len(ROUNDTABLES)} roundtables, "
                 f"{len(ACTIVITIES)} dissemination activities, the Guidebook in "
                 f"{len(GUIDEBOOK_LANGUAGES)} languages, {visits} study visits.")


# Networks used when the registry's demo has none: name, country, maturity, partner,
# wants or offers (topic slugs).
NETWORKS = [
    ("Mreža socijalnih preduzeća Srbije", "RS", "emerging", "idc-serbia",
     ["core-drivers", "advocacy-communication", "network-perks"]),
    ("Мрежа за социјално претприемништво", "MK", "emerging", "cdi-macedonia",
     ["advocacy-communication", "representation-leadership"]),
    ("Rede de Empresas de Inserção", "PT", "emerging", "a3s", ["core-drivers", "best-practices"]),
    ("Federazione delle cooperative sociali di inserimento", "IT", "established",
     "galileo-progetti", ["core-drivers", "best-practices", "network-perks"]),
    ("Réseau des entreprises sociales d'insertion", "BE", "established", "ensie",
     ["advocacy-communication", "representation-leadership", "core-drivers"]),
]


def _seed_visits(partners, published, now) -> int:
    """Matchmaking profiles, two study visits and a few adoptions, on the registry's networks
    and providers (a handful of networks is added only when the registry has none)."""
    from providers.models import Network, Provider

    from .models import Adoption, MatchmakingProfile, StudyVisit

    if not Network.objects.filter(maturity="emerging").exists() or not Network.objects.filter(
            maturity="established").exists():
        for name, country, maturity, slug, _topics in NETWORKS:
            Network.objects.get_or_create(name=name, defaults={
                "country": country, "maturity": maturity, "level": "national",
                "representing_partner": partners[slug], "owner_partner": partners[slug]})
    topics = {name: t for name, _c, _m, _s, t in NETWORKS}
    emerging = list(Network.objects.filter(maturity="emerging").order_by("pk")[:5])
    established = list(Network.objects.filter(maturity="established").order_by("pk")[:5])
    defaults = [["core-drivers", "advocacy-communication"], ["network-perks", "best-practices"],
                ["representation-leadership", "core-drivers"]]
    for i, network in enumerate(emerging + established):
        chosen = topics.get(network.name, defaults[i % len(defaults)])
        field = "wants" if network.maturity == "emerging" else "offers"
        MatchmakingProfile.objects.get_or_create(network=network, defaults={field: chosen})
    made = 0
    for i, (visiting, host) in enumerate(zip(emerging[:2], established[:2], strict=False)):
        days = -45 if i == 0 else 30
        local = (now + dt.timedelta(days=days)).astimezone(zoneinfo.ZoneInfo("Europe/Rome")
                                                            ).replace(hour=9, minute=0,
                                                                      second=0, microsecond=0)
        partner = visiting.representing_partner or partners["galileo-progetti"]
        visit, was_created = StudyVisit.objects.get_or_create(
            title=f"Study visit of {visiting} to {host}",
            defaults={"owner_partner": partner, "visiting_network": visiting,
                      "host_network": host, "starts_at": local,
                      "ends_at": local + dt.timedelta(days=2, hours=8),
                      "timezone": "Europe/Rome", "location": host.country.name or "Padova",
                      "topics": ["core-drivers", "best-practices"],
                      "objectives": "See how an established network governs itself, funds its "
                                    "services and speaks for its members.",
                      "programme": "- Day 1: governance and membership\n"
                                   "- Day 2: visits to three member enterprises\n"
                                   "- Day 3: advocacy with the region",
                      "report": "The visitors met the board and three members." if days < 0
                      else "",
                      "lessons_learnt": "A membership fee scaled to turnover keeps small "
                                        "members in." if days < 0 else "",
                      "created_by": _person(partner)})
        made += 1
        if was_created:
            visit.participants.set(User.objects.filter(memberships__partner=partner)[:3])
    providers = list(Provider.objects.order_by("pk")[:6])
    for i, provider in enumerate(providers):
        methodology = published[i % max(len(published), 1)] if published else None
        if methodology is None:
            break
        Adoption.objects.get_or_create(
            methodology=methodology, provider=provider,
            defaults={"owner_partner": provider.owner_partner,
                      "since": dt.date(2025, 1 + i, 1), "place": provider.city,
                      "result": "Two cohorts trained so far; most trainees stayed on."})
    return made
