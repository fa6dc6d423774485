"""Every page on a phone, in a real browser: nothing scrolls sideways, no word of a table breaks in two.

Each built page (``PAGES`` of ``test_accessibility.py``, kept complete there) is
opened at the width of a desktop window (1280 px), of a common phone (390 px) and of
the narrowest phone still sold (320 px), in both colour schemes. A page may not be
wider than the window: a table that does not fit becomes stacked rows or scrolls
inside its own box. A word is broken when its letters end up on two lines, which is
what the reader sees ("Terrori" / "sm"): each word of each table cell is measured
where the browser drew it. Breaks at spaces, hyphens, dashes and slashes are where
words may wrap.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, TypedDict

import pytest

from tests.browser.test_accessibility import (
    MATERIAL_SCHEMES,
    PAGES,
    Scheme,
    assert_only_local,
    assert_scheme,
    axe_source,
    describe_violations,
    open_recorded,
    page_url,
    run_axe,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

WIDTHS = (1280, 390, 320)
"""A desktop window, a common phone, the narrowest phone: the widths every page must fit."""
HEIGHT = 800
PHONES = frozenset({390, 320})
"""The widths at which axe-core checks every page here."""


class BrokenWord(TypedDict):
    """A word of a table cell drawn on more than one line."""

    word: str
    lines: int
    cell: str


BROKEN_WORDS = r"""() => {
    const broken = [];
    // A word runs from one allowed break to the next: space, hyphen, dash or slash.
    const word = /[^\s\-\u2010\u2011\u2012\u2013\u2014\/]+/g;
    for (const cell of document.querySelectorAll(".md-content table th, .md-content table td")) {
        if (!cell.checkVisibility()) {
            continue;  // a row the filter hides, a column the layout leaves out
        }
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const match of node.data.matchAll(word)) {
                const range = document.createRange();
                range.setStart(node, match.index);
                range.setEnd(node, match.index + match[0].length);
                const rects = [...range.getClientRects()].filter(rect => rect.width > 0);
                const tops = rects.map(rect => rect.top);
                if (tops.length > 1 && Math.max(...tops) - Math.min(...tops) > 2) {
                    broken.push({
                        word: match[0],
                        lines: new Set(tops.map(Math.round)).size,
                        cell: cell.textContent.trim().slice(0, 60),
                    });
                }
            }
        }
    }
    return broken;
}"""


@pytest.fixture(scope="module")
def sized_pages(browser: Browser) -> Iterator[dict[tuple[Scheme, int], tuple[Page, list[str]]]]:
    """One page per colour scheme and window width, with axe-core in every document, and the requests it records."""
    script = axe_source()
    contexts: list[BrowserContext] = []
    pages: dict[tuple[Scheme, int], tuple[Page, list[str]]] = {}
    try:
        for scheme in MATERIAL_SCHEMES:
            for width in WIDTHS:
                urls: list[str] = []
                context, new_page = open_recorded(browser, scheme, urls)
                contexts.append(context)
                context.add_init_script(script)
                new_page.set_viewport_size({"width": width, "height": HEIGHT})
                pages[scheme, width] = (new_page, urls)
        yield pages
    finally:
        for context in contexts:
            context.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_fits_the_window_breaks_no_word_of_a_table_and_meets_wcag(
    sized_pages: dict[tuple[Scheme, int], tuple[Page, list[str]]], site_url: str, scheme: Scheme, width: int
) -> None:
    page, urls = sized_pages[scheme, width]
    urls.clear()
    too_wide: list[str] = []
    broken: list[str] = []
    violations: list[str] = []
    for path in PAGES:
        url = page_url(site_url, path)
        page.goto(url, wait_until="load")
        assert_scheme(page, scheme)
        scroll_width: int = page.evaluate("document.documentElement.scrollWidth")
        inner_width: int = page.evaluate("window.innerWidth")
        if scroll_width > inner_width:
            too_wide.append(f"{path}: {scroll_width} px wide in a {inner_width} px window")
        words: list[BrokenWord] = page.evaluate(BROKEN_WORDS)
        broken += [f"{path}: {word['word']!r} on {word['lines']} lines, in {word['cell']!r}" for word in words]
        if width in PHONES and (found := run_axe(page)["violations"]):
            violations.append(f"{path}:\n{describe_violations(found)}")
    assert not (too_wide or broken or violations), (
        f"at {width} px ({scheme}), pages that scroll sideways:\n"
        + "\n".join(too_wide or ["none"])
        + "\nwords of tables broken across lines:\n"
        + "\n".join(broken or ["none"])
        + "\naxe-core's WCAG 2.2 AA violations:\n"
        + "\n".join(violations or ["none"])
    )
    assert_only_local(urls)
