"""Who may do what in work package 3, written once for views, templates and the admin."""

import rules

from netw import roles
from netw.workflow import can_edit_item, can_submit_item, can_view_item, is_item_reviewer


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
