"""Access-matrix rows of work package 2 (see tests/access.py). Objects belong to partner A."""

from django.core.files.base import ContentFile

from methodologies.models import Attachment, PublicationFile
from netw.workflow import Status
from tests.access import LOGIN, Row, everyone, learner_too, logged_in, url
from tests.factories import NetworkFactory
from tests.methodologies.factories import (
    DisseminationFactory,
    MethodologyFactory,
    PublicationFactory,
    RoundtableFactory,
    StudyVisitFactory,
)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

# Someone who may not know the object exists gets 404; someone who sees it but may not act, 403.
DRAFT_SEEN_BY_OWNER = {"anonymous": 404, "member_a": 200, "member_b": 404, "lead": 404,
                       "coordinator": 200}
DRAFT_EDIT = {**DRAFT_SEEN_BY_OWNER, "anonymous": LOGIN}
SUBMIT = {"anonymous": LOGIN, "member_a": 302, "member_b": 404, "lead": 404,
          "coordinator": 302}
REVIEW = {"anonymous": LOGIN, "member_a": 403, "member_b": 404, "lead": 404, "coordinator": 200}
PRIVATE_EVENT = {**everyone(200), "anonymous": 404}
EVENT_EDIT = {"anonymous": LOGIN, "member_a": 200, "member_b": 403, "lead": 403,
              "coordinator": 200}
# A study visit: its organiser's and both networks' partners, WP2 leads and coordinators.
VISIT_SEEN = {"anonymous": LOGIN, "member_a": 200, "member_b": 404, "lead": 404,
              "coordinator": 200}


def slug(key):
    return lambda o: o[key].slug


def pk(key):
    return lambda o: o[key].pk


ROWS = {
    "sitemap": Row(url("sitemap"), everyone(200)),
    "sitemap_section": Row(url("sitemap_section", lambda o: "methodologies"), everyone(200)),
    "robots_txt": Row(url("robots_txt"), everyone(200)),
    # Inventory
    "methodologies:methodology_list": Row(url("methodologies:methodology_list"), everyone(200)),
    "methodologies:feed": Row(url("methodologies:feed"), everyone(200)),
    "methodologies:publication_feed": Row(url("methodologies:publication_feed"), everyone(200)),
    "methodologies:methodology_workspace": Row(url("methodologies:methodology_workspace"),
                                               logged_in(200)),
    "methodologies:methodology_create": Row(url("methodologies:methodology_create"),
                                            logged_in(200)),
    "methodologies:methodology_detail": Row(
        url("methodologies:methodology_detail", slug("wp2_draft")), DRAFT_SEEN_BY_OWNER),
    "methodologies:methodology_print": Row(
        url("methodologies:methodology_print", slug("wp2_draft")), DRAFT_SEEN_BY_OWNER),
    "methodologies:methodology_edit": Row(
        url("methodologies:methodology_edit", slug("wp2_draft")), DRAFT_EDIT),
    # Translating a published methodology: any partner's staff (a draft: tests/netw/
    # test_translations.py); the learner may see the methodology, not translate it.
    "methodologies:methodology_translate": Row(
        url("methodologies:methodology_translate", slug("wp2_published")),
        learner_too(logged_in(200), 403)),
    "methodologies:methodology_history": Row(
        url("methodologies:methodology_history", slug("wp2_draft")), DRAFT_EDIT),
    "methodologies:attachment_add": Row(
        url("methodologies:attachment_add", slug("wp2_draft")), DRAFT_EDIT),
    "methodologies:methodology_submit": Row(
        url("methodologies:methodology_submit", slug("wp2_draft")), SUBMIT, method="post"),
    "methodologies:methodology_review": Row(
        url("methodologies:methodology_review", slug("wp2_submitted")), REVIEW),
    "methodologies:attachment_download": Row(
        url("methodologies:attachment_download", slug("wp2_published"), pk("wp2_attachment")),
        everyone(200)),
    # Roundtables (the one here is for the partners only)
    "methodologies:roundtable_list": Row(url("methodologies:roundtable_list"), everyone(200)),
    "methodologies:roundtable_create": Row(url("methodologies:roundtable_create"),
                                           logged_in(200)),
    "methodologies:roundtable_detail": Row(
        url("methodologies:roundtable_detail", pk("wp2_roundtable")), PRIVATE_EVENT),
    "methodologies:roundtable_ics": Row(
        url("methodologies:roundtable_ics", pk("wp2_roundtable")), PRIVATE_EVENT),
    "methodologies:roundtable_edit": Row(
        url("methodologies:roundtable_edit", pk("wp2_roundtable")), EVENT_EDIT),
    # Study visits (organised by partner A, A3S visiting Galileo's network) and matchmaking
    "methodologies:studyvisit_list": Row(url("methodologies:studyvisit_list"), logged_in(200)),
    "methodologies:studyvisit_create": Row(url("methodologies:studyvisit_create"),
                                           logged_in(200)),
    "methodologies:studyvisit_detail": Row(
        url("methodologies:studyvisit_detail", pk("wp2_visit")), VISIT_SEEN),
    "methodologies:studyvisit_ics": Row(
        url("methodologies:studyvisit_ics", pk("wp2_visit")), VISIT_SEEN),
    "methodologies:studyvisit_edit": Row(
        url("methodologies:studyvisit_edit", pk("wp2_visit")), VISIT_SEEN),
    "methodologies:matchmaking": Row(url("methodologies:matchmaking"), logged_in(200)),
    "methodologies:matchmaking_profile_edit": Row(
        url("methodologies:matchmaking_profile_edit", pk("wp2_network")), EVENT_EDIT),
    "methodologies:adoption_create": Row(
        url("methodologies:adoption_create", slug("wp2_published")), logged_in(200)),
    # Publications
    "methodologies:publication_list": Row(url("methodologies:publication_list"), everyone(200)),
    "methodologies:publication_create": Row(url("methodologies:publication_create"),
                                            logged_in(200)),
    "methodologies:publication_detail": Row(
        url("methodologies:publication_detail", slug("wp2_publication_draft")),
        DRAFT_SEEN_BY_OWNER),
    "methodologies:publication_edit": Row(
        url("methodologies:publication_edit", slug("wp2_publication_draft")), DRAFT_EDIT),
    "methodologies:publication_translate": Row(
        url("methodologies:publication_translate", slug("wp2_publication")),
        learner_too(logged_in(200), 403)),
    "methodologies:publication_file_add": Row(
        url("methodologies:publication_file_add", slug("wp2_publication_draft")), DRAFT_EDIT),
    "methodologies:publication_submit": Row(
        url("methodologies:publication_submit", slug("wp2_publication_draft")), SUBMIT,
        method="post"),
    "methodologies:publication_review": Row(
        url("methodologies:publication_review", slug("wp2_publication_submitted")),
        {**REVIEW, "coordinator": 302}, method="post",
        data={"decision": "return", "comment": "Add the Serbian version."}),
    "methodologies:publication_file_download": Row(
        url("methodologies:publication_file_download", slug("wp2_publication"), lambda o: "en"),
        everyone(200)),
    # Dissemination log
    "methodologies:dissemination_list": Row(url("methodologies:dissemination_list"),
                                            logged_in(200)),
    "methodologies:dissemination_create": Row(url("methodologies:dissemination_create"),
                                              logged_in(200)),
    # The old address of the log's CSV: a bookmark leads to the list (exports are background ones).
    "methodologies:dissemination_export": Row(url("methodologies:dissemination_export"),
                                              logged_in(302)),
    "methodologies:dissemination_edit": Row(
        url("methodologies:dissemination_edit", pk("wp2_activity")),
        {"anonymous": LOGIN, "member_a": 200, "member_b": 403, "lead": 403,
         "coordinator": 200}),
    "methodologies:dissemination_evidence": Row(
        url("methodologies:dissemination_evidence", pk("wp2_activity")), logged_in(200)),
}

# Files of the public items: a visitor downloads those of a published item without logging in
# (Erasmus+: open outputs, no registration); a draft's stay its partner's. Names with a suffix:
# extra rows, not patterns (tests/methodologies/test_licences.py runs them).
EXTRA_ROWS = {
    "attachment of a draft methodology": Row(
        url("methodologies:attachment_download", slug("wp2_draft"), pk("wp2_draft_attachment")),
        DRAFT_SEEN_BY_OWNER),
    "file of a draft publication": Row(
        url("methodologies:publication_file_download", slug("wp2_publication_draft"),
            lambda o: "en"), DRAFT_SEEN_BY_OWNER),
}


def _pdf(record, field_name: str, name: str, **fields):
    """A saved file row of ``record`` (an attachment or a language version)."""
    model = Attachment if field_name == "methodology" else PublicationFile
    row = model(**{field_name: record}, size=len(PDF), language="en", **fields)
    row.file.save(name, ContentFile(PDF), save=True)
    return row


def objects(personas, partners) -> dict:
    a = partners["a3s"]
    published = MethodologyFactory(owner_partner=a, status=Status.PUBLISHED)
    attachment = Attachment(methodology=published, title="Tutor's handbook", language="en",
                            size=len(PDF))
    attachment.file.save("handbook.pdf", ContentFile(PDF), save=True)
    publication = PublicationFactory(owner_partner=a, status=Status.PUBLISHED)
    version = PublicationFile(publication=publication, language="en", size=len(PDF))
    version.file.save("guidebook.pdf", ContentFile(PDF), save=True)
    draft = MethodologyFactory(owner_partner=a, status=Status.DRAFT)
    draft_publication = PublicationFactory(owner_partner=a)
    draft_attachment = _pdf(draft, "methodology", "draft-notes.pdf", title="Draft notes")
    _pdf(draft_publication, "publication", "draft-guidebook.pdf")
    activity = DisseminationFactory(owner_partner=a)
    activity.evidence.save("agenda.pdf", ContentFile(PDF), save=True)
    network = NetworkFactory(maturity="emerging", representing_partner=a)
    visit = StudyVisitFactory(owner_partner=a, visiting_network=network,
                              host_network=NetworkFactory(
                                  maturity="established",
                                  representing_partner=partners["galileo-progetti"]))
    return {
        "wp2_network": network,
        "wp2_visit": visit,
        "wp2_published": published,
        "wp2_draft": draft,
        "wp2_draft_attachment": draft_attachment,
        "wp2_submitted": MethodologyFactory(owner_partner=a, status=Status.SUBMITTED),
        "wp2_attachment": attachment,
        "wp2_publication": publication,
        "wp2_publication_draft": draft_publication,
        "wp2_publication_submitted": PublicationFactory(owner_partner=a,
                                                        status=Status.SUBMITTED),
        "wp2_roundtable": RoundtableFactory(owner_partner=a, is_public=False),
        "wp2_activity": activity,
    }
