"""Operations that change registry records: save from a form, delete, restore, verify.

Each leaves exactly one entry in the record's history, made by the person who acted, so the
record's page can say who changed what and when. The import is in ``providers.imports``.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from netw.geo.placing import place_from_city
from providers.forms import RegistryRecordForm
from providers.models import Provider, provider_history
from providers.vocabulary import Verification


def _save(record, *, by, save_m2m=None) -> None:
    """Save with one history entry that includes the many-to-many fields.

    django-simple-history writes an entry on ``save()`` and another on each many-to-many change;
    a provider's form sets three of them after saving. So the record is saved without an entry,
    the many-to-many fields are set, and then the one entry is written with all of them.
    """
    record._history_user = by
    if not isinstance(record, Provider):
        record.save()
        if save_m2m:
            save_m2m()
        return
    created = record.pk is None
    record.skip_history_when_saving = True
    try:
        record.save()
        if save_m2m:
            save_m2m()
    finally:
        del record.skip_history_when_saving
    provider_history.create_historical_record(record, "+" if created else "~")


@transaction.atomic
def record_save(*, form: RegistryRecordForm, by) -> object:
    """Create or update the form's record as ``by``; a new record gets its owner partner. A
    provider or network is placed on the map from its city, unless its owner placed it."""
    record = form.save(commit=False)
    if hasattr(record, "placed_by"):
        place_from_city(record)
    if record.pk is None:
        owner = form.owner_for_new_record()
        if owner is None:
            raise PermissionDenied("Only members of a partner register records.")
        record.owner_partner = owner
        record.created_by = by
    record.updated_by = by
    _save(record, by=by, save_m2m=form.save_m2m)
    return record


@transaction.atomic
def provider_register(*, by, partner, sectors=(), target_groups=(), networks=(),
                      **fields) -> Provider:
    """Register a provider from code (the demo, scripts): the form's path without a form."""
    provider = Provider(owner_partner=partner, created_by=by, updated_by=by, **fields)
    place_from_city(provider)

    def save_m2m() -> None:
        provider.sectors.set(sectors)
        provider.target_groups.set(target_groups)
        provider.networks.set(networks)

    _save(provider, by=by, save_m2m=save_m2m)
    return provider


@transaction.atomic
def record_delete(*, record, by) -> None:
    """Hide the record; a coordinator can restore it from the deleted records."""
    record.deleted_at = timezone.now()
    record.deleted_by = by
    record.updated_by = by
    _save(record, by=by)


@transaction.atomic
def record_restore(*, record, by) -> None:
    record.deleted_at = None
    record.deleted_by = None
    record.updated_by = by
    _save(record, by=by)


@transaction.atomic
def provider_verify(*, provider: Provider, by, verified: bool = True) -> None:
    provider.verification = Verification.VERIFIED if verified else Verification.UNVERIFIED
    provider.updated_by = by
    _save(provider, by=by)


def providers_history_in_bulk(*, created: list[Provider], changed: list[Provider] = (), by,
                              reason: str = "") -> None:
    """The history entries of providers written with ``bulk_create``/``bulk_update`` (which
    send no signal): one per provider, with its many-to-many fields as they are now — what
    :func:`_save` writes for one provider. Used by the import and the generators."""
    manager = Provider.history
    entries = []
    if created:
        entries += manager.bulk_history_create(created, default_user=by,
                                               default_change_reason=reason)
    if changed:
        entries += manager.bulk_history_create(changed, update=True, default_user=by,
                                               default_change_reason=reason)
    by_provider = {entry.id: entry for entry in entries}
    historical = manager.model
    for name, column in (("sectors", "sector_id"), ("target_groups", "targetgroup_id"),
                         ("networks", "network_id")):
        m2m_history = getattr(historical, name).model
        links = getattr(Provider, name).through.objects.filter(provider_id__in=by_provider)
        m2m_history.objects.bulk_create([
            m2m_history(history=by_provider[provider_id], id=link_id, provider_id=provider_id,
                        **{column: target_id})
            for link_id, provider_id, target_id in links.values_list("id", "provider_id", column)
        ], batch_size=2000)
