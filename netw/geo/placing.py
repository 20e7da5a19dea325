"""Putting a record on the map: from its city (the gazetteer), or by hand (its owner).

:func:`place_from_city` is called by every path that writes a record with a city and a country
— the registry's forms (``providers.services.record_save``), ``provider_register``, the
spreadsheet import, the admin, ``manage.py place_records`` — before the record is saved, so
the history entry the save writes includes the place. It never moves a record its owner placed
by hand (``placed_by == owner``): only :func:`place_by_hand` and :func:`place_again_from_city`
change those.
"""

from __future__ import annotations

from decimal import Decimal

from netw.geo.gazetteer import lookup
from netw.geo.models import Located, PlacedBy

PLACE_FIELDS = ("latitude", "longitude", "subdivision", "placed_by")


def place_from_city(record: Located) -> bool:
    """Set the record's place from its city and country, unless placed by hand. True if it
    is on the map afterwards. A city not in the gazetteer (or none) takes the record off the
    map: its owner finds it on the list of records to place."""
    if record.placed_by == PlacedBy.OWNER:
        return record.is_placed
    found = lookup(getattr(record, "city", ""), str(record.country or ""))
    if found is None:
        record.latitude = record.longitude = None
        record.subdivision = ""
        record.placed_by = ""
        return False
    record.latitude, record.longitude = found.latitude, found.longitude
    record.subdivision = found.subdivision
    record.placed_by = PlacedBy.GAZETTEER
    return True


def place_by_hand(record: Located, *, latitude: Decimal | None, longitude: Decimal | None,
                  subdivision: str) -> None:
    """The owner's place: kept whatever the city becomes, until they place it from the city
    again. A region without coordinates is kept too (counted in its region, not on the map);
    with neither, the record goes back to its city's place."""
    if latitude is None and longitude is None and not subdivision:
        place_again_from_city(record)
        return
    record.latitude, record.longitude = latitude, longitude
    record.subdivision = subdivision
    record.placed_by = PlacedBy.OWNER


def place_again_from_city(record: Located) -> bool:
    """Forget the owner's place and take the gazetteer's."""
    record.placed_by = ""
    return place_from_city(record)


def located_models() -> list[type[Located]]:
    """Every installed model with a place (the core names none)."""
    from django.apps import apps

    return [model for model in apps.get_models() if issubclass(model, Located)]


def place_records(*, reason: str = "Placed on the map from its city") -> dict[str, tuple[int, int]]:
    """Place every record not placed by hand from its city again (after the gazetteer was
    rebuilt, or for records written before it): {model label: (changed, not on the map)}.

    Only the records whose place changes are saved, one by one, so each gets its history entry
    (with ``reason``); deleted records too, so that a restored one is where its city is."""
    counts = {}
    for model in located_models():
        manager = getattr(model, "all_objects", model._default_manager)
        changed = unplaced = 0
        for record in manager.exclude(placed_by=PlacedBy.OWNER).order_by("pk").iterator(
                chunk_size=500):
            before = tuple(getattr(record, name) for name in PLACE_FIELDS)
            if not place_from_city(record):
                unplaced += 1
            if tuple(getattr(record, name) for name in PLACE_FIELDS) != before:
                record._change_reason = reason
                record.save(update_fields=PLACE_FIELDS)
                changed += 1
        counts[model._meta.label] = (changed, unplaced)
    return counts
