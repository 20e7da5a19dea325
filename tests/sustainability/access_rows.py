"""Access-matrix rows of work package 3 (see tests/access.py). Objects belong to partner A.

The matrix's ``lead`` is a WP1 lead: for good practices a lead of another work package is like
any other partner's member. The WP3 lead's own rights are in test_good_practices.py.
"""

from netw.workflow import Status
from tests.access import LOGIN, Row, everyone, logged_in, url
from tests.sustainability.factories import (
    ActionPlanFactory,
    CommitmentFactory,
    GoodPracticeFactory,
    MilestoneFactory,
    PlanActionFactory,
    RoadmapPhaseFactory,
)

# Someone who may not know the object exists gets 404; someone who sees it but may not act, 403.
DRAFT_SEEN_BY_OWNER = {"anonymous": 404, "member_a": 200, "member_b": 404, "lead": 404,
                       "coordinator": 200}
DRAFT_EDIT = {**DRAFT_SEEN_BY_OWNER, "anonymous": LOGIN}
SUBMIT = {"anonymous": LOGIN, "member_a": 302, "member_b": 404, "lead": 404,
          "coordinator": 302}
REVIEW = {"anonymous": LOGIN, "member_a": 403, "member_b": 404, "lead": 404, "coordinator": 200}
PUBLISHED_EDIT = {"anonymous": LOGIN, "member_a": 200, "member_b": 403, "lead": 403,
                  "coordinator": 200}


def slug(key):
    return lambda o: o[key].slug


ROWS = {
    "sustainability:goodpractice_list": Row(url("sustainability:goodpractice_list"),
                                            everyone(200)),
    "sustainability:goodpractice_workspace": Row(url("sustainability:goodpractice_workspace"),
                                                 logged_in(200)),
    "sustainability:goodpractice_create": Row(url("sustainability:goodpractice_create"),
                                              logged_in(200)),
    "sustainability:goodpractice_detail": Row(
        url("sustainability:goodpractice_detail", slug("wp3_draft")), DRAFT_SEEN_BY_OWNER),
    "sustainability:goodpractice_edit": Row(
        url("sustainability:goodpractice_edit", slug("wp3_draft")), DRAFT_EDIT),
    "sustainability:goodpractice_submit": Row(
        url("sustainability:goodpractice_submit", slug("wp3_draft")), SUBMIT, method="post"),
    "sustainability:goodpractice_review": Row(
        url("sustainability:goodpractice_review", slug("wp3_submitted")), REVIEW),
}

# The same pages on a published practice (names with a suffix: extra rows, not patterns).
EXTRA_ROWS = {
    "detail of a published practice": Row(
        url("sustainability:goodpractice_detail", slug("wp3_published")), everyone(200)),
    "edit of a published practice": Row(
        url("sustainability:goodpractice_edit", slug("wp3_published")), PUBLISHED_EDIT),
}


# --- Long-term action plans (wt-plans) -----------------------------------------------------------
# Every partner's staff reads the plans (visitors log in); A's plan is written by A's members and
# the coordinators (the WP3 lead too: tests/sustainability/test_action_plans.py); the action,
# A's with no one named, is marked done by A's members.
PLAN_WRITE = {"anonymous": LOGIN, "member_a": 200, "member_b": 403, "lead": 403,
              "coordinator": 200}
PLAN_POST = {**PLAN_WRITE, "member_a": 302, "coordinator": 302}


def pk(key):
    return lambda o: o[key].pk


ROWS.update({
    "sustainability:actionplan_list": Row(url("sustainability:actionplan_list"),
                                          logged_in(200)),
    "sustainability:actionplan_create": Row(url("sustainability:actionplan_create"),
                                            logged_in(200)),
    "sustainability:actionplan_detail": Row(
        url("sustainability:actionplan_detail", pk("wp3_plan")), logged_in(200)),
    "sustainability:actionplan_edit": Row(
        url("sustainability:actionplan_edit", pk("wp3_plan")), PLAN_WRITE),
    "sustainability:planaction_create": Row(
        url("sustainability:planaction_create", pk("wp3_plan")), PLAN_WRITE),
    "sustainability:planaction_list": Row(url("sustainability:planaction_list"),
                                          logged_in(200)),
    "sustainability:planaction_edit": Row(
        url("sustainability:planaction_edit", pk("wp3_action")), PLAN_WRITE),
    "sustainability:planaction_delete": Row(
        url("sustainability:planaction_delete", pk("wp3_action")), PLAN_POST, method="post"),
    "sustainability:planaction_restore": Row(
        url("sustainability:planaction_restore", pk("wp3_deleted_action")), PLAN_POST,
        method="post"),
    "sustainability:planaction_done": Row(
        url("sustainability:planaction_done", pk("wp3_action")), PLAN_POST, method="post"),
})


def _plan_objects(personas, partners) -> dict:
    from providers.models import Network
    from sustainability.services import plan_action_delete

    a = partners["a3s"]
    network = Network.objects.create(name="Demo network of plans", level="national",
                                      country="PT", owner_partner=a, representing_partner=a)
    plan = ActionPlanFactory(owner_partner=a, network=network, title="Plan of A's network")
    deleted = PlanActionFactory(plan=plan, description="An action deleted by mistake")
    plan_action_delete(action=deleted, by=personas["member_a"])
    return {"wp3_plan": plan, "wp3_action": PlanActionFactory(plan=plan),
            "wp3_deleted_action": deleted}


def objects(personas, partners) -> dict:
    return {**_practice_objects(personas, partners), **_plan_objects(personas, partners)}


def _practice_objects(personas, partners) -> dict:
    a = partners["a3s"]
    return {
        "wp3_draft": GoodPracticeFactory(owner_partner=a, status=Status.DRAFT),
        "wp3_submitted": GoodPracticeFactory(owner_partner=a, status=Status.SUBMITTED),
        "wp3_published": GoodPracticeFactory(owner_partner=a, status=Status.PUBLISHED),
        **roadmap_objects(personas, partners),
    }


# --- The roadmap and the commitments --------------------------------------------------------------
# The phase and the milestone are not public: visitors do not find them (their pages need a log
# in anyway). The milestone is A3S's responsibility; the commitment is A3S's, not confirmed.

ROADMAP_LEADS_ONLY = {"anonymous": LOGIN, "member_a": 403, "member_b": 403, "lead": 403,
                      "coordinator": 200}
MILESTONE_STATUS = {**ROADMAP_LEADS_ONLY, "member_a": 200}
UNCONFIRMED_SEEN = {"anonymous": 404, "member_a": 200, "member_b": 404, "lead": 404,
                    "coordinator": 200}
UNCONFIRMED_EDIT = {**UNCONFIRMED_SEEN, "anonymous": LOGIN}
CONFIRM = {"anonymous": LOGIN, "member_a": 403, "member_b": 404, "lead": 404,
           "coordinator": 302}


def pk(key):
    return lambda o: o[key].pk


ROWS.update({
    "sustainability:roadmap": Row(url("sustainability:roadmap"), everyone(200)),
    "sustainability:roadmapphase_create": Row(url("sustainability:roadmapphase_create"),
                                              ROADMAP_LEADS_ONLY),
    "sustainability:roadmapphase_edit": Row(
        url("sustainability:roadmapphase_edit", pk("wp3_phase")), ROADMAP_LEADS_ONLY),
    "sustainability:roadmapphase_delete": Row(
        url("sustainability:roadmapphase_delete", pk("wp3_phase")), ROADMAP_LEADS_ONLY),
    "sustainability:milestone_create": Row(url("sustainability:milestone_create"),
                                           ROADMAP_LEADS_ONLY),
    "sustainability:milestone_edit": Row(
        url("sustainability:milestone_edit", pk("wp3_milestone")), ROADMAP_LEADS_ONLY),
    "sustainability:milestone_status": Row(
        url("sustainability:milestone_status", pk("wp3_milestone")), MILESTONE_STATUS),
    "sustainability:milestone_delete": Row(
        url("sustainability:milestone_delete", pk("wp3_milestone")), ROADMAP_LEADS_ONLY),
    "sustainability:commitment_list": Row(url("sustainability:commitment_list"),
                                          everyone(200)),
    "sustainability:commitment_create": Row(url("sustainability:commitment_create"),
                                            logged_in(200)),
    "sustainability:commitment_detail": Row(
        url("sustainability:commitment_detail", pk("wp3_commitment")), UNCONFIRMED_SEEN),
    "sustainability:commitment_edit": Row(
        url("sustainability:commitment_edit", pk("wp3_commitment")), UNCONFIRMED_EDIT),
    "sustainability:commitment_confirm": Row(
        url("sustainability:commitment_confirm", pk("wp3_commitment")), CONFIRM,
        method="post"),
    "sustainability:commitment_evidence": Row(
        url("sustainability:commitment_evidence", pk("wp3_commitment")), UNCONFIRMED_EDIT),
})

# Tested in test_roadmap.py and test_commitments.py.
ROADMAP_EXTRA_ROWS = {
    "detail of a confirmed commitment": Row(
        url("sustainability:commitment_detail", pk("wp3_commitment_confirmed")),
        everyone(200)),
    "edit of a confirmed commitment": Row(
        url("sustainability:commitment_edit", pk("wp3_commitment_confirmed")),
        {"anonymous": LOGIN, "member_a": 200, "member_b": 403, "lead": 403,
         "coordinator": 200}),
    "evidence of a confirmed commitment": Row(
        url("sustainability:commitment_evidence", pk("wp3_commitment_confirmed")),
        logged_in(200)),
    "status of a public milestone": Row(
        url("sustainability:milestone_status", pk("wp3_milestone_public")), MILESTONE_STATUS),
}


def roadmap_objects(personas, partners) -> dict:
    from django.core.files.base import ContentFile
    from django.utils import timezone

    a = partners["a3s"]
    phase = RoadmapPhaseFactory(is_public=False)
    public_phase = RoadmapPhaseFactory()
    milestone = MilestoneFactory(phase=phase, owner_partner=a, is_public=False)
    commitment = CommitmentFactory(owner_partner=a, partner=a, milestone=milestone)
    commitment.evidence_file.save("evidence.txt", ContentFile(b"A letter of intent."))
    confirmed = CommitmentFactory(owner_partner=a, partner=a, confirmed_at=timezone.now(),
                                  confirmed_by=personas["coordinator"])
    confirmed.evidence_file.save("evidence.txt", ContentFile(b"A signed charter."))
    return {
        "wp3_phase": phase,
        "wp3_milestone": milestone,
        "wp3_milestone_public": MilestoneFactory(phase=public_phase, owner_partner=a),
        "wp3_commitment": commitment,
        "wp3_commitment_confirmed": confirmed,
    }
