"""Who may do what in work package 3, written once for views, templates and the admin."""

import rules

from netw import roles
from netw.workflow import (
    can_edit_item,
    can_submit_item,
    can_view_item,
    is_item_reviewer,
    is_published_item,
)


@rules.predicate
def is_draft(user, item) -> bool:
    return item is not None and item.is_draft


@rules.predicate
def is_submitted(user, item) -> bool:
    return item is not None and item.is_submitted


# Good practices: the shared workflow's rules; the WP3 leads and the coordinators review.
rules.add_perm("sustainability.view_goodpractice", can_view_item)
rules.add_perm("sustainability.add_goodpractice", roles.is_partner_member)
rules.add_perm("sustainability.change_goodpractice", can_edit_item)
rules.add_perm("sustainability.submit_goodpractice", can_submit_item & is_draft)
rules.add_perm("sustainability.review_goodpractice", is_item_reviewer & is_submitted)


# --- Policy recommendations and their uptake ------------------------------------------------------
# Recommendations follow the shared workflow like the good practices (the WP3 leads review).
rules.add_perm("sustainability.view_recommendation", can_view_item)
rules.add_perm("sustainability.add_recommendation", roles.is_partner_member)
rules.add_perm("sustainability.change_recommendation", can_edit_item)
rules.add_perm("sustainability.submit_recommendation", can_submit_item & is_draft)
rules.add_perm("sustainability.review_recommendation", is_item_reviewer & is_submitted)

# Uptake is recorded by any partner's staff (it happens in their countries), on a published
# recommendation (object: the recommendation). Steps are never changed afterwards.
is_partner_staff = roles.is_partner_member | roles.is_coordinator
rules.add_perm("sustainability.add_uptakestep", is_partner_staff & is_published_item)
# Evidence files (minutes, letters) are the partners' working documents; links are public.
rules.add_perm("sustainability.view_uptake_evidence", is_partner_staff)
# Who recorded a step (the person; the partner is public).
rules.add_perm("sustainability.view_uptake_recorder", is_partner_staff)
