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
