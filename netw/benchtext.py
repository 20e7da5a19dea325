"""Text for the benchmark's generated records (every app's ``bench.py``): names, titles and
descriptions composed from a few hundred words of the project's domain, so that a search finds a
realistic share of the rows — the bench's ``q=enterprise`` a few percent to a third of them, not
every one — and ranking, highlighting and counting are measured on realistic matches.

The words are drawn with the skewed frequencies of real writing (a word's weight falls with its
place in :data:`DOMAIN_WORDS`: "work" and "training" are in most descriptions, "beekeeping" in
few), between short linking words. Everything is deterministic: the same record number (and
``salt``, which tells a record's fields apart) gives the same text in every run and process.
"""

from __future__ import annotations

import random
import zlib
from itertools import accumulate

# The domain's words, commonest first (a word's weight is 1 / (its place + 8)).
DOMAIN_WORDS = tuple("""
work training learners people skills social job employment support enterprise workers
integration adults learning trainees mentoring tutor coaching practice workplace apprenticeship
programme partners network employers community local inclusion competences cooperative
placement guidance staff project funding services catering kitchen shop coach production
customers participants contracts margin assessment recognition qualification vocational
education unemployed long-term workshop team months course methods disadvantaged youth women
migrants refugees disabilities mentor bakery peer exchange quality evaluation results income
sales public procurement municipality region national european policy recommendation
sustainability business model revenue grants fund investment social-impact volunteers board
governance cleaning laundry gardening green recycling repair textiles sewing woodwork carpentry
printing restaurant canteen second-hand retail logistics warehouse packaging delivery
agriculture farm horticulture landscaping maintenance construction renovation energy
care elderly childcare hospitality tourism hotel reception office administration digital
computer literacy language numeracy soft-skills motivation confidence self-esteem wellbeing
counselling psychologist social-worker case manager job-coach supervisor instructor trainer
curriculum modules lessons certificate validation portfolio competence-based on-the-job
classroom blended online self-paced simulation role-play feedback reflection diary
individual plan pathway transition open labour market follow-up retention progression
outcomes indicators monitoring impact evidence study survey interviews data report
guidebook toolkit handbook manual template checklist roundtable visit conference seminar
webinar dissemination communication newsletter campaign visibility stakeholders authorities
ministry agency chamber union association foundation charity ngo university research
transfer adaptation pilot scaling replication innovation good-practice lessons-learned
challenge barrier need gap solution approach framework strategy action roadmap milestone
commitment uptake legislation regulation reserved clause tender subsidy wage contribution
co-financing crowdfunding donors philanthropy social-bonds loans microcredit price
cost budget accounting payroll invoice demand supply client order product service
quality-label standard audit safety health hygiene food nutrition menu recipes cooking
baking pastry coffee bar vending catering-service events festival market-stall
bicycle workshop-mechanics electronics reuse upcycling furniture clothes books toys
forestry beekeeping honey vineyard olive orchard vegetables greenhouse compost
roma travellers ex-offenders homeless addiction recovery early-school-leavers neet
""".split())

# Linking words between the domain's words (indexed as plain words too, as in real text).
GLUE_WORDS = ("and", "for", "with", "of", "in", "the", "a", "to", "by", "at", "through",
              "from", "on", "their", "as", "into", "after", "before", "during", "while")

_CUMULATIVE = tuple(accumulate(1 / (place + 8) for place in range(len(DOMAIN_WORDS))))
# A record is about a few of the domain's words, which its fields repeat, as real descriptions
# do: so a word's share of the records does not grow with the length of their texts.
TOPIC_WORDS = 24
# A few more from its kind's own themes: a policy recommendation speaks of contracts more often
# than a methodology does.
THEME_WORDS = 4
THEMES = {
    "methodology": ("mentoring", "tutor", "apprenticeship", "coaching", "assessment", "bakery",
                    "kitchen", "workshop", "placement", "portfolio", "recognition", "skills"),
    "practice": ("shop", "margin", "income", "sales", "contracts", "grants", "fund", "donors",
                 "customers", "revenue", "price", "coach"),
    "recommendation": ("contracts", "procurement", "reserved", "clause", "tender", "subsidy",
                       "legislation", "regulation", "municipality", "ministry", "policy",
                       "funding"),
    "action": ("funding", "fund", "budget", "grants", "contracts", "training", "report",
               "partners"),
}

# Organisations' names: a distinctive part, a trade, a kind of organisation (about one in six a
# "(social) enterprise", as in the registry's real mix).
NAME_PARTS = ("Green", "Riverside", "Open Door", "New Horizons", "Bridge", "Second Chance",
              "Good Food", "Phoenix", "Hands On", "Northern", "Southern", "Valley", "Harbour",
              "Old Town", "Sunrise", "Common Ground", "Fair Work", "Together", "Stepping Stone",
              "Mosaic", "Lighthouse", "Crossroads", "Orchard", "Main Street", "Hillside")
TRADES = ("Bakery", "Catering", "Laundry", "Garden", "Repair", "Print", "Textile", "Woodwork",
          "Recycling", "Cleaning", "Kitchen", "Bike", "Farm", "Furniture", "Care", "Logistics",
          "Crafts", "Coffee", "Construction", "Digital")
KINDS = ("Social Enterprise", "Cooperative", "Foundation", "Association", "Training Centre",
         "Workshop", "Enterprise", "Company", "Trust", "Project", "Social Cooperative",
         "Work Centre")


def _rng(kind: str, number: int, salt: str) -> random.Random:
    # crc32, not hash(): a str's hash changes between processes.
    return random.Random(number * 1_000_003 + zlib.crc32(f"{kind}/{salt}".encode()))


def topic(kind: str, number: int) -> list[str]:
    """The words record ``number`` of ``kind`` ("methodology", "practice", …) is about."""
    rng = _rng(kind, number, "topic")
    themed = rng.choices(THEMES[kind], k=THEME_WORDS) if kind in THEMES else []
    return rng.choices(DOMAIN_WORDS, cum_weights=_CUMULATIVE, k=TOPIC_WORDS) + themed


def words(kind: str, number: int, count: int, *, field: str = "") -> list[str]:
    """``count`` words of a record's ``field``: its topic's words, one in three a linking
    word."""
    rng = _rng(kind, number, field)
    domain = rng.choices(topic(kind, number), k=count)
    glue = rng.choices(GLUE_WORDS, k=count // 3 + 1)
    return [glue[i // 3] if i % 3 == 1 and i < count - 1 else domain[i] for i in range(count)]


def title(kind: str, number: int, *, length: int = 5) -> str:
    """A title of ``length`` words ("Mentoring for kitchen apprenticeship support")."""
    return " ".join(words(kind, number, length, field="title")).replace("-", " ").capitalize()


def text(kind: str, number: int, count: int, *, field: str = "text") -> str:
    """A description of about ``count`` words in sentences of nine to fifteen."""
    tokens = [w.replace("-", " ") for w in words(kind, number, count, field=field)]
    sentences, i, length = [], 0, 9
    while i < len(tokens):
        sentences.append(" ".join(tokens[i:i + length]).capitalize() + ".")
        i += length
        length = 9 + (length + number) % 7
    return " ".join(sentences)


def name(kind: str, number: int) -> str:
    """An organisation's name ("Riverside Bakery Social Enterprise")."""
    rng = _rng(kind, number, "name")
    return f"{rng.choice(NAME_PARTS)} {rng.choice(TRADES)} {rng.choice(KINDS)}"


# People's names from the partners' countries.
FIRST_NAMES = ("Ana", "João", "Marta", "Tiago", "Zsófia", "Bence", "Eszter", "Márton", "Elena",
               "Stefan", "Marija", "Nikola", "Jelena", "Milan", "Zuzana", "Peter", "Katarína",
               "Lucia", "Giulia", "Marco", "Chiara", "Sophie", "Lucas", "Claire", "Aoife",
               "Liam", "Aino", "Mikko")
SURNAMES = ("Silva", "Costa", "Ferreira", "Nagy", "Kovács", "Szabó", "Tóth", "Petrovski",
            "Stojanovska", "Jovanović", "Nikolić", "Marković", "Novák", "Horváth", "Kučera",
            "Rossi", "Bianchi", "Romano", "Dubois", "Lambert", "Peeters", "Murphy", "Byrne",
            "Korhonen", "Virtanen")


def person(number: int) -> tuple[str, str]:
    """A first name and a surname."""
    rng = _rng("person", number, "name")
    return rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
