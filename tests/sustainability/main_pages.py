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
