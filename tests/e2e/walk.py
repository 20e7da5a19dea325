"""The browser walk's pages, derived from the access matrix: a page joins the walk the day its
URL pattern gets its row (tests/netw/test_access_matrix.py), with nothing else to add.

Every GET row of the matrix that answers 200 to some persona is opened, with the matrix's
objects (a real record of each kind, partner A's), as:

- the visitor, when the visitor gets 200;
- and one logged-in persona that gets 200: ``member_a`` where they do (a colleague of the
  records' owner: their lists are not empty — ``member_b`` would see an empty /notifications/ —
  and their pages show the editing controls), otherwise the least privileged that does
  (member_b, lead, coordinator, then the learner, who sees what the visitor sees elsewhere).

On each such page the first POST form of ``main`` that posts to the page itself is also sent
empty (its first submit button pressed, nothing filled) — only when that is sure to change
nothing: a required field of the form is empty, so the server refuses it and shows the form with
its errors (the walk fails if it does not), and nothing in the page's address, the form's action
or the button's name deletes, cancels, closes, revokes, publishes, restores, verifies or logs out.

Rows that answer something other than a page (files, feeds, calendars, badges) are in ``SKIPPED``
with the reason; ``tests/e2e/test_walk_pages.py`` checks that every row is walked or skipped.
The hand-kept pages of tests/e2e/pages.py (and tests/<app>/main_pages.py) join as extras where
they add what the matrix cannot: a form pressed with their own button or filled in (``fill``), a
query string, or another persona's view.
"""

from dataclasses import replace

from tests.access import LEARNER, Row
from tests.e2e.pages import MAIN_PAGES, Page
from tests.netw.test_access_matrix import MATRIX

# The logged-in persona a page is walked as: the first of these that gets 200.
LOGGED_IN_ORDER = ["member_a", "member_b", "lead", "coordinator", LEARNER]

# GET rows answering 200 that are not HTML pages: the walk does not open them.
SKIPPED = {
    "sitemap": "XML for search engines",
    "sitemap_section": "XML for search engines",
    "robots_txt": "plain text for search engines",
    "events:feed_user": "an iCalendar feed",
    "events:feed_public": "an iCalendar feed",
    "methodologies:feed": "an Atom feed",
    "sustainability:goodpractice_feed": "an Atom feed",
    "sustainability:recommendation_feed": "an Atom feed",
    "methodologies:publication_feed": "an Atom feed",
    "providers:provider_feed": "an Atom feed",
    "providers:network_feed": "an Atom feed",
    "peersessions:course_feed": "an Atom feed",
    "events:feed_atom": "an Atom feed",
    "methodologies:roundtable_ics": "an iCalendar file",
    "methodologies:studyvisit_ics": "an iCalendar file",
    "peersessions:session_ics": "an iCalendar file",
    "sustainability:meeting_ics": "an iCalendar file",
    "exports:download": "a CSV file",
    "providers:public_download": "a CSV file",
    "providers:provider_map_points": "GeoJSON (the map's points)",
    "providers:network_map_points": "GeoJSON (the map's points)",
    "providers:country_regions_geojson": "GeoJSON (the regions' figures)",
    "providers:provider_import_template": "a spreadsheet (.xlsx)",
    "methodologies:attachment_download": "an uploaded file",
    "methodologies:publication_file_download": "an uploaded file",
    "methodologies:dissemination_evidence": "an uploaded file",
    "peersessions:material_download": "an uploaded file",
    "peersessions:lessonfile_download": "an uploaded file",
    "peersessions:lesson_file": "an uploaded file",
    "sustainability:goodpractice_attachment_download": "an uploaded file",
    "sustainability:commitment_evidence": "an uploaded file",
    "sustainability:meeting_material_download": "an uploaded file",
    "sustainability:uptake_evidence": "an uploaded file",
    "peersessions:course_cartridge": "a Common Cartridge package (.imscc)",
    "peersessions:certificate_pdf": "a PDF certificate",
    "peersessions:badge_issuer": "Open Badges JSON-LD",
    "peersessions:badge_class": "Open Badges JSON-LD",
    "peersessions:badge_assertion": "Open Badges JSON-LD",
    "peersessions:badge_image": "a PNG image",
    "peersessions:badge_baked": "a PNG image",
    "netw:your_data_download": "a JSON file (a person's own data)",
    "api:docs": "Swagger UI, a third party's page: tests/e2e/test_api_docs.py opens it",
}
# The public API's endpoints answer JSON (tests/api/access_rows.py).
SKIPPED.update({name: "JSON of the public API" for name, row in MATRIX.items()
                if name.startswith("api:") and name not in SKIPPED
                and 200 in row.expect.values()})

# Pages whose forms the walk never sends, whatever they hold (matched in the page's address, the
# form's action and the button's name).
DANGEROUS = (r"delete|remove|cancel|close|revoke|publish|withdraw|restore|archive|verify|approve"
             r"|log ?out|sign ?out")

# The open data package's files and the HSDS feed's JSON (tests/opendata/access_rows.py); the
# data page itself (opendata:page) is walked.
SKIPPED.update(dict.fromkeys(("opendata:datapackage", "opendata:readme", "opendata:licence",
                              "opendata:resource"), "a file of the open data package"))
SKIPPED.update({name: "JSON of the HSDS feed" for name in MATRIX if name.startswith("hsds:")})


def answers(row: Row, persona: str) -> int | str:
    """The row's status for ``persona`` (the learner: the visitor's unless the row says)."""
    if persona in row.expect:
        return row.expect[persona]
    if persona == LEARNER and row.expect.get("anonymous") != "login":
        return row.expect["anonymous"]
    return 403


def walk_personas(row: Row) -> list[str]:
    """Who the walk opens the row's page as: the visitor if 200, plus one logged-in persona."""
    personas = ["anonymous"] if answers(row, "anonymous") == 200 else []
    logged_in = [p for p in LOGGED_IN_ORDER if answers(row, p) == 200]
    return personas + logged_in[:1]


def matrix_pages() -> list[Page]:
    """One page per GET row answering 200 to someone and persona of ``walk_personas``."""
    pages = []
    for name, row in MATRIX.items():
        if row.method != "get" or name in SKIPPED:
            continue
        for persona in walk_personas(row):
            pages.append(Page(name.replace(":", " "), row.url, persona=persona, matrix=name))
    return pages


def walk_pages(objects: dict) -> list[Page]:
    """The walk: the matrix's pages, then the hand-kept pages that add something to them."""
    derived = matrix_pages()
    seen = {(page.path(objects), page.persona) for page in derived}
    extras = [page for page in MAIN_PAGES
              if page.submit or page.fill or (page.path(objects), page.persona) not in seen]
    return derived + extras


def empty_variant(page: Page, button: str) -> Page:
    """The page after sending its form empty."""
    return replace(page, name=f"{page.name} empty", submit=button, matrix="")
