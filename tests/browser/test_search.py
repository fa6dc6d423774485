"""Material's search finds a commitment and leads to its paragraph's permanent anchor.

Material groups search results by page: each ``li.md-search-result__item`` starts
with a link to the page itself (the "parent", scored 0 when only its sections
match), followed by the best-scoring sections and a "N more on this page" fold.
The first result is the first item; its top hit is the first section link that is
not folded away, and it must hold the best score of the whole list.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

import pytest

from tests.conftest import STATEMENT_ID

if TYPE_CHECKING:
    from playwright.sync_api import Page

QUERY = "condemn terrorism"
"""Words of commitment 3.1: "We condemn terrorism in all its manifestations." """
EXPECTED = f"statements/{STATEMENT_ID}/#para_3"
"""Where the first result must lead, relative to the site's root."""
EXPECTED_HREF = re.compile(rf"/statements/{re.escape(STATEMENT_ID)}/(\?[^#]*)?#para_3$")
"""The same, as Material writes it (search highlighting adds ``?h=...``); checked exactly below."""
TIMEOUT_MS = 15_000
"""The search index is built in a web worker; give it time on a slow machine."""
BEST_SCORE = """list => Math.max(
    ...Array.from(list.querySelectorAll("article[data-md-score]"), article => Number(article.dataset.mdScore))
)"""
"""The best score of every result in the list, read in one go."""


def path_and_fragment(url: str) -> str:
    """``/path/#fragment`` of ``url``, without host and query."""
    parts = urlsplit(url)
    return f"{parts.path}#{parts.fragment}"


@pytest.mark.browser
def test_search_finds_the_paragraph_that_condemns_terrorism(page: Page, site_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(site_url)
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially(QUERY)  # Material searches on keyup, as a reader types
    expect(search).to_have_value(QUERY)

    results = page.locator("ol.md-search-result__list")
    first = results.locator("li.md-search-result__item").first
    top_hit = first.locator(":scope > a.md-search-result__link[href*='#']").first
    expect(top_hit).to_have_attribute("href", EXPECTED_HREF, timeout=TIMEOUT_MS)

    href = top_hit.get_attribute("href")
    assert href is not None
    expected_url = urljoin(site_url, EXPECTED)
    assert path_and_fragment(urljoin(page.url, href)) == path_and_fragment(expected_url), (
        f"the first result for {QUERY!r} links to {href!r}, not to {EXPECTED!r}"
    )
    top_score = float(top_hit.locator("article").get_attribute("data-md-score") or "nan")
    assert top_score == results.evaluate(BEST_SCORE), f"the result for {EXPECTED!r} is not the best-scoring one"

    top_hit.click()
    page.wait_for_url(lambda url: urlsplit(url).fragment == "para_3", timeout=TIMEOUT_MS)
    assert path_and_fragment(page.url) == path_and_fragment(expected_url)
    paragraph = page.locator("#para_3")
    expect(paragraph).to_have_count(1)
    expect(paragraph).to_be_visible()
    expect(paragraph).to_be_in_viewport()


@pytest.mark.browser
@pytest.mark.parametrize("query", ["Brussels 2001", "NATO Press Statement", "3"])
def test_search_snippets_of_the_statement_read_as_text(page: Page, site_url: str, query: str) -> None:
    """No result shows the metadata's labels run into their values, or a paragraph's bare number.

    Before, "Brussels 2001" ranked the header first with the snippet "Date7 December 2001
    PlaceBrussels ...", and a stray result "3." stood for a paragraph number.
    """
    from playwright.sync_api import expect

    page.goto(site_url)
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially(query)
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"matching"), timeout=TIMEOUT_MS)
    page.wait_for_timeout(300)  # the list is drawn as the worker answers
    snippets = page.locator("li.md-search-result__item article").all_inner_texts()
    statement = page.locator(f"li.md-search-result__item a[href*='{STATEMENT_ID}']")
    assert statement.count() > 0, f"no result for {query!r} leads to the statement"
    for snippet in snippets:
        for glued in ("Date7", "PlaceBrussels", "Issued byNATO", "Official textNATO"):
            assert glued not in snippet, f"{query!r}: a snippet reads {snippet[:120]!r}"
        assert snippet.strip() not in ("3.", "1.", "2.", "4."), f"{query!r}: a result is a bare paragraph number"
