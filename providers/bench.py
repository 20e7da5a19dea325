"""What ``manage.py bench`` measures of the registry's pages, and the records it adds per data
unit (see netw/benchmark.py). One unit: 2,000 providers (a third of them unverified: partners'
drafts), 40 networks, 100 stakeholders, each provider with two sectors, two target groups and a
network; names and descriptions from netw/benchtext.py (one provider in six an "enterprise"
by name). ``make_providers`` is also what ``bench_exports`` fills its provider lists with."""

from __future__ import annotations

from django.urls import reverse

from netw import benchtext
from netw.benchmark import BenchContext, BenchPage

PROVIDERS_PER_UNIT = 2000
NETWORKS_PER_UNIT = 40
STAKEHOLDERS_PER_UNIT = 100
COUNTRIES = ["PT", "HU", "MK", "RS", "SK", "BE", "IT", "FR", "IE", "FI"]
# Roughly each country's middle (latitude, longitude): the records are spread around it.
CENTRES = {"PT": (39.6, -8.0), "HU": (47.2, 19.4), "MK": (41.6, 21.7), "RS": (44.0, 20.9),
           "SK": (48.7, 19.7), "BE": (50.6, 4.6), "IT": (42.8, 12.6), "FR": (46.6, 2.4),
           "IE": (53.2, -7.9), "FI": (62.5, 25.9)}


def place(i: int, country: str) -> dict:
    """Coordinates near the country's middle; one record in ten has none (not placed yet)."""
    if i % 10 == 0:
        return {}
    lat, lng = CENTRES[country]
    return {"latitude": round(lat + (i % 37 - 18) / 20, 5),
            "longitude": round(lng + (i % 41 - 20) / 20, 5)}


def _provider(ctx: BenchContext) -> str:
    return reverse("providers:provider_detail", args=[ctx.objects["registry.provider"].pk])


def _network(ctx: BenchContext) -> str:
    return reverse("providers:network_detail", args=[ctx.objects["registry.network"].pk])


BENCH_PAGES = [
    # The Atom feeds: the newest verified providers (their verification date from the history,
    # one subquery) and the newest networks.
    BenchPage("providers feed", "providers:provider_feed", load=True),
    BenchPage("networks feed", "providers:network_feed"),
    BenchPage("partner list", "providers:partner_list", personas=("anonymous", "member"),
              load=True),
    BenchPage("partner detail", lambda ctx: reverse("providers:partner_detail", args=["a3s"]),
              kind="detail"),
    BenchPage("provider list", "providers:provider_list",
              personas=("anonymous", "member", "coordinator"), load=True),
    BenchPage("provider list filtered",
              lambda ctx: reverse("providers:provider_list") + "?country=PT&q=enterprise",
              personas=("anonymous",)),
    BenchPage("provider detail", _provider, personas=("anonymous", "member"), kind="detail"),
    BenchPage("network list", "providers:network_list", load=True),
    BenchPage("network detail", _network, kind="detail"),
    BenchPage("stakeholder list", "providers:stakeholder_list", personas=("member",)),
    # The maps: the page (filters, counts, a page of the list) and its points, every placed
    # record the person may see up to netw.geo.maps.POINTS_LIMIT, streamed.
    BenchPage("provider map", "providers:provider_map", personas=("anonymous", "member"),
              load=True),
    BenchPage("provider map points", "providers:provider_map_points",
              personas=("anonymous", "member", "coordinator")),
    BenchPage("provider map points filtered",
              lambda ctx: reverse("providers:provider_map_points") + "?country=PT&q=enterprise",
              personas=("anonymous",)),
    BenchPage("network map", "providers:network_map"),
    BenchPage("network map points", "providers:network_map_points"),
    # Coverage by region (netw.geo): grouped counts, the same queries at any size.
    BenchPage("coverage by region", "providers:coverage_index", load=True),
    BenchPage("country overview", "providers:country_overview"),
    BenchPage("country regions",
              lambda ctx: reverse("providers:country_regions", args=["HU"]), load=True),
    BenchPage("country regions GeoJSON",
              lambda ctx: reverse("providers:country_regions_geojson", args=["PT"])),
    BenchPage("records not on the map", "providers:unplaced_list",
              personas=("member", "coordinator")),
]


def _subdivision(i: int) -> str:
    """A region of the focus countries for every other provider there (the others' region is
    not known: the coverage page counts them apart)."""
    from netw.geo import regions

    country = COUNTRIES[i % len(COUNTRIES)]
    if i % 2 or not regions.is_focus_country(country):
        return ""
    codes = regions.region_codes(country)
    return codes[(i // len(COUNTRIES)) % len(codes)]


def _networks(ctx: BenchContext, start: int, stop: int) -> list:
    from providers.models import Network
    from providers.vocabulary import Level, Maturity

    partners = list(ctx.partners.values())
    return Network.objects.bulk_create([
        Network(name=f"{benchtext.title('network', i, length=3)} network",
                country=COUNTRIES[i % len(COUNTRIES)],
                **place(i, COUNTRIES[i % len(COUNTRIES)]),
                level=Level.values[i % len(Level.values)],
                maturity=Maturity.values[i % len(Maturity.values)],
                owner_partner=partners[i % len(partners)],
                representing_partner=partners[i % len(partners)])
        for i in range(start, stop)
    ], batch_size=500)


def make_providers(ctx: BenchContext, *, count: int, start: int = 0) -> None:
    """Providers numbered start..count-1, with their sectors, target groups and a network."""
    from providers.models import Network, Provider, Sector, TargetGroup
    from providers.vocabulary import LegalForm, Verification, seed_vocabulary

    seed_vocabulary()
    partners = list(ctx.partners.values())
    sectors = list(Sector.objects.values_list("pk", flat=True))
    groups = list(TargetGroup.objects.values_list("pk", flat=True))
    networks = list(Network.objects.values_list("pk", flat=True)) or \
        [n.pk for n in _networks(ctx, 0, NETWORKS_PER_UNIT)]
    legal_forms = LegalForm.values
    for first in range(start, count, 5000):
        numbers = range(first, min(first + 5000, count))
        created = Provider.objects.bulk_create([
            Provider(name=benchtext.name("provider", i),
                     country=COUNTRIES[i % len(COUNTRIES)], city=f"City {i % 97}",
                     **place(i, COUNTRIES[i % len(COUNTRIES)]),
                     region=f"Region {i % 13}", legal_form=legal_forms[i % len(legal_forms)],
                     subdivision=_subdivision(i),
                     description=benchtext.text("provider", i, 25),
                     website=f"https://provider{i}.example.org",
                     contact_email=f"contact{i}@provider.example.org",
                     learners_per_year=i % 300, workers_per_year=i % 120,
                     verification=Verification.UNVERIFIED if i % 3 == 0 else
                     Verification.VERIFIED,
                     owner_partner=partners[i % len(partners)])
            for i in numbers
        ], batch_size=1000)
        Provider.sectors.through.objects.bulk_create([
            Provider.sectors.through(provider_id=p.pk, sector_id=sectors[(i + k) % len(sectors)])
            for i, p in enumerate(created) for k in range(2)
        ], batch_size=2000)
        Provider.target_groups.through.objects.bulk_create([
            Provider.target_groups.through(provider_id=p.pk,
                                           targetgroup_id=groups[(i + k) % len(groups)])
            for i, p in enumerate(created) for k in range(2)
        ], batch_size=2000)
        Provider.networks.through.objects.bulk_create([
            Provider.networks.through(provider_id=p.pk, network_id=networks[i % len(networks)])
            for i, p in enumerate(created)
        ], batch_size=2000)


def generate(ctx: BenchContext, *, start: int, stop: int) -> None:
    from providers.models import Provider, Stakeholder
    from providers.vocabulary import Level, StakeholderKind

    _networks(ctx, start * NETWORKS_PER_UNIT, stop * NETWORKS_PER_UNIT)
    make_providers(ctx, count=stop * PROVIDERS_PER_UNIT, start=start * PROVIDERS_PER_UNIT)
    partners = list(ctx.partners.values())
    Stakeholder.objects.bulk_create([
        Stakeholder(name=benchtext.name("stakeholder", i), country=COUNTRIES[i % len(COUNTRIES)],
                    kind=StakeholderKind.values[i % len(StakeholderKind.values)],
                    level=Level.values[i % len(Level.values)],
                    owner_partner=partners[i % len(partners)])
        for i in range(start * STAKEHOLDERS_PER_UNIT, stop * STAKEHOLDERS_PER_UNIT)
    ], batch_size=500)
    if "registry.provider" not in ctx.objects:  # the same records at every scale
        from providers.models import Network
        from providers.vocabulary import Verification

        ctx.objects["registry.provider"] = Provider.objects.filter(
            owner_partner=ctx.partners["a3s"], verification=Verification.VERIFIED).first()
        ctx.objects["registry.network"] = Network.objects.order_by("pk").first()
