"""What ``manage.py bench`` measures of netw's own pages, and the people and invitations it adds
per data unit (see netw/benchmark.py)."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from netw import benchtext
from netw.benchmark import BenchContext, BenchPage

BENCH_PAGES = [
    # The sitemap index (netw/sitemaps.py): one count query for each app's section of records
    # (about 15 today), a crawler's page rather than a person's: its budget grows with the
    # sections, not with the data.
    BenchPage("sitemap", "sitemap", load=True, budget=30),
    # The largest section's first page, at most PortalSitemap.limit addresses: the page and
    # the count.
    BenchPage("sitemap providers",
              lambda ctx: reverse("sitemap_section", kwargs={"section": "providers"}),
              load=True, kind="detail"),
    BenchPage("home", "netw:home", personas=("anonymous", "member"), load=True),
    BenchPage("about", "netw:about", load=True),
    # The open data: every dataset's fields from its Table Schema, and the built files.
    BenchPage("open data", "opendata:page"),
    BenchPage("my home", "netw:my_home", personas=("member", "lead", "coordinator"),
              kind="dashboard"),
    # Every app's actions of the person (netw/actions.py): one query a source.
    BenchPage("my actions", "netw:my_actions", personas=("member", "lead")),
    BenchPage("profile", "netw:profile", personas=("member",), kind="detail"),
    BenchPage("invitations", "netw:invitation_list", personas=("coordinator",)),
    # The monitoring dashboard (netw/monitoring/views.py): one snapshot of every indicator, and
    # the drill-down of one figure, a page of records.
    BenchPage("monitoring", "monitoring:dashboard", personas=("member", "coordinator"),
              kind="dashboard"),
    BenchPage("monitoring drill-down",
              lambda ctx: reverse("monitoring:drilldown", args=["wp1.providers_mapped"]),
              personas=("member", "coordinator")),
]



def _api_pages() -> list[BenchPage]:
    """The public API's lists (netw/api): every app's endpoint, a page of 50 records each."""
    from netw.api import routes

    return [BenchPage(f"api {route.prefix}", f"api:{route.basename}-list")
            for route in routes()]


BENCH_PAGES += _api_pages()

USERS_PER_UNIT = 100
INVITATIONS_PER_UNIT = 250


def generate(ctx: BenchContext, *, start: int, stop: int) -> None:
    from netw.models import Invitation, User
    from netw.roles import Role
    from providers.models import Membership

    partners = list(ctx.partners.values())
    roles = [Role.MEMBER] * 8 + [Role.WP_LEAD]
    names = {unit * USERS_PER_UNIT + n: benchtext.person(unit * USERS_PER_UNIT + n)
             for unit in range(start, stop) for n in range(USERS_PER_UNIT)}
    users = User.objects.bulk_create([
        User(email=f"person{unit}-{n}@bench.invalid",
             first_name=names[unit * USERS_PER_UNIT + n][0],
             last_name=names[unit * USERS_PER_UNIT + n][1], password="!", language="en")
        for unit in range(start, stop) for n in range(USERS_PER_UNIT)
    ], batch_size=500)
    Membership.objects.bulk_create([
        Membership(user=user, partner=partners[i % len(partners)], role=roles[i % len(roles)])
        for i, user in enumerate(users)
    ], batch_size=500)
    now = timezone.now()
    coordinator = ctx.users["coordinator"]
    Invitation.objects.bulk_create([
        Invitation(email=f"invitee{unit}-{n}@bench.invalid", partner=partners[n % len(partners)],
                   role=Role.MEMBER, invited_by=coordinator,
                   expires_at=now + timedelta(days=(n % 28) - 7),
                   accepted_at=now if n % 5 == 0 else None)
        for unit in range(start, stop) for n in range(INVITATIONS_PER_UNIT)
    ], batch_size=500)
