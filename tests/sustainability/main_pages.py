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
