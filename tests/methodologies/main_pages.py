"""WP2's main pages for the browser, accessibility, keyboard and HTML checks
(tests/e2e/pages.py)."""

from django.urls import reverse

from tests.e2e.pages import Page


def _slug(key):
    return lambda o: reverse(f"methodologies:{key[0]}", args=[o[key[1]].slug])


PAGES = [
    Page("inventory", "methodologies:methodology_list"),
    Page("inventory search", lambda o: reverse("methodologies:methodology_list") + "?q=learning"),
    Page("methodology", _slug(("methodology_detail", "wp2_published"))),
    Page("methodology print", _slug(("methodology_print", "wp2_published"))),
    Page("methodology translate", _slug(("methodology_translate", "wp2_published")),
         persona="member_b"),
    Page("roundtables", "methodologies:roundtable_list"),
    Page("publications", "methodologies:publication_list"),
    Page("publication", _slug(("publication_detail", "wp2_publication"))),
    Page("methodology draft", _slug(("methodology_detail", "wp2_draft")), persona="member_a"),
    Page("methodology new", "methodologies:methodology_create", persona="member_a"),
    Page("methodology new empty", "methodologies:methodology_create", persona="member_a",
         submit="Save draft", keyboard=False),
    Page("methodology edit", _slug(("methodology_edit", "wp2_draft")), persona="member_a"),
    Page("methodology history", _slug(("methodology_history", "wp2_draft")), persona="member_a"),
    Page("attachment new", _slug(("attachment_add", "wp2_draft")), persona="member_a"),
    Page("my methodologies", "methodologies:methodology_workspace", persona="member_a"),
    Page("roundtable", lambda o: reverse("methodologies:roundtable_detail",
                                         args=[o["wp2_roundtable"].pk]), persona="member_a"),
    Page("roundtable new", "methodologies:roundtable_create", persona="member_a"),
    Page("roundtable new empty", "methodologies:roundtable_create", persona="member_a",
         submit="Save", keyboard=False),
    Page("publication draft", _slug(("publication_detail", "wp2_publication_draft")),
         persona="member_a"),
    Page("publication new", "methodologies:publication_create", persona="member_a"),
    Page("dissemination", "methodologies:dissemination_list", persona="member_a"),
    Page("dissemination new empty", "methodologies:dissemination_create", persona="member_a",
         submit="Save", keyboard=False),
    Page("study visits", "methodologies:studyvisit_list", persona="member_a"),
    Page("study visit", lambda o: reverse("methodologies:studyvisit_detail",
                                          args=[o["wp2_visit"].pk]), persona="member_a"),
    Page("study visit new", "methodologies:studyvisit_create", persona="member_a"),
    Page("study visit new empty", "methodologies:studyvisit_create", persona="member_a",
         submit="Save", keyboard=False),
    Page("matchmaking", "methodologies:matchmaking", persona="member_a"),
    Page("matchmaking profile", lambda o: reverse("methodologies:matchmaking_profile_edit",
                                                  args=[o["wp2_network"].pk]),
         persona="member_a"),
    Page("adoption new", _slug(("adoption_create", "wp2_published")), persona="member_a"),
    Page("methodology review", _slug(("methodology_review", "wp2_submitted")),
         persona="coordinator"),
    Page("methodology review empty", _slug(("methodology_review", "wp2_submitted")),
         persona="coordinator", submit="Return to the author with comments", keyboard=False),
    Page("methodology publish unconfirmed", _slug(("methodology_review", "wp2_submitted")),
         persona="coordinator", submit="Publish", keyboard=False),
    Page("publication review", _slug(("publication_detail", "wp2_publication_submitted")),
         persona="coordinator"),
    Page("dissemination", "methodologies:dissemination_list", persona="coordinator"),
]
