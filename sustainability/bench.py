"""What ``manage.py bench`` measures of WP3's pages, and the records it adds per data unit (see
netw/benchmark.py). One unit: 200 good practices (five in six published), each with two target
groups and a sector."""

from __future__ import annotations

import random
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from netw.benchmark import BenchContext, BenchPage

PRACTICES_PER_UNIT = 200
WORDS = ("shop contract tender clause grant fund fee member donor crowd investor margin income "
         "coach laundry garden repair kitchen catering cooperative network municipality "
         "customer").split()


def _detail(ctx: BenchContext) -> str:
    return ctx.objects["wp3_practice"].get_absolute_url()


BENCH_PAGES = [
    BenchPage("good practices", "sustainability:goodpractice_list",
              personas=("anonymous", "member"), load=True),
    BenchPage("good practices filtered",
              lambda ctx: reverse("sustainability:goodpractice_list")
              + "?country=PT&level=local&q=shop", load=True),
    BenchPage("good practice", _detail, personas=("anonymous", "member"), load=True),
    BenchPage("my good practices", "sustainability:goodpractice_workspace",
              personas=("member", "lead")),
]


def generate(ctx: BenchContext, *, start: int, stop: int) -> None:
    from providers.models import Sector, TargetGroup
    from sustainability.funding import seed_funding_models
    from sustainability.models import FundingModel, GoodPractice

    seed_funding_models(FundingModel)
    rng = random.Random(start)
    partners = list(ctx.partners.values())
    funding = list(FundingModel.objects.all())
    groups = list(TargetGroup.objects.all())
    sectors = list(Sector.objects.all())
    countries = ["PT", "RS", "MK", "HU", "SK", "IE", "FI", "BE"]
    levels = ["local", "regional", "national", "european"]
    now = timezone.now()
    for unit in range(start, stop):
        made = GoodPractice.objects.bulk_create([
            GoodPractice(
                owner_partner=partners[n % len(partners)], slug=f"bench-practice-{unit}-{n}",
                title=" ".join(rng.choices(WORDS, k=5)).capitalize() + f" {unit}-{n}",
                summary=" ".join(rng.choices(WORDS, k=30)),
                how_it_works=" ".join(rng.choices(WORDS, k=200)),
                problem="Grants ended between calls.", results="Steadier income.",
                transferability="Needs a buyer nearby.", organisation="Bench cooperative",
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
    generate_recommendations(ctx, start=start, stop=stop)


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
              + "?country=PT&level=national&q=contract", load=True),
    BenchPage("recommendation", _recommendation, personas=("anonymous", "member"), load=True),
    BenchPage("uptake matrix", "sustainability:uptake_matrix",
              personas=("anonymous", "member"), load=True),
    BenchPage("uptake steps", "sustainability:uptake_list", personas=("anonymous", "member")),
    BenchPage("my recommendations", "sustainability:recommendation_workspace",
              personas=("member", "lead")),
]


def generate_recommendations(ctx: BenchContext, *, start: int, stop: int) -> None:
    from providers.models import Stakeholder
    from sustainability.models import AddresseeType, Recommendation, UptakeStep

    rng = random.Random(1000 + start)
    partners = list(ctx.partners.values())
    addressees = list(AddresseeType.objects.all())
    stakeholders = list(Stakeholder.objects.order_by("pk").values_list("pk", flat=True)[:50])
    countries = ["PT", "RS", "MK", "HU", "SK", "IE", "FI", "BE", "IT", "FR", "ES", "DE"]
    levels = ["local", "regional", "national", "european"]
    now = timezone.now()
    today = timezone.localdate()
    for unit in range(start, stop):
        made = Recommendation.objects.bulk_create([
            Recommendation(
                owner_partner=partners[n % len(partners)], slug=f"bench-recommendation-{unit}-{n}",
                title=" ".join(rng.choices(WORDS, k=5)).capitalize() + f" {unit}-{n}",
                summary=" ".join(rng.choices(WORDS, k=30)),
                text=" ".join(rng.choices(WORDS, k=200)), level=levels[n % len(levels)],
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
