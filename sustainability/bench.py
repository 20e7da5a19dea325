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
    # Good practices: ranked search, per partner, feed, printout, history
    BenchPage("good practices searched",
              lambda ctx: reverse("sustainability:goodpractice_list") + "?q=shop+margin",
              personas=("anonymous", "member"), load=True),
    BenchPage("good practices by partner",
              lambda ctx: reverse("sustainability:goodpractice_list") + "?partner=a3s&q=coach",
              load=True),
    BenchPage("good practices feed", "sustainability:goodpractice_feed", load=True),
    BenchPage("good practice printable",
              lambda ctx: reverse("sustainability:goodpractice_print",
                                  args=[ctx.objects["wp3_practice"].slug])),
    BenchPage("good practice history",
              lambda ctx: reverse("sustainability:goodpractice_history",
                                  args=[ctx.objects["wp3_a3s_practice"].slug]),
              personas=("member",)),
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
        ctx.objects.setdefault("wp3_a3s_practice", next(
            p for p in made if p.owner_partner.slug == "a3s" and p.status == "published"))
