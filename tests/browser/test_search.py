"""Search: Pagefind's index in the header's search box, landing on the sentence that holds the words.

The box has Material's look and classes (``input.md-search__input``, results as
``li.md-search-result__item``); ``docs/assets/search.js`` drives it. Each result
links to the sentence (or heading) of its page where the most words searched for
stand, an official sentence before an editorial heading or the documents referred to,
with the words in ``?highlight=``, which the page then marks. Statements come first,
then the pages for readers, then those for developers. When nothing matches, the box
says so and what to try. Every request goes to 127.0.0.1 (the ``page`` fixture fails
the test otherwise).
"""

from __future__ import annotations

import gzip
import json
import re
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.conftest import STATEMENT_ID

if TYPE_CHECKING:
    from playwright.sync_api import APIResponse, Locator, Page, Route

TIMEOUT_MS = 15_000
"""Pagefind loads its script and index on first use; give it time on a slow machine."""
STATEMENT_PATH = f"/statements/{STATEMENT_ID}/"
LANDINGS = [
    # Paragraph 2 says "joint" twice ("Permanent Joint Council", "coordinated/joint action"); Material's
    # lunr search ranked it first. The sentence that holds the words as typed comes first.
    ("joint action at 20", "para_1__cmt_3"),
    ("condemn terrorism", "para_3__cmt_1"),
    ("Reykjavik", "para_2__cmt_4"),
    ('"stability and security"', "para_1__cmt_2"),
    # Words that also stand in an editorial heading, in the title's descriptive line or in the documents
    # referred to, which weighed more (a heading), or came first, and where the first result landed.
    ("relationship", "para_1__cmt_1"),  # paragraph 1's heading: "A new relationship and a new council"
    ("council", "para_1__cmt_3"),  # the same heading, and the descriptive line
    ("Terrorism", "para_3__cmt_1"),  # paragraph 3's heading: "Terrorism"
    ("cooperation", "para_4__cmt_3"),  # paragraph 4's heading: "Common threats, closer cooperation"
    ("Permanent Joint Council", "para_2__cmt_3"),  # the descriptive line under the title
    ("Founding Act", "para_2__cmt_3"),  # documents referred to; sentences 1.2 and 2.3 ("joint action" too)
    ("Security Council Resolutions 1368", "para_3__cmt_3"),  # documents referred to
]
"""Queries from the text, and the sentence their first result must land on."""
DEVELOPER_PAGES = {"/format/", "/data/", "/performance/"}
"""The pages for developers, which come after every other page among the results."""
OF_THE_TEXT = ["council", "Founding Act", "Russia", "joint", "terrorism", "relationship", "NATO"]
"""Words of the official text that pages for readers and pages for developers hold as well."""
PAGEFIND_ITSELF = {
    "script": r"/pagefind/pagefind\.js$",
    "worker": r"/pagefind/pagefind-worker\.js$",
    "entry": r"/pagefind/pagefind-entry\.json\?",
    "list of pages": r"/pagefind/pagefind\.en_\w+\.pf_meta$",
    "WebAssembly": r"/pagefind/wasm\.en\.pagefind$",
}
"""Pagefind's own files, which every search needs first, by what they are: patterns of their addresses."""
CHUNKS = re.compile(r"/pagefind/(index|fragment|filter)/")
"""The chunks of Pagefind's index, and the texts of the results (fragments): what a query needs."""


def open_search(page: Page) -> Locator:
    """Open the search box with its keyboard shortcut, as a reader does; its input, focused."""
    from playwright.sync_api import expect

    page.locator("body").press("/")
    search = page.locator("input.md-search__input")
    expect(search).to_be_focused()
    return search


def search_for(page: Page, query: str) -> Locator:
    """Type ``query`` into the open box; the first result's link, once it is shown."""

    search = open_search(page)
    search.press_sequentially(query)
    return first_result(page, query)


def first_result(page: Page, query: str) -> Locator:
    """The first result's link, once the results shown are those of ``query`` (results come as one types)."""
    from playwright.sync_api import expect

    results = page.locator("ol.md-search-result__list")
    expect(results).to_have_attribute("data-query", query, timeout=TIMEOUT_MS)
    first = results.locator("li.md-search-result__item a.md-search-result__link").first
    expect(first).to_be_visible(timeout=TIMEOUT_MS)
    return first


def results_of(page: Page, query: str) -> list[str]:
    """The paths of every result shown for ``query``, typed into the open box, in order, once all are shown."""
    from playwright.sync_api import expect

    search = page.locator("input.md-search__input")
    search.fill(query)
    first_result(page, query)
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_text(re.compile(r"^\d+ pages? match(es)?$"))
    count = int(meta.inner_text().split()[0])
    links = page.locator("li.md-search-result__item a.md-search-result__link")
    expect(links).to_have_count(min(count, 10))
    return [urlsplit(href or "").path for href in links.evaluate_all("links => links.map(link => link.href)")]


def landing(href: str | None) -> tuple[str, str, list[str]]:
    """Path, fragment and highlighted words of a result's link."""
    assert href is not None
    parts = urlsplit(href)
    return parts.path, parts.fragment, parse_qs(parts.query).get("highlight", [])


@pytest.mark.browser
@pytest.mark.parametrize(("query", "anchor"), LANDINGS)
def test_the_first_result_lands_on_the_sentence_with_the_words_marked(
    page: Page, site_url: str, query: str, anchor: str
) -> None:
    from playwright.sync_api import expect

    page.goto(site_url)
    first = search_for(page, query)
    path, fragment, words = landing(first.get_attribute("href"))
    assert (path, fragment) == (STATEMENT_PATH, anchor), f"the first result for {query!r} is {path}#{fragment}"
    assert words == query.replace('"', "").split()
    paragraph, sentence = re.findall(r"\d+", anchor)
    expect(first.locator("h1")).to_have_text("NATO-Russia Joint Statement, 7 December 2001")
    expect(first).to_contain_text(f"Paragraph {paragraph}, sentence {paragraph}.{sentence}")

    first.click()
    page.wait_for_url(lambda url: urlsplit(url).fragment == anchor, timeout=TIMEOUT_MS)
    target = page.locator(f"#{anchor}")
    expect(target).to_be_in_viewport()
    expect(page.locator("input[data-md-toggle='search']")).not_to_be_checked()
    marks = target.locator("mark.stmt-search-highlight")
    expect(marks.first).to_be_visible(timeout=TIMEOUT_MS)
    marked = {word.lower() for word in marks.all_inner_texts()}
    assert marked >= {word.lower() for word in words if word.lower() not in ("at", "and")}, marked


@pytest.mark.browser
def test_a_word_that_is_also_a_heading_lands_on_the_sentence_with_its_words_as_excerpt(
    page: Page, site_url: str
) -> None:
    """Paragraph 3's editorial heading is "Terrorism": the first result was that heading, its excerpt the heading."""
    from playwright.sync_api import expect

    page.goto(site_url)
    first = search_for(page, "Terrorism")
    expect(first.locator(".stmt-search-place")).to_have_text("Paragraph 3, sentence 3.1")
    excerpt = first.locator("article > p:not(.stmt-search-place)")
    expect(excerpt).to_have_text("We condemn terrorism in all its manifestations.")
    expect(excerpt.locator("mark")).to_have_text(["terrorism"])


@pytest.mark.browser
def test_statements_come_first_and_pages_for_developers_last(page: Page, site_url: str) -> None:
    """For "Founding Act" the format page and the performance page came second and third, before "How to link and
    cite"; for "relationship", the format page came third."""
    page.goto(site_url)
    open_search(page)
    for query in OF_THE_TEXT:
        paths = results_of(page, query)
        assert paths[0] == STATEMENT_PATH, (query, paths)
        for_developers = [at for at, path in enumerate(paths) if path in DEVELOPER_PAGES]
        for_readers = [at for at, path in enumerate(paths) if path not in DEVELOPER_PAGES]
        assert for_developers, (query, paths)
        assert max(for_readers) < min(for_developers), (query, paths)


@pytest.mark.browser
def test_words_in_quotes_are_found_only_in_that_order(page: Page, site_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(site_url)
    search = open_search(page)
    meta = page.locator(".md-search-result__meta")
    search.press_sequentially("security and stability")
    first_result(page, "security and stability")
    expect(meta).to_have_text(re.compile(r"^\d+ pages match$"))
    search.fill("")
    search.press_sequentially('"security and stability"')  # the text says "stability and security"
    results = page.locator("ol.md-search-result__list")
    expect(results).to_have_attribute("data-query", '"security and stability"', timeout=TIMEOUT_MS)
    expect(meta.locator(".stmt-search-none")).to_have_text("No sentence matches")
    expect(meta.locator(".stmt-search-help")).to_have_text(
        "Try fewer words, the words without quotes, another spelling or the first letters of a word."
    )
    expect(page.locator("li.md-search-result__item")).to_have_count(0)


@pytest.mark.browser
@pytest.mark.parametrize(
    ("address", "help"),
    [
        ("?q=xyzzy", "Try another spelling or the first letters of a word."),
        # Filters are a page's: only statements have a kind, and only other pages speak of BibTeX.
        ("?q=BibTeX&kind=condemn", "Try another spelling, the first letters of a word or fewer filters."),
    ],
)
def test_when_no_sentence_matches_the_box_says_so_and_what_to_try(
    page: Page, site_url: str, address: str, help: str
) -> None:
    from playwright.sync_api import expect

    page.goto(site_url + address)
    query = parse_qs(urlsplit(address).query)["q"][0]
    expect(page.locator("ol.md-search-result__list")).to_have_attribute("data-query", query, timeout=TIMEOUT_MS)
    meta = page.locator(".md-search-result__meta")
    expect(meta.locator(".stmt-search-none")).to_have_text("No sentence matches")
    expect(meta.locator(".stmt-search-help")).to_have_text(help)
    expect(page.locator("li.md-search-result__item")).to_have_count(0)
    none, said = (meta.locator(part).bounding_box() for part in (".stmt-search-none", ".stmt-search-help"))
    assert none is not None and said is not None
    assert said["y"] >= none["y"] + none["height"], "what to try is not on a line of its own"


@pytest.mark.browser
def test_a_misspelling_finds_no_page_that_holds_none_of_the_words(page: Page, site_url: str) -> None:
    """Pagefind matches "terorism" by the longest word of its index that the word begins with, the "te" of "BibTeX":
    the Data page and "How to link and cite" were shown, their excerpts holding no word searched for."""
    from playwright.sync_api import expect

    page.goto(site_url)
    search = open_search(page)
    search.press_sequentially("terorism")
    expect(page.locator("ol.md-search-result__list")).to_have_attribute("data-query", "terorism", timeout=TIMEOUT_MS)
    expect(page.locator(".md-search-result__meta .stmt-search-none")).to_have_text("No sentence matches")
    expect(page.locator("li.md-search-result__item")).to_have_count(0)


@pytest.mark.browser
def test_a_misspelling_that_begins_as_a_word_of_the_text_finds_it(page: Page, site_url: str) -> None:
    """Pagefind matches "terrorsim" by "terror", the stem of "terrorism", which the results then show and mark."""
    from playwright.sync_api import expect

    page.goto(site_url)
    first = search_for(page, "terrorsim")
    assert landing(first.get_attribute("href"))[:2] == (STATEMENT_PATH, "para_3__cmt_1")
    expect(first.locator("mark")).to_have_text(["terrorism"])


@pytest.mark.browser
def test_a_search_has_an_address_that_opens_it(page: Page, site_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(site_url + "about/")
    search_for(page, "condemn terrorism")
    share = page.locator("a.stmt-search-share")
    shared = share.get_attribute("href")
    assert shared is not None
    assert urlsplit(shared).path == "/about/"
    assert parse_qs(urlsplit(shared).query) == {"q": ["condemn terrorism"]}

    page.goto(shared)
    expect(page.locator("input[data-md-toggle='search']")).to_be_checked()
    expect(page.locator("input.md-search__input")).to_have_value("condemn terrorism")
    first = first_result(page, "condemn terrorism")
    expect(first).to_have_attribute("href", re.compile(rf"^{re.escape(STATEMENT_PATH)}\?.*#para_3__cmt_1$"))


@pytest.mark.browser
def test_an_address_with_a_filter_opens_the_search_filtered(page: Page, site_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(site_url + "?q=NATO&kind=condemn")
    first = first_result(page, "NATO")
    expect(page.locator(".stmt-search-filters select[name='kind']")).to_have_value("condemn")
    expect(page.locator(".md-search-result__meta")).to_have_text("1 page matches")
    assert landing(first.get_attribute("href"))[0] == STATEMENT_PATH


@pytest.mark.browser
def test_filters_by_kind_topic_and_year_narrow_the_results(page: Page, site_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(site_url)
    search_for(page, "NATO")
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_text(re.compile(r"^\d+ pages match$"))
    everywhere = int(meta.inner_text().split()[0])
    assert everywhere > 1, "NATO is on more pages than the statement's"
    page.get_by_role("button", name="Filter by kind, topic or year").click()
    expect(page.locator(".stmt-search-filters select[name='kind']")).to_be_focused()
    for name, value in (("kind", "condemn"), ("topic", "Terrorism"), ("year", "2001")):
        select = page.locator(f".stmt-search-filters select[name='{name}']")
        select.select_option(value)
        expect(meta).to_have_text("1 page matches")
        results = page.locator("li.md-search-result__item a.md-search-result__link")
        expect(results).to_have_count(1)
        assert landing(results.first.get_attribute("href"))[0] == STATEMENT_PATH
        share = page.locator("a.stmt-search-share").get_attribute("href") or ""
        assert parse_qs(urlsplit(share).query)[name] == [value]
        select.select_option("")
        expect(meta).to_have_text(f"{everywhere} pages match")


@pytest.mark.browser
def test_the_keyboard_opens_goes_through_and_closes_the_search(page: Page, site_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(site_url)
    toggle = page.locator("input[data-md-toggle='search']")
    expect(toggle).not_to_be_checked()
    first = search_for(page, "condemn terrorism")
    expect(toggle).to_be_checked()
    page.keyboard.press("ArrowDown")
    expect(first).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(page.locator("input.md-search__input")).to_be_focused()
    page.keyboard.press("Escape")
    expect(toggle).not_to_be_checked()
    page.keyboard.press("s")
    expect(toggle).to_be_checked()
    page.keyboard.press("Enter")  # the words are still there: Enter follows the first result
    page.wait_for_url(lambda url: urlsplit(url).fragment == "para_3__cmt_1", timeout=TIMEOUT_MS)


@pytest.mark.browser
def test_search_loads_only_the_chunks_a_query_needs_from_the_site_itself(page: Page, site_url: str) -> None:
    """No chunk of the index loads with a page; a query loads Pagefind's files from ``/pagefind/`` alone, and not
    the filters' values, which at 10,000 statements weigh more than the rest of a query."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    assert not [url for url in requested if CHUNKS.search(url) or "search_index" in url]
    search_for(page, "condemn terrorism")
    loaded = [urlsplit(url).path for url in requested if "/pagefind/" in url]
    assert "/pagefind/pagefind.js" in loaded
    assert not [path for path in loaded if path.startswith("/pagefind/filter/")], "the filters load unasked"
    assert any(path.startswith("/pagefind/index/") for path in loaded)
    assert any(path.startswith("/pagefind/fragment/") for path in loaded)
    assert not [url for url in requested if "search_index" in url or "/workers/search" in url]


def pagefind_parts(urls: list[str]) -> set[str]:
    """Which of Pagefind's own files (:data:`PAGEFIND_ITSELF`) ``urls`` name."""
    return {part for part, pattern in PAGEFIND_ITSELF.items() if any(re.search(pattern, url) for url in urls)}


@pytest.mark.browser
def test_an_idle_page_loads_pagefind_before_the_first_key_but_no_chunk_of_the_index(page: Page, site_url: str) -> None:
    """Pagefind loaded as the box opened, in waves one after the other (its script, its worker, its list of pages
    and WebAssembly, the index, the results), 4.4 s on a phone's network before the first result: it now loads
    while the reader reads, and the index's chunks for the words alone once they are typed."""
    from playwright.sync_api import expect

    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    with page.expect_request(re.compile(PAGEFIND_ITSELF["WebAssembly"]), timeout=TIMEOUT_MS):
        page.goto(site_url + STATEMENT_PATH.lstrip("/"))
    page.wait_for_load_state("networkidle")
    assert pagefind_parts(requested) == set(PAGEFIND_ITSELF)
    expect(page.locator("input[data-md-toggle='search']")).not_to_be_checked()
    others = [url for url in requested if "/pagefind/" in url and not pagefind_parts([url])]
    assert others == [], "more than Pagefind itself loaded before any key"


FRAGMENT_MARK = b"pagefind_dcd"
"""What a fragment's text begins with, once gunzipped, before its JSON (Pagefind's format)."""


def fragment_path(body: bytes) -> str:
    """The path of the page whose text a Pagefind fragment (as served: gzipped) holds."""
    data = gzip.decompress(body)
    assert data.startswith(FRAGMENT_MARK), data[:40]
    return str(json.loads(data[len(FRAGMENT_MARK) :])["url"])


@pytest.mark.browser
def test_the_first_result_shows_while_the_other_results_are_still_loading(page: Page, site_url: str) -> None:
    """The texts of the other pages found (Pagefind's fragments) are held back until the first result is shown."""
    from playwright.sync_api import expect

    held: list[tuple[Route, APIResponse]] = []

    def hold_all_but_the_statement(route: Route) -> None:
        response = route.fetch()
        if fragment_path(response.body()) == STATEMENT_PATH:
            route.fulfill(response=response)
        else:
            held.append((route, response))

    page.route(re.compile(r"/pagefind/fragment/"), hold_all_but_the_statement)
    page.goto(site_url)
    first = search_for(page, "condemn terrorism")
    assert landing(first.get_attribute("href"))[:2] == (STATEMENT_PATH, "para_3__cmt_1")
    assert held, "no other page's text was asked for: the query no longer finds several pages"
    items = page.locator("li.md-search-result__item")
    expect(items).to_have_count(1)
    for route, response in held:
        route.fulfill(response=response)
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_text(re.compile(r"^\d+ pages match$"))
    expect(items).to_have_count(min(int(meta.inner_text().split()[0]), 10))


@pytest.mark.browser
def test_the_index_for_the_letters_typed_loads_before_the_search_runs(page: Page, site_url: str) -> None:
    """The search runs once the reader stops typing (a timer, held here by Playwright's clock); the chunks of the
    index that hold the words load at each key, while the reader types: before, only once the search ran."""
    from playwright.sync_api import expect

    page.clock.install()
    page.goto(site_url)
    page.clock.pause_at(page.evaluate("Date.now()") + 1000)  # no timer fires from now on
    search = open_search(page)
    with page.expect_request(re.compile(r"/pagefind/index/"), timeout=TIMEOUT_MS):
        search.press("c")
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching")
    expect(page.locator("ol.md-search-result__list")).not_to_have_attribute("data-query", "c")
