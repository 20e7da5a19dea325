"""The registry in the HSDS 3 feed (netw/opendata/hsds.py): verified providers and networks as
organizations, a provider's work-based adult education as its service, where each is as a
location, and the sectors and target groups as two taxonomies.

Only what visitors see, and less: never a contact (not even with the person's consent), nor who
registered or placed a record.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from netw.languages import bcp47
from netw.opendata.hsds import Source, hsds_id
from providers.models import Network, Provider, Sector, TargetGroup
from providers.vocabulary import SectorCode, TargetGroupCode

VISITOR = AnonymousUser()

# The sources' codes are part of the records' ids: never change or reuse one.
PROVIDER, NETWORK, PROVIDER_SERVICE, PROVIDER_LOCATION, NETWORK_LOCATION = 1, 2, 3, 4, 5
SECTOR_TERM, TARGET_GROUP_TERM, TAXONOMY = 6, 7, 8


class _Taxonomy:
    def __init__(self, pk: int, name, description, anchor: str):
        self.pk, self.name, self.description, self.anchor = pk, name, description, anchor


SECTORS = _Taxonomy(1, _("Net-Works sectors"),
                    _("The economic sectors providers train and employ people in."), "sectors")
TARGET_GROUPS = _Taxonomy(2, _("Net-Works target groups"),
                          _("The groups of people providers work with."), "target-groups")


def _url(path: str) -> str:
    return settings.SITE_URL + path


def _when(value) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value else None


def _providers():
    return (Provider.objects.visible_to(VISITOR)
            .prefetch_related("sectors", "target_groups").order_by("pk"))


def _networks():
    return Network.objects.visible_to(VISITOR).order_by("pk")


def _placed(queryset):
    return queryset.filter(~Q(country="") | ~Q(city="") | Q(latitude__isnull=False))


def _organization(record, code: int) -> dict:
    is_network = code == NETWORK
    return {
        "id": hsds_id(code, record.pk),
        "name": record.name,
        "alternate_name": (record.acronym or None) if is_network else None,
        "description": record.description,
        "website": record.website or None,
        "additional_websites": [],
        "legal_status": None if is_network else (record.legal_form or None),
        "year_incorporated": record.founded_year if is_network else None,
        "uri": _url(record.get_absolute_url()),
        "parent_organization_id": None,
        "last_modified": _when(record.updated_at),
    }


def _location(record, code: int, organization_code: int) -> dict:
    location_id = hsds_id(code, record.pk)
    addresses = []
    if record.country:
        addresses.append({
            "id": str(uuid.uuid5(uuid.UUID(location_id), "address")),
            "location_id": location_id,
            # The registry keeps no street address or postcode: only where the record is.
            "address_1": "",
            "city": record.city,
            "region": record.subdivision or None,
            "state_province": record.subdivision or record.region,
            "postal_code": "",
            "country": str(record.country),
            "address_type": "physical",
        })
    return {
        "id": location_id,
        "location_type": "physical",
        "organization_id": hsds_id(organization_code, record.pk),
        "name": ", ".join(part for part in (record.city, str(record.country.name)
                                            if record.country else "") if part) or record.name,
        "latitude": float(record.latitude) if record.latitude is not None else None,
        "longitude": float(record.longitude) if record.longitude is not None else None,
        "addresses": addresses,
    }


def _taxonomy(taxonomy: _Taxonomy) -> dict:
    return {
        "id": hsds_id(TAXONOMY, taxonomy.pk),
        "name": str(taxonomy.name),
        "description": str(taxonomy.description),
        "uri": _url("/open-data/#dataset-providers"),
        "version": "1",
    }


def _term(term, code: int) -> dict:
    taxonomy, vocabulary = ((SECTORS, SectorCode) if code == SECTOR_TERM
                            else (TARGET_GROUPS, TargetGroupCode))
    label = str(vocabulary(term.code).label) if term.code in vocabulary.values else term.code
    return {
        "id": hsds_id(code, term.pk),
        "code": term.code,
        "name": label,
        "description": label,
        "parent_id": None,
        "taxonomy_id": hsds_id(TAXONOMY, taxonomy.pk),
        "language": "en",
        "term_uri": None,
    }


def _service(provider: Provider) -> dict:
    service_id = hsds_id(PROVIDER_SERVICE, provider.pk)
    terms = ([(term, SECTOR_TERM) for term in provider.sectors.all()]
             + [(term, TARGET_GROUP_TERM) for term in provider.target_groups.all()])
    return {
        "id": service_id,
        "organization_id": hsds_id(PROVIDER, provider.pk),
        "name": str(_("Work-based adult education at %(name)s") % {"name": provider.name}),
        "alternate_name": None,
        "description": provider.description,
        "url": _url(provider.get_absolute_url()),
        "additional_urls": [],
        "status": "active",
        "last_modified": _when(provider.updated_at),
        "languages": [{"id": service_id, "service_id": service_id,
                       "code": bcp47(provider.language)}],
        "attributes": [{
            "id": str(uuid.uuid5(uuid.UUID(service_id), hsds_id(code, term.pk))),
            "link_id": service_id,
            "link_type": "service",
            "link_entity": "service",
            "taxonomy_term_id": hsds_id(code, term.pk),
            "taxonomy_term": [_term(term, code)],
        } for term, code in terms],
        "service_at_locations": [{
            "id": hsds_id(PROVIDER_LOCATION, provider.pk),
            "service_id": service_id,
            "location_id": hsds_id(PROVIDER_LOCATION, provider.pk),
        }],
    }


SOURCES = {
    "organizations": [
        Source(PROVIDER, _providers, lambda p: _organization(p, PROVIDER), "updated_at"),
        Source(NETWORK, _networks, lambda n: _organization(n, NETWORK), "updated_at"),
    ],
    "services": [Source(PROVIDER_SERVICE, _providers, _service, "updated_at")],
    "locations": [
        Source(PROVIDER_LOCATION, lambda: _placed(_providers()),
               lambda p: _location(p, PROVIDER_LOCATION, PROVIDER), "updated_at"),
        Source(NETWORK_LOCATION, lambda: _placed(_networks()),
               lambda n: _location(n, NETWORK_LOCATION, NETWORK), "updated_at"),
    ],
    "taxonomies": [Source(TAXONOMY, lambda: [SECTORS, TARGET_GROUPS], _taxonomy)],
    "taxonomy_terms": [
        Source(SECTOR_TERM, lambda: Sector.objects.order_by("position", "pk"),
               lambda term: _term(term, SECTOR_TERM)),
        Source(TARGET_GROUP_TERM, lambda: TargetGroup.objects.order_by("position", "pk"),
               lambda term: _term(term, TARGET_GROUP_TERM)),
    ],
}
