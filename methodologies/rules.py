"""Who may do what in work package 2, written once for views, templates and the admin."""

import rules

from netw import roles
from netw.translations import can_translate_item
from netw.workflow import (
    can_edit_item,
    can_submit_item,
    can_view_item,
    is_item_reviewer,
)
from netw.workpackages import WorkPackage

is_wp2_lead = roles.is_lead_of(WorkPackage.PEDAGOGY)
is_staff_of_partners = roles.is_partner_member | roles.is_coordinator


@rules.predicate
def is_draft(user, item) -> bool:
    return item is not None and item.is_draft


@rules.predicate
def is_submitted(user, item) -> bool:
    return item is not None and item.is_submitted


# Methodologies and publications: the shared workflow's rules.
for model in ("methodology", "publication"):
    rules.add_perm(f"methodologies.view_{model}", can_view_item)
    rules.add_perm(f"methodologies.add_{model}", roles.is_partner_member)
    rules.add_perm(f"methodologies.change_{model}", can_edit_item)
    rules.add_perm(f"methodologies.submit_{model}", can_submit_item & is_draft)
    rules.add_perm(f"methodologies.review_{model}", is_item_reviewer & is_submitted)

# Translations (netw/translations.py): a partner's staff translate a published methodology; its
# authors and the coordinators a draft too. Never a translation.
rules.add_perm("methodologies.translate_methodology", can_translate_item)
rules.add_perm("methodologies.translate_publication", can_translate_item)

# Events: any partner's staff may schedule one; its owner partner, the WP2 leads and the
# coordinators may change it.
can_change_event = roles.is_coordinator | is_wp2_lead | roles.is_owner_member
for model in ("roundtable", "studyvisit"):
    rules.add_perm(f"methodologies.add_{model}", roles.is_partner_member)
    rules.add_perm(f"methodologies.change_{model}", can_change_event)



@rules.predicate
def is_public_event(user, event) -> bool:
    return event is not None and bool(getattr(event, "is_public", False))


@rules.predicate
def takes_part(user, event) -> bool:
    """A participant of the event, or (a study visit) staff of the visiting or host network's
    representing partner."""
    if event is None or not getattr(user, "is_authenticated", False):
        return False
    ids = roles.partner_ids(user)
    if any(getattr(event, name, None) is not None
           and getattr(event, name).representing_partner_id in ids
           for name in ("visiting_network", "host_network")):
        return True
    if hasattr(event, "viewer_participates"):  # annotated by the calendar's source
        return event.viewer_participates
    return event.participants.filter(pk=user.pk).exists()


# The online link of a roundtable or study visit: a public event's is public; otherwise only the
# people taking part, the owner partner, the WP2 leads and coordinators (as for WP1's sessions).
# Used by the event pages, their .ics, the invitations and the feeds (methodologies/calendar.py).
can_see_online_link = (is_public_event | takes_part | roles.is_owner_member | is_wp2_lead
                       | roles.is_coordinator)
for model in ("roundtable", "studyvisit"):
    rules.add_perm(f"methodologies.view_{model}_link", can_see_online_link)

# Adoptions: any partner's staff record them; the owner partner and coordinators change them.
rules.add_perm("methodologies.add_adoption", roles.is_partner_member)
rules.add_perm("methodologies.change_adoption", roles.is_coordinator | roles.is_owner_member)

# Dissemination log: seen by the partners' staff, exported by coordinators and WP2 leads.
rules.add_perm("methodologies.view_disseminationactivity", is_staff_of_partners)
rules.add_perm("methodologies.add_disseminationactivity", roles.is_partner_member)
rules.add_perm("methodologies.change_disseminationactivity",
               roles.is_coordinator | roles.is_owner_member)
rules.add_perm("methodologies.export_disseminationactivity", roles.is_coordinator | is_wp2_lead)

# Matchmaking: every partner's staff see it; a network's profile is kept by the partner that
# represents the network, the WP2 leads and the coordinators.


@rules.predicate
def represents_network(user, network) -> bool:
    return network is not None and network.representing_partner_id in roles.partner_ids(user)


rules.add_perm("methodologies.view_matchmaking", is_staff_of_partners)
rules.add_perm("methodologies.change_matchmakingprofile",
               roles.is_coordinator | is_wp2_lead | represents_network)
