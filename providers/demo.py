"""The registry's demo data, and a generator of many realistic providers.

:func:`seed` (called by ``manage.py seed_demo``) maps 65 providers, 13 networks and 20
stakeholders across the partner countries — Hungary, North Macedonia, Portugal, Serbia and
Slovakia, and Belgium, Italy, Ireland, Romania — registered by the demo partner members, so
lists, filters, the country chart and the history look like real use. Names of public bodies are
real; providers and their contacts are invented (``example.org`` addresses).

:func:`generate` bulk-creates any number of providers (with proportional networks and
stakeholders, their sectors, target groups, memberships and a history entry each) for the
benchmark and load tests.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from django.db import transaction

from netw.geo.placing import place_from_city, place_records
from netw.text import latin_slug
from providers.models import Network, Partner, Provider, Sector, Stakeholder, TargetGroup
from providers.services import (
    provider_register,
    provider_verify,
    providers_history_in_bulk,
    record_delete,
    record_save,
)
from providers.vocabulary import Level, Maturity, StakeholderKind, Verification

# Who registers each country's records: the demo member of the partner working there.
REGISTRANTS = {
    "HU": ("member.hu@demo.net-works.eu", "galileo-progetti"),
    "MK": ("member.mk@demo.net-works.eu", "cdi-macedonia"),
    "PT": ("member.pt@demo.net-works.eu", "a3s"),
    "RS": ("member.rs@demo.net-works.eu", "idc-serbia"),
    "SK": ("member.sk@demo.net-works.eu", "asse"),
    "BE": ("coordinator@demo.net-works.eu", "ensie"),
    "IT": ("lead.wp2@demo.net-works.eu", "galileo-progetti"),
    "IE": ("lead.wp3@demo.net-works.eu", "isen"),
    "RO": ("lead.wp1@demo.net-works.eu", "aff"),
    "": ("coordinator@demo.net-works.eu", "ensie"),
}
# The language a country's records are written in (the Serbian demo names are in Latin script).
LANGUAGES = {"HU": "hu", "MK": "mk", "PT": "pt", "RS": "sr-latn", "SK": "sk", "BE": "fr",
             "IT": "it", "IE": "en", "RO": "ro", "": "en"}

PHONE_CODES = {"HU": "+36", "MK": "+389", "PT": "+351", "RS": "+381", "SK": "+421", "BE": "+32",
               "IT": "+39", "IE": "+353", "RO": "+40"}

# The registry's descriptions, in the language each record is written in.
NETWORK_DESCRIPTIONS = {
    "en": "A network of work integration social enterprises and other work-based adult "
          "education providers.",
    "fr": "Un réseau d'entreprises sociales d'insertion et d'autres organismes de formation des "
          "adultes par le travail.",
    "hu": "Munkaerőpiaci integrációs szociális vállalkozások és más, munkahelyi "
          "felnőttképzést nyújtó szervezetek hálózata.",
    "it": "Una rete di imprese sociali di inserimento lavorativo e di altri enti che formano "
          "adulti attraverso il lavoro.",
    "ro": "O rețea de întreprinderi sociale de inserție și de alți furnizori de educație a "
          "adulților la locul de muncă.",
    "mk": "Мрежа на социјални претпријатија за работна интеграција и други даватели на "
          "образование за возрасни преку работа.",
    "pt": "Uma rede de empresas sociais de inserção e de outras entidades que formam adultos "
          "em contexto de trabalho.",
    "sk": "Sieť integračných sociálnych podnikov a ďalších poskytovateľov vzdelávania "
          "dospelých pri práci.",
    "sr": "Мрежа социјалних предузећа за радну интеграцију и других пружалаца образовања "
          "одраслих кроз рад.",
    "sr-latn": "Mreža socijalnih preduzeća za radnu integraciju i drugih pružalaca obrazovanja "
               "odraslih kroz rad.",
}
PROVIDER_DESCRIPTIONS = {
    "en": "Trains and employs adults far from the labour market in real work, with guidance "
          "towards a job in the open labour market.",
    "fr": "Forme et emploie des adultes éloignés de l'emploi dans une activité réelle, avec un "
          "accompagnement vers un emploi durable.",
    "hu": "Valódi munkában képez és foglalkoztat munkaerőpiactól távol került felnőtteket, és "
          "segíti őket a nyílt munkaerőpiacra való átlépésben.",
    "it": "Forma e impiega in un lavoro vero adulti lontani dal mercato del lavoro, "
          "accompagnandoli verso un'occupazione stabile.",
    "ro": "Formează și angajează adulți aflați departe de piața muncii într-o muncă reală, "
          "însoțindu-i spre un loc de muncă stabil.",
    "mk": "Обучува и вработува возрасни оддалечени од пазарот на трудот преку вистинска "
          "работа, со поддршка до вработување на отворениот пазар на трудот.",
    "pt": "Forma e emprega, em trabalho real, adultos afastados do mercado de trabalho, "
          "acompanhando-os até um emprego no mercado aberto.",
    "sk": "Vzdeláva a zamestnáva dospelých vzdialených od trhu práce pri skutočnej práci a "
          "sprevádza ich k zamestnaniu na otvorenom trhu práce.",
    "sr": "Обучава и запошљава одрасле удаљене од тржишта рада кроз стварни рад, уз подршку "
          "до запослења на отвореном тржишту рада.",
    "sr-latn": "Obučava i zapošljava odrasle udaljene od tržišta rada kroz stvarni rad, uz "
               "podršku do zaposlenja na otvorenom tržištu rada.",
}

# name, acronym, level, country, region, maturity, representing partner, founded
NETWORKS = [
    ("European Network of Social Integration Enterprises", "ENSIE", "european", "BE", "",
     "established", "ensie", 2001),
    ("European Network of Re-use and Repair Social Enterprises", "ERRSE", "european", "", "",
     "established", None, 2000),
    ("Munkaintegrációs Szociális Vállalkozások Hálózata", "MSZVH", "national", "HU", "",
     "emerging", "galileo-progetti", 2019),
    ("Dél-alföldi Szociális Szövetkezetek Köre", "", "regional", "HU", "Csongrád-Csanád",
     "emerging", None, 2021),
    ("Мрежа за социјални претпријатија на Северна Македонија", "МСП", "national", "MK", "",
     "emerging", "cdi-macedonia", 2020),
    ("Rede Portuguesa de Empresas de Inserção", "RPEI", "national", "PT", "", "established",
     "a3s", 2006),
    ("Rede Local de Inserção do Porto", "", "local", "PT", "Porto", "emerging", None, 2018),
    ("Koalicija za solidarnu ekonomiju Srbije", "KSES", "national", "RS", "", "emerging",
     "idc-serbia", 2017),
    ("Mreža socijalnih preduzeća Vojvodine", "", "regional", "RS", "Vojvodina", "emerging",
     None, 2022),
    ("Sieť sociálnych podnikov Slovenska", "SSPS", "national", "SK", "", "emerging", "asse",
     2019),
    ("Rete delle imprese sociali di inserimento lavorativo", "RISIL", "national", "IT", "",
     "established", None, 1998),
    ("Work Integration Social Enterprise Network Ireland", "WISE-NI", "national", "IE", "",
     "established", "isen", 2012),
    ("Réseau bruxellois des entreprises d'insertion", "RBEI", "regional", "BE",
     "Brussels-Capital", "established", None, 2004),
]


# Where each network's office is: it places the network on the map (netw.geo). ERRSE has none,
# so the demo shows a network waiting for its owner to place it.
NETWORK_CITIES = {
    "ENSIE": "Bruxelles", "MSZVH": "Budapest",
    "Dél-alföldi Szociális Szövetkezetek Köre": "Szeged", "МСП": "Скопје", "RPEI": "Lisboa",
    "Rede Local de Inserção do Porto": "Porto", "KSES": "Beograd",
    "Mreža socijalnih preduzeća Vojvodine": "Novi Sad", "SSPS": "Banská Bystrica",
    "RISIL": "Roma", "WISE-NI": "Dublin", "RBEI": "Bruxelles",
}


@dataclass(frozen=True)
class DemoProvider:
    name: str
    country: str
    city: str
    region: str
    legal_form: str
    sectors: tuple[str, ...]
    groups: tuple[str, ...]
    contact: str
    networks: tuple[str, ...] = ()  # acronyms or names of NETWORKS
    verified: bool = True


def _p(name, country, city, region, legal_form, sectors, groups, contact, networks=(),
       verified=True) -> DemoProvider:
    return DemoProvider(name, country, city, region, legal_form, tuple(sectors.split()),
                        tuple(groups.split()), contact, tuple(networks), verified)


PROVIDERS = [
    # Hungary
    _p("Újrahasznosító Műhely Nonprofit Kft.", "HU", "Budapest", "Central Hungary", "company",
       "recycling retail", "long_term_unemployed older_workers", "Kovács Zsófia",
       ["MSZVH", "ENSIE"]),
    _p("Konyha Mindenkinek Egyesület", "HU", "Budapest", "Central Hungary", "association",
       "catering", "homeless addiction", "Nagy Péter", ["MSZVH"]),
    _p("Zöld Kert Szociális Szövetkezet", "HU", "Szeged", "Csongrád-Csanád", "cooperative",
       "agriculture landscaping", "long_term_unemployed roma", "Tóth Erzsébet",
       ["MSZVH", "Dél-alföldi Szociális Szövetkezetek Köre"]),
    _p("Kézműves Műhely Pécs Nonprofit Kft.", "HU", "Pécs", "Baranya", "company",
       "crafts textile", "disability", "Szabó Anna", ["MSZVH"]),
    _p("Tiszta Ház Szociális Szövetkezet", "HU", "Debrecen", "Hajdú-Bihar", "cooperative",
       "cleaning", "women long_term_unemployed", "Horváth Katalin"),
    _p("Építő Kezek Nonprofit Kft.", "HU", "Miskolc", "Borsod-Abaúj-Zemplén", "company",
       "construction", "roma low_skilled", "Varga László", ["MSZVH"]),
    _p("Textilvarázs Szociális Szövetkezet", "HU", "Győr", "Győr-Moson-Sopron", "cooperative",
       "textile", "women older_workers", "Kiss Mária", verified=False),
    _p("Gondoskodó Kéz Alapítvány", "HU", "Nyíregyháza", "Szabolcs-Szatmár-Bereg",
       "foundation", "care", "mental_health disability", "Molnár Judit", ["MSZVH"]),
    _p("Roma Esély Szociális Szövetkezet", "HU", "Ózd", "Borsod-Abaúj-Zemplén", "cooperative",
       "agriculture crafts", "roma neet", "Balogh István"),
    _p("Kerékpár Szerviz Egyesület", "HU", "Kecskemét", "Bács-Kiskun", "association",
       "recycling logistics", "neet ex_offenders", "Farkas Gábor",
       ["Dél-alföldi Szociális Szövetkezetek Köre"], verified=False),
    # North Macedonia
    _p("Зелена кујна", "MK", "Skopje", "Skopje", "association", "catering",
       "disability neet", "Марија Стојанова", ["МСП", "ENSIE"]),
    _p("Текстил Плус ДООЕЛ", "MK", "Štip", "Eastern", "company", "textile",
       "women long_term_unemployed", "Елена Петковска", ["МСП"]),
    _p("Еко рециклажа Битола", "MK", "Bitola", "Pelagonia", "company", "recycling",
       "roma long_term_unemployed", "Горан Илиевски", ["МСП"]),
    _p("Градина на надежта", "MK", "Tetovo", "Polog", "association", "agriculture",
       "disability mental_health", "Ајше Рамадани"),
    _p("Занаетчиски центар Охрид", "MK", "Ohrid", "Southwestern", "association",
       "crafts hospitality", "women neet", "Билјана Трајковска", ["МСП"]),
    _p("Чиста околина Куманово", "MK", "Kumanovo", "Northeastern", "company",
       "cleaning landscaping", "roma low_skilled", "Дејан Митревски", verified=False),
    _p("Пекара Добро утро", "MK", "Prilep", "Pelagonia", "company", "catering retail",
       "disability", "Весна Николовска"),
    _p("Дигитална работилница Велес", "MK", "Veles", "Vardar", "association", "digital",
       "neet disability", "Александар Јовановски", ["МСП"]),
    _p("Струмичка градинарска задруга", "MK", "Strumica", "Southeastern", "cooperative",
       "agriculture", "long_term_unemployed older_workers", "Стојан Атанасов"),
    _p("Социјален сервис Гостивар", "MK", "Gostivar", "Polog", "association", "care",
       "older_workers women", "Мирјана Костовска", verified=False),
    # Portugal
    _p("Reviver – Cooperativa de Inserção", "PT", "Lisboa", "Área Metropolitana de Lisboa",
       "cooperative", "recycling retail", "long_term_unemployed migrants", "Inês Carvalho",
       ["RPEI", "ENSIE"]),
    _p("Horta Comunitária de Marvila", "PT", "Lisboa", "Área Metropolitana de Lisboa",
       "association", "agriculture landscaping", "mental_health long_term_unemployed",
       "João Ferreira", ["RPEI"]),
    _p("Cozinha com Alma", "PT", "Porto", "Norte", "association", "catering",
       "migrants homeless", "Ana Sousa", ["RPEI", "Rede Local de Inserção do Porto"]),
    _p("Costura Solidária CRL", "PT", "Braga", "Norte", "cooperative", "textile",
       "women older_workers", "Maria Oliveira", ["RPEI"]),
    _p("Limpeza Verde – Empresa de Inserção", "PT", "Coimbra", "Centro", "company",
       "cleaning", "long_term_unemployed low_skilled", "Rui Martins", ["RPEI"]),
    _p("Oficina de Bicicletas Roda Viva", "PT", "Porto", "Norte", "association",
       "recycling logistics", "neet ex_offenders", "Tiago Costa",
       ["Rede Local de Inserção do Porto"]),
    _p("Cuidar Mais – IPSS", "PT", "Setúbal", "Área Metropolitana de Lisboa", "association",
       "care", "women migrants", "Helena Rodrigues", ["RPEI"]),
    _p("Reconstruir – Associação", "PT", "Faro", "Algarve", "association", "construction",
       "ex_offenders addiction", "Pedro Almeida", verified=False),
    _p("Papel Novo – Reciclagem Social", "PT", "Aveiro", "Centro", "cooperative",
       "recycling manufacturing", "disability", "Sofia Gomes", ["RPEI"]),
    _p("Mercearia Solidária do Bairro", "PT", "Amadora", "Área Metropolitana de Lisboa",
       "association", "retail catering", "migrants long_term_unemployed", "Carla Lopes"),
    # Serbia
    _p("Zadruga Naša bašta", "RS", "Novi Sad", "Vojvodina", "cooperative", "agriculture",
       "roma women", "Jelena Petrović", ["KSES", "Mreža socijalnih preduzeća Vojvodine"]),
    _p("Kuhinja dobrog ukusa", "RS", "Beograd", "Belgrade", "association", "catering",
       "disability neet", "Milica Jovanović", ["KSES", "ENSIE"]),
    _p("Reciklažni centar Stara Pazova", "RS", "Stara Pazova", "Vojvodina", "company",
       "recycling", "roma long_term_unemployed", "Nenad Ilić",
       ["Mreža socijalnih preduzeća Vojvodine"]),
    _p("Šivaonica Nada", "RS", "Niš", "Nišava", "association", "textile",
       "women migrants", "Dragana Stojanović", ["KSES"]),
    _p("Čisto i sjajno d.o.o.", "RS", "Kragujevac", "Šumadija", "company", "cleaning",
       "long_term_unemployed older_workers", "Zoran Marković", verified=False),
    _p("Udruženje Romkinja Osvit", "RS", "Niš", "Nišava", "association", "crafts catering",
       "roma women", "Vesna Nikolić", ["KSES"]),
    _p("Mali majstori", "RS", "Subotica", "Vojvodina", "association", "construction crafts",
       "neet ex_offenders", "Ivan Kovač", ["Mreža socijalnih preduzeća Vojvodine"]),
    _p("Pekara Hleb i so", "RS", "Beograd", "Belgrade", "company", "catering retail",
       "disability mental_health", "Ana Đorđević", ["KSES"]),
    _p("Eko kutak Čačak", "RS", "Čačak", "Moravica", "association", "recycling landscaping",
       "low_skilled", "Marko Pavlović", verified=False),
    _p("Kreativni centar Novi Pazar", "RS", "Novi Pazar", "Raška", "association",
       "crafts digital", "neet women", "Amra Hodžić", ["KSES"]),
    # Slovakia
    _p("Sociálny podnik Čistota", "SK", "Bratislava", "Bratislava Region", "company",
       "cleaning", "long_term_unemployed roma", "Zuzana Kováčová", ["SSPS", "ENSIE"]),
    _p("Záhrada pre všetkých n.o.", "SK", "Nitra", "Nitra Region", "association",
       "agriculture landscaping", "disability mental_health", "Peter Horváth", ["SSPS"]),
    _p("Kuchyňa bez hraníc", "SK", "Košice", "Košice Region", "association", "catering",
       "migrants women", "Lucia Tóthová", ["SSPS"]),
    _p("Re-Use dielňa Žilina", "SK", "Žilina", "Žilina Region", "company",
       "recycling retail", "long_term_unemployed", "Martin Varga"),
    _p("Šijeme spolu n.o.", "SK", "Prešov", "Prešov Region", "association", "textile",
       "roma women", "Mária Baloghová", ["SSPS"]),
    _p("Stavebná firma Nádej s.r.o.", "SK", "Banská Bystrica", "Banská Bystrica Region",
       "company", "construction", "roma low_skilled ex_offenders", "Jozef Lakatoš", ["SSPS"]),
    _p("Opatrovateľská služba Pomoc", "SK", "Trnava", "Trnava Region", "association", "care",
       "older_workers women", "Eva Nováková", verified=False),
    _p("Rómsky remeselný dvor", "SK", "Spišská Nová Ves", "Košice Region", "cooperative",
       "crafts", "roma neet", "Ladislav Červeňák", ["SSPS"]),
    _p("Kaviareň Dobré srdce", "SK", "Trenčín", "Trenčín Region", "company",
       "hospitality catering", "disability", "Katarína Hudecová", ["SSPS"]),
    _p("Zberný dvor Martin", "SK", "Martin", "Žilina Region", "company", "recycling logistics",
       "long_term_unemployed older_workers", "Tomáš Kráľ"),
    # Belgium
    _p("Atelier Récup' Bruxelles", "BE", "Brussels", "Brussels-Capital", "association",
       "recycling retail", "long_term_unemployed migrants", "Sophie Lambert",
       ["ENSIE", "RBEI", "ERRSE"]),
    _p("Groene Vingers vzw", "BE", "Gent", "Flanders", "association", "landscaping",
       "disability low_skilled", "Pieter De Smet", ["ENSIE"]),
    _p("Resto Solidaire Liège", "BE", "Liège", "Wallonia", "cooperative", "catering",
       "migrants neet", "Nadia Benali", ["ENSIE"]),
    _p("Propreté Plus", "BE", "Charleroi", "Wallonia", "company", "cleaning",
       "long_term_unemployed", "Marc Dubois", ["RBEI"]),
    _p("Kringloopwinkel Oost", "BE", "Antwerpen", "Flanders", "association", "retail recycling",
       "long_term_unemployed older_workers", "Els Peeters", ["ERRSE"]),
    # Italy
    _p("Cooperativa Sociale Il Germoglio", "IT", "Bologna", "Emilia-Romagna", "cooperative",
       "agriculture catering", "disability mental_health", "Giulia Rossi", ["RISIL", "ENSIE"]),
    _p("Sartoria Sociale Fili Liberi", "IT", "Palermo", "Sicilia", "cooperative", "textile",
       "migrants women", "Francesca Russo", ["RISIL"]),
    _p("Tavola Aperta", "IT", "Torino", "Piemonte", "cooperative", "catering hospitality",
       "ex_offenders neet", "Luca Bianchi", ["RISIL"]),
    _p("Ricicla Bene Cooperativa Sociale", "IT", "Milano", "Lombardia", "cooperative",
       "recycling logistics", "long_term_unemployed addiction", "Marco Colombo",
       ["RISIL", "ERRSE"]),
    _p("Nuovi Orizzonti Cooperativa Edile", "IT", "Napoli", "Campania", "cooperative",
       "construction", "ex_offenders low_skilled", "Antonio Esposito", verified=False),
    # Ireland
    _p("Green Threads CLG", "IE", "Dublin", "Leinster", "company", "textile recycling",
       "long_term_unemployed migrants", "Siobhán Murphy", ["WISE-NI"]),
    _p("Cork Community Kitchen", "IE", "Cork", "Munster", "company", "catering",
       "homeless addiction", "Ciarán O'Brien", ["WISE-NI"]),
    _p("Midlands Bike Hub", "IE", "Athlone", "Leinster", "company", "recycling logistics",
       "neet", "Aoife Kelly", ["WISE-NI"]),
    # Romania
    _p("Atelierul de Reciclare", "RO", "București", "Ilfov", "association", "recycling retail",
       "neet long_term_unemployed", "Ioana Popescu", ["ENSIE"]),
    _p("Cooperativa Verde Cluj", "RO", "Cluj-Napoca", "Cluj", "cooperative",
       "agriculture landscaping", "mental_health", "Andrei Ionescu"),
]

# name, kind, level, country, city
STAKEHOLDERS = [
    ("European Commission – DG Employment, Social Affairs and Inclusion", "european_body",
     "european", "BE", "Brussels"),
    ("European Economic and Social Committee", "european_body", "european", "BE", "Brussels"),
    ("Nemzeti Foglalkoztatási Szolgálat", "employment_service", "national", "HU", "Budapest"),
    ("Pest Vármegyei Kormányhivatal", "public_authority", "regional", "HU", "Budapest"),
    ("Budapesti Corvinus Egyetem", "research", "national", "HU", "Budapest"),
    ("Агенција за вработување на Република Северна Македонија", "employment_service",
     "national", "MK", "Skopje"),
    ("Министерство за социјална политика, демографија и млади", "public_authority",
     "national", "MK", "Skopje"),
    ("Општина Битола", "public_authority", "local", "MK", "Bitola"),
    ("IEFP – Instituto do Emprego e Formação Profissional", "employment_service",
     "national", "PT", "Lisboa"),
    ("Câmara Municipal do Porto", "public_authority", "local", "PT", "Porto"),
    ("Fundação Calouste Gulbenkian", "funder", "national", "PT", "Lisboa"),
    ("Nacionalna služba za zapošljavanje", "employment_service", "national", "RS",
     "Beograd"),
    ("Ministarstvo za rad, zapošljavanje, boračka i socijalna pitanja", "public_authority",
     "national", "RS", "Beograd"),
    ("Fakultet političkih nauka Univerziteta u Beogradu", "research", "national", "RS",
     "Beograd"),
    ("Ústredie práce, sociálnych vecí a rodiny", "employment_service", "national", "SK",
     "Bratislava"),
    ("Ministerstvo práce, sociálnych vecí a rodiny SR", "public_authority", "national", "SK",
     "Bratislava"),
    ("Košický samosprávny kraj", "public_authority", "regional", "SK", "Košice"),
    ("Confederazione Generale Italiana del Lavoro", "union", "national", "IT", "Roma"),
    ("Pobal", "funder", "national", "IE", "Dublin"),
    ("Fondazione Cariplo", "funder", "regional", "IT", "Milano"),
]


def _language(level: str, country: str) -> str:
    """European bodies and networks write in English; the others in their country's language."""
    return "en" if level == "european" else LANGUAGES[country]


def _users() -> dict[str, object]:
    from netw.models import User

    emails = {email for email, _slug in REGISTRANTS.values()}
    return {u.email: u for u in User.objects.filter(email__in=emails)}


# Each partner's people in the project: name, role in the project, e-mail, shown publicly.
PARTNER_PEOPLE = {
    "ensie": [("Patrizia Demo", "Project coordinator", "coordinator@demo.net-works.eu", True),
              ("Martina Demo", "Project officer", "", True)],
    "aff": [("Anna Lead-WP1", "Work package 1 lead", "lead.wp1@demo.net-works.eu", True)],
    "galileo-progetti": [("Giulia Lead-WP2", "Work package 2 lead", "", True),
                         ("Réka Member-HU", "Trainer", "", False)],
    "isen": [("Ciarán Lead-WP3", "Work package 3 lead", "", True)],
    "cdi-macedonia": [("Elena Member-MK", "Network organiser", "", True)],
    "idc-serbia": [("Marko Member-RS", "Network organiser", "", False)],
    "a3s": [("Inês Member-PT", "Network organiser", "member.pt@demo.net-works.eu", True)],
    "asse": [("Zuzana Member-SK", "Network organiser", "", True)],
}


def seed_partner_profiles() -> None:
    """Every partner's full name and description (where missing) and its people in the project."""
    from providers.models import PartnerPerson
    from providers.partner_data import fill_missing_profiles

    fill_missing_profiles(Partner)
    for partner in Partner.objects.filter(slug__in=PARTNER_PEOPLE):
        if partner.people.exists():
            continue
        for position, (name, role, email, public) in enumerate(PARTNER_PEOPLE[partner.slug]):
            PartnerPerson.objects.create(partner=partner, name=name, project_role=role,
                                         email=email, show_publicly=public, position=position)


@transaction.atomic
def seed(stdout) -> None:
    """Create the demo registry once (safe to run again: it stops if it finds it)."""
    seed_partner_profiles()
    if Provider.all_objects.filter(name=PROVIDERS[0].name).exists():
        # A demo seeded before the map: its records are placed from their cities.
        place_records()
        stdout.write("Registry demo already there.")
        return
    partners = {p.slug: p for p in Partner.objects.all()}
    users = _users()
    rng = random.Random(2026)

    def registrant(country: str):
        email, slug = REGISTRANTS[country]
        return users.get(email), partners[slug]

    networks = {}
    for name, acronym, level, country, region, maturity, representing, founded in NETWORKS:
        user, partner = registrant(country)
        language = _language(level, country)
        host = latin_slug(acronym or name, 40) or latin_slug(name, 40)
        network = Network(
            name=name, acronym=acronym, level=level, country=country, region=region,
            city=NETWORK_CITIES.get(acronym or name, ""), maturity=maturity,
            founded_year=founded, language=language,
            representing_partner=partners.get(representing) if representing else None,
            website=f"https://{host}.example.org",
            contact_email=f"office@{host}.example.org",
            # A network's office address is listed publicly with its agreement.
            contact_listed_with_consent=True,
            description=NETWORK_DESCRIPTIONS[language],
            owner_partner=partner, created_by=user, updated_by=user)
        place_from_city(network)
        network._history_user = user
        network.save()
        networks[name] = network
        if acronym:
            networks[acronym] = network

    sectors = {s.code: s for s in Sector.objects.all()}
    groups = {g.code: g for g in TargetGroup.objects.all()}
    reviewer = users.get("lead.wp1@demo.net-works.eu")
    registered = []
    for demo in PROVIDERS:
        user, partner = registrant(demo.country)
        slug = latin_slug(demo.name, 40) or f"provider-{len(registered)}"
        learners = rng.choice([12, 20, 25, 30, 40, 45, 60, 80, 120, 150, 200])
        provider = provider_register(
            by=user, partner=partner, name=demo.name, country=demo.country, city=demo.city,
            region=demo.region, legal_form=demo.legal_form, language=LANGUAGES[demo.country],
            learners_per_year=learners, workers_per_year=max(4, learners // rng.choice([2, 3, 4])),
            website=f"https://{slug}.example.org", contact_person=demo.contact,
            contact_email=f"info@{slug}.example.org",
            contact_phone=f"{PHONE_CODES[demo.country]} {rng.randint(10, 99)} "
                          f"{rng.randint(100, 999)} {rng.randint(1000, 9999)}",
            # Every other contact person agreed to be listed: visitors see both cases.
            contact_listed_with_consent=len(registered) % 2 == 0,
            description=PROVIDER_DESCRIPTIONS[LANGUAGES[demo.country]],
            sectors=[sectors[c] for c in demo.sectors],
            target_groups=[groups[c] for c in demo.groups],
            networks=[networks[n] for n in demo.networks],
        )
        if demo.verified:
            provider_verify(provider=provider, by=reviewer or user)
        registered.append(provider)

    for name, kind, level, country, city in STAKEHOLDERS:
        user, partner = registrant(country)
        stakeholder = Stakeholder(name=name, kind=kind, level=level, country=country, city=city,
                                  language=_language(level, country),
                                  owner_partner=partner,
                                  created_by=user, updated_by=user)
        stakeholder._history_user = user
        stakeholder.save()

    _a_little_history(registered, users)
    stdout.write(f"Registry demo: {len(PROVIDERS)} providers, {len(NETWORKS)} networks, "
                 f"{len(STAKEHOLDERS)} stakeholders.")


def _a_little_history(registered: list[Provider], users: dict) -> None:
    """A colleague's correction and a deletion by mistake, for the history and restore pages."""
    from providers.forms import ProviderForm

    pt_member = users.get("member.pt@demo.net-works.eu")
    reviver = next(p for p in registered if p.name.startswith("Reviver"))
    if pt_member:
        data = {f: getattr(reviver, f) for f in ProviderForm.Meta.fields
                if f not in ("sectors", "target_groups", "networks", "owner_partner")}
        data.update(learners_per_year=reviver.learners_per_year + 15, city="Lisboa",
                    region="Área Metropolitana de Lisboa",
                    country=reviver.country.code,
                    sectors=[s.pk for s in reviver.sectors.all()],
                    target_groups=[g.pk for g in reviver.target_groups.all()],
                    networks=[n.pk for n in reviver.networks.all()])
        form = ProviderForm(data, instance=reviver, user=pt_member)
        if form.is_valid():
            record_save(form=form, by=pt_member)
    sk_member = users.get("member.sk@demo.net-works.eu")
    zberny = next(p for p in registered if p.name == "Zberný dvor Martin")
    record_delete(record=zberny, by=sk_member)


# --- Many providers, fast: for the benchmark and load tests ---------------------------------------

PREFIXES = {
    "HU": (["Zöld", "Közös", "Új", "Esély", "Remény", "Kézműves", "Helyi"],
           ["Szociális Szövetkezet", "Nonprofit Kft.", "Egyesület", "Alapítvány"]),
    "MK": (["Зелена", "Нова", "Заедничка", "Локална", "Добра"],
           ["работилница", "задруга", "кујна", "градина"]),
    "PT": (["Reviver", "Semear", "Juntos", "Nova", "Raiz", "Ponte"],
           ["Cooperativa de Inserção", "Associação", "Oficina Social", "CRL"]),
    "RS": (["Naša", "Nova", "Zelena", "Dobra", "Zajednička"],
           ["zadruga", "radionica", "kuhinja", "bašta"]),
    "SK": (["Nová", "Zelená", "Spoločná", "Dobrá", "Naša"],
           ["dielňa", "záhrada", "kuchyňa", "n.o."]),
    "BE": (["Atelier", "Groen", "Solidair", "Récup'"], ["vzw", "asbl", "coop"]),
    "IT": (["Cooperativa Sociale", "Laboratorio", "Officina"],
           ["Il Germoglio", "Nuovi Orizzonti", "Terra Viva", "Mani Unite"]),
    "IE": (["Green", "Community", "New Start", "Bridge"], ["CLG", "Enterprise", "Hub"]),
    "RO": (["Atelierul", "Cooperativa", "Întreprinderea Socială"], ["Verde", "Nou", "Împreună"]),
}
CITIES = {
    "HU": ["Budapest", "Debrecen", "Szeged", "Pécs", "Miskolc", "Győr", "Ózd"],
    "MK": ["Skopje", "Bitola", "Kumanovo", "Prilep", "Tetovo", "Ohrid", "Štip"],
    "PT": ["Lisboa", "Porto", "Braga", "Coimbra", "Faro", "Setúbal", "Aveiro"],
    "RS": ["Beograd", "Novi Sad", "Niš", "Kragujevac", "Subotica", "Čačak"],
    "SK": ["Bratislava", "Košice", "Prešov", "Žilina", "Nitra", "Martin", "Trnava"],
    "BE": ["Brussels", "Gent", "Liège", "Antwerpen", "Charleroi"],
    "IT": ["Milano", "Torino", "Bologna", "Napoli", "Palermo"],
    "IE": ["Dublin", "Cork", "Galway", "Athlone"],
    "RO": ["București", "Cluj-Napoca", "Iași"],
}
# The five focus countries carry most of the mapping.
COUNTRY_WEIGHTS = {"HU": 18, "MK": 14, "PT": 18, "RS": 16, "SK": 16, "BE": 6, "IT": 7, "IE": 3,
                   "RO": 2}


@dataclass
class Generated:
    providers: int
    networks: int
    stakeholders: int
    first_provider_id: int | None


def generate(n_providers: int, *, rng_seed: int = 0, partners: dict | None = None,
             by=None, batch_size: int = 2000) -> Generated:
    """Bulk-create ``n_providers`` realistic providers (about 80% verified) spread over the
    partner countries, with one network per 50 providers and one stakeholder per 25, their
    sectors, target groups, network memberships and one history entry each.

    Fast: ``bulk_create`` in batches, no per-row query; safe to call again (names carry the
    seed and a running number). ``partners`` is ``{slug: Partner}`` (all partners if None);
    ``by`` is recorded as the author (None: "the system").
    """
    rng = random.Random(rng_seed)
    partners = partners or {p.slug: p for p in Partner.objects.all()}
    by_country = {country: partners.get(slug) or next(iter(partners.values()))
                  for country, (_email, slug) in REGISTRANTS.items()}
    countries = list(COUNTRY_WEIGHTS)
    weights = list(COUNTRY_WEIGHTS.values())
    sectors = list(Sector.objects.values_list("pk", flat=True))
    groups = list(TargetGroup.objects.values_list("pk", flat=True))
    tag = f"g{rng_seed}"

    n_networks = max(1, n_providers // 50)
    networks = []
    for i in range(n_networks):
        level = rng.choice(Level.values)
        country = "" if level == Level.EUROPEAN else rng.choices(countries, weights)[0]
        network = Network(
            name=f"{rng.choice(['Network', 'Alliance', 'Platform'])} of social enterprises "
                 f"{tag}-{i}",
            # The city is not drawn from rng: the providers drawn next stay those of before.
            level=level, country=country,
            city=CITIES[country][i % len(CITIES[country])] if country else "",
            maturity=rng.choice(Maturity.values),
            owner_partner=by_country[country], created_by=by, updated_by=by,
            founded_year=rng.randint(1995, 2024), language=LANGUAGES[country])
        place_from_city(network)
        networks.append(network)
    networks = Network.objects.bulk_create(networks, batch_size=batch_size)
    network_ids = [n.pk for n in networks]

    first_id = None
    for start in range(0, n_providers, batch_size):
        batch = []
        for i in range(start, min(start + batch_size, n_providers)):
            country = rng.choices(countries, weights)[0]
            first, last = PREFIXES[country]
            city = rng.choice(CITIES[country])
            learners = rng.randint(5, 300)
            batch.append(provider := Provider(
                name=f"{rng.choice(first)} {rng.choice(last)} {city} {tag}-{i}",
                country=country, city=city, legal_form=rng.choice(
                    ["association", "cooperative", "company", "foundation"]),
                learners_per_year=learners, workers_per_year=rng.randint(2, max(3, learners)),
                website=f"https://provider-{tag}-{i}.example.org",
                contact_person="Contact person", contact_email=f"info@provider-{tag}-{i}"
                                                               ".example.org",
                language=LANGUAGES[country],
                verification=Verification.VERIFIED if rng.random() < 0.8
                else Verification.UNVERIFIED,
                owner_partner=by_country[country], created_by=by, updated_by=by))
            place_from_city(provider)
        created = Provider.objects.bulk_create(batch)
        first_id = first_id or created[0].pk
        through = Provider.sectors.through
        through.objects.bulk_create([
            through(provider_id=p.pk, sector_id=s)
            for p in created for s in rng.sample(sectors, rng.randint(1, 3))])
        through = Provider.target_groups.through
        through.objects.bulk_create([
            through(provider_id=p.pk, targetgroup_id=g)
            for p in created for g in rng.sample(groups, rng.randint(1, 3))])
        through = Provider.networks.through
        through.objects.bulk_create([
            through(provider_id=p.pk, network_id=n)
            for p in created for n in rng.sample(network_ids, min(len(network_ids),
                                                                 rng.randint(0, 2)))])
        providers_history_in_bulk(created=created, by=by, reason="generated")

    n_stakeholders = max(1, n_providers // 25)
    stakeholders = []
    for i in range(n_stakeholders):
        country = rng.choices(countries, weights)[0]
        kind = rng.choice(StakeholderKind.values)
        stakeholders.append(Stakeholder(
            name=f"{StakeholderKind(kind).label} {tag}-{i}", kind=kind,
            level=rng.choice(Level.values), country=country, language=LANGUAGES[country],
            owner_partner=by_country[country], created_by=by, updated_by=by))
    Stakeholder.objects.bulk_create(stakeholders, batch_size=batch_size)
    return Generated(providers=n_providers, networks=n_networks, stakeholders=n_stakeholders,
                     first_provider_id=first_id)
