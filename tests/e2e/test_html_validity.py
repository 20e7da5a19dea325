"""The HTML the server sends for every main page (tests/e2e/pages.py, forms with errors too) is
valid: zero errors from the Nu HTML Checker (vnu-jar from the project's package-lock, run by the
machine's Java), all pages checked in one run of the checker."""

import json
import shutil
import subprocess

import pytest

from tests.e2e.conftest import VNU_JAR, _unavailable, browse_main_pages


@pytest.mark.django_db(transaction=True)
def test_main_pages_are_valid_html(main_pages_browser, tmp_path):
    java = shutil.which("java")
    if not java:
        _unavailable("Java is not installed (apt-get install default-jre-headless)")
    if not VNU_JAR.exists():
        _unavailable("vnu-jar is not installed: run `make node-tools` (needs npm)")
    files = {}
    for page_def, _page in browse_main_pages(main_pages_browser):
        path = tmp_path / f"{page_def.slug}.html"
        path.write_text(main_pages_browser.html)
        files[path.name] = page_def.slug
    result = subprocess.run(
        [java, "-Xss4m", "-jar", str(VNU_JAR), "--errors-only", "--format", "json",
         *sorted(str(p) for p in tmp_path.glob("*.html"))],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode in (0, 1), result.stderr[-2000:]  # 1: errors were found
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [f"{files.get(m.get('url', '').rsplit('/', 1)[-1])}:{m.get('lastLine')}: "
              f"{m['message']}\n"
              f"    {m.get('extract', '').strip()}"
              for m in messages if m.get("type") in ("error", "non-document-error")]
    assert not errors, f"{len(errors)} HTML error(s):\n" + "\n".join(errors)
    assert len(files) >= 10
