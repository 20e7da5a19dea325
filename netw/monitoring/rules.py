"""Who reads and who sets the project's reporting periods and targets: every partner's staff
reads them (they are what the partners work towards); the coordinators set them."""

import rules

from netw.roles import is_coordinator, is_partner_member

rules.add_perm("netw.view_targets", is_partner_member | is_coordinator)
rules.add_perm("netw.set_targets", is_coordinator)
