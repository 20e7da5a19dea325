"""What ``manage.py bench`` measures of WP2's pages, and the records it adds per data unit (see
netw/benchmark.py). One unit: 300 methodologies (250 published, with descriptions of a few hundred
words, netw/benchtext.py), 20 roundtables, 400 dissemination activities."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from netw import benchtext
from netw.benchmark import BenchContext, BenchPage

METHODOLOGIES_PER_UNIT = 300
ROUNDTABLES_PER_UNIT = 20
ACTIVITIES_PER_UNIT = 400


def _detail(ctx: BenchContext) -> str:
    return ctx.objects["wp2_methodology"].get_absolute_url()


def _roundtable(ctx: BenchContext) -> str:
    """The first public roundtable: the same one at every scale."""
    from methodologies.models import Roundtable

    return Roundtable.objects.filter(is_public=True).order_by("pk").first().get_absolute_url()


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
    BenchPage("roundtable", _roundtable, personas=("anonymous", "member"), kind="detail"),
    BenchPage("publications", "methodologies:publication_list"),
    BenchPage("dissemination log", "methodologies:dissemination_list",
              personas=("member", "coordinator")),
    BenchPage("my methodologies", "methodologies:methodology_workspace",
              personas=("member", "lead")),
]


def generate(ctx: BenchContext, *, start: int, stop: int) -> None:
    from methodologies.models import DisseminationActivity, Methodology, Roundtable
    from providers.models import TargetGroup

    partners = list(ctx.partners.values())
    groups = list(TargetGroup.objects.all())
    countries = ["PT", "RS", "MK", "HU", "SK", "IT", "BE", "FR"]
    now = timezone.now()
    for unit in range(start, stop):
        first = unit * METHODOLOGIES_PER_UNIT
        made = Methodology.objects.bulk_create([
            Methodology(
                owner_partner=partners[n % len(partners)], slug=f"bench-{unit}-{n}",
                title=benchtext.title("methodology", first + n),
                summary=benchtext.text("methodology", first + n, 30, field="summary"),
                body=benchtext.text("methodology", first + n, 300, field="body"),
                problem=benchtext.text("methodology", first + n, 12, field="problem"),
                evidence=benchtext.text("methodology", first + n, 12, field="evidence"),
                transfer=benchtext.text("methodology", first + n, 12, field="transfer"),
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
            Roundtable(owner_partner=partners[n % len(partners)],
                       title=benchtext.title("roundtable", unit * ROUNDTABLES_PER_UNIT + n),
                       theme=benchtext.text("roundtable", unit * ROUNDTABLES_PER_UNIT + n, 6,
                                            field="theme"),
                       timezone="Europe/Rome", location="Padova",
                       starts_at=now + timedelta(days=n * 9 - 90 + unit),
                       ends_at=now + timedelta(days=n * 9 - 90 + unit, hours=3),
                       is_public=n % 2 == 0)
            for n in range(ROUNDTABLES_PER_UNIT)
        ])
        DisseminationActivity.objects.bulk_create([
            DisseminationActivity(
                owner_partner=partners[n % len(partners)], kind="social",
                date=(now - timedelta(days=n % 700)).date(),
                title=benchtext.title("activity", unit * ACTIVITIES_PER_UNIT + n),
                channel="LinkedIn", audience="providers", people_reached=n * 7,
                country=countries[n % len(countries)])
            for n in range(ACTIVITIES_PER_UNIT)
        ], batch_size=500)
