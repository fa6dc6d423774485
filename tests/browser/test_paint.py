"""The first paint has the page's final layout: nothing moves when the scripts run.

Every script runs once the page is parsed (``defer``, ``overrides/main.html``), after the
first paint; what a script enhances must already stand in its place then (the search
box in the header bar, the filter of the sentences above their tables, "Cite this
statement"), or the page shifts under the reader's eyes and Lighthouse counts a
cumulative layout shift. The Cite controls of the paragraphs and sentences are the
script's own, where they take no room of their own: under a paragraph's number, and
in its notes, closed until the reader opens them. The browser records every shift of the
load (``layout-shift`` entries, read buffered); the sum of their values, without those
that follow the reader's own input, is the page's layout shift score, as Lighthouse's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.conftest import STATEMENT_ID

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, ViewportSize

PAGES = (
    "",
    "statements/",
    "commitments/",
    "topics/",
    "timeline/",
    "data/",
    "about/",
    "format/",
    "performance/",
    f"statements/{STATEMENT_ID}/",
)
"""Every page the navigation of ``mkdocs.yml`` links to, and the statement page."""
VIEWPORTS: dict[str, ViewportSize] = {"412": {"width": 412, "height": 823}, "1280": {"width": 1280, "height": 800}}
"""Lighthouse's phone, and a desktop (where the search box is a field in the header bar)."""

LAYOUT_SHIFTS = """async () => {
    // After the load, and after the deferred scripts and what they started: two frames later.
    await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const entries = await new Promise(resolve => {
        new PerformanceObserver((list, observer) => {
            observer.disconnect();
            resolve(list.getEntries());
        }).observe({type: "layout-shift", buffered: true});
        // No shift at all: the observer is never called; a frame later, none was recorded.
        requestAnimationFrame(() => requestAnimationFrame(() => resolve([])));
    });
    return entries.filter(entry => !entry.hadRecentInput).map(entry => ({
        value: entry.value,
        moved: entry.sources.map(source => {
            const node = source.node;
            const name = node && node.nodeType === 1
                ? node.tagName.toLowerCase() + (node.className ? "." + String(node.className).split(" ").join(".") : "")
                : String(node && node.nodeName);
            return `${name} ${JSON.stringify(source.previousRect)} -> ${JSON.stringify(source.currentRect)}`;
        }),
    }));
}"""
"""Every layout shift of the page so far not caused by the reader's input: its value, what moved and where."""


def cases() -> list[object]:
    """Every page at every width."""
    return [pytest.param(path, width, id=f"{path or 'home'}-{width}") for path in PAGES for width in VIEWPORTS]


@pytest.mark.browser
@pytest.mark.parametrize(("path", "width"), cases())
def test_nothing_moves_after_the_first_paint(page: Page, site_url: str, path: str, width: str) -> None:
    page.set_viewport_size(VIEWPORTS[width])
    page.goto(site_url + path, wait_until="load")
    shifts: list[dict[str, object]] = page.evaluate(LAYOUT_SHIFTS)
    score = sum(float(str(shift["value"])) for shift in shifts)
    moved = "\n".join(f"  {shift['value']}: {shift['moved']}" for shift in shifts)
    assert score == 0, f"the layout shifts by {score:.4f} after the first paint of /{path} at {width} px:\n{moved}"


@pytest.mark.browser
def test_the_statement_page_holds_its_cite_control_and_hides_it_without_scripts(
    browser: Browser, site_url: str
) -> None:
    """The page itself writes "Cite this statement" (so the first paint holds it), and shows it only where it works."""
    from playwright.sync_api import expect

    context = browser.new_context(java_script_enabled=False, viewport=VIEWPORTS["412"])
    try:
        page = context.new_page()
        page.goto(site_url + PAGES[-1])
        control = page.locator(".stmt-official button.stmt-cite-statement")
        expect(control).to_have_count(1)
        expect(control).to_have_text("Cite this statement")
        expect(control).to_be_hidden()
    finally:
        context.close()
