"""What ``manage.py bench`` measures of WP2's pages, and the records it adds per data unit (see
netw/benchmark.py). One unit: 300 methodologies (250 published, with descriptions of a few hundred
words), 20 roundtables, 400 dissemination activities."""

from __future__ import annotations

import random
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from netw.benchmark import BenchContext, BenchPage

METHODOLOGIES_PER_UNIT = 300
ROUNDTABLES_PER_UNIT = 20
ACTIVITIES_PER_UNIT = 400
WORDS = ("tutor coach trainee workshop bakery laundry garden repair print kitchen order skill "
         "job placement employer mentor portfolio assessment recognition cooperative network "
         "enterprise learning season customer team").split()


def _detail(ctx: BenchContext) -> str:
    return ctx.objects["wp2_methodology"].get_absolute_url()


BENCH_PAGES = [
    BenchPage("methodologies feed", "methodologies:feed", load=True),
    BenchPage("publications feed", "methodologies:publication_feed"),
    BenchPage("inventory", "methodologies:methodology_list", personas=("anonymous", "member"),
              load=True),
    BenchPage("inventory search",
              lambda ctx: reverse("methodologies:methodology_list") + "?q=mentor+bakery",
              load=True),
    BenchPage("inventory filtered",
              lambda ctx: reverse("methodologies:methodology_list") + "?country=PT&setting=mixed"),
    BenchPage("methodology", _detail, personas=("anonymous", "member"), load=True,
              kind="detail"),
    BenchPage("roundtables", "methodologies:roundtable_list", personas=("anonymous", "member")),
    BenchPage("publications", "methodologies:publication_list"),
    BenchPage("dissemination log", "methodologies:dissemination_list",
              personas=("member", "coordinator")),
    BenchPage("my methodologies", "methodologies:methodology_workspace",
              personas=("member", "lead")),
]


def generate(ctx: BenchContext, *, start: int, stop: int) -> None:
    from methodologies.models import DisseminationActivity, Methodology, Roundtable
    from providers.models import TargetGroup

    rng = random.Random(start)
    partners = list(ctx.partners.values())
    groups = list(TargetGroup.objects.all())
    countries = ["PT", "RS", "MK", "HU", "SK", "IT", "BE", "FR"]
    now = timezone.now()
    for unit in range(start, stop):
        made = Methodology.objects.bulk_create([
            Methodology(
                owner_partner=partners[n % len(partners)], slug=f"bench-{unit}-{n}",
                title=" ".join(rng.choices(WORDS, k=5)).capitalize() + f" {unit}-{n}",
                summary=" ".join(rng.choices(WORDS, k=30)),
                body=" ".join(rng.choices(WORDS, k=300)), problem="Long-term unemployment.",
                evidence="Two thirds found work.", transfer="Train tutors first.",
                learning_setting=("on_the_job", "mixed", "classroom")[n % 3],
                country=countries[n % len(countries)], language="en",
                status="published" if n % 6 else "draft",
                published_at=now - timedelta(days=n) if n % 6 else None,
            )
            for n in range(METHODOLOGIES_PER_UNIT)
        ], batch_size=500)
        through = Methodology.target_groups.through
        through.objects.bulk_create([
            through(methodology_id=m.pk, targetgroup_id=groups[(i + k) % len(groups)].pk)
            for i, m in enumerate(made) for k in range(2)
        ], batch_size=1000)
        ctx.objects.setdefault("wp2_methodology", made[1])
        Roundtable.objects.bulk_create([
            Roundtable(owner_partner=partners[n % len(partners)], title=f"Roundtable {unit}-{n}",
                       theme="Tutoring at work", timezone="Europe/Rome", location="Padova",
                       starts_at=now + timedelta(days=n * 9 - 90 + unit),
                       ends_at=now + timedelta(days=n * 9 - 90 + unit, hours=3),
                       is_public=n % 2 == 0)
            for n in range(ROUNDTABLES_PER_UNIT)
        ])
        DisseminationActivity.objects.bulk_create([
            DisseminationActivity(
                owner_partner=partners[n % len(partners)], kind="social",
                date=(now - timedelta(days=n % 700)).date(), title=f"Post {unit}-{n}",
                channel="LinkedIn", audience="providers", people_reached=n * 7,
                country=countries[n % len(countries)])
            for n in range(ACTIVITIES_PER_UNIT)
        ], batch_size=500)
