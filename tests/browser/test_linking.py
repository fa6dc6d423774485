"""Linking and citing, in a real browser: copy controls, arriving by a link, short references.

Every test opens the built site served on 127.0.0.1; the ``page`` fixture fails a
test whose page sends a request to any other host.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

from tests.conftest import STATEMENT_ID

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

STATEMENT = f"statements/{STATEMENT_ID}/"
"""The statement page, relative to the site's root."""
CITED_AS = "NATO-Russia Joint Statement, Brussels, 7 December 2001"
"""The citation form of the "How to link and cite" page."""
CLIPBOARD = ["clipboard-read", "clipboard-write"]


def statement_url(site_url: str, fragment: str = "") -> str:
    """The statement page's address, with ``#fragment`` if given."""
    return site_url + STATEMENT + (f"#{fragment}" if fragment else "")


def clipboard(page: Page) -> str:
    """What the clipboard holds now."""
    text: str = page.evaluate("navigator.clipboard.readText()")
    return text


def fragment(page: Page) -> str:
    """The fragment of the page's current address."""
    return urlsplit(page.url).fragment


def assert_marked_below_header(page: Page, target: Locator) -> None:
    """``target`` is marked, visible, and not hidden under the sticky header."""
    from playwright.sync_api import expect

    expect(target).to_have_class(
        "stmt-cmt stmt-target" if "__cmt_" in (target.get_attribute("id") or "") else "stmt-para-heading stmt-target"
    )
    expect(target).to_be_in_viewport()
    header_bottom = page.locator("header.md-header").evaluate("header => header.getBoundingClientRect().bottom")
    target_top = target.evaluate("element => element.getBoundingClientRect().top")
    assert target_top >= header_bottom, (
        f"the target starts at {target_top}px, under the header ending at {header_bottom}px"
    )
    outline = target.evaluate("element => getComputedStyle(element).outlineStyle")
    background = target.evaluate("element => getComputedStyle(element).backgroundColor")
    assert outline == "solid"
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")


@pytest.mark.browser
@pytest.mark.parametrize(
    ("button_name", "expected"),
    [
        ("Copy link to commitment 3.1", "{url}#para_3__cmt_1"),
        ("Copy citation of commitment 3.1", CITED_AS + ", para. 3, commitment 1, {url}#para_3__cmt_1"),
        ("Copy Markdown link to commitment 3.1", "[" + CITED_AS + ", para. 3, commitment 1]({url}#para_3__cmt_1)"),
        ("Copy link to paragraph 2", "{url}#para_2"),
        ("Copy citation of paragraph 2", CITED_AS + ", para. 2, {url}#para_2"),
        ("Copy Markdown link to paragraph 2", "[" + CITED_AS + ", para. 2]({url}#para_2)"),
    ],
)
def test_copy_controls_put_the_permanent_link_and_citation_on_the_clipboard(
    page: Page, site_url: str, button_name: str, expected: str
) -> None:
    from playwright.sync_api import expect

    page.context.grant_permissions(CLIPBOARD, origin=site_url.rstrip("/"))
    page.goto(statement_url(site_url) + "?h=terrorism")  # the copied address drops search highlighting
    button = page.get_by_role("button", name=button_name, exact=True)
    expect(button).to_have_count(1)
    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_contain_text("copied")
    assert clipboard(page) == expected.format(url=statement_url(site_url))
    expect(page.locator("#stmt-announcer")).to_contain_text(
        button_name.split(" ")[-2] + " " + button_name.split(" ")[-1]
    )
    expect(button).not_to_contain_text("copied", timeout=5000)


@pytest.mark.browser
def test_every_paragraph_and_commitment_has_three_labelled_controls(page: Page, site_url: str) -> None:
    page.goto(statement_url(site_url))
    names = page.locator("button.stmt-tool").evaluate_all("buttons => buttons.map(b => b.getAttribute('aria-label'))")
    anchors = ["paragraph 1", *[f"commitment 1.{m}" for m in (1, 2, 3)], "paragraph 2",
               *[f"commitment 2.{m}" for m in (1, 2, 3, 4)], "paragraph 3", *[f"commitment 3.{m}" for m in (1, 2, 3)],
               "paragraph 4", *[f"commitment 4.{m}" for m in (1, 2, 3)]]  # fmt: skip
    assert names == [
        f"{verb} {anchor}"
        for anchor in anchors
        for verb in ("Copy link to", "Copy citation of", "Copy Markdown link to")
    ]


@pytest.mark.browser
def test_copy_works_after_instant_navigation(page: Page, site_url: str) -> None:
    from playwright.sync_api import expect

    page.context.grant_permissions(CLIPBOARD, origin=site_url.rstrip("/"))
    page.goto(site_url)
    page.evaluate("window.__sameDocument = true")
    page.get_by_role("link", name="NATO-Russia Joint Statement, Brussels, 7 December 2001").click()
    page.wait_for_url(statement_url(site_url))
    assert page.evaluate("window.__sameDocument") is True, "the page was loaded anew, not by instant navigation"
    page.get_by_role("button", name="Copy citation of commitment 4.3").click()
    expect(page.get_by_role("button", name="Copy citation of commitment 4.3")).to_contain_text("copied")
    assert clipboard(page) == f"{CITED_AS}, para. 4, commitment 3, {statement_url(site_url)}#para_4__cmt_3"


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("anchor", ["para_3", "para_4__cmt_3"])
def test_arriving_by_a_link_scrolls_the_target_below_the_header_and_marks_it(
    page: Page, site_url: str, scheme: str, anchor: str
) -> None:
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    page.goto(statement_url(site_url, anchor))
    expected_scheme = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected_scheme
    assert_marked_below_header(page, page.locator(f"#{anchor}"))
    assert page.locator(".stmt-target").count() == (2 if "__cmt_" not in anchor else 1)


@pytest.mark.browser
def test_marking_follows_in_site_navigation_and_back_and_forward(page: Page, site_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(site_url + "about/")
    page.evaluate("window.__sameDocument = true")
    # Clicked at once, while Material still records the scroll position of the page
    # being left: the target must be on screen all the same.
    page.locator("a[href$='#para_3__cmt_1']").first.click()
    page.wait_for_url(statement_url(site_url, "para_3__cmt_1"))
    assert page.evaluate("window.__sameDocument") is True, "the page was loaded anew, not by instant navigation"
    assert_marked_below_header(page, page.locator("#para_3__cmt_1"))

    page.locator("#para_2 a.headerlink").click()
    expect(page.locator("#para_2")).to_have_class("stmt-para-heading stmt-target")
    expect(page.locator("#para_3__cmt_1")).to_have_class("stmt-cmt")

    page.go_back()
    expect(page.locator("#para_3__cmt_1")).to_have_class("stmt-cmt stmt-target")
    expect(page.locator("#para_2")).to_have_class("stmt-para-heading")
    page.go_back()
    page.wait_for_url(site_url + "about/")
    page.go_forward()
    page.wait_for_url(statement_url(site_url, "para_3__cmt_1"))
    assert_marked_below_header(page, page.locator("#para_3__cmt_1"))


@pytest.mark.browser
@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("3", "para_3"),
        ("p3", "para_3"),
        ("para3", "para_3"),
        ("3.1", "para_3__cmt_1"),
        ("3-1", "para_3__cmt_1"),
        ("p2.4", "para_2__cmt_4"),
        ("%C2%A74", "para_4"),
    ],
)
def test_short_references_lead_to_the_canonical_anchor(page: Page, site_url: str, typed: str, canonical: str) -> None:
    page.goto(statement_url(site_url, typed))
    page.wait_for_url(statement_url(site_url, canonical))
    assert_marked_below_header(page, page.locator(f"#{canonical}"))


@pytest.mark.browser
@pytest.mark.parametrize("typed", ["9", "3.9", "nonsense"])
def test_short_references_to_nothing_leave_the_address_alone(page: Page, site_url: str, typed: str) -> None:
    page.goto(statement_url(site_url, typed))
    page.locator("button.stmt-tool").first.wait_for()
    assert fragment(page) == typed
    assert page.locator(".stmt-target").count() == 0


@pytest.mark.browser
def test_search_results_highlight_the_words_and_can_be_shared(page: Page, site_url: str) -> None:
    from playwright.sync_api import expect

    page.context.grant_permissions(CLIPBOARD, origin=site_url.rstrip("/"))
    page.goto(site_url)
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("condemn terrorism")
    share = page.locator("[data-md-component='search-share']")
    expect(share).to_have_attribute("href", re.compile(r"\?q=condemn\+terrorism$"))
    share.click()
    shared = clipboard(page)
    assert urlsplit(shared).query == "q=condemn+terrorism"

    page.goto(shared)  # the shared link opens the search with its words and results
    expect(search).to_have_value("condemn terrorism")
    top_hit = page.locator("li.md-search-result__item").first.locator(":scope > a.md-search-result__link[href*='#']")
    expect(top_hit.first).to_have_attribute("href", statement_url(site_url) + "?h=condemn+terrorism#para_3")
    top_hit.first.click()
    page.wait_for_url(lambda url: urlsplit(url).fragment == "para_3")
    marks = page.locator(".stmt-para[data-para='3'] mark")
    expect(marks.first).to_be_visible()
    assert {text.lower() for text in marks.all_inner_texts()} >= {"condemn", "terrorism"}
    assert_marked_below_header(page, page.locator("#para_3"))


@pytest.mark.browser
def test_print_shows_the_statement_numbers_and_permanent_address_only(page: Page, site_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(statement_url(site_url, "para_3__cmt_1"))
    page.locator("button.stmt-tool").first.wait_for()
    page.emulate_media(media="print")
    for hidden in (
        "header.md-header",
        ".md-tabs",
        ".md-sidebar--primary",
        ".md-sidebar--secondary",
        "footer.md-footer",
    ):
        expect(page.locator(hidden)).to_be_hidden()
    expect(page.locator("button.stmt-tool").first).to_be_hidden()
    expect(page.locator("a.headerlink").first).to_be_hidden()
    numbers = page.locator(".stmt-num")
    assert numbers.all_inner_texts() == ["1.", "2.", "3.", "4."]
    expect(numbers.first).to_be_visible()
    address = page.locator(".stmt-permanent dd")
    expect(address).to_be_visible()
    expect(address).to_have_text(statement_url(site_url))
    assert page.locator("#para_3__cmt_1").evaluate("element => getComputedStyle(element).outlineStyle") == "none"
