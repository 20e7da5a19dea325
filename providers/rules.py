"""Who may do what in the registry, written once (DESIGN.md, "Who uses it").

* Visitors read the public fields of verified providers and of networks.
* Partner members register providers, networks and stakeholders and edit their own partner's;
  they see contact details, stakeholders and the history of changes.
* Work-package-1 leads — the mapping is WP1's work — verify providers, so they also see the ones
  not yet verified; otherwise they are members.
* Coordinators edit everything and restore deleted records.

The list queries (``Provider.objects.visible_to(user)``) apply the same rules in SQL.
"""

from __future__ import annotations

import rules

from netw.roles import (
    is_coordinator,
    is_lead_of,
    is_owner_member,
    is_partner_member,
    is_partner_of,
)
from netw.workpackages import WorkPackage
from providers.vocabulary import Verification

is_registry_member = is_partner_member | is_coordinator
is_registry_reviewer = is_coordinator | is_lead_of(WorkPackage.CAPACITY_BUILDING)
can_edit_record = is_coordinator | is_owner_member


@rules.predicate
def is_verified(user, provider) -> bool:
    return provider is not None and provider.verification == Verification.VERIFIED


can_view_provider = is_verified | is_owner_member | is_registry_reviewer

rules.add_perm("providers.view_provider", can_view_provider)
rules.add_perm("providers.add_provider", is_registry_member)
rules.add_perm("providers.change_provider", can_edit_record)
rules.add_perm("providers.delete_provider", can_edit_record)
rules.add_perm("providers.verify_provider", is_registry_reviewer)
rules.add_perm("providers.import_providers", is_registry_member)
# The list of records not on the map yet (its rows: ProviderQuerySet.to_place_by).
rules.add_perm("providers.place_records", is_registry_member)

rules.add_perm("providers.view_network", rules.always_allow)
rules.add_perm("providers.add_network", is_registry_member)
rules.add_perm("providers.change_network", can_edit_record)
rules.add_perm("providers.delete_network", can_edit_record)

rules.add_perm("providers.view_stakeholder", is_registry_member)
rules.add_perm("providers.add_stakeholder", is_registry_member)
rules.add_perm("providers.change_stakeholder", can_edit_record)
rules.add_perm("providers.delete_stakeholder", can_edit_record)

# Contact persons, e-mails and phones; who changed what and when; deleted records.
rules.add_perm("providers.view_contact", is_registry_member)
rules.add_perm("providers.view_history", is_registry_member)
rules.add_perm("providers.restore_record", is_coordinator)

# A partner's own profile (full name, description, logo, contacts, people): its people and the
# coordinators.
rules.add_perm("providers.change_partner", is_coordinator | is_partner_of)
