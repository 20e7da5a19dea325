"""The open data's rows of the access matrix: the data page, the package's files and the HSDS
feed are public, the same for everyone (the package is built for the test in ``objects``)."""

from netw.opendata.hsds import OBJECT_TYPES, hsds_id
from providers import hsds as registry_hsds
from tests.access import Row, everyone, url

ROWS = {
    "opendata:page": Row(url("opendata:page"), everyone(200)),
    "opendata:datapackage": Row(url("opendata:datapackage"), everyone(200)),
    "opendata:readme": Row(url("opendata:readme"), everyone(200)),
    "opendata:licence": Row(url("opendata:licence"), everyone(200)),
    "opendata:resource": Row(url("opendata:resource", lambda o: "providers"), everyone(200)),
    "hsds:root": Row(url("hsds:root"), everyone(200)),
}
ROWS.update({f"hsds:{kind}": Row(url(f"hsds:{kind}"), everyone(200)) for kind in OBJECT_TYPES})
ROWS.update({
    f"hsds:{kind}_detail": Row(url(f"hsds:{kind}_detail", lambda o, kind=kind: o["hsds"][kind]),
                               everyone(200))
    for kind in OBJECT_TYPES
})


def objects(personas, partners) -> dict:
    from netw.opendata.package import build_package
    from providers.models import Sector
    from tests.factories import ProviderFactory

    provider = ProviderFactory(owner_partner=partners["a3s"], name="Open data provider")
    build_package()
    return {"hsds": {
        "organizations": hsds_id(registry_hsds.PROVIDER, provider.pk),
        "services": hsds_id(registry_hsds.PROVIDER_SERVICE, provider.pk),
        "locations": hsds_id(registry_hsds.PROVIDER_LOCATION, provider.pk),
        "taxonomies": hsds_id(registry_hsds.TAXONOMY, registry_hsds.SECTORS.pk),
        "taxonomy_terms": hsds_id(registry_hsds.SECTOR_TERM, Sector.objects.first().pk),
    }}
