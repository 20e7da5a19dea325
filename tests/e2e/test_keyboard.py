"""The keyboard alone reaches every control of every main page, and always shows where it is.

Tab from the top of each page (tests/e2e/pages.py, desktop width, sticky header): every visible
link, button, field, group of radio buttons and scrollable region gets the focus in turn; each
focused control has a visible focus indicator (an outline or a ring) and is the element actually
shown at its own centre — not covered by the sticky header or anything else.
"""

import pytest

from tests.e2e.conftest import browse_main_pages

MARK_CONTROLS = """() => {
  const selector = 'a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]),'
    + ' select:not([disabled]), textarea:not([disabled]), summary,'
    + ' [tabindex]:not([tabindex="-1"])';
  const controls = [...document.querySelectorAll(selector)].filter(el => {
    const style = getComputedStyle(el);
    return el.getClientRects().length && style.visibility !== 'hidden' && !el.closest('[inert]');
  });
  // A group of radio buttons is one stop of the Tab key (the arrow keys move inside it), so all
  // its buttons share one number: reaching any of them reaches the group.
  const groups = new Map();
  const listed = [];
  controls.forEach(el => {
    if (el.type === 'radio' && el.name) {
      const key = [...document.forms].indexOf(el.form) + ':' + el.name;
      if (groups.has(key)) {
        el.dataset.kb = groups.get(key);
        return;
      }
      groups.set(key, String(listed.length));
    }
    el.dataset.kb = String(listed.length);
    listed.push(el.outerHTML.slice(0, 120));
  });
  return listed;
}"""

FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || !el.dataset.kb) {
    return {index: null, html: el ? el.outerHTML.slice(0, 120) : null};
  }
  const style = getComputedStyle(el);
  // The focus can sit on a native control's own part (a date field's calendar button): the field
  // is then the active element without matching :focus, and the browser rings that part itself.
  const ownPart = !el.matches(':focus');
  const ring = ownPart || (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
    || (style.boxShadow && style.boxShadow !== 'none');
  const r = el.getBoundingClientRect();
  const cx = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
  const cy = r.top + Math.min(r.height / 2, 10);
  const inView = r.bottom > 0 && r.top < innerHeight;
  const hit = inView ? document.elementFromPoint(cx, cy) : null;
  const shown = !!hit && (hit === el || el.contains(hit) || hit.contains(el)
    || (hit.tagName === 'LABEL' && hit.control === el));
  return {index: Number(el.dataset.kb), html: el.outerHTML.slice(0, 120), ring, inView, shown,
          covering: hit && !shown ? hit.outerHTML.slice(0, 80) : null};
}"""


def _walk(page, key: str, count: int, where: str, failures: list[str]) -> set[int]:
    """Press ``key`` until the focus leaves the page or comes back round; check each stop.

    A date or time field takes several presses (one per part: day, month, year…), so the
    same control may hold the focus for a few presses in a row."""
    reached: set[int] = set()
    last = None
    for _ in range(6 * count + 10):
        page.keyboard.press(key)
        focus = page.evaluate(FOCUSED)
        index = focus["index"]
        if index is None:
            if reached:  # past the last control: on to the browser's own UI
                break
            continue
        if index == last:
            continue
        if index in reached:
            break  # round again
        reached.add(index)
        last = index
        control = f"{where} ({key}): {focus['html']}"
        if not focus["ring"]:
            failures.append(f"{control}: no visible focus indicator")
        if not focus["inView"] or not focus["shown"]:
            failures.append(f"{control}: focused but hidden (under {focus['covering']})")
    return reached


@pytest.mark.django_db(transaction=True)
def test_every_control_of_the_main_pages_is_reachable_and_visibly_focused(main_pages_browser):
    failures: list[str] = []
    for page_def, page in browse_main_pages(main_pages_browser, keyboard_only=True):
        controls = page.evaluate(MARK_CONTROLS)
        page.locator("body").focus()
        forward = _walk(page, "Tab", len(controls), page_def.slug, failures)
        # Backwards too: controls then scroll in at the top, where the sticky header is.
        _walk(page, "Shift+Tab", len(controls), page_def.slug, failures)
        missed = [controls[i] for i in range(len(controls)) if i not in forward]
        if missed:
            failures.append(f"{page_def.slug}: not reachable by Tab: {missed}")
    assert not failures, "\n".join(failures)
