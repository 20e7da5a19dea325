"""Every page of the portal — each GET row of the access matrix answering 200 to someone, as the
visitor and as a logged-in persona, its form also sent empty, plus the hand-kept extras of
tests/e2e/pages.py (tests/e2e/walk.py) — in one walk of the browser:

- zero axe-core violations of the WCAG 2.0/2.1/2.2 A and AA rules;
- valid HTML: zero errors from the Nu HTML Checker on the HTML the server sent (all pages in one
  run of the checker);
- screenshots at desktop (1280 px) and phone (390 px) widths under var/screenshots/;
- reflow (WCAG 1.4.10): at 390 px no page is wider than the screen, so nothing scrolls sideways
  (a wide table may scroll inside its own region).

axe-core and vnu-jar come from the project's package-lock (``make node-tools``); axe is injected
into a browser context that bypasses the page's Content-Security-Policy (the pages themselves
allow no foreign script); the checker runs on the machine's Java.
"""

import json
import shutil
import subprocess

import pytest

from tests.e2e.conftest import AXE_JS, VNU_JAR, _unavailable, browse_main_pages
from tests.e2e.walk import walk_pages

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags},
                                          resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " — " + n.failureSummary),
  }));
}"""


PHONE = {"width": 390, "height": 844}
# The page's width, and the outermost elements that stick out of the screen on the right (an
# element inside a box that scrolls or clips is not counted: only what widens the page itself).
WIDER_THAN_SCREEN = """() => {
  const width = document.documentElement.clientWidth;
  const clippedOrOut = el => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== 'visible') return true;
      if (p.getBoundingClientRect().right > width + 1) return true;
    }
    return false;
  };
  const out = [...document.body.querySelectorAll('*')].filter(
    el => el.getBoundingClientRect().right > width + 1 && !clippedOrOut(el));
  return {scrollWidth: document.documentElement.scrollWidth, width,
          out: out.slice(0, 5).map(el => el.outerHTML.slice(0, 100))};
}"""


def too_wide(page) -> str | None:
    """What makes the page wider than its viewport, or None when it fits."""
    found = page.evaluate(WIDER_THAN_SCREEN)
    if found["scrollWidth"] <= found["width"]:
        return None
    return (f"{found['scrollWidth']} px wide at {found['width']} px: "
            + "; ".join(found["out"] or ["(no element found)"]))


def _describe(violations) -> str:
    return "\n".join(f"  [{v['impact']}] {v['id']}: {v['help']}\n    " + "\n    ".join(v["nodes"])
                     for v in violations)


def _html_errors(java: str, folder, slugs: dict[str, str]) -> list[str]:
    result = subprocess.run(
        [java, "-Xss4m", "-jar", str(VNU_JAR), "--errors-only", "--format", "json",
         *sorted(str(p) for p in folder.glob("*.html"))],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode in (0, 1), result.stderr[-2000:]  # 1: errors were found
    messages = json.loads(result.stderr or result.stdout)["messages"]
    return [f"{slugs.get(m.get('url', '').rsplit('/', 1)[-1])}:{m.get('lastLine')}: "
            f"{m['message']}\n    {m.get('extract', '').strip()}"
            for m in messages if m.get("type") in ("error", "non-document-error")]


@pytest.mark.django_db(transaction=True)
def test_main_pages_pass_axe_and_the_html_checker(main_pages_browser, tmp_path):
    if not AXE_JS.exists() or not VNU_JAR.exists():
        _unavailable("axe-core or vnu-jar is not installed: run `make node-tools` (needs npm)")
    java = shutil.which("java")
    if not java:
        _unavailable("Java is not installed (apt-get install default-jre-headless)")
    failures, slugs, wide = [], {}, []
    pages = walk_pages(main_pages_browser.objects)
    for page_def, page in browse_main_pages(main_pages_browser, pages=pages, bypass_csp=True):
        assert f"{page_def.slug}.html" not in slugs, f"two pages named {page_def.slug}"
        page.add_script_tag(path=str(AXE_JS))
        violations = page.evaluate(AXE_RUN, WCAG_TAGS)
        if violations:
            failures.append(f"{page_def.slug} ({page.url}):\n{_describe(violations)}")
        (tmp_path / f"{page_def.slug}.html").write_text(main_pages_browser.html)
        slugs[f"{page_def.slug}.html"] = page_def.slug
        main_pages_browser.screenshot(page, f"{page_def.slug}-desktop")
        page.set_viewport_size(PHONE)
        if problem := too_wide(page):
            wide.append(f"{page_def.slug} ({page.url}): {problem}")
        main_pages_browser.screenshot(page, f"{page_def.slug}-phone")
        page.set_viewport_size({"width": 1280, "height": 900})
    html_errors = _html_errors(java, tmp_path, slugs)
    report = [(main_pages_browser.problems, "pages the walk could not check"),
              (failures, "axe-core violations"),
              (wide, "pages wider than a 390 px phone (WCAG 1.4.10 Reflow)"),
              (html_errors, "HTML errors")]
    assert not any(found for found, _title in report), "\n\n".join(
        f"{len(found)} {title}:\n" + "\n".join(found) for found, title in report if found)
    assert len(slugs) >= len(pages)
