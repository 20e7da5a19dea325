"""WP3's main pages for the browser, accessibility, keyboard and HTML checks
(tests/e2e/pages.py)."""

from django.urls import reverse

from tests.e2e.pages import Page


def _slug(name, key):
    return lambda o: reverse(f"sustainability:{name}", args=[o[key].slug])


PAGES = [
    Page("good practices", "sustainability:goodpractice_list"),
    Page("good practices filtered", lambda o: reverse("sustainability:goodpractice_list")
         + "?funding_model=sales&level=local&q=shop"),
    Page("good practice", _slug("goodpractice_detail", "wp3_published")),
    Page("good practice translation draft", _slug("goodpractice_detail", "wp3_draft_translation"),
         persona="member_a"),
    Page("good practice translate", _slug("goodpractice_translate", "wp3_published"),
         persona="member_b"),
    Page("good practice draft", _slug("goodpractice_detail", "wp3_draft"), persona="member_a"),
    Page("good practice new", "sustainability:goodpractice_create", persona="member_a"),
    Page("good practice new empty", "sustainability:goodpractice_create", persona="member_a",
         submit="Save draft", keyboard=False),
    Page("good practice submitted incomplete", "sustainability:goodpractice_create",
         persona="member_a", submit="Save and submit for review", keyboard=False,
         fill={"Title": "A practice without its description"}),
    Page("good practice edit", _slug("goodpractice_edit", "wp3_draft"), persona="member_a"),
    Page("my good practices", "sustainability:goodpractice_workspace", persona="member_a"),
    Page("good practice review", _slug("goodpractice_review", "wp3_submitted"),
         persona="coordinator"),
    Page("good practice review empty", _slug("goodpractice_review", "wp3_submitted"),
         persona="coordinator", submit="Return to the author with comments", keyboard=False),
    # Good practices: search, per partner, printout, history, attachments
    Page("good practices searched", lambda o: reverse("sustainability:goodpractice_list")
         + "?q=shop+coaching"),
    Page("good practices by partner", lambda o: reverse("sustainability:goodpractice_list")
         + "?partner=a3s"),
    Page("good practice printable", _slug("goodpractice_print", "wp3_published")),
    Page("good practice history", _slug("goodpractice_history", "wp3_published"),
         persona="member_a"),
    Page("good practice attach a file", _slug("goodpractice_attachment_add", "wp3_draft"),
         persona="member_a"),
    Page("good practice attach nothing", _slug("goodpractice_attachment_add", "wp3_draft"),
         persona="member_a", submit="Upload", keyboard=False),
]


# --- The roadmap and the commitments --------------------------------------------------------------
# --- Long-term action plans (wt-plans) ---

# --- Expert meetings ---


def _pk(name, key):
    return lambda o: reverse(f"sustainability:{name}", args=[o[key].pk])


PAGES += [
    Page("roadmap", "sustainability:roadmap"),
    Page("roadmap of the partners", "sustainability:roadmap", persona="member_a"),
    Page("roadmap filtered", lambda o: reverse("sustainability:roadmap") + "?status=late"),
    Page("roadmap phase new", "sustainability:roadmapphase_create", persona="coordinator"),
    Page("roadmap phase new empty", "sustainability:roadmapphase_create",
         persona="coordinator", submit="Add the phase", keyboard=False),
    Page("milestone new", "sustainability:milestone_create", persona="coordinator"),
    Page("milestone edit", _pk("milestone_edit", "wp3_milestone"), persona="coordinator"),
    Page("milestone status", _pk("milestone_status", "wp3_milestone"), persona="member_a"),
    Page("milestone delete", _pk("milestone_delete", "wp3_milestone"), persona="coordinator"),
    Page("commitments", "sustainability:commitment_list"),
    Page("commitments of the partners", "sustainability:commitment_list", persona="member_a"),
    Page("commitment", _pk("commitment_detail", "wp3_commitment_confirmed")),
    Page("commitment unconfirmed", _pk("commitment_detail", "wp3_commitment"),
         persona="coordinator"),
    Page("commitment new", "sustainability:commitment_create", persona="member_a"),
    Page("commitment new empty", "sustainability:commitment_create", persona="member_a",
         submit="Record the commitment", keyboard=False),
    Page("commitment edit", _pk("commitment_edit", "wp3_commitment"), persona="member_a"),
    Page("action plans", "sustainability:actionplan_list", persona="member_a"),
    Page("action plan", _pk("actionplan_detail", "wp3_plan"), persona="member_a"),
    Page("action plan of another partner", _pk("actionplan_detail", "wp3_plan"),
         persona="member_b"),
    Page("action plan new", "sustainability:actionplan_create", persona="member_a"),
    Page("action plan new empty", "sustainability:actionplan_create", persona="member_a",
         submit="Create the plan", keyboard=False),
    Page("action plan edit", _pk("actionplan_edit", "wp3_plan"), persona="member_a"),
    Page("plan action new", _pk("planaction_create", "wp3_plan"), persona="member_a"),
    Page("plan action new due before start", _pk("planaction_create", "wp3_plan"),
         persona="member_a", submit="Add the action", keyboard=False,
         fill={"Action": "Meet the ministry", "Due on": "2020-01-01"}),
    Page("plan action edit", _pk("planaction_edit", "wp3_action"), persona="member_a"),
    Page("plan actions", "sustainability:planaction_list", persona="coordinator"),
    Page("plan actions filtered", lambda o: reverse("sustainability:planaction_list")
         + "?status=planned&overdue=on", persona="member_a"),
    Page("expert meetings", "sustainability:meeting_list"),
    Page("expert meetings past", lambda o: reverse("sustainability:meeting_list") + "?when=past"),
    Page("expert meeting", _pk("meeting_detail", "wp3_public_meeting")),
    Page("expert meeting", _pk("meeting_detail", "wp3_meeting"), persona="member_a"),
    Page("expert meetings", "sustainability:meeting_list", persona="member_a"),
    Page("expert meeting new", "sustainability:meeting_create", persona="member_a"),
    Page("expert meeting new empty", "sustainability:meeting_create", persona="member_a",
         submit="Save", keyboard=False),
    Page("expert meeting edit", _pk("meeting_edit", "wp3_meeting"), persona="member_a"),
    Page("expert meeting experts", _pk("meeting_experts", "wp3_meeting"), persona="member_a"),
    Page("expert meeting experts empty", _pk("meeting_experts", "wp3_meeting"),
         persona="member_a", submit="Add the expert", keyboard=False),
    Page("expert meeting material", _pk("meeting_material_add", "wp3_meeting"),
         persona="member_a"),
    Page("expert meeting minutes", _pk("meeting_minutes", "wp3_meeting"), persona="member_a"),
    Page("expert meeting cancel", _pk("meeting_cancel", "wp3_meeting"), persona="member_a"),
]

# Policy recommendations and their uptake.
PAGES += [
    Page("recommendations", "sustainability:recommendation_list"),
    Page("recommendations filtered", lambda o: reverse("sustainability:recommendation_list")
         + "?country=PT&level=national&q=contracts"),
    Page("recommendation", _slug("recommendation_detail", "wp3_rec_published")),
    Page("recommendation draft", _slug("recommendation_detail", "wp3_rec_draft"),
         persona="member_a"),
    Page("recommendation new", "sustainability:recommendation_create", persona="member_a"),
    Page("recommendation submitted incomplete", "sustainability:recommendation_create",
         persona="member_a", submit="Save and submit for review", keyboard=False,
         fill={"Title": "A recommendation without its text"}),
    Page("recommendation edit", _slug("recommendation_edit", "wp3_rec_draft"),
         persona="member_a"),
    Page("my recommendations", "sustainability:recommendation_workspace", persona="member_a"),
    Page("recommendation review", _slug("recommendation_review", "wp3_rec_submitted"),
         persona="coordinator"),
    Page("uptake matrix", "sustainability:uptake_matrix"),
    Page("uptake steps", lambda o: reverse("sustainability:uptake_list")
         + f"?recommendation={o['wp3_rec_published'].slug}&country=PT"),
    Page("uptake steps", lambda o: reverse("sustainability:uptake_list")
         + f"?recommendation={o['wp3_rec_published'].slug}&country=PT", persona="member_a"),
    Page("uptake step new", _slug("uptake_create", "wp3_rec_published"), persona="member_a"),
    Page("uptake step new empty", _slug("uptake_create", "wp3_rec_published"),
         persona="member_a", submit="Record the step", keyboard=False),
]
