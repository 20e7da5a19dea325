"""Access-matrix rows of work package 3 (see tests/access.py). Objects belong to partner A.

The matrix's ``lead`` is a WP1 lead: for good practices a lead of another work package is like
any other partner's member. The WP3 lead's own rights are in test_good_practices.py.
"""

from django.core.files.base import ContentFile

from netw.workflow import Status
from sustainability.models import GoodPracticeAttachment
from tests.access import LOGIN, Row, everyone, learner_too, logged_in, url
from tests.sustainability.factories import (
    ActionPlanFactory,
    CommitmentFactory,
    GoodPracticeFactory,
    MilestoneFactory,
    PlanActionFactory,
    RoadmapPhaseFactory,
)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

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
    # Translating a published practice: any partner's staff; the learner may read it only.
    "sustainability:goodpractice_translate": Row(
        url("sustainability:goodpractice_translate", slug("wp3_published")),
        learner_too(logged_in(200), 403)),
    "sustainability:goodpractice_submit": Row(
        url("sustainability:goodpractice_submit", slug("wp3_draft")), SUBMIT, method="post"),
    "sustainability:goodpractice_review": Row(
        url("sustainability:goodpractice_review", slug("wp3_submitted")), REVIEW),
    # Good practices: feed, printable page, history, attachments (test_good_practice_extras.py)
    "sustainability:goodpractice_feed": Row(url("sustainability:goodpractice_feed"),
                                            everyone(200)),
    "sustainability:goodpractice_print": Row(
        url("sustainability:goodpractice_print", slug("wp3_draft")), DRAFT_SEEN_BY_OWNER),
    "sustainability:goodpractice_history": Row(
        url("sustainability:goodpractice_history", slug("wp3_draft")), DRAFT_EDIT),
    "sustainability:goodpractice_attachment_add": Row(
        url("sustainability:goodpractice_attachment_add", slug("wp3_draft")), DRAFT_EDIT),
    "sustainability:goodpractice_attachment_download": Row(
        url("sustainability:goodpractice_attachment_download", slug("wp3_draft"),
            lambda o: o["wp3_attachment"].pk), DRAFT_SEEN_BY_OWNER),
}

# The same pages on a published practice (names with a suffix: extra rows, not patterns).
EXTRA_ROWS = {
    "detail of a published practice": Row(
        url("sustainability:goodpractice_detail", slug("wp3_published")), everyone(200)),
    "edit of a published practice": Row(
        url("sustainability:goodpractice_edit", slug("wp3_published")), PUBLISHED_EDIT),
    "printable published practice": Row(
        url("sustainability:goodpractice_print", slug("wp3_published")), everyone(200)),
    "history of a published practice": Row(
        url("sustainability:goodpractice_history", slug("wp3_published")), PUBLISHED_EDIT),
    "attachment of a published practice": Row(
        url("sustainability:goodpractice_attachment_download", slug("wp3_published"),
            lambda o: o["wp3_published_attachment"].pk), everyone(200)),
    # Translations (netw/translations.py): a draft is translated by its authors only; a draft
    # translation is seen and edited like any draft.
    "translating a draft practice": Row(
        url("sustainability:goodpractice_translate", slug("wp3_draft")), DRAFT_EDIT),
    "draft translation of a published practice": Row(
        url("sustainability:goodpractice_detail", slug("wp3_draft_translation")),
        DRAFT_SEEN_BY_OWNER),
    "edit of a draft translation": Row(
        url("sustainability:goodpractice_edit", slug("wp3_draft_translation")), DRAFT_EDIT),
    "translating a translation": Row(
        url("sustainability:goodpractice_translate", slug("wp3_draft_translation")),
        {**DRAFT_EDIT, "member_a": 403, "coordinator": 403}),
    "practices shared by a partner": Row(
        lambda o: url("sustainability:goodpractice_list")(o) + "?partner=a3s&q=shop",
        everyone(200)),
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




def _attachment(practice) -> GoodPracticeAttachment:
    attachment = GoodPracticeAttachment(practice=practice, title="Business plan", language="en",
                                        size=len(PDF))
    attachment.file.save("plan.pdf", ContentFile(PDF), save=True)
    return attachment


def _practice_objects(personas, partners) -> dict:
    a = partners["a3s"]
    draft = GoodPracticeFactory(owner_partner=a, status=Status.DRAFT)
    published = GoodPracticeFactory(owner_partner=a, status=Status.PUBLISHED)
    return {
        "wp3_draft": draft,
        "wp3_submitted": GoodPracticeFactory(owner_partner=a, status=Status.SUBMITTED),
        "wp3_published": published,
        "wp3_draft_translation": GoodPracticeFactory(
            owner_partner=a, status=Status.DRAFT, translation_of=published, language="hu"),
        "wp3_attachment": _attachment(draft),
        "wp3_published_attachment": _attachment(published),
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


def _roadmap_objects(personas, partners) -> dict:
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


# --- Expert meetings (partner A's, a week ahead; the one in ROWS is for the partners only) -------

from tests.sustainability.factories import (  # noqa: E402
    ExpertGuestFactory,
    ExpertMeetingFactory,
    MeetingMaterialFactory,
)

# Every partner's staff see every meeting; its partner, the WP3 leads and coordinators act on it.
MEETING_SEEN = {**everyone(200), "anonymous": 404}
MEETING_EDIT = {"anonymous": LOGIN, "member_a": 200, "member_b": 403, "lead": 403,
                "coordinator": 200}
MEETING_POST = {"anonymous": LOGIN, "member_a": 302, "member_b": 403, "lead": 403,
                "coordinator": 302}

ROWS.update({
    "sustainability:meeting_list": Row(url("sustainability:meeting_list"), everyone(200)),
    "sustainability:meeting_create": Row(url("sustainability:meeting_create"), logged_in(200)),
    "sustainability:meeting_detail": Row(
        url("sustainability:meeting_detail", pk("wp3_meeting")), MEETING_SEEN),
    "sustainability:meeting_ics": Row(
        url("sustainability:meeting_ics", pk("wp3_meeting")), MEETING_SEEN),
    "sustainability:meeting_edit": Row(
        url("sustainability:meeting_edit", pk("wp3_meeting")), MEETING_EDIT),
    "sustainability:meeting_cancel": Row(
        url("sustainability:meeting_cancel", pk("wp3_meeting")), MEETING_EDIT),
    "sustainability:meeting_experts": Row(
        url("sustainability:meeting_experts", pk("wp3_meeting")), MEETING_EDIT),
    "sustainability:meeting_expert_remove": Row(
        url("sustainability:meeting_expert_remove", pk("wp3_meeting"), pk("wp3_guest")),
        MEETING_POST, method="post"),
    "sustainability:meeting_material_add": Row(
        url("sustainability:meeting_material_add", pk("wp3_meeting")), MEETING_EDIT),
    "sustainability:meeting_material_download": Row(
        url("sustainability:meeting_material_download", pk("wp3_meeting"),
            pk("wp3_material")), MEETING_SEEN),
    "sustainability:meeting_minutes": Row(
        url("sustainability:meeting_minutes", pk("wp3_meeting")), MEETING_EDIT),
})

EXTRA_ROWS.update({
    "cancelling a meeting": Row(
        url("sustainability:meeting_cancel", pk("wp3_meeting")), MEETING_POST, method="post"),
    "detail of a public meeting": Row(
        url("sustainability:meeting_detail", pk("wp3_public_meeting")), everyone(200)),
    # Materials are the partners' even for a public meeting.
    "material of a public meeting": Row(
        url("sustainability:meeting_material_download", pk("wp3_public_meeting"),
            pk("wp3_public_material")), MEETING_SEEN),
})

def _meeting_objects(personas, partners) -> dict:
    a = partners["a3s"]
    meeting = ExpertMeetingFactory(owner_partner=a, is_public=False)
    public = ExpertMeetingFactory(owner_partner=a, is_public=True)
    return {
        "wp3_meeting": meeting,
        "wp3_guest": ExpertGuestFactory(meeting=meeting),
        "wp3_material": MeetingMaterialFactory(meeting=meeting),
        "wp3_public_meeting": public,
        "wp3_public_guest": ExpertGuestFactory(meeting=public, name="Visible Nowhere"),
        "wp3_public_material": MeetingMaterialFactory(meeting=public),
    }


# --- Policy recommendations and their uptake ------------------------------------------------------
# The same workflow as the good practices; uptake is recorded by any partner's staff on a
# published recommendation; evidence files are for the partners' staff.
import datetime as dt  # noqa: E402

from django.utils import timezone  # noqa: E402

from tests.sustainability.factories import RecommendationFactory, UptakeStepFactory  # noqa: E402

PARTNERS_ONLY = logged_in(200)
FROM_MEETING = logged_in(302)
RECORD_ON_DRAFT = {"anonymous": LOGIN, "member_a": 403, "member_b": 404, "lead": 404,
                   "coordinator": 403}

ROWS.update({
    "sustainability:recommendation_feed": Row(url("sustainability:recommendation_feed"),
                                              everyone(200)),
    "sustainability:recommendation_list": Row(url("sustainability:recommendation_list"),
                                              everyone(200)),
    "sustainability:recommendation_workspace": Row(
        url("sustainability:recommendation_workspace"), logged_in(200)),
    "sustainability:recommendation_create": Row(url("sustainability:recommendation_create"),
                                                logged_in(200)),
    "sustainability:recommendation_detail": Row(
        url("sustainability:recommendation_detail", slug("wp3_rec_draft")), DRAFT_SEEN_BY_OWNER),
    "sustainability:recommendation_edit": Row(
        url("sustainability:recommendation_edit", slug("wp3_rec_draft")), DRAFT_EDIT),
    # Translating a published recommendation: any partner's staff; the learner reads only.
    "sustainability:recommendation_translate": Row(
        url("sustainability:recommendation_translate", slug("wp3_rec_published")),
        learner_too(logged_in(200), 403)),
    "sustainability:recommendation_submit": Row(
        url("sustainability:recommendation_submit", slug("wp3_rec_draft")), SUBMIT,
        method="post"),
    "sustainability:recommendation_review": Row(
        url("sustainability:recommendation_review", slug("wp3_rec_submitted")), REVIEW),
    "sustainability:recommendation_from_meeting": Row(
        url("sustainability:recommendation_from_meeting", lambda o: o["wp3_rec_meeting"].pk),
        FROM_MEETING, method="post"),
    "sustainability:uptake_matrix": Row(url("sustainability:uptake_matrix"), everyone(200)),
    "sustainability:uptake_list": Row(url("sustainability:uptake_list"), everyone(200)),
    "sustainability:uptake_create": Row(
        url("sustainability:uptake_create", slug("wp3_rec_published")), PARTNERS_ONLY),
    "sustainability:uptake_evidence": Row(
        url("sustainability:uptake_evidence", lambda o: o["wp3_rec_step"].pk), PARTNERS_ONLY),
})

EXTRA_ROWS.update({
    "detail of a published recommendation": Row(
        url("sustainability:recommendation_detail", slug("wp3_rec_published")), everyone(200)),
    "edit of a published recommendation": Row(
        url("sustainability:recommendation_edit", slug("wp3_rec_published")), PUBLISHED_EDIT),
    "translating a draft recommendation": Row(
        url("sustainability:recommendation_translate", slug("wp3_rec_draft")), DRAFT_EDIT),
    "draft translation of a published recommendation": Row(
        url("sustainability:recommendation_detail", slug("wp3_rec_draft_translation")),
        DRAFT_SEEN_BY_OWNER),
    "uptake recorded on a translation": Row(
        url("sustainability:uptake_create", slug("wp3_rec_published_translation")),
        {**logged_in(403), "anonymous": LOGIN}),
    "uptake recorded on a draft recommendation": Row(
        url("sustainability:uptake_create", slug("wp3_rec_draft")), RECORD_ON_DRAFT),
})

def _recommendation_objects(personas, partners) -> dict:
    from sustainability.models import ExpertMeeting

    a = partners["a3s"]
    published = RecommendationFactory(owner_partner=a, status=Status.PUBLISHED)
    step = UptakeStepFactory(recommendation=published, owner_partner=a)
    step.evidence_file.save("minutes.txt", ContentFile(b"Minutes of the hearing."))
    now = timezone.now()
    meeting = ExpertMeeting.objects.create(
        owner_partner=partners["isen"], title="Experts on public procurement",
        starts_at=now, ends_at=now + dt.timedelta(hours=2), location="Online",
        conclusions="Reserve lots for social enterprises.", is_public=True)
    return {
        "wp3_rec_draft": RecommendationFactory(owner_partner=a, status=Status.DRAFT),
        "wp3_rec_submitted": RecommendationFactory(owner_partner=a, status=Status.SUBMITTED),
        "wp3_rec_published": published,
        "wp3_rec_draft_translation": RecommendationFactory(
            owner_partner=a, status=Status.DRAFT, translation_of=published, language="pt"),
        "wp3_rec_published_translation": RecommendationFactory(
            owner_partner=partners["idc-serbia"], status=Status.PUBLISHED,
            translation_of=published, language="sr"),
        "wp3_rec_step": step,
        "wp3_rec_meeting": meeting,
    }


def objects(personas, partners) -> dict:
    """The records the rows point at, each part of WP3 adding its own."""
    return {**_practice_objects(personas, partners), **_plan_objects(personas, partners),
            **_meeting_objects(personas, partners), **_recommendation_objects(personas, partners),
            **_roadmap_objects(personas, partners)}
