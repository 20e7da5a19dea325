"""The API's documentation page works under the site's content security policy: Swagger UI
from the project's own files, its start-up script a separate file, no inline script or style."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_api_docs_render_every_endpoint_without_policy_violations(page, screenshot):
    refused = []
    page.on("console", lambda message: refused.append(message.text)
            if "Content Security Policy" in message.text else None)
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.goto("/api/v1/docs/")
    page.wait_for_selector(".opblock-tag", timeout=30_000)
    assert page.locator("h1").first.inner_text() == "Net-Works open data API"
    tags = page.locator(".opblock-tag").all_inner_texts()
    assert any("providers" in tag for tag in tags), tags
    # Try an operation: the list of providers answers from the same origin.
    page.locator(".opblock-summary-path", has_text="/api/v1/providers/").first.click()
    page.get_by_role("button", name="Try it out").first.click()
    page.get_by_role("button", name="Execute").first.click()
    page.wait_for_selector(".live-responses-table tbody .response-col_status", timeout=30_000)
    status = page.locator(".live-responses-table tbody .response-col_status").first
    assert status.inner_text().strip() == "200"
    screenshot(page, "api-docs")
    assert not refused, refused
    assert not failed, failed
