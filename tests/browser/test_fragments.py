"""Fragments typed on the statement page, in a real browser (``docs/assets/edition.js``).

A fragment typed never ends in a script error.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from tests.browser.test_linking import statement_url

if TYPE_CHECKING:
    from playwright.sync_api import ConsoleMessage, Page


@pytest.fixture
def page_errors(page: Page) -> Iterator[list[str]]:
    """The script errors and console errors of ``page``, collected while the test runs; none may be left at its end."""
    errors: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(f"console: {message.text}")

    page.on("pageerror", lambda error: errors.append(f"page: {error}"))
    page.on("console", on_console)
    yield errors
    assert errors == []


@pytest.mark.browser
def test_a_fragment_typed_on_the_open_page_keeps_the_cite_menu_whole(
    page: Page, page_errors: list[str], site_url: str
) -> None:
    """The first fragment typed makes Material show the page again (instant navigation), with its scripts."""
    from playwright.sync_api import expect

    page.goto(statement_url(site_url))
    page.locator("button.stmt-cite").first.wait_for()
    with page.expect_request(statement_url(site_url)):  # Material fetches the page to show it again
        page.evaluate("location.hash = '#3.9'")
    expect(page.get_by_role("alert")).to_have_text("Paragraph 3 has no sentence 9: its sentences are 3.1 to 3.3.")
    page.get_by_role("button", name="Cite sentence 3.1", exact=True).click()
    expect(page.locator("#stmt-menu .stmt-menu-item")).to_have_text(
        [
            "Copy link",
            "Copy citation: OSCOLA",
            "Copy citation: Chicago (notes)",
            "Copy citation: APA",
            "Copy Markdown link",
            "Report an error",
        ]
    )
