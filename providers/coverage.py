"""Coverage by region: for each of the five focus countries, its regions (ISO 3166-2, the level
chosen in netw/geo/regions.py) with the number of providers and of networks in each, so that the
regions without any stand out.

Providers count once verified (the "Providers mapped" indicator, as on the country overview);
networks once registered (not deleted). A record counts in the region the map puts it in
(``subdivision``: from its city, or set by its owner); records of the country whose region is
not known yet are counted apart. Two grouped queries for any number of countries and regions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count
from django.utils.translation import gettext, ngettext
from django_countries import countries

from netw.geo import regions
from netw.geo.gazetteer import region_centres
from netw.geo.maps import point_feature
from netw.monitoring import indicators


@dataclass
class RegionRow:
    code: str
    name: str
    providers: int = 0
    networks: int = 0
    centre: tuple[Decimal, Decimal] | None = None  # where the map draws the region's figures

    @property
    def is_empty(self) -> bool:
        """No provider: the gap the coverage page is about."""
        return self.providers == 0

    @property
    def has_nothing(self) -> bool:
        return self.providers == 0 and self.networks == 0


@dataclass
class CountryCoverage:
    code: str
    name: str
    rows: list[RegionRow] = field(default_factory=list)
    # Records of the country whose region is not known (not placed yet).
    providers_without_region: int = 0
    networks_without_region: int = 0

    @property
    def providers(self) -> int:
        return sum(r.providers for r in self.rows) + self.providers_without_region

    @property
    def networks(self) -> int:
        return sum(r.networks for r in self.rows) + self.networks_without_region

    @property
    def empty_regions(self) -> list[RegionRow]:
        return [r for r in self.rows if r.is_empty]

    @property
    def covered_regions(self) -> int:
        return len(self.rows) - len(self.empty_regions)


def _counted(code: str):
    return indicators.scoped(indicators.get(code)).order_by()


def coverage(codes=regions.FOCUS_COUNTRIES) -> list[CountryCoverage]:
    """The coverage of each country of ``codes`` (focus countries), in that order."""
    codes = [code for code in codes if regions.is_focus_country(code)]
    centres = region_centres()
    result = {}
    for code in codes:
        result[code] = CountryCoverage(code=code, name=str(countries.name(code)), rows=[
            RegionRow(region.code, region.name, centre=centres.get(region.code))
            for region in regions.regions(code)])
    by_code = {row.code: row for c in result.values() for row in c.rows}
    for indicator, attribute in (("wp1.providers_mapped", "providers"),
                                 ("wp1.networks_mapped", "networks")):
        found = (_counted(indicator).filter(country__in=codes)
                 .values("country", "subdivision").annotate(n=Count("pk")))
        for each in found:
            row = by_code.get(each["subdivision"])
            if row is not None and row.code.startswith(f"{each['country']}-"):
                setattr(row, attribute, getattr(row, attribute) + each["n"])
            else:  # not placed, or in a region not counted (Kosovo's districts)
                country = result[each["country"]]
                name = f"{attribute}_without_region"
                setattr(country, name, getattr(country, name) + each["n"])
    return [result[code] for code in codes]


def country_coverage(code: str) -> CountryCoverage:
    return coverage([code])[0]


def region_detail(row: RegionRow) -> str:
    """The region's figures in words (the map's popup, the table's text)."""
    if row.has_nothing:
        return gettext("No provider or network yet")
    providers = ngettext("%(count)d provider", "%(count)d providers",
                         row.providers) % {"count": row.providers}
    networks = ngettext("%(count)d network", "%(count)d networks",
                        row.networks) % {"count": row.networks}
    return f"{providers}, {networks}"


def region_features(country: CountryCoverage, *, providers_url: str) -> list[dict]:
    """The regions as points of the map component (netw/geo/maps.py) at their centre — the
    population-weighted mean of the gazetteer's places — with the number of providers as the
    marker's figure (0 drawn hollow: the gap) and both figures as properties, linked to the
    provider list of the region."""
    features = []
    for row in country.rows:
        if row.centre is None:
            continue
        feature = point_feature(
            id=row.code, latitude=row.centre[0], longitude=row.centre[1], name=row.name,
            url=f"{providers_url}?subdivision={row.code}", kind="region",
            detail=region_detail(row), count=row.providers)
        feature["properties"].update(code=row.code, country=country.code,
                                     providers=row.providers, networks=row.networks,
                                     empty=row.is_empty)
        features.append(feature)
    return features
