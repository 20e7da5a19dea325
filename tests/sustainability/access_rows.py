"""Access-matrix rows of work package 3 (see tests/access.py). Objects belong to partner A.

The matrix's ``lead`` is a WP1 lead: for good practices a lead of another work package is like
any other partner's member. The WP3 lead's own rights are in test_good_practices.py.
"""

from django.core.files.base import ContentFile

from netw.workflow import Status
from sustainability.models import GoodPracticeAttachment
from tests.access import LOGIN, Row, everyone, logged_in, url
from tests.sustainability.factories import GoodPracticeFactory

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
    "practices shared by a partner": Row(
        lambda o: url("sustainability:goodpractice_list")(o) + "?partner=a3s&q=shop",
        everyone(200)),
}


def _attachment(practice) -> GoodPracticeAttachment:
    attachment = GoodPracticeAttachment(practice=practice, title="Business plan", language="en",
                                        size=len(PDF))
    attachment.file.save("plan.pdf", ContentFile(PDF), save=True)
    return attachment


def objects(personas, partners) -> dict:
    a = partners["a3s"]
    draft = GoodPracticeFactory(owner_partner=a, status=Status.DRAFT)
    published = GoodPracticeFactory(owner_partner=a, status=Status.PUBLISHED)
    return {
        "wp3_draft": draft,
        "wp3_submitted": GoodPracticeFactory(owner_partner=a, status=Status.SUBMITTED),
        "wp3_published": published,
        "wp3_attachment": _attachment(draft),
        "wp3_published_attachment": _attachment(published),
    }
