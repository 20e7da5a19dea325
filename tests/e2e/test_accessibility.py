"""Every main page (tests/e2e/pages.py), as its persona and with its forms' errors shown: zero
axe-core violations of WCAG 2.0/2.1/2.2 A and AA rules, and screenshots at desktop and phone
widths under var/screenshots/.

axe-core comes from the project's package-lock (``make node-tools``), injected into a browser
context that bypasses the page's Content-Security-Policy (the pages themselves allow no foreign
script).
"""

import pytest

from tests.e2e.conftest import AXE_JS, browse_main_pages

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags},
                                          resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " — " + n.failureSummary),
  }));
}"""


def _describe(violations) -> str:
    return "\n".join(f"  [{v['impact']}] {v['id']}: {v['help']}\n    " + "\n    ".join(v["nodes"])
                     for v in violations)


@pytest.mark.django_db(transaction=True)
def test_main_pages_have_no_wcag_violations_and_are_photographed(main_pages_browser):
    if not AXE_JS.exists():
        from tests.e2e.conftest import _unavailable
        _unavailable("axe-core is not installed: run `make node-tools` (needs npm)")
    failures = []
    for page_def, page in browse_main_pages(main_pages_browser, bypass_csp=True):
        page.add_script_tag(path=str(AXE_JS))
        violations = page.evaluate(AXE_RUN, WCAG_TAGS)
        if violations:
            failures.append(f"{page_def.slug} ({page.url}):\n{_describe(violations)}")
        main_pages_browser.screenshot(page, f"{page_def.slug}-desktop")
        page.set_viewport_size({"width": 390, "height": 844})
        main_pages_browser.screenshot(page, f"{page_def.slug}-phone")
        page.set_viewport_size({"width": 1280, "height": 900})
    assert not failures, "axe-core violations:\n" + "\n".join(failures)
