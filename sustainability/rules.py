"""Who may do what in work package 3, written once for views, templates and the admin."""

import rules

from netw import roles
from netw.translations import can_translate_item
from netw.workflow import (
    can_edit_item,
    can_submit_item,
    can_view_item,
    is_item_reviewer,
    is_published_item,
)
from netw.workpackages import WorkPackage


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
# Translations (netw/translations.py): a partner's staff translate a published practice; its
# authors and the coordinators a draft too. Never a translation.
rules.add_perm("sustainability.translate_goodpractice", can_translate_item)


# --- The roadmap and the commitments (views_roadmap.py) ------------------------------------------

is_wp3_lead = roles.is_lead_of(WorkPackage.SUSTAINABILITY)
manages_roadmap = roles.is_coordinator | is_wp3_lead


@rules.predicate
def is_committed_partners_member(user, commitment) -> bool:
    return commitment is not None and commitment.partner_id in roles.partner_ids(user)


@rules.predicate
def is_unconfirmed(user, commitment) -> bool:
    return commitment is not None and not commitment.is_confirmed


# Everyone reads the roadmap (visitors its public version); the WP3 leads and the coordinators
# draw it; the members of a milestone's responsible partner say how it stands.
rules.add_perm("sustainability.view_roadmap", rules.always_allow)
rules.add_perm("sustainability.add_roadmapphase", manages_roadmap)
rules.add_perm("sustainability.change_roadmapphase", manages_roadmap)
rules.add_perm("sustainability.delete_roadmapphase", manages_roadmap)
rules.add_perm("sustainability.add_milestone", manages_roadmap)
rules.add_perm("sustainability.change_milestone", manages_roadmap)
rules.add_perm("sustainability.delete_milestone", manages_roadmap)
rules.add_perm("sustainability.update_milestone_status", manages_roadmap | roles.is_owner_member)
# Commitments: any partner's staff record them; the recording partner's and the committed
# partner's staff keep them up to date; a WP3 lead or a coordinator confirms them (then they
# are public). Evidence stays among the partners.
rules.add_perm("sustainability.view_commitment", rules.always_allow)
rules.add_perm("sustainability.add_commitment", roles.is_partner_member)
rules.add_perm("sustainability.change_commitment",
               manages_roadmap | roles.is_owner_member | is_committed_partners_member)
rules.add_perm("sustainability.confirm_commitment", manages_roadmap & is_unconfirmed)
rules.add_perm("sustainability.view_commitment_evidence",
               roles.is_partner_member | roles.is_coordinator)
# --- Long-term action plans (wt-plans) -----------------------------------------------------------
# Working documents of the partners: every partner's staff reads every plan; a plan is written by
# the members of its owner partner (for a network's plan, the partner that represents the
# network), the WP3 leads and the coordinators. An action is marked done by the plan's writers
# and by its owner: the person named, or, when no one is named, the owner partner's members.

is_wp3_lead = roles.is_lead_of(WorkPackage.SUSTAINABILITY)
is_staff_of_partners = roles.is_partner_member | roles.is_coordinator
can_write_plan = roles.is_coordinator | is_wp3_lead | roles.is_owner_member


@rules.predicate
def writes_actions_plan(user, action) -> bool:
    return action is not None and can_write_plan.test(user, action.plan)


@rules.predicate
def owns_plan_action(user, action) -> bool:
    if action is None or not getattr(user, "is_authenticated", False):
        return False
    if action.owner_id is not None:
        return action.owner_id == user.pk
    return action.owner_partner_id in roles.partner_ids(user)


rules.add_perm("sustainability.view_actionplan", is_staff_of_partners)
rules.add_perm("sustainability.add_actionplan", is_staff_of_partners)
rules.add_perm("sustainability.change_actionplan", can_write_plan)
rules.add_perm("sustainability.view_planaction", is_staff_of_partners)
rules.add_perm("sustainability.change_planaction", writes_actions_plan)
rules.add_perm("sustainability.delete_planaction", writes_actions_plan)
rules.add_perm("sustainability.done_planaction", writes_actions_plan | owns_plan_action)
# Every partner's staff follows all the plans' actions in one list, and exports what they see.
rules.add_perm("sustainability.export_planaction", is_staff_of_partners)
# --- Expert meetings --------------------------------------------------------------------------
# Any partner's staff may organise one (for their own partner); its owner partner, the WP3 leads
# and the coordinators change, cancel and keep it. Everyone sees public meetings, the partners'
# staff every meeting (ExpertMeeting.objects.visible_to).


is_wp3_lead = roles.is_lead_of(WorkPackage.SUSTAINABILITY)
is_staff_of_partners = roles.is_partner_member | roles.is_coordinator


@rules.predicate
def takes_part_in_meeting(user, meeting) -> bool:
    """A participant from the partners (read from the calendar source's annotation if there)."""
    if meeting is None or not getattr(user, "is_authenticated", False):
        return False
    if hasattr(meeting, "viewer_participates"):
        return meeting.viewer_participates
    return meeting.participants.filter(pk=user.pk).exists()


@rules.predicate
def is_cancelled_meeting(user, meeting) -> bool:
    return meeting is not None and meeting.is_cancelled


@rules.predicate
def meeting_has_ended(user, meeting) -> bool:
    return meeting is not None and meeting.has_ended


can_change_meeting = roles.is_coordinator | is_wp3_lead | roles.is_owner_member

# The online link: never public, even for a public meeting; the people taking part, the owner
# partner, the WP3 leads and the coordinators. Used by the page, its .ics and the calendar source
# (sustainability/calendar.py); invited experts get it in their invitation.
can_see_meeting_link = (takes_part_in_meeting | roles.is_owner_member | is_wp3_lead
                        | roles.is_coordinator)

rules.add_perm("sustainability.view_expertmeeting_link", can_see_meeting_link)
rules.add_perm("sustainability.add_expertmeeting", roles.is_partner_member)
rules.add_perm("sustainability.change_expertmeeting", can_change_meeting & ~is_cancelled_meeting)
rules.add_perm("sustainability.cancel_expertmeeting",
               can_change_meeting & ~is_cancelled_meeting & ~meeting_has_ended)
# Whether the meeting has started is checked by the minutes form, with a message saying so.
rules.add_perm("sustainability.record_expertmeeting_minutes",
               (can_change_meeting | takes_part_in_meeting) & ~is_cancelled_meeting)
rules.add_perm("sustainability.add_meetingmaterial", can_change_meeting | takes_part_in_meeting)
# Guests' names, e-mails aside, and the materials: the partners' staff, public meeting or not.
rules.add_perm("sustainability.view_expertguest_name", is_staff_of_partners)
rules.add_perm("sustainability.view_meetingmaterial", is_staff_of_partners)
rules.add_perm("sustainability.view_all_expertmeetings", is_staff_of_partners)
# --- Policy recommendations and their uptake ------------------------------------------------------
# Recommendations follow the shared workflow like the good practices (the WP3 leads review).
rules.add_perm("sustainability.view_recommendation", can_view_item)
rules.add_perm("sustainability.add_recommendation", roles.is_partner_member)
rules.add_perm("sustainability.change_recommendation", can_edit_item)
rules.add_perm("sustainability.submit_recommendation", can_submit_item & is_draft)
rules.add_perm("sustainability.review_recommendation", is_item_reviewer & is_submitted)
rules.add_perm("sustainability.translate_recommendation", can_translate_item)

# Uptake is recorded by any partner's staff (it happens in their countries), on a published
# recommendation (object: the recommendation). Steps are never changed afterwards.
is_partner_staff = roles.is_partner_member | roles.is_coordinator


@rules.predicate
def is_original(user, item) -> bool:
    """Not a translation: uptake, like the other facts, is the original's."""
    return item is not None and getattr(item, "translation_of_id", None) is None


rules.add_perm("sustainability.add_uptakestep", is_partner_staff & is_published_item & is_original)
# Evidence files (minutes, letters) are the partners' working documents; links are public.
rules.add_perm("sustainability.view_uptake_evidence", is_partner_staff)
# Who recorded a step (the person; the partner is public).
rules.add_perm("sustainability.view_uptake_recorder", is_partner_staff)
